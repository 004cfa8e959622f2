// SPDX-License-Identifier: MIT
namespace ZkOptions.Sequencer.Inputs;

/// <summary>Takes account <paramref name="Account"/>'s resting order <paramref name="StorageId"/> off the book (signature checked at intake).</summary>
public sealed record CancelOrder(long Account, long StorageId) : SequencerInput
{
    /// <inheritdoc/>
    public override string Kind => "cancel";
}
