// SPDX-License-Identifier: MIT
namespace ZkOptions.Sequencer.Journal;

/// <summary>
/// One journaled input: its sequence number (1, 2, …, no gaps), kind and payload (<see cref="InputJson"/>), and for a
/// batch cut the state root the exchange reached after it (recovery checks a replay against it) and the batches it sealed.
/// </summary>
public sealed record JournalEntry(long Sequence, string Kind, string Payload, string? StateRoot, IReadOnlyList<BatchRow> Sealed);
