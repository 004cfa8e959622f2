// SPDX-License-Identifier: MIT
namespace ZkOptions.Sequencer.Inputs;

/// <summary>
/// A state-changing input of the sequencer: what the journal records, in order, and what a replay feeds the
/// exchange again. The exchange is a function of these inputs alone (clock readings arrive as <see cref="CutBatch"/>),
/// so replaying the journal reproduces the state.
/// </summary>
public abstract record SequencerInput
{
    /// <summary>The journal's name for this kind of input.</summary>
    public abstract string Kind { get; }
}
