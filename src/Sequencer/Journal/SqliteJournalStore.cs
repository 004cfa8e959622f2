// SPDX-License-Identifier: MIT
using Microsoft.Data.Sqlite;

namespace ZkOptions.Sequencer.Journal;

/// <summary>
/// The embedded store: <c>journal.db</c> in the data directory, in WAL mode with <c>synchronous=FULL</c>, so a
/// committed transaction survives a crash or power loss. One connection, used under a lock: the journal writer
/// appends group commits, and batch status changes and reads take turns with it.
/// </summary>
public sealed class SqliteJournalStore : IJournalStore
{
    private readonly SqliteConnection connection;
    private readonly Lock gate = new();

    /// <summary>Opens (creating if needed) the journal at <paramref name="path"/>.</summary>
    public SqliteJournalStore(string path)
    {
        connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = path, Pooling = false }.ToString());
        connection.Open();
        Execute("PRAGMA journal_mode=WAL;");
        Execute("PRAGMA synchronous=FULL;");
        Execute(JournalSchema.Sql);
    }

    /// <inheritdoc/>
    public string? ReadMeta(string key)
    {
        lock (gate)
        {
            using SqliteCommand c = Command("SELECT value FROM meta WHERE key = $k");
            c.Parameters.AddWithValue("$k", key);
            return c.ExecuteScalar() as string;
        }
    }

    /// <inheritdoc/>
    public void WriteMeta(string key, string value)
    {
        lock (gate)
        {
            using SqliteCommand c = Command("INSERT INTO meta (key, value) VALUES ($k, $v)");
            c.Parameters.AddWithValue("$k", key);
            c.Parameters.AddWithValue("$v", value);
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
            using SqliteCommand c = Command("SELECT seq, kind, payload, root FROM journal WHERE seq >= $from ORDER BY seq");
            c.Parameters.AddWithValue("$from", sequence);
            using SqliteDataReader r = c.ExecuteReader();
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
            using SqliteTransaction tx = connection.BeginTransaction();
            using SqliteCommand insert = Command("INSERT INTO journal (seq, kind, payload, root) VALUES ($s, $k, $p, $r)");
            insert.Transaction = tx;
            SqliteParameter s = insert.Parameters.Add("$s", SqliteType.Integer), k = insert.Parameters.Add("$k", SqliteType.Text),
                p = insert.Parameters.Add("$p", SqliteType.Text), root = insert.Parameters.Add("$r", SqliteType.Text);
            using SqliteCommand batch = Command(
                "INSERT INTO batches (number, timestamp, transactions, old_root, new_root, status) VALUES ($n, $t, $x, $o, $w, 'sealed') ON CONFLICT (number) DO NOTHING");
            batch.Transaction = tx;
            SqliteParameter n = batch.Parameters.Add("$n", SqliteType.Integer), t = batch.Parameters.Add("$t", SqliteType.Integer),
                x = batch.Parameters.Add("$x", SqliteType.Integer), o = batch.Parameters.Add("$o", SqliteType.Text), w = batch.Parameters.Add("$w", SqliteType.Text);
            foreach (JournalEntry e in entries)
            {
                s.Value = e.Sequence;
                k.Value = e.Kind;
                p.Value = e.Payload;
                root.Value = (object?)e.StateRoot ?? DBNull.Value;
                insert.ExecuteNonQuery();
                foreach (BatchRow b in e.Sealed)
                {
                    (n.Value, t.Value, x.Value, o.Value, w.Value) = (b.Number, b.Timestamp, b.Transactions, b.OldRoot, b.NewRoot);
                    batch.ExecuteNonQuery();
                }
            }
            tx.Commit();
        }
    }

    /// <inheritdoc/>
    public IReadOnlyList<BatchRow> Batches(int limit)
    {
        lock (gate)
        {
            using SqliteCommand c = Command(
                "SELECT number, timestamp, transactions, old_root, new_root, status FROM (SELECT * FROM batches ORDER BY number DESC LIMIT $l) ORDER BY number");
            c.Parameters.AddWithValue("$l", limit);
            return Rows(c);
        }
    }

    /// <inheritdoc/>
    public BatchRow? Batch(long number)
    {
        lock (gate)
        {
            using SqliteCommand c = Command("SELECT number, timestamp, transactions, old_root, new_root, status FROM batches WHERE number = $n");
            c.Parameters.AddWithValue("$n", number);
            return Rows(c).FirstOrDefault();
        }
    }

    /// <inheritdoc/>
    public bool SetBatchStatus(long number, string status)
    {
        lock (gate)
        {
            using SqliteCommand c = Command("UPDATE batches SET status = $s WHERE number = $n");
            c.Parameters.AddWithValue("$s", status);
            c.Parameters.AddWithValue("$n", number);
            return c.ExecuteNonQuery() == 1;
        }
    }

    /// <inheritdoc/>
    public void Dispose() => connection.Dispose();

    private static List<BatchRow> Rows(SqliteCommand c)
    {
        var rows = new List<BatchRow>();
        using SqliteDataReader r = c.ExecuteReader();
        while (r.Read())
        {
            rows.Add(new BatchRow(r.GetInt64(0), r.GetInt64(1), r.GetInt32(2), r.GetString(3), r.GetString(4), r.GetString(5)));
        }
        return rows;
    }

    private SqliteCommand Command(string sql)
    {
        SqliteCommand c = connection.CreateCommand();
        c.CommandText = sql;
        return c;
    }

    private void Execute(string sql)
    {
        using SqliteCommand c = Command(sql);
        c.ExecuteNonQuery();
    }
}
