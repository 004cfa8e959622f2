// SPDX-License-Identifier: MIT
using System.Text.Json.Nodes;
using ZkOptions.Sequencer.Client;
using ZkOptions.Sequencer.Core;
using ZkOptions.Settlement.Instruments;
using ZkOptions.Settlement.Orders;

namespace ZkOptions.Sequencer.Tests;

/// <summary>
/// Snapshots at batch boundaries: a restart loads the last one and replays only the journal after it, reaching what a
/// replay from genesis reaches (state, orders, books, trades, batches, and what comes next); a snapshot that is torn,
/// corrupt or does not follow the journal is ignored and the journal replays from genesis. (SIGKILLs while snapshots
/// are written: <see cref="CrashTests"/>.)
/// </summary>
public sealed class SnapshotTests
{
    // Batches of 4 transactions: cuts happen at counts, not at ages, so a restart cuts nothing by itself.
    private const int MaxBatch = 4;

    private static async Task<JsonObject> Metrics(RunningSequencer s) => (await s.Client.Get("/metrics")).Body;

    /// <summary>Everything a client can read, as text.</summary>
    private static async Task<string> Views(RunningSequencer s)
    {
        SeriesKey series = s.Market.Series[8];
        var parts = new List<string>();
        foreach (string path in new[]
        {
            "/status", "/accounts/1", "/accounts/2", $"/series/{series}/book?depth=100", "/trades", "/batches",
            "/orders/1-1", "/orders/1-2", "/orders/1-3", "/orders/1-4", "/orders/1-5", "/orders/1-6", "/orders/1-7", "/orders/2-1", "/orders/2-2",
        })
        {
            Reply r = await s.Client.Get(path);
            parts.Add($"{path} {r.Status} {r.Body.ToJsonString()}");
        }
        return string.Join('\n', parts);
    }

    private static async Task<RunningSequencer> TradedWithATailAsync()
    {
        RunningSequencer s = await RunningSequencer.StartAsync(maxBatch: MaxBatch);
        await s.FundAndListAsync(2);
        await RecoveryTests.TradeSome(s); // orders 1-1 … 1-5 and 2-1: several batches sealed at 4 transactions
        SeriesKey series = s.Market.Series[8];
        long mark = s.Market.Epoch(1, s.Now).Find(series)!.Value.Risk.Mark.Micros;
        // Resting quotes (journaled, no transaction): the journal's tail after the last snapshot.
        for (long id = 6; id <= 7; id++)
        {
            Assert.True((await s.Client.Submit(Orders.Make(1, series, Side.Sell, mark * (114 + id) / 100, 1, id), RunningSequencer.KeyFor(1))).Ok);
        }
        await RecoveryTests.WaitFor(async () => (long)(await Metrics(s))["snapshotsWritten"]! > 0);
        return s;
    }

    [Fact]
    public async Task A_restart_loads_the_snapshot_replays_only_the_tail_and_reaches_what_a_replay_from_genesis_reaches()
    {
        await using RunningSequencer s = await TradedWithATailAsync();
        string before = await Views(s);
        long journal = (long)(await s.Client.Get("/status")).Body["sequence"]!;

        await s.RestartAsync();
        JsonObject metrics = await Metrics(s);
        long at = (long)metrics["recoveredFromSnapshot"]!;
        Assert.True(at > 0, metrics.ToJsonString());
        Assert.Equal(journal - at, (long)metrics["replayedEntries"]!);
        Assert.True(journal - at >= 2, $"the snapshot follows entry {at} of {journal}: no tail replayed");
        Assert.Equal(before, await Views(s));

        // The same journal replayed from genesis, in a copy of the directory without the snapshot.
        await s.StopServiceAsync();
        string copy = s.Directory + "-genesis";
        CopyDirectory(s.Directory, copy);
        File.Delete(Path.Combine(copy, "snapshot.json"));
        try
        {
            await ContinueAgainstGenesisAsync(s, copy, before, journal);
        }
        finally
        {
            Directory.Delete(copy, recursive: true);
        }
    }

    private static async Task ContinueAgainstGenesisAsync(RunningSequencer s, string copy, string before, long journal)
    {
        await using RunningSequencer genesis = await RunningSequencer.StartAsync(copy, maxBatch: MaxBatch);
        await s.StartServiceAsync();
        Assert.Equal(0, (long)(await Metrics(genesis))["recoveredFromSnapshot"]!);
        Assert.Equal(journal, (long)(await Metrics(genesis))["replayedEntries"]!);
        Assert.Equal(before, await Views(genesis));

        // An L1 entry reported again gets the first answer from the snapshot's record of it, as from a replay.
        L1EventIdempotencyTests.L1Reply againFromSnapshot = await L1EventIdempotencyTests.Post(s, 1, L1EventIdempotencyTests.DepositOf(2, 1_000_000));
        L1EventIdempotencyTests.L1Reply againFromGenesis = await L1EventIdempotencyTests.Post(genesis, 1, L1EventIdempotencyTests.DepositOf(2, 1_000_000));
        Assert.True(againFromSnapshot.Replayed);
        Assert.Equal(againFromGenesis.Body.ToJsonString(), againFromSnapshot.Body.ToJsonString());
        Assert.Equal("1", (string?)againFromSnapshot.Body["queueIndex"]);

        // And what comes next is the same: a taker crossing the restored book, batches sealed after it.
        SeriesKey series = s.Market.Series[8];
        long mark = s.Market.Epoch(1, s.Now).Find(series)!.Value.Risk.Mark.Micros;
        Order taker = Orders.Make(2, series, Side.Buy, mark * 125 / 100, 3, 2);
        Reply fromSnapshot = await s.Client.Submit(taker, RunningSequencer.KeyFor(2), Inputs.TimeInForce.ImmediateOrCancel);
        Reply fromGenesis = await genesis.Client.Submit(taker, RunningSequencer.KeyFor(2), Inputs.TimeInForce.ImmediateOrCancel);
        Assert.Equal(200, fromSnapshot.Status);
        Assert.Equal(fromGenesis.Body.ToJsonString(), fromSnapshot.Body.ToJsonString());
        Assert.Equal(await Views(genesis), await Views(s));
        await s.StopServiceAsync();
        await genesis.StopServiceAsync();
        string[] names = [.. Directory.GetFiles(Path.Combine(s.Directory, "batches"), "batch-*.json").Select(Path.GetFileName).Order()!];
        Assert.Equal(names, Directory.GetFiles(Path.Combine(copy, "batches"), "batch-*.json").Select(Path.GetFileName).Order()!);
        foreach (string name in names)
        {
            Assert.Equal(File.ReadAllBytes(Path.Combine(copy, "batches", name)), File.ReadAllBytes(Path.Combine(s.Directory, "batches", name)));
        }
    }

    [Fact]
    public async Task A_capture_written_after_the_exchange_moved_on_is_the_snapshot_of_the_moment_it_was_taken()
    {
        // Batches of one transaction: every input leaves the exchange at a batch boundary, where captures are taken.
        await using RunningSequencer s = await RunningSequencer.StartAsync(maxBatch: 1);
        await s.FundAndListAsync(2);
        await RecoveryTests.TradeSome(s); // 1-1 … 1-3 filled, 1-4 resting, 1-5 cancelled
        SeriesKey series = s.Market.Series[8];
        long mark = s.Market.Epoch(1, s.Now).Find(series)!.Value.Risk.Mark.Micros;
        Assert.True((await s.Client.Submit(Orders.Make(1, series, Side.Sell, mark * 107 / 100, 3, 6), RunningSequencer.KeyFor(1))).Ok);
        Reply before = await s.Client.Submit(Orders.Make(2, series, Side.Buy, mark * 110 / 100, 2, 2), RunningSequencer.KeyFor(2), Inputs.TimeInForce.ImmediateOrCancel);
        Assert.Equal(2, before.Body["fills"]!.AsArray().Count); // 1-4 whole, 1-6 one of three
        var (capture, expected) = await s.Host.Service.Query(e => (e.CaptureSnapshot(), e.WriteSnapshot().ToJsonString()));

        // What the exchange changes in place after the capture: a resting order's remainder and its record's fill
        // (1-6 filled further), a record's status (1-7 cancelled), the registry, the books and recent trades.
        Reply after = await s.Client.Submit(Orders.Make(2, series, Side.Buy, mark * 110 / 100, 1, 3), RunningSequencer.KeyFor(2), Inputs.TimeInForce.ImmediateOrCancel);
        Assert.Equal("1-6", (string?)after.Body["fills"]![0]!["makerOrderId"]);
        Assert.True((await s.Client.Submit(Orders.Make(1, series, Side.Sell, mark * 120 / 100, 1, 7), RunningSequencer.KeyFor(1))).Ok);
        Assert.True((await s.Client.Cancel(1, 7, RunningSequencer.KeyFor(1))).Ok);

        Assert.Equal(expected, await Task.Run(() => Exchange.SnapshotJson(capture).ToJsonString()));
        Assert.NotEqual(expected, await s.Host.Service.Query(e => e.WriteSnapshot().ToJsonString()));
    }

    [Theory]
    [InlineData("torn")]
    [InlineData("ahead of the journal")]
    [InlineData("another root")]
    public async Task A_snapshot_that_does_not_fit_the_journal_is_ignored_and_the_journal_replays_from_genesis(string damage)
    {
        await using RunningSequencer s = await TradedWithATailAsync();
        string before = await Views(s);
        await s.StopServiceAsync();
        string path = Path.Combine(s.Directory, "snapshot.json");
        string text = File.ReadAllText(path);
        JsonObject snapshot = JsonNode.Parse(text)!.AsObject();
        switch (damage)
        {
            case "torn":
                // What a crash in the middle of writing leaves aside; the file the name points at is whole or absent,
                // but a cut-off one is refused too.
                File.WriteAllText(path + ".tmp", text[..(text.Length / 2)]);
                File.WriteAllText(path, text[..(text.Length / 3)]);
                break;
            case "ahead of the journal":
                snapshot["sequence"] = "100000";
                File.WriteAllText(path, snapshot.ToJsonString());
                break;
            default:
                snapshot["stateRoot"] = "12345";
                File.WriteAllText(path, snapshot.ToJsonString());
                break;
        }
        await s.StartServiceAsync();
        Assert.Equal(0, (long)(await Metrics(s))["recoveredFromSnapshot"]!);
        Assert.Equal(before, await Views(s));
    }

    private static void CopyDirectory(string from, string to)
    {
        foreach (string dir in Directory.GetDirectories(from, "*", SearchOption.AllDirectories))
        {
            Directory.CreateDirectory(dir.Replace(from, to));
        }
        Directory.CreateDirectory(to);
        foreach (string file in Directory.GetFiles(from, "*", SearchOption.AllDirectories))
        {
            if (!file.EndsWith("sequencer.lock", StringComparison.Ordinal))
            {
                File.Copy(file, file.Replace(from, to));
            }
        }
    }
}
