// SPDX-License-Identifier: MIT
using System.Globalization;
using System.Numerics;
using Xunit.Abstractions;
using ZkOptions.Evm.Harness;
using ZkOptions.Field.BabyJubjub;
using ZkOptions.Prover.Solidity.Abi;
using ZkOptions.Prover.Solidity.V2;
using ZkOptions.Settlement.Batches;
using ZkOptions.Settlement.Engine;
using ZkOptions.Settlement.Numbers;
using ZkOptions.Settlement.Parameters;
using ZkOptions.Settlement.State;
using ZkOptions.Settlement.Transactions;
using ZkOptions.Solidity.Tests.Rollup.EndToEnd;

namespace ZkOptions.Solidity.Tests.Rollup;

/// <summary>
/// A real settlement batch proved on PLONK v2 (the batch circuit compiled for v2, INSECURE dev SRS) and settled on
/// anvil through the generated v2 verifier and OptionsRollup; the gas of submitBatch and of a bare verifyProof
/// transaction is printed for docs/BENCHMARKS.md and bounded so that a regression shows.
/// </summary>
[Collection(EndToEndCollection.Name)]
public sealed class EndToEndV2Tests(ITestOutputHelper output)
{
    private const long T0 = 1_767_225_600; // 2026-01-01 00:00 UTC

    [Fact]
    public Task ADepositBatchProvedOnV2SettlesOnChain() => SettleADepositAsync(slots: 1, maxVerifyGas: 1_000_000);

    /// <summary>The same with two slots (a 2^17 domain): gas for docs/BENCHMARKS.md; only in the full run.</summary>
    [FullEndToEndFact]
    public Task ADepositBatchOfTwoSlotsProvedOnV2SettlesOnChain() => SettleADepositAsync(slots: 2, maxVerifyGas: 1_000_000);

    private async Task SettleADepositAsync(int slots, ulong maxVerifyGas)
    {
        var parameters = new ExchangeParameters
        {
            OraclePublicKey = Key(200).PublicKey,
            ChainId = 31337,
            RollupAddress = RollupDeployment.AddressValue(EndToEndChain.PredictedRollupAddress),
        };
        using var prover = new SettlementBatchProverV2(parameters, slots, output.WriteLine);
        using var chain = await EndToEndChain.StartAsync(prover, parameters, T0 - 600);
        var run = new EndToEndRun(prover, chain, output.WriteLine);
        var queue = new L1Queue();
        var engine = new SettlementEngine(new RollupState(parameters), queue);
        string owner = chain.Node.Accounts[1];
        var accountKey = Key(1);
        queue.Enqueue(new L1Operation(L1OperationKind.Deposit, 1, RollupDeployment.AddressValue(owner), Usd.FromDollars(10_000), accountKey.PublicKey));
        var builder = new BatchBuilder(engine, 1, T0);
        builder.Add(new DepositTx(0));
        Batch deposit = builder.Seal();

        // A proof word changed is refused by the rollup (through the v2 verifier) before the genuine batch goes in.
        BatchRecord record = await run.SettleAsync(deposit, queue, async proof =>
        {
            var tampered = (BigInteger[])proof.ProofWords.Clone();
            tampered[^1] = (tampered[^1] + 1) % Field.Fr.Modulus;
            await Reverts.WithAsync("InvalidProof()", () => chain.Rollup.SubmitBatchAsync(proof.PublicInputs, deposit.QueueConsumedAfter, [], [], tampered));
            await Reverts.WithAsync("InvalidProof()", () => chain.Rollup.SubmitBatchAsync(proof.PublicInputs, deposit.QueueConsumedAfter, [], [], proof.ProofWords[..^1]));
        });
        Assert.Equal(BigInteger.One, await chain.Rollup.BatchCountAsync());

        // The same proof as a bare verifyProof transaction to the verifier: its gas is the v2 figure beside v1's.
        byte[] calldata = prover.LastVerifyCalldata!;
        byte[] answer = await chain.Node.Rpc.CallAsync(chain.Rollup.Verifier, calldata);
        Assert.True((bool)AbiDecoder.DecodeSingle(AbiType.Bool, answer)!);
        TransactionReceipt verify = await chain.Node.Rpc.SendTransactionAsync(chain.Rollup.Verifier, calldata);
        Assert.True(verify.Succeeded);
        var cost = PlonkV2SolidityVerifier.Cost(prover.VerificationKey);
        long floor = cost.Floor(Prover.Solidity.VerifierGasModel.Calldata(calldata));
        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"v2 batch-{slots}: verifyProof {verify.GasUsed} gas ({calldata.Length} calldata bytes; {cost.EcMuls} ecMul, {cost.EcAdds} ecAdd, " +
            $"{cost.Pairings} pairing; floor {floor}), submitBatch {record.SubmitGas} gas, proved in {record.ProveSeconds:F1} s"));
        Assert.InRange(verify.GasUsed, (ulong)floor, maxVerifyGas);
        // `zkoptions demo` quotes PlonkV2VerifierGasModel; the receipt is the oracle it answers to.
        long predicted = PlonkV2VerifierGasModel.Transaction(prover.VerificationKey, calldata);
        Assert.True(Math.Abs(predicted - (long)verify.GasUsed) <= 1_000,
            $"v2 batch-{slots}: the gas model predicts {predicted}, the receipt says {verify.GasUsed}");
    }

    /// <summary>A deterministic BabyJubjub key (as EndToEndTests').</summary>
    private static EddsaPrivateKey Key(byte seed)
    {
        var bytes = new byte[32];
        bytes[0] = seed;
        "zkoptions-e2e"u8.CopyTo(bytes.AsSpan(1));
        return new EddsaPrivateKey(bytes);
    }
}
