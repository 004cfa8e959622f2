// SPDX-License-Identifier: MIT
namespace ZkOptions.Sequencer.Inputs;

/// <summary>
/// Atomically cancels the account's resting order <paramref name="OldStorageId"/> and submits
/// <paramref name="Replacement"/>: both happen or, when either is refused, neither.
/// </summary>
public sealed record ReplaceOrder(long OldStorageId, SubmitOrder Replacement) : SequencerInput
{
    /// <inheritdoc/>
    public override string Kind => "replace";
}
