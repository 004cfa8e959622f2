// SPDX-License-Identifier: MIT
using ZkOptions.Settlement.Risk;

namespace ZkOptions.Sequencer.Inputs;

/// <summary>A signed risk epoch from the oracle (what <c>zkoptions oracle epoch</c> writes).</summary>
public sealed record PublishEpoch(OracleEpoch Epoch) : SequencerInput
{
    /// <inheritdoc/>
    public override string Kind => "epoch";
}
