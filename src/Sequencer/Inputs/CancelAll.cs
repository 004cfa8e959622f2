// SPDX-License-Identifier: MIT
namespace ZkOptions.Sequencer.Inputs;

/// <summary>Takes every resting order of <paramref name="Account"/> with a storage id up to <paramref name="UpToStorageId"/> off the books.</summary>
public sealed record CancelAll(long Account, long UpToStorageId) : SequencerInput
{
    /// <inheritdoc/>
    public override string Kind => "cancelAll";
}
