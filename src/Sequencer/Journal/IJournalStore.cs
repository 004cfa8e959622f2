// SPDX-License-Identifier: MIT
namespace ZkOptions.Sequencer.Journal;

/// <summary>
/// Where the journal lives (SQLite by default, PostgreSQL in production): the inputs in sequence, the batches with
/// their status, and the deployment's parameters. <see cref="Append"/> returns only once its entries are durable.
/// </summary>
public interface IJournalStore : IDisposable
{
    /// <summary>
    /// A setting the journal was started with (its replay depends on it: "parameters", the exchange parameters' JSON;
    /// "maxBatchTransactions"), or null for a new journal.
    /// </summary>
    string? ReadMeta(string key);

    /// <summary>Records a setting of a new journal.</summary>
    void WriteMeta(string key, string value);

    /// <summary>Every entry, in sequence.</summary>
    IEnumerable<JournalEntry> ReadAll();

    /// <summary>The entries from sequence <paramref name="sequence"/> on, in sequence (the tail after a snapshot).</summary>
    IEnumerable<JournalEntry> ReadFrom(long sequence);

    /// <summary>Appends entries (sequences following the last) and their sealed batches in one durable transaction.</summary>
    void Append(IReadOnlyList<JournalEntry> entries);

    /// <summary>The batches, newest last; at most <paramref name="limit"/> of the newest.</summary>
    IReadOnlyList<BatchRow> Batches(int limit);

    /// <summary>One batch, or null.</summary>
    BatchRow? Batch(long number);

    /// <summary>Moves batch <paramref name="number"/> to <paramref name="status"/>; false when it does not exist.</summary>
    bool SetBatchStatus(long number, string status);
}
