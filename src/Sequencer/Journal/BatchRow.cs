// SPDX-License-Identifier: MIT
namespace ZkOptions.Sequencer.Journal;

/// <summary>A sealed batch as the store records it, with its status (sealed, proving, proved, submitted).</summary>
public sealed record BatchRow(long Number, long Timestamp, int Transactions, string OldRoot, string NewRoot, string Status);
