// SPDX-License-Identifier: MIT
using System.Numerics;
using ZkOptions.Evm.Harness;
using ZkOptions.Prover.Solidity.Abi;

namespace ZkOptions.Solidity.Tests.Rollup;

/// <summary>
/// One anvil node per test class with the shared pieces deployed once: the Poseidon hashers and the real PLONK
/// verifier of <see cref="EightPublicInputsCircuit"/>, plus its prover. Each test deploys its own token and rollup
/// (<see cref="DeployRollupAsync"/>), which takes milliseconds, so tests do not depend on one another.
/// </summary>
public sealed class RollupFixture : IDisposable
{
    public RollupFixture()
    {
        Node = AnvilNode.Start();
        try
        {
            Prover = new TestBatchProver();
            Poseidon = PoseidonDeployment.DeployAsync(Node.Rpc).GetAwaiter().GetResult();
            Verifier = RollupDeployment.DeployVerifierAsync(Node.Rpc, Prover.VerificationKey).GetAwaiter().GetResult();
        }
        catch
        {
            Prover?.Dispose();
            Node.Dispose();
            throw;
        }
    }

    public AnvilNode Node { get; }

    public EthRpcClient Rpc => Node.Rpc;

    public TestBatchProver Prover { get; }

    public PoseidonDeployment Poseidon { get; }

    public string Verifier { get; }

    /// <summary>anvil's unlocked account <paramref name="i"/> (0 deploys, registers oracle commitments and submits batches).</summary>
    public string Account(int i) => Node.Accounts[i];

    public Task<RollupDeployment> DeployRollupAsync(RollupSettings? settings = null) =>
        RollupDeployment.DeployAsync(Rpc, Verifier, settings, Poseidon);

    public void Dispose()
    {
        Prover.Dispose();
        Node.Dispose();
    }
}

/// <summary>Asserts that a call reverts with a given custom error.</summary>
public static class Reverts
{
    /// <summary>Runs <paramref name="action"/> and checks it reverts with exactly the error <paramref name="signature"/>(<paramref name="args"/>).</summary>
    public static async Task WithAsync(string signature, Func<Task> action, params object?[] args)
    {
        ArgumentNullException.ThrowIfNull(action);
        var e = await Assert.ThrowsAsync<EvmRevertException>(action);
        byte[] expected = AbiEncoder.EncodeCall(signature, args);
        Assert.True(expected.AsSpan().SequenceEqual(e.RevertData),
            $"expected revert {signature}, got {EthHex.Data(e.RevertData)} ({e.Message})");
    }

    public static BigInteger Word(byte[] data) => new(data, isUnsigned: true, isBigEndian: true);
}
