// SPDX-License-Identifier: MIT
using System.Globalization;
using System.Numerics;
using ZkOptions.Evm.Harness;
using ZkOptions.Settlement.Batches;
using ZkOptions.Settlement.State;

namespace ZkOptions.Solidity.Tests.Rollup.EndToEnd;

/// <summary>What happened to one batch: its size, how long its proof took, the gas of submitBatch and what was paid out.</summary>
public sealed record BatchRecord(long Number, long Timestamp, int Transactions, string Types, double ProveSeconds, ulong SubmitGas, int Exits, BigInteger Paid)
{
    /// <summary>One line of the timing log.</summary>
    public string Line => string.Create(CultureInfo.InvariantCulture,
        $"batch {Number,4}  t={Timestamp}  transactions={Transactions,2}  prove={ProveSeconds,7:F1} s  submitBatch gas={SubmitGas,7}  exits={Exits}  paid={Paid}  [{Types}]");
}

/// <summary>
/// Proves engine batches with an <see cref="IBatchProver"/> (v1 or v2) and settles them on <see cref="EndToEndChain"/>,
/// one at a time: the L1 queue entries the batch consumes are sent first, the proof is made, the chain is prepared
/// (epoch registered, clock moved), an optional check runs against the unsubmitted proof, the batch is submitted, the
/// on-chain root and queue count must be the engine's, and every exit is withdrawn and paid.
/// </summary>
public sealed class EndToEndRun(IBatchProver prover, EndToEndChain chain, Action<string> log)
{
    /// <summary>The batches settled so far.</summary>
    public List<BatchRecord> Records { get; } = [];

    public IBatchProver Prover { get; } = prover;

    public EndToEndChain Chain { get; } = chain;

    /// <summary>Proves, submits and pays out <paramref name="batch"/>; <paramref name="beforeSubmit"/> sees the valid proof first.</summary>
    public async Task<BatchRecord> SettleAsync(Batch batch, L1Queue queue, Func<BatchProof, Task>? beforeSubmit = null)
    {
        ArgumentNullException.ThrowIfNull(batch);
        await Chain.MirrorQueueAsync(queue, batch.QueueConsumedAfter);
        if (await Chain.Rollup.StateRootAsync() != batch.OldRoot.ToBigInteger())
        {
            throw new InvalidOperationException($"batch {batch.Number} starts from a root the contract does not hold");
        }
        BatchProof proof = Prover.Prove(batch);
        await Chain.PrepareAsync(batch);
        if (beforeSubmit is not null)
        {
            await beforeSubmit(proof);
        }
        TransactionReceipt receipt = await Chain.SubmitAsync(batch, proof);
        BigInteger root = await Chain.Rollup.StateRootAsync();
        if (root != batch.NewRoot.ToBigInteger())
        {
            throw new InvalidOperationException($"after batch {batch.Number} the contract holds root {root}, the engine {batch.NewRoot}");
        }
        if (await Chain.Rollup.QueueConsumedAsync() != batch.QueueConsumedAfter)
        {
            throw new InvalidOperationException($"after batch {batch.Number} the contract's consumed count is not the engine's {batch.QueueConsumedAfter}");
        }
        BigInteger paid = await Chain.PayExitsAsync(batch);
        var types = string.Join(",", batch.Transactions.Select(t => t.Transaction.TypeName));
        var record = new BatchRecord(batch.Number, batch.Timestamp, batch.Transactions.Count, types, proof.ProveTime.TotalSeconds, receipt.GasUsed, batch.Exits.Count, paid);
        Records.Add(record);
        log(record.Line);
        return record;
    }
}
