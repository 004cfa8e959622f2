// SPDX-License-Identifier: MIT
using System.Diagnostics;
using Microsoft.Data.Sqlite;
using ZkOptions.Sequencer.Client;
using ZkOptions.Sequencer.Core;
using ZkOptions.Sequencer.Hosting;
using ZkOptions.Sequencer.Inputs;
using ZkOptions.Sequencer.Journal;
using Xunit.Abstractions;

namespace ZkOptions.Sequencer.Tests;

/// <summary>
/// SIGKILL under load: <c>zkoptions serve</c> is killed at random moments while loadgen sends signed flow (and
/// retries) and snapshots are written at every sealed batch, and restarted, 20 times. Afterwards every acknowledged
/// order is in the journal, the state the service recovered (from its last snapshot and the journal's tail) equals a
/// replay of the journal from genesis, and the batch files the interrupted run wrote are byte for byte those an
/// uninterrupted replay of the same journal writes.
/// </summary>
public sealed class CrashTests(ITestOutputHelper output)
{
    private const int Cycles = 20;

    [Fact]
    public Task Twenty_sigkills_under_load_on_sqlite_lose_no_acknowledged_order_and_replay_to_the_same_root_and_batch_files() => Run(null);

    /// <summary>The same on PostgreSQL: a server the test starts (initdb, postgres on a loopback port) and stops.</summary>
    [Fact]
    public async Task Twenty_sigkills_under_load_on_postgresql_lose_no_acknowledged_order_and_replay_to_the_same_root_and_batch_files()
    {
        var pg = new TestPostgres();
        await pg.InitializeAsync();
        try
        {
            await Run(pg);
        }
        finally
        {
            await pg.DisposeAsync();
        }
    }

    private async Task Run(TestPostgres? pg)
    {
        string? connection = pg?.NewDatabase();
        string[] store = connection is null ? [] : ["--postgres", connection];
        string dir = Path.Combine(Path.GetTempPath(), "zko-crash-" + Guid.NewGuid().ToString("N"));
        string replayDir = dir + "-replay";
        const string token = "crash-test-token";
        ServeProcess? serve = null;   // killed in finally, so a failed test leaves no server running
        try
        {
            int port = ServeProcess.FreePort();
            var rng = new Random(20261205);
            var total = Stopwatch.StartNew();
            serve = ServeProcess.Start(dir, port, token, ["--batch-age-ms", "200", "--max-batch", "64", .. store]);
            using var stopLoad = new CancellationTokenSource();
            string acked = Path.Combine(Path.GetTempPath(), "zko-crash-acked-" + Guid.NewGuid().ToString("N"));
            var load = new LoadGenerator(new LoadOptions
            {
                Url = new Uri(serve.Url),
                Accounts = 12,
                Rate = 300,
                Duration = TimeSpan.FromMinutes(10),
                OperatorToken = token,
                OracleKey = DevelopmentOracle.Key,
                AckedFile = acked,
                RetryFor = TimeSpan.FromSeconds(60),
                Seed = 7,
            });
            Task<LoadReport> running = load.RunAsync(stopLoad.Token);
            // Kills during the set-up belong to the test, but some must land in the order flow: on a loaded machine the
            // set-up can outlast 20 kills, so the kills go on until 5 have landed in the flow (at most 60 in all).
            int cycles = 0;
            for (int inFlow = 0; (cycles < Cycles || inFlow < 5) && cycles < 3 * Cycles; cycles++)
            {
                inFlow += load.FlowStarted.IsCompleted ? 1 : 0;
                await Task.Delay(rng.Next(300, 1_200));
                Assert.False(running.IsFaulted, running.Exception?.ToString());
                serve.Kill();
                serve.Dispose();
                serve = ServeProcess.Start(dir, port, token, ["--batch-age-ms", "200", "--max-batch", "64", .. store]);
            }
            await Task.Delay(1_000);
            stopLoad.Cancel();
            LoadReport report = await running;
            output.WriteLine($"{cycles} kills in {total.Elapsed.TotalSeconds:0.0} s; load: {report.ToJson().ToJsonString()}");
            Assert.True(report.Retried > 0, "no request was retried across a restart: the kills did not land under load");

            System.Text.Json.Nodes.JsonObject metrics = await RecoveredAndStopped(serve, "last start", connection, dir, replayDir, acked);
            // Snapshots are written at every sealed batch, so kills land while one is being written; the last start
            // still loaded one (a torn write never replaces the previous snapshot) and replayed only the tail.
            Assert.True((long)metrics["recoveredFromSnapshot"]! > 0, "the last start did not load a snapshot");
        }
        finally
        {
            serve?.Dispose();
            foreach (string d in new[] { dir, replayDir })
            {
                if (Directory.Exists(d))
                {
                    Directory.Delete(d, recursive: true);
                }
            }
        }
    }

    /// <summary>
    /// SIGKILLs that land while a snapshot is being written (a file watcher kills the service as the third snapshot of
    /// each run is created, before it is renamed into place): the restart ignores the half-written file and loads the
    /// previous snapshot, no acknowledged order is lost, and the state and batch files equal a replay from genesis.
    /// </summary>
    [Fact]
    public async Task Sigkills_while_a_snapshot_is_written_lose_nothing_and_the_restart_loads_the_previous_snapshot()
    {
        string dir = Path.Combine(Path.GetTempPath(), "zko-snapkill-" + Guid.NewGuid().ToString("N"));
        string replayDir = dir + "-replay";
        const string token = "snapshot-kill-token";
        string[] args = ["--batch-age-ms", "200", "--max-batch", "64"];
        ServeProcess? serve = null;   // killed in finally, so a failed test leaves no server running
        try
        {
            int port = ServeProcess.FreePort();
            serve = ServeProcess.Start(dir, port, token, args);
            string acked = Path.Combine(Path.GetTempPath(), "zko-snapkill-acked-" + Guid.NewGuid().ToString("N"));
            using var stopLoad = new CancellationTokenSource();
            var load = new LoadGenerator(new LoadOptions
            {
                Url = new Uri(serve.Url),
                Accounts = 12,
                Rate = 300,
                Duration = TimeSpan.FromMinutes(10),
                OperatorToken = token,
                OracleKey = DevelopmentOracle.Key,
                AckedFile = acked,
                RetryFor = TimeSpan.FromSeconds(60),
                Seed = 11,
            });
            Task<LoadReport> running = load.RunAsync(stopLoad.Token);
            string temp = Path.Combine(dir, "snapshot.json.tmp");
            int midWrite = 0;
            for (int cycle = 0; cycle < 8 && midWrite < 3; cycle++)
            {
                ServeProcess victim = serve;
                int created = 0;
                var killed = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
                using (var watcher = new FileSystemWatcher(dir, "snapshot.json.tmp"))
                {
                    watcher.Created += (_, _) =>
                    {
                        if (Interlocked.Increment(ref created) == 3)
                        {
                            victim.Kill();
                            killed.TrySetResult();
                        }
                    };
                    watcher.EnableRaisingEvents = true;
                    await killed.Task.WaitAsync(TimeSpan.FromSeconds(60));
                }
                Assert.False(running.IsFaulted, running.Exception?.ToString());
                if (File.Exists(temp))
                {
                    midWrite++; // killed between creating the snapshot and renaming it into place
                    File.Delete(temp); // so the next run's first write is a creation the watcher sees
                }
                serve.Dispose();
                serve = ServeProcess.Start(dir, port, token, args);
            }
            Assert.True(midWrite > 0, "no kill landed while a snapshot was being written");
            await load.FlowStarted.WaitAsync(TimeSpan.FromSeconds(120)); // the set-up may have outlasted the kills
            await Task.Delay(2_000);
            stopLoad.Cancel();
            LoadReport report = await running;
            output.WriteLine($"{midWrite} kills while a snapshot was written; load: {report.ToJson().ToJsonString()}");
            System.Text.Json.Nodes.JsonObject metrics = await RecoveredAndStopped(serve, "last start", null, dir, replayDir, acked, minimumAcked: 20);
            Assert.True((long)metrics["recoveredFromSnapshot"]! > 0, "the last start did not load a snapshot");
        }
        finally
        {
            serve?.Dispose();
            foreach (string d in new[] { dir, replayDir })
            {
                if (Directory.Exists(d))
                {
                    Directory.Delete(d, recursive: true);
                }
            }
        }
    }

    // Reads the recovered state and the metrics of the running service, stops it, and checks that every acknowledged
    // order is in the journal and that a replay of the journal from genesis reaches the same root and batch files.
    private async Task<System.Text.Json.Nodes.JsonObject> RecoveredAndStopped(
        ServeProcess serve, string label, string? connection, string dir, string replayDir, string acked, int minimumAcked = 100)
    {
        using var http = new HttpClient { BaseAddress = new Uri(serve.Url) };
        var client = new SequencerClient(http, DevelopmentOracle.Parameters);
        string recoveredRoot = (string)(await client.Get("/status")).Body["stateRoot"]!;
        System.Text.Json.Nodes.JsonObject metrics = (await client.Get("/metrics")).Body;
        output.WriteLine($"{label}: {metrics.ToJsonString()}");
        serve.Terminate();
        serve.Dispose();

        // Every acknowledged order is in the journal.
        string[] ackedIds = [.. File.ReadAllLines(acked).Where(l => l.Length > 0)];
        HashSet<string> journaled = connection is null ? JournaledOrderIds(Path.Combine(dir, "journal.db")) : JournaledOrderIdsIn(connection);
        Assert.True(ackedIds.Length > minimumAcked, $"only {ackedIds.Length} orders were acknowledged");
        string[] lost = [.. ackedIds.Where(id => !journaled.Contains(id))];
        Assert.True(lost.Length == 0, $"{lost.Length} acknowledged orders are not in the journal: {string.Join(", ", lost.Take(10))}");

        // An uninterrupted replay of the same journal from genesis reaches the same root and writes the same batches.
        // (SQLite: a copy of the file; PostgreSQL: the same database, now that the service has let go of it.)
        Directory.CreateDirectory(replayDir);
        if (connection is null)
        {
            File.Copy(Path.Combine(dir, "journal.db"), Path.Combine(replayDir, "journal.db"));
        }
        await using (RunningSequencer replay = await RunningSequencer.StartAsync(replayDir, maxBatch: 64, postgres: connection))
        {
            Assert.Equal(recoveredRoot, (string)(await replay.Client.Get("/status")).Body["stateRoot"]!);
        }
        string[] written = [.. Directory.GetFiles(Path.Combine(dir, "batches"), "batch-*.json").Select(Path.GetFileName).Order()!];
        string[] replayed = [.. Directory.GetFiles(Path.Combine(replayDir, "batches"), "batch-*.json").Select(Path.GetFileName).Order()!];
        Assert.True(written.Length >= 3, $"only {written.Length} batches were sealed");
        Assert.Equal(replayed, written);
        foreach (string name in written)
        {
            Assert.True(File.ReadAllBytes(Path.Combine(dir, "batches", name)).AsSpan().SequenceEqual(File.ReadAllBytes(Path.Combine(replayDir, "batches", name))),
                $"{name} differs from the uninterrupted replay's");
        }
        File.Delete(acked);
        return metrics;
    }

    private static HashSet<string> JournaledOrderIdsIn(string connection)
    {
        using var db = new Npgsql.NpgsqlConnection(connection);
        db.Open();
        using var c = new Npgsql.NpgsqlCommand("SELECT kind, payload FROM journal WHERE kind IN ('order', 'replace') ORDER BY seq", db);
        using Npgsql.NpgsqlDataReader r = c.ExecuteReader();
        return Ids(r);
    }

    private static HashSet<string> JournaledOrderIds(string path)
    {
        using var db = new SqliteConnection($"Data Source={path};Mode=ReadOnly;Pooling=false");
        db.Open();
        using SqliteCommand c = db.CreateCommand();
        c.CommandText = "SELECT kind, payload FROM journal WHERE kind IN ('order', 'replace') ORDER BY seq";
        using SqliteDataReader r = c.ExecuteReader();
        return Ids(r);
    }

    private static HashSet<string> Ids(System.Data.Common.DbDataReader r)
    {
        var ids = new HashSet<string>();
        while (r.Read())
        {
            SubmitOrder o = InputJson.Read(r.GetString(0), r.GetString(1), DevelopmentOracle.Parameters, "journal") switch
            {
                SubmitOrder s => s,
                ReplaceOrder rep => rep.Replacement,
                _ => throw new InvalidOperationException(),
            };
            ids.Add(OrderRecord.IdOf(o.Order.Order.Account, o.Order.Order.StorageId));
        }
        return ids;
    }
}
