// SPDX-License-Identifier: MIT
using ZkOptions.Sequencer.Client;
using ZkOptions.Settlement.Instruments;
using ZkOptions.Settlement.Orders;

namespace ZkOptions.Sequencer.Tests;

/// <summary>Per-account order rate limits (the framework's token bucket): a 429 problem naming the account; cancels are never limited.</summary>
public sealed class RateLimitTests
{
    [Fact]
    public async Task An_account_over_its_order_rate_gets_429_and_can_still_cancel_and_other_accounts_are_unaffected()
    {
        await using RunningSequencer s = await RunningSequencer.StartAsync();
        await s.FundAndListAsync(2);
        s.OrderRateLimit = 2; // bursts of 4
        await s.RestartAsync();
        SeriesKey series = s.Market.Series[8];
        long mark = s.Market.Epoch(1, s.Now).Find(series)!.Value.Risk.Mark.Micros;
        var replies = new List<Reply>();
        for (long id = 1; id <= 8; id++)
        {
            replies.Add(await s.Client.Submit(Orders.Make(1, series, Side.Buy, mark * 80 / 100, 1, id), RunningSequencer.KeyFor(1)));
        }
        Assert.Contains(replies, r => r.Status == 429);
        Reply limited = replies.First(r => r.Status == 429);
        Assert.Equal("account", (string?)limited.Body["field"]);
        Assert.Contains("more than 2 orders a second", (string?)limited.Body["detail"]);
        Assert.True(replies.Count(r => r.Status == 200) is >= 4 and < 8, string.Join(", ", replies.Select(r => r.Status)));
        Assert.Equal(200, (await s.Client.Cancel(1, 1, RunningSequencer.KeyFor(1))).Status);
        Assert.Equal(200, (await s.Client.Cancel(1, 2, RunningSequencer.KeyFor(1))).Status);
        Assert.Equal(200, (await s.Client.Submit(Orders.Make(2, series, Side.Buy, mark * 80 / 100, 1, 1), RunningSequencer.KeyFor(2))).Status);
    }
}
