// SPDX-License-Identifier: MIT
using ZkOptions.Sequencer.Client;
using ZkOptions.Sequencer.Hosting;
using ZkOptions.Sequencer.Journal;
using ZkOptions.Settlement.Instruments;
using ZkOptions.Settlement.Orders;

namespace ZkOptions.Sequencer.Tests;

/// <summary>The PostgreSQL store on a server the tests start: the same recovery as SQLite, and the advisory lock.</summary>
public sealed class PostgresStoreTests(TestPostgres pg) : IClassFixture<TestPostgres>
{
    [Fact]
    public async Task A_restart_on_postgresql_recovers_the_state_root_and_orders()
    {
        string connection = pg.NewDatabase();
        await using RunningSequencer s = await RunningSequencer.StartAsync(postgres: connection, maxBatchAgeMs: 200);
        await s.FundAndListAsync(2);
        SeriesKey series = s.Market.Series[8];
        long mark = s.Market.Epoch(1, s.Now).Find(series)!.Value.Risk.Mark.Micros;
        Assert.Equal("open", (string?)(await s.Client.Submit(Orders.Make(1, series, Side.Sell, mark, 2, 1), RunningSequencer.KeyFor(1))).Body["status"]);
        Assert.Equal("filled", (string?)(await s.Client.Submit(Orders.Make(2, series, Side.Buy, mark, 1, 1), RunningSequencer.KeyFor(2), Inputs.TimeInForce.ImmediateOrCancel)).Body["status"]);
        s.Now += 5;
        await RecoveryTests.WaitFor(async () => (await s.Client.Get("/batches")).Body["batches"]!.AsArray().Count > 0);
        string root = (string)(await s.Client.Get("/status")).Body["stateRoot"]!;

        await s.RestartAsync();
        // The state comes back from the journal: replayed entries, or the snapshot of the batch just sealed (when it
        // covers everything, nothing is left to replay).
        Assert.True(s.Host.Service.Replayed > 0 || s.Host.Service.RecoveredFromSnapshot > 0, "the restart recovered nothing from the journal");
        Assert.Equal(root, (string)(await s.Client.Get("/status")).Body["stateRoot"]!);
        Assert.Equal("10000", (string?)(await s.Client.Get("/orders/1-1")).Body["filled"]);
        Assert.Equal("sealed", (string?)(await s.Client.Get("/batches/1")).Body["status"]);
    }

    [Fact]
    public async Task A_repeated_l1_report_on_postgresql_is_answered_as_before_also_after_a_restart()
    {
        await using RunningSequencer s = await RunningSequencer.StartAsync(postgres: pg.NewDatabase());
        await L1EventIdempotencyTests.A_repeated_report_is_answered_as_before_without_a_second_deposit(s);
    }

    [Fact]
    public async Task A_different_l1_entry_under_a_used_index_or_a_gap_on_postgresql_is_a_409()
    {
        await using RunningSequencer s = await RunningSequencer.StartAsync(postgres: pg.NewDatabase());
        await L1EventIdempotencyTests.A_different_entry_under_a_used_index_or_a_gap_is_a_409_naming_the_expected_index(s);
    }

    [Fact]
    public async Task The_advisory_lock_keeps_a_second_sequencer_off_the_journal()
    {
        string connection = pg.NewDatabase();
        await using RunningSequencer s = await RunningSequencer.StartAsync(postgres: connection);
        IOException e = Assert.Throws<IOException>(() => new PostgresJournalStore(connection));
        Assert.Contains("in use by another sequencer", e.Message);
        await s.StopServiceAsync();
        using var after = new PostgresJournalStore(connection); // released with the first one's session
        Assert.NotNull(after.ReadMeta("parameters"));
    }
}
