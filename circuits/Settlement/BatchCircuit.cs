// SPDX-License-Identifier: MIT
using ZkOptions.Circuit;
using ZkOptions.Circuit.Std;
using ZkOptions.Settlement.Batches;

namespace ZkOptions.Circuits.Settlement;

/// <summary>
/// A batch of N transaction slots with the public inputs of docs/circuits-settlement.md, in order: old state root, new state root,
/// batch timestamp, L1 queue hash before and after, the epoch chain (the oracle domain, then every epoch commitment the
/// batch applies, hashed in: the contract recomputes it from its own domain and checks each commitment is registered),
/// the data commitment and the exit commitment. The secret start values open the old root (accounts root, epoch id and
/// time, the epoch commitment's preimage) and give the oracle domain; each slot's witness sits in <c>slots</c> as
/// <see cref="SlotLayout"/> lays out its kind, one slot after another in the order of the shape's
/// <see cref="BatchLayout"/>.
/// </summary>
public sealed class BatchCircuit : ZkOptions.Circuit.Circuit
{
    [Public("oldStateRoot")] public Variable OldStateRoot;
    [Public("newStateRoot")] public Variable NewStateRoot;
    [Public("timestamp")] public Variable Timestamp;
    [Public("queueHashBefore")] public Variable QueueHashBefore;
    [Public("queueHashAfter")] public Variable QueueHashAfter;
    [Public("epochChain")] public Variable EpochChain;
    [Public("dataCommitment")] public Variable DataCommitment;
    [Public("exitCommitment")] public Variable ExitCommitment;

    /// <summary>accounts root, epoch id, epoch timestamp, series root, spots hash, queue entries consumed before, oracle domain.</summary>
    [Secret("start")] public Variable[] Start = new Variable[StartFields];

    [Secret("slots")] public Variable[] Slots;

    /// <summary>Number of start fields.</summary>
    public const int StartFields = 7;

    public BatchCircuit(SettlementShape shape)
    {
        Shape = shape;
        Slots = new Variable[shape.SlotFieldCount];
    }

    public SettlementShape Shape { get; }

    public override void Define(Api api)
    {
        Variable accountsRoot = Start[0], epochId = Start[1], epochTs = Start[2], seriesRoot = Start[3], spotsHash = Start[4];
        Variable commitment;
        using (api.Scope("old state root"))
        {
            commitment = api.Select(api.IsZero(epochId), 0, Poseidon.Hash(api, [epochId, epochTs, seriesRoot, spotsHash]));
            api.AssertEqual(Poseidon.Hash(api, [accountsRoot, epochId, epochTs, commitment]), OldStateRoot);
            api.RangeCheck(Timestamp, 40);
        }
        Variable oracleDomain = Start[6];
        var state = new BatchRunningState(accountsRoot, new EpochState(epochId, epochTs, commitment, seriesRoot, spotsHash),
            QueueHashBefore, Start[5], 0, 0, oracleDomain);
        for (int i = 0; i < Shape.Slots; i++)
        {
            var layout = Shape.SlotLayoutOf(i);
            using (api.Scope(layout.Kind == SlotKind.Trade ? $"trade slot {i}" : $"slot {i}"))
            {
                state = TransactionSlot.Define(api, Shape, layout, Slots.AsSpan(Shape.SlotOffset(i), layout.Size).ToArray(), Timestamp,
                    oracleDomain, state);
            }
        }
        using (api.Scope("new state root"))
        {
            var e = state.Epoch;
            api.AssertEqual(Poseidon.Hash(api, [state.AccountsRoot, e.Id, e.Timestamp, e.Commitment]), NewStateRoot);
            api.AssertEqual(state.EpochChain, EpochChain);
            api.AssertEqual(state.QueueHash, QueueHashAfter);
            api.AssertEqual(state.DataHash, DataCommitment);
            api.AssertEqual(state.ExitHash, ExitCommitment);
        }
    }
}
