// SPDX-License-Identifier: MIT
using ZkOptions.Settlement.State;

namespace ZkOptions.Sequencer.Inputs;

/// <summary>
/// An entry of the L1 contract's queue (a deposit or a forced withdrawal), reported by the operator with the index the
/// contract gave it. The index makes the report idempotent: the same entry reported again (a retry after a lost
/// acknowledgement) is answered as before without a second effect, and another entry under a used index, or an index
/// past the next one, is refused.
/// </summary>
/// <param name="Operation">What the entry asks for.</param>
/// <param name="QueueIndex">
/// The contract's queue index (0, 1, …). Null only in journals written before entries carried their index: such an
/// entry was applied as the next one, which is what a replay does with it.
/// </param>
public sealed record L1Event(L1Operation Operation, long? QueueIndex) : SequencerInput
{
    /// <inheritdoc/>
    public override string Kind => "l1";
}
