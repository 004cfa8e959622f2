// SPDX-License-Identifier: MIT
using ZkOptions.Evm.Harness;

namespace ZkOptions.Solidity.Tests.Evm;

/// <summary>One anvil node and one compiled Counter per test class (xunit class fixture): starting anvil and solcjs once keeps CI fast.</summary>
public sealed class AnvilFixture : IDisposable
{
    public AnvilFixture()
    {
        Compilation = new SolidityCompiler().Compile(CounterContract.FileName, CounterContract.Source);
        Node = AnvilNode.Start();
    }

    public AnvilNode Node { get; }

    public CompilationResult Compilation { get; }

    public CompiledContract Counter => Compilation.Contract("Counter");

    public void Dispose() => Node.Dispose();
}
