// SPDX-License-Identifier: MIT
using Npgsql;

namespace ZkOptions.Sequencer.Journal;

/// <summary>
/// The production store: the same tables as SQLite (<see cref="JournalSchema"/>) in a PostgreSQL database. A commit
/// returns once PostgreSQL has flushed its WAL (<c>synchronous_commit</c> is forced on for this session), so an
/// acknowledged input survives a crash of either process. A session-level advisory lock, taken at open and held for
/// the connection's life, keeps a second sequencer from writing the same journal: it is refused at start.
/// </summary>
public sealed class PostgresJournalStore : IJournalStore
{
    /// <summary>The advisory lock's key: "zkoseq" as an integer.</summary>
    public const long LockKey = 0x7A6B6F736571;

    private readonly NpgsqlConnection connection;
    private readonly Lock gate = new();

    /// <summary>Connects, takes the advisory lock (or throws <see cref="IOException"/>), and creates the tables if needed.</summary>
    public PostgresJournalStore(string connectionString)
    {
        connection = new NpgsqlConnection(connectionString);
        connection.Open();
        Execute("SET synchronous_commit = on");
        using (NpgsqlCommand take = Command("SELECT pg_try_advisory_lock($1)"))
        {
            take.Parameters.AddWithValue(LockKey);
            if (take.ExecuteScalar() is not true)
            {
                connection.Dispose();
                throw new IOException($"the PostgreSQL journal is in use by another sequencer (advisory lock {LockKey} is held)");
            }
        }
        Execute(JournalSchema.Sql);
    }

    /// <inheritdoc/>
    public string? ReadMeta(string key)
    {
        lock (gate)
        {
            using NpgsqlCommand c = Command("SELECT value FROM meta WHERE key = $1");
            c.Parameters.AddWithValue(key);
            return c.ExecuteScalar() as string;
        }
    }

    /// <inheritdoc/>
    public void WriteMeta(string key, string value)
    {
        lock (gate)
        {
            using NpgsqlCommand c = Command("INSERT INTO meta (key, value) VALUES ($1, $2)");
            c.Parameters.AddWithValue(key);
            c.Parameters.AddWithValue(value);
            c.ExecuteNonQuery();
        }
    }

    /// <inheritdoc/>
    public IEnumerable<JournalEntry> ReadAll() => ReadFrom(long.MinValue);

    /// <inheritdoc/>
    public IEnumerable<JournalEntry> ReadFrom(long sequence)
    {
        var all = new List<JournalEntry>();
        lock (gate)
        {
            using NpgsqlCommand c = Command("SELECT seq, kind, payload, root FROM journal WHERE seq >= $1 ORDER BY seq");
            c.Parameters.AddWithValue(sequence);
            using NpgsqlDataReader r = c.ExecuteReader();
            while (r.Read())
            {
                all.Add(new JournalEntry(r.GetInt64(0), r.GetString(1), r.GetString(2), r.IsDBNull(3) ? null : r.GetString(3), []));
            }
        }
        return all;
    }

    /// <inheritdoc/>
    public void Append(IReadOnlyList<JournalEntry> entries)
    {
        lock (gate)
        {
            using NpgsqlTransaction tx = connection.BeginTransaction();
            using var batch = new NpgsqlBatch(connection, tx);
            foreach (JournalEntry e in entries)
            {
                var insert = new NpgsqlBatchCommand("INSERT INTO journal (seq, kind, payload, root) VALUES ($1, $2, $3, $4)");
                insert.Parameters.AddWithValue(e.Sequence);
                insert.Parameters.AddWithValue(e.Kind);
                insert.Parameters.AddWithValue(e.Payload);
                insert.Parameters.AddWithValue((object?)e.StateRoot ?? DBNull.Value);
                batch.BatchCommands.Add(insert);
                foreach (BatchRow b in e.Sealed)
                {
                    var row = new NpgsqlBatchCommand(
                        "INSERT INTO batches (number, timestamp, transactions, old_root, new_root, status) VALUES ($1, $2, $3, $4, $5, 'sealed') ON CONFLICT (number) DO NOTHING");
                    row.Parameters.AddWithValue(b.Number);
                    row.Parameters.AddWithValue(b.Timestamp);
                    row.Parameters.AddWithValue(b.Transactions);
                    row.Parameters.AddWithValue(b.OldRoot);
                    row.Parameters.AddWithValue(b.NewRoot);
                    batch.BatchCommands.Add(row);
                }
            }
            batch.ExecuteNonQuery();
            tx.Commit();
        }
    }

    /// <inheritdoc/>
    public IReadOnlyList<BatchRow> Batches(int limit)
    {
        lock (gate)
        {
            using NpgsqlCommand c = Command(
                "SELECT number, timestamp, transactions, old_root, new_root, status FROM (SELECT * FROM batches ORDER BY number DESC LIMIT $1) b ORDER BY number");
            c.Parameters.AddWithValue(limit);
            return Rows(c);
        }
    }

    /// <inheritdoc/>
    public BatchRow? Batch(long number)
    {
        lock (gate)
        {
            using NpgsqlCommand c = Command("SELECT number, timestamp, transactions, old_root, new_root, status FROM batches WHERE number = $1");
            c.Parameters.AddWithValue(number);
            return Rows(c).FirstOrDefault();
        }
    }

    /// <inheritdoc/>
    public bool SetBatchStatus(long number, string status)
    {
        lock (gate)
        {
            using NpgsqlCommand c = Command("UPDATE batches SET status = $1 WHERE number = $2");
            c.Parameters.AddWithValue(status);
            c.Parameters.AddWithValue(number);
            return c.ExecuteNonQuery() == 1;
        }
    }

    /// <inheritdoc/>
    public void Dispose() => connection.Dispose(); // closing the session releases the advisory lock

    private static List<BatchRow> Rows(NpgsqlCommand c)
    {
        var rows = new List<BatchRow>();
        using NpgsqlDataReader r = c.ExecuteReader();
        while (r.Read())
        {
            rows.Add(new BatchRow(r.GetInt64(0), r.GetInt64(1), r.GetInt32(2), r.GetString(3), r.GetString(4), r.GetString(5)));
        }
        return rows;
    }

    private NpgsqlCommand Command(string sql) => new(sql, connection);

    private void Execute(string sql)
    {
        using NpgsqlCommand c = Command(sql);
        c.ExecuteNonQuery();
    }
}
