// SPDX-License-Identifier: MIT
using ZkOptions.Field;
using ZkOptions.Settlement.Engine;
using ZkOptions.Settlement.State;

namespace ZkOptions.Settlement.Batches;

/// <summary>
/// A sealed batch: the transactions accepted in order with their witnesses, and the public inputs of the proof
/// that will cover them, in the circuit's order: old and new state root, timestamp, L1 queue hash before and after, the
/// epoch chain (<see cref="EpochChain"/>), the data commitment and the exit commitment. <see cref="Start"/>
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
    Fr EpochChain,
    IReadOnlyList<Fr> EpochCommitments,
    Fr OracleDomain,
    Fr DataCommitment,
    Fr ExitCommitment,
    BatchStart Start,
    IReadOnlyList<ExitRecord> Exits,
    IReadOnlyList<TransactionResult> Transactions)
{
    /// <summary>
    /// The epoch chain over <paramref name="commitments"/> (the epochs a batch applies, in order) from the oracle
    /// domain: c₀ = domain, cᵢ₊₁ = Poseidon(cᵢ, commitmentᵢ). The contract recomputes it from the commitments it is
    /// given, each of which its registrar must have registered, so no batch can apply an unregistered epoch.
    /// </summary>
    public static Fr ChainEpochs(Fr domain, IEnumerable<Fr> commitments) =>
        commitments.Aggregate(domain, (chain, c) => ZkOptions.Field.Hashing.Poseidon.Hash(chain, c));

    /// <summary>The commitment of the epoch in force at the end of the batch (0 before the first).</summary>
    public Fr EpochCommitment => EpochCommitments.Count > 0 ? EpochCommitments[^1] : Start.EpochCommitment;

    /// <summary>The public inputs in the order the batch circuit declares them.</summary>
    public IReadOnlyList<(string Name, Fr Value)> PublicInputs =>
    [
        ("oldStateRoot", OldRoot), ("newStateRoot", NewRoot), ("timestamp", Fr.FromUInt64((ulong)Timestamp)),
        ("queueHashBefore", QueueHashBefore), ("queueHashAfter", QueueHashAfter), ("epochChain", EpochChain),
        ("dataCommitment", DataCommitment), ("exitCommitment", ExitCommitment),
    ];
}
