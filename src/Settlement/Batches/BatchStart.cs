// SPDX-License-Identifier: MIT
using ZkOptions.Field;
using ZkOptions.Field.Hashing;
using ZkOptions.Settlement.Hashing;
using ZkOptions.Settlement.State;

namespace ZkOptions.Settlement.Batches;

/// <summary>
/// The preimages a batch proof opens at its start: the old state root is
/// <c>Poseidon(AccountsRoot, EpochId, EpochTimestamp, EpochCommitment)</c> (<see cref="RollupState.Root"/>) and, once an
/// epoch exists, its commitment is <c>Poseidon(EpochId, EpochTimestamp, SeriesRoot, SpotsHash)</c>
/// (<see cref="Risk.OracleEpoch.Commitment"/>). Before the first epoch every epoch field is zero.
/// </summary>
public sealed record BatchStart(Fr AccountsRoot, long EpochId, long EpochTimestamp, Fr EpochCommitment, Fr SeriesRoot, Fr SpotsHash)
{
    /// <summary>The start of a batch opened on <paramref name="state"/>.</summary>
    public static BatchStart Of(RollupState state) => state.Epoch is { } e
        ? new BatchStart(state.AccountsRoot, e.Id, e.Timestamp, e.Commitment, e.SeriesTree.Root, e.SpotsHash)
        : new BatchStart(state.AccountsRoot, 0, 0, Fr.Zero, Fr.Zero, Fr.Zero);

    /// <summary>The state root these values hash to (the batch's old root).</summary>
    public Fr StateRoot() =>
        Poseidon.Hash(AccountsRoot, FieldCodec.Unsigned(EpochId), FieldCodec.Unsigned(EpochTimestamp), EpochCommitment);

    /// <summary>The epoch commitment these values hash to (zero before the first epoch).</summary>
    public Fr Commitment() => EpochId == 0
        ? Fr.Zero
        : Poseidon.Hash(FieldCodec.Unsigned(EpochId), FieldCodec.Unsigned(EpochTimestamp), SeriesRoot, SpotsHash);
}
