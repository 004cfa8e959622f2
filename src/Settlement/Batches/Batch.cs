// SPDX-License-Identifier: MIT
using ZkOptions.Field;
using ZkOptions.Settlement.Engine;
using ZkOptions.Settlement.State;

namespace ZkOptions.Settlement.Batches;

/// <summary>
/// A sealed batch: the transactions accepted in order with their witnesses, and the public inputs of the proof
/// that will cover them (DESIGN.md §4): old and new state root, timestamp, L1 queue hash before and after, the
/// oracle epoch commitment in force at the end, the data commitment and the exit commitment. <see cref="Start"/>
/// holds the preimages of the old root and of the epoch commitment in force when the batch opened.
/// </summary>
public sealed record Batch(
    long Number,
    long Timestamp,
    Fr ParametersHash,
    Fr OldRoot,
    Fr NewRoot,
    long QueueConsumedBefore,
    long QueueConsumedAfter,
    Fr QueueHashBefore,
    Fr QueueHashAfter,
    Fr EpochCommitment,
    Fr DataCommitment,
    Fr ExitCommitment,
    BatchStart Start,
    IReadOnlyList<ExitRecord> Exits,
    IReadOnlyList<TransactionResult> Transactions)
{
    /// <summary>The public inputs in the order the batch circuit declares them.</summary>
    public IReadOnlyList<(string Name, Fr Value)> PublicInputs =>
    [
        ("oldStateRoot", OldRoot), ("newStateRoot", NewRoot), ("timestamp", Fr.FromUInt64((ulong)Timestamp)),
        ("queueHashBefore", QueueHashBefore), ("queueHashAfter", QueueHashAfter), ("epochCommitment", EpochCommitment),
        ("dataCommitment", DataCommitment), ("exitCommitment", ExitCommitment),
    ];
}
