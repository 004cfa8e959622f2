// SPDX-License-Identifier: MIT
using System.Text.Json.Nodes;

namespace ZkOptions.Sequencer.Tests;

/// <summary>GET /metrics profiles the sequencing thread by kind of work.</summary>
public sealed class MetricsTests
{
    [Fact]
    public async Task The_sequencing_thread_time_is_counted_by_kind_of_work_trades_apart()
    {
        await using RunningSequencer s = await RunningSequencer.StartAsync();
        await s.FundAndListAsync(2);
        await RecoveryTests.TradeSome(s); // five resting orders, one IOC order that trades, one cancel

        JsonObject time = (await s.Client.Get("/metrics")).Body["sequencerTime"]!.AsObject();
        Assert.Equal(5, (long)time["order"]!["count"]!);
        Assert.Equal(1, (long)time["order+trade"]!["count"]!);
        Assert.Equal(1, (long)time["cancel"]!["count"]!);
        Assert.Equal(2, (long)time["l1"]!["count"]!);
        foreach (var (kind, figures) in time)
        {
            Assert.True((double)figures!["seconds"]! >= 0 && (double)figures["cpuSeconds"]! >= 0, kind);
        }
        if (OperatingSystem.IsLinux())
        {
            Assert.True((double)time["order+trade"]!["meanCpuMs"]! > 0, "a trade's CPU time was not read");
        }
    }
}
