// SPDX-License-Identifier: MIT
using ZkOptions.Evm.Harness;

namespace ZkOptions.Solidity.Tests.VerifierV2;

/// <summary>
/// One anvil node with the v2 verifiers of two small circuits deployed: poseidon-2 (custom Poseidon gates, no lookups)
/// and price-band (a range table, so the logUp argument). Built once per test class.
/// </summary>
public sealed class V2VerifierFixture : IDisposable
{
    public static readonly string[] CircuitNames = ["poseidon-2", "price-band"];

    public static TheoryData<string> Circuits => [.. CircuitNames];

    private readonly Dictionary<string, DeployedV2Verifier> verifiers;

    public V2VerifierFixture()
    {
        Node = AnvilNode.Start();
        try
        {
            verifiers = CircuitNames.ToDictionary(n => n, n => DeployedV2Verifier.CreateAsync(n, Node.Rpc).GetAwaiter().GetResult());
        }
        catch
        {
            Node.Dispose();
            throw;
        }
    }

    public AnvilNode Node { get; }

    public EthRpcClient Rpc => Node.Rpc;

    public DeployedV2Verifier this[string circuit] => verifiers[circuit];

    public void Dispose() => Node.Dispose();
}
