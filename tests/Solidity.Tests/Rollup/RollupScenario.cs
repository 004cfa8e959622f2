// SPDX-License-Identifier: MIT
using System.Numerics;
using ZkOptions.Evm.Harness;
using ZkOptions.Field;
using ZkOptions.Field.BabyJubjub;
using ZkOptions.Settlement.Numbers;
using ZkOptions.Settlement.State;

namespace ZkOptions.Solidity.Tests.Rollup;

/// <summary>
/// A deployed rollup plus the settlement engine's view of its queue (<see cref="L1Queue"/>), so a test can make
/// deposits on both sides and build batches whose public inputs are consistent with the contract.
/// </summary>
public sealed class RollupScenario(RollupFixture fixture, RollupDeployment rollup)
{
    public RollupDeployment Rollup { get; } = rollup;

    public L1Queue Queue { get; } = new();

    /// <summary>The state root the next batch starts from (what the contract should hold).</summary>
    public BigInteger Root { get; set; } = rollup.Settings.GenesisStateRoot;

    public long Consumed { get; set; }

    public static async Task<RollupScenario> StartAsync(RollupFixture fixture, RollupSettings? settings = null)
    {
        ArgumentNullException.ThrowIfNull(fixture);
        return new RollupScenario(fixture, await fixture.DeployRollupAsync(settings ?? new RollupSettings { GenesisStateRoot = 12345 }));
    }

    /// <summary>A BabyJubjub-sized key for account <paramref name="account"/> (the contract only checks the coordinates are below r).</summary>
    public static BabyJubjubPoint Key(long account) => new(Fr.FromUInt64((ulong)(1000 + account)), Fr.FromUInt64((ulong)(2000 + account)));

    /// <summary>
    /// Funds <paramref name="from"/>, opens the next account on L1 with <paramref name="key"/> (default:
    /// <see cref="Key"/> of the index the contract assigns) and enqueues the same operation in <see cref="Queue"/>.
    /// </summary>
    public async Task<L1Operation> DepositAsync(string from, long micros, BabyJubjubPoint? key = null)
    {
        await Rollup.FundAsync(from, micros);
        long account = (long)await Rollup.NextAccountAsync();
        var op = new L1Operation(L1OperationKind.Deposit, account, RollupDeployment.AddressValue(from), new Usd(micros), key ?? Key(account));
        OpenedAccount opened = await Rollup.DepositAsync(from, micros, op.PublicKey);
        Assert.Equal(account, opened.Account);
        Assert.Equal(Queue.Count, opened.QueueIndex);
        Queue.Enqueue(op);
        return op;
    }

    /// <summary>Funds <paramref name="from"/>, tops up <paramref name="account"/> naming <paramref name="key"/> and enqueues the same operation.</summary>
    public async Task<L1Operation> TopUpAsync(string from, long account, long micros, BabyJubjubPoint key)
    {
        await Rollup.FundAsync(from, micros);
        var op = new L1Operation(L1OperationKind.Deposit, account, RollupDeployment.AddressValue(from), new Usd(micros), key);
        await Rollup.TopUpAsync(from, account, micros, key);
        Queue.Enqueue(op);
        return op;
    }

    /// <summary>Funds the fee (if any), requests a forced withdrawal on L1 and enqueues the same operation in <see cref="Queue"/>.</summary>
    public async Task<L1Operation> RequestForcedWithdrawalAsync(string from, long account, long micros)
    {
        if (!Rollup.Settings.ForcedRequestFee.IsZero)
        {
            await Rollup.FundAsync(from, Rollup.Settings.ForcedRequestFee);
        }
        var op = new L1Operation(L1OperationKind.ForcedWithdraw, account, RollupDeployment.AddressValue(from), new Usd(micros), BabyJubjubPoint.Identity);
        await Rollup.RequestForcedWithdrawalAsync(from, account, micros);
        Queue.Enqueue(op);
        return op;
    }

    /// <summary>The exit chain of <paramref name="exits"/>, as the settlement engine computes it.</summary>
    public static BigInteger ExitCommitment(IEnumerable<RollupExit> exits) =>
        exits.Aggregate(Fr.Zero, (acc, e) => new ExitRecord(e.Account, RollupDeployment.AddressValue(e.Recipient), new Usd((long)e.Amount)).Chain(acc)).ToBigInteger();

    /// <summary>The epoch chain over <paramref name="epochs"/> from this rollup's oracle domain (public input 5).</summary>
    public BigInteger EpochChain(IEnumerable<BigInteger> epochs) =>
        RollupDeployment.EpochChain(RollupDeployment.OracleDomain(31337, Rollup.Rollup), epochs);

    /// <summary>
    /// Public inputs of a batch from the current root to <paramref name="newRoot"/> consuming the queue up to
    /// <paramref name="consumedAfter"/> with <paramref name="exits"/>, applying oracle commitments
    /// <paramref name="epochs"/>, at <paramref name="timestamp"/> (default: the latest block's).
    /// </summary>
    public async Task<BigInteger[]> PublicInputsAsync(
        BigInteger newRoot, long consumedAfter, IReadOnlyList<RollupExit> exits, IReadOnlyList<BigInteger>? epochs = null, BigInteger? timestamp = null)
    {
        BigInteger ts = timestamp ?? await Rollup.Rpc.GetBlockTimestampAsync();
        return
        [
            Root, newRoot, ts, Queue.HashAfter(Consumed).ToBigInteger(), Queue.HashAfter(consumedAfter).ToBigInteger(),
            EpochChain(epochs ?? []), 777 + newRoot, ExitCommitment(exits),
        ];
    }

    /// <summary>Proves <paramref name="publicInputs"/> and submits the batch; on success records the new root and queue count.</summary>
    public async Task<TransactionReceipt> SubmitAsync(
        BigInteger[] publicInputs, long consumedAfter, IReadOnlyList<RollupExit> exits, IReadOnlyList<BigInteger>? epochs = null)
    {
        ArgumentNullException.ThrowIfNull(publicInputs);
        var receipt = await Rollup.SubmitBatchAsync(publicInputs, consumedAfter, epochs ?? [], exits, fixture.Prover.Prove(publicInputs));
        Root = publicInputs[1];
        Consumed = consumedAfter;
        return receipt;
    }
}
