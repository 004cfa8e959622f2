// SPDX-License-Identifier: MIT
using Microsoft.Data.Sqlite;
using ZkOptions.Sequencer.Client;
using ZkOptions.Sequencer.Hosting;
using ZkOptions.Settlement.Instruments;
using ZkOptions.Settlement.Orders;

namespace ZkOptions.Sequencer.Tests;

/// <summary>A restart replays the journal to the same state; a journal that does not reproduce its recorded roots stops the start.</summary>
public sealed class RecoveryTests
{
    internal static async Task TradeSome(RunningSequencer s)
    {
        SeriesKey series = s.Market.Series[8];
        long mark = s.Market.Epoch(1, s.Now).Find(series)!.Value.Risk.Mark.Micros;
        for (long i = 1; i <= 5; i++)
        {
            Assert.True((await s.Client.Submit(Orders.Make(1, series, Side.Sell, mark * (100 + i) / 100, 1, i), RunningSequencer.KeyFor(1))).Ok);
        }
        Assert.True((await s.Client.Submit(Orders.Make(2, series, Side.Buy, mark * 110 / 100, 3, 1), RunningSequencer.KeyFor(2), Inputs.TimeInForce.ImmediateOrCancel)).Ok);
        Assert.True((await s.Client.Cancel(1, 5, RunningSequencer.KeyFor(1))).Ok);
    }

    [Fact]
    public async Task A_restart_recovers_the_state_root_orders_and_batches()
    {
        await using RunningSequencer s = await RunningSequencer.StartAsync(maxBatchAgeMs: 200);
        await s.FundAndListAsync(2);
        await TradeSome(s);
        s.Now += 5; // the batch's age (200 ms) cuts it at the new time
        await WaitFor(async () => (await s.Client.Get("/batches")).Body["batches"]!.AsArray().Count > 0);
        Reply before = await s.Client.Get("/status");
        Reply maker = await s.Client.Get("/orders/1-2");

        await s.RestartAsync();
        // The state comes back from the journal: replayed entries, or the snapshot of the batch just sealed (when it
        // covers everything, nothing is left to replay).
        Assert.True(s.Host.Service.Replayed > 0 || s.Host.Service.RecoveredFromSnapshot > 0, "the restart recovered nothing from the journal");
        Reply after = await s.Client.Get("/status");
        Assert.Equal((string?)before.Body["stateRoot"], (string?)after.Body["stateRoot"]);
        Assert.Equal(maker.Body.ToJsonString(), (await s.Client.Get("/orders/1-2")).Body.ToJsonString());
        Assert.Equal("cancelled", (string?)(await s.Client.Get("/orders/1-5")).Body["status"]);
        Assert.Equal("filled", (string?)(await s.Client.Get("/orders/2-1")).Body["status"]);
        Assert.True(File.Exists(Path.Combine(s.Directory, "batches", "batch-0001.json")));
    }

    [Fact]
    public async Task A_journal_whose_recorded_root_differs_from_the_replay_stops_the_start_with_a_clear_message()
    {
        await using RunningSequencer s = await RunningSequencer.StartAsync(maxBatchAgeMs: 200);
        await s.FundAndListAsync(2);
        await TradeSome(s);
        s.Now += 5;
        await WaitFor(async () => (await s.Client.Get("/batches")).Body["batches"]!.AsArray().Count > 0);
        await s.StopServiceAsync();

        using (var db = new SqliteConnection($"Data Source={Path.Combine(s.Directory, "journal.db")};Pooling=false"))
        {
            db.Open();
            using SqliteCommand c = db.CreateCommand();
            c.CommandText = "UPDATE journal SET root = '12345' WHERE seq = (SELECT MAX(seq) FROM journal WHERE root IS NOT NULL)";
            Assert.Equal(1, c.ExecuteNonQuery());
        }
        RecoveryException e = await Assert.ThrowsAsync<RecoveryException>(s.StartServiceAsync);
        Assert.Contains("state root mismatch", e.Message);
        Assert.Contains("recorded 12345", e.Message);
    }

    [Fact]
    public async Task A_second_sequencer_cannot_open_the_same_directory()
    {
        await using RunningSequencer s = await RunningSequencer.StartAsync();
        var options = new ServiceOptions { DataDirectory = s.Directory, Parameters = DevelopmentOracle.Parameters, OperatorToken = "x" };
        IOException e = Assert.Throws<IOException>(() => SequencerHost.Create(options, ["http://127.0.0.1:0"]));
        Assert.Contains("in use by another sequencer", e.Message);
    }

    internal static async Task WaitFor(Func<Task<bool>> condition)
    {
        for (int i = 0; i < 200; i++)
        {
            if (await condition())
            {
                return;
            }
            await Task.Delay(25);
        }
        Assert.Fail("the condition did not hold within 5 s");
    }
}
