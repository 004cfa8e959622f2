// SPDX-License-Identifier: MIT
using ZkOptions.Evm.Harness;

namespace ZkOptions.Solidity.Tests.Verifier;

/// <summary>
/// One anvil node with the generated verifiers of the two acceptance circuits deployed: <c>poseidon</c> (1 public
/// signal) and <c>eight_publics</c> (8). Built once per test class.
/// </summary>
public sealed class VerifierFixture : IDisposable
{
    public static readonly string[] CircuitNames = ["poseidon", "eight_publics"];

    public static IEnumerable<object[]> Circuits => CircuitNames.Select(n => new object[] { n });

    private readonly Dictionary<string, DeployedVerifier> _verifiers;

    public VerifierFixture()
    {
        Node = AnvilNode.Start();
        try
        {
            _verifiers = CircuitNames.ToDictionary(n => n, n => DeployedVerifier.CreateAsync(n, Node.Rpc).GetAwaiter().GetResult());
        }
        catch
        {
            Node.Dispose();
            throw;
        }
    }

    public AnvilNode Node { get; }

    public EthRpcClient Rpc => Node.Rpc;

    public DeployedVerifier this[string circuit] => _verifiers[circuit];

    public void Dispose() => Node.Dispose();
}
