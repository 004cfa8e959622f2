// SPDX-License-Identifier: MIT
using ZkOptions.Field;
using ZkOptions.Settlement.Engine;
using ZkOptions.Settlement.State;
using ZkOptions.Settlement.Transactions;

namespace ZkOptions.Settlement.Batches;

/// <summary>
/// Collects accepted transactions into a batch at one timestamp. A rejected transaction is not appended (the
/// engine leaves the state as it was), so every batch contains only valid transitions.
/// </summary>
public sealed class BatchBuilder
{
    private readonly SettlementEngine engine;
    private readonly List<TransactionResult> results = [];
    private readonly Fr oldRoot;
    private readonly BatchStart start;
    private readonly long queueBefore;
    private readonly Fr queueHashBefore;
    private readonly List<Fr> epochs = [];
    private Fr data = Fr.Zero;

    /// <summary>Opens batch <paramref name="number"/> at <paramref name="timestamp"/>.</summary>
    public BatchBuilder(SettlementEngine engine, long number, long timestamp)
    {
        this.engine = engine;
        TransactionRejectedException.Require(timestamp >= engine.State.Timestamp, Rule.TimestampForward,
            () => $"batch time {timestamp} is before the previous batch's {engine.State.Timestamp}");
        Number = number;
        Timestamp = timestamp;
        oldRoot = engine.State.Root;
        start = BatchStart.Of(engine.State);
        queueBefore = engine.State.QueueConsumed;
        queueHashBefore = engine.State.QueueHash;
    }

    /// <summary>The batch number.</summary>
    public long Number { get; }

    /// <summary>The batch timestamp every transaction is checked at.</summary>
    public long Timestamp { get; }

    /// <summary>Transactions so far.</summary>
    public int Count => results.Count;

    /// <summary>Applies and appends <paramref name="tx"/>; throws <see cref="TransactionRejectedException"/> and appends nothing when it breaks a rule.</summary>
    public TransactionResult Add(Transaction tx)
    {
        TransactionResult r = engine.Apply(tx, Timestamp);
        results.Add(r);
        if (tx is OracleUpdateTx update)
        {
            epochs.Add(update.Epoch.Commitment);
        }
        if (tx is not NoopTx)
        {
            // A noop is padding: the circuit's empty slots are noops too, so neither moves the data commitment.
            data = TransactionData.Chain(data, r);
        }
        return r;
    }

    /// <summary>Closes the batch.</summary>
    public Batch Seal()
    {
        RollupState s = engine.State;
        var exits = results.SelectMany(r => r.Exits).ToArray();
        Fr exitCommitment = exits.Aggregate(Fr.Zero, (acc, e) => e.Chain(acc));
        return new Batch(Number, Timestamp, s.Parameters.Hash(), oldRoot, s.Root, queueBefore, s.QueueConsumed, queueHashBefore,
            s.QueueHash, Batch.ChainEpochs(s.Parameters.OracleDomain, epochs), epochs.ToArray(), s.Parameters.OracleDomain, data, exitCommitment, start, exits,
            results.ToArray());
    }
}
