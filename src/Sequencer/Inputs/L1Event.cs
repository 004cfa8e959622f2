// SPDX-License-Identifier: MIT
using ZkOptions.Settlement.State;

namespace ZkOptions.Sequencer.Inputs;

/// <summary>An entry of the L1 contract's queue (a deposit or a forced withdrawal), reported by the operator.</summary>
public sealed record L1Event(L1Operation Operation) : SequencerInput
{
    /// <inheritdoc/>
    public override string Kind => "l1";
}
