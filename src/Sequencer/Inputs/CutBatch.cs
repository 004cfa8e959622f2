// SPDX-License-Identifier: MIT
namespace ZkOptions.Sequencer.Inputs;

/// <summary>
/// A batch cut and the clock reading it uses: seals the open batch (if it holds transactions) and opens the next at
/// <paramref name="Timestamp"/> (unix seconds). An empty open batch is moved to the new time instead of sealed.
/// </summary>
public sealed record CutBatch(long Timestamp) : SequencerInput
{
    /// <inheritdoc/>
    public override string Kind => "cut";
}
