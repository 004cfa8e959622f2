// SPDX-License-Identifier: MIT
namespace ZkOptions.Sequencer.Journal;

/// <summary>The tables every store has (SQLite and PostgreSQL read the same SQL).</summary>
public static class JournalSchema
{
    /// <summary>
    /// <c>journal</c>: the inputs in sequence (a cut's row holds the state root after it); <c>batches</c>: sealed
    /// batches and their status; <c>meta</c>: the parameters the journal started with.
    /// </summary>
    public const string Sql = """
        CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
        CREATE TABLE IF NOT EXISTS journal (seq BIGINT PRIMARY KEY, kind TEXT NOT NULL, payload TEXT NOT NULL, root TEXT);
        CREATE TABLE IF NOT EXISTS batches (number BIGINT PRIMARY KEY, timestamp BIGINT NOT NULL, transactions INTEGER NOT NULL,
            old_root TEXT NOT NULL, new_root TEXT NOT NULL, status TEXT NOT NULL);
        """;
}
