// SPDX-License-Identifier: MIT
using System.Text.Json.Nodes;
using ZkOptions.Sequencer.Client;
using ZkOptions.Sequencer.Inputs;
using ZkOptions.Settlement.Instruments;
using ZkOptions.Settlement.Orders;

namespace ZkOptions.Sequencer.Tests;

/// <summary>Orders through the REST API: matching, time in force, post-only, reduce-only, margin at rest, cancels, replace, queries.</summary>
public sealed class OrderFlowTests
{
    private static async Task<(RunningSequencer S, SeriesKey Series, long Mark)> ListedAsync()
    {
        RunningSequencer s = await RunningSequencer.StartAsync();
        await s.FundAndListAsync(3);
        SeriesKey series = s.Market.Series[8]; // the 100,000 call of the near expiry
        long mark = s.Market.Epoch(1, s.Now).Find(series)!.Value.Risk.Mark.Micros;
        return (s, series, mark);
    }

    [Fact]
    public async Task A_resting_sell_fills_against_a_crossing_ioc_buy_at_the_makers_price()
    {
        var (s, series, mark) = await ListedAsync();
        await using var _ = s;
        Reply ask = await s.Client.Submit(Orders.Make(1, series, Side.Sell, mark * 102 / 100, 5, 1), RunningSequencer.KeyFor(1));
        Assert.Equal(200, ask.Status);
        Assert.Equal("open", (string?)ask.Body["status"]);

        Reply buy = await s.Client.Submit(Orders.Make(2, series, Side.Buy, mark * 110 / 100, 3, 1), RunningSequencer.KeyFor(2), TimeInForce.ImmediateOrCancel);
        Assert.Equal(200, buy.Status);
        Assert.Equal("filled", (string?)buy.Body["status"]);
        JsonArray fills = buy.Body["fills"]!.AsArray();
        Assert.Single(fills);
        Assert.Equal((mark * 102 / 100 / 10_000 * 10_000).ToString(), (string?)fills[0]!["price"]);
        Assert.Equal("1-1", (string?)fills[0]!["makerOrderId"]);

        Reply maker = await s.Client.Get("/orders/1-1");
        Assert.Equal("open", (string?)maker.Body["status"]);
        Assert.Equal("30000", (string?)maker.Body["filled"]);

        Reply account = await s.Client.Get("/accounts/2");
        Assert.Equal(200, account.Status);
        Assert.Equal("30000", (string?)account.Body["positions"]![0]!["quantity"]);
        Assert.True((bool)account.Body["margin"]!["holdsInitial"]!);

        Reply book = await s.Client.Get($"/series/{series}/book");
        Assert.Equal("20000", (string?)book.Body["asks"]![0]!["amount"]);
        Assert.Empty(book.Body["bids"]!.AsArray());

        Reply trades = await s.Client.Get("/trades");
        Assert.Single(trades.Body["trades"]!.AsArray());
    }

    [Fact]
    public async Task An_ioc_that_finds_nothing_is_cancelled_and_a_gtc_rests()
    {
        var (s, series, mark) = await ListedAsync();
        await using var _ = s;
        Reply ioc = await s.Client.Submit(Orders.Make(1, series, Side.Buy, mark, 1, 1), RunningSequencer.KeyFor(1), TimeInForce.ImmediateOrCancel);
        Assert.Equal("cancelled", (string?)ioc.Body["status"]);
        Reply gtc = await s.Client.Submit(Orders.Make(1, series, Side.Buy, mark, 1, 2), RunningSequencer.KeyFor(1));
        Assert.Equal("open", (string?)gtc.Body["status"]);
        Reply account = await s.Client.Get("/accounts/1");
        Assert.Equal("1-2", (string?)account.Body["openOrders"]![0]);
    }

    [Fact]
    public async Task A_post_only_order_that_would_take_is_refused_and_one_that_rests_is_accepted()
    {
        var (s, series, mark) = await ListedAsync();
        await using var _ = s;
        Assert.Equal(200, (await s.Client.Submit(Orders.Make(1, series, Side.Sell, mark, 2, 1), RunningSequencer.KeyFor(1))).Status);
        Reply taking = await s.Client.Submit(Orders.Make(2, series, Side.Buy, mark, 1, 1), RunningSequencer.KeyFor(2), TimeInForce.PostOnly);
        Assert.Equal(422, taking.Status);
        Assert.Equal("timeInForce", (string?)taking.Body["field"]);
        Reply resting = await s.Client.Submit(Orders.Make(2, series, Side.Buy, mark * 90 / 100, 1, 2), RunningSequencer.KeyFor(2), TimeInForce.PostOnly);
        Assert.Equal("open", (string?)resting.Body["status"]);
        Assert.Equal(404, (await s.Client.Get("/orders/2-1")).Status); // the refused one was never acknowledged
    }

    [Fact]
    public async Task A_reduce_only_order_must_reduce_the_position()
    {
        var (s, series, mark) = await ListedAsync();
        await using var _ = s;
        Reply refused = await s.Client.Submit(Orders.Make(1, series, Side.Sell, mark, 1, 1), RunningSequencer.KeyFor(1), reduceOnly: true);
        Assert.Equal(422, refused.Status);
        Assert.Equal("reduceOnly", (string?)refused.Body["field"]);

        await s.Client.Submit(Orders.Make(2, series, Side.Sell, mark, 2, 1), RunningSequencer.KeyFor(2));
        Reply bought = await s.Client.Submit(Orders.Make(1, series, Side.Buy, mark, 2, 2), RunningSequencer.KeyFor(1), TimeInForce.ImmediateOrCancel);
        Assert.Equal("filled", (string?)bought.Body["status"]);
        Reply reduce = await s.Client.Submit(Orders.Make(1, series, Side.Sell, mark * 120 / 100, 2, 3), RunningSequencer.KeyFor(1), reduceOnly: true);
        Assert.Equal("open", (string?)reduce.Body["status"]);
        Reply tooMuch = await s.Client.Submit(Orders.Make(1, series, Side.Sell, mark * 120 / 100, 3, 4), RunningSequencer.KeyFor(1), reduceOnly: true);
        Assert.Equal(422, tooMuch.Status);
    }

    [Fact]
    public async Task A_resting_order_whose_full_fill_would_break_initial_margin_is_refused()
    {
        var (s, series, mark) = await ListedAsync();
        await using var _ = s;
        // 1,000,000 USD of collateral cannot carry 500 naked short calls at the money.
        Reply refused = await s.Client.Submit(Orders.Make(1, series, Side.Sell, mark, 500, 1), RunningSequencer.KeyFor(1));
        Assert.Equal(422, refused.Status);
        Assert.Equal("amount", (string?)refused.Body["field"]);
        Assert.Contains("initial margin", (string?)refused.Body["detail"]);
        Reply small = await s.Client.Submit(Orders.Make(1, series, Side.Sell, mark, 5, 2), RunningSequencer.KeyFor(1));
        Assert.Equal("open", (string?)small.Body["status"]);
    }

    [Fact]
    public async Task Cancel_cancel_all_and_replace()
    {
        var (s, series, mark) = await ListedAsync();
        await using var _ = s;
        var key = RunningSequencer.KeyFor(1);
        for (long id = 1; id <= 4; id++)
        {
            Assert.Equal("open", (string?)(await s.Client.Submit(Orders.Make(1, series, Side.Buy, mark * (80 + id) / 100, 1, id), key)).Body["status"]);
        }
        Reply cancelled = await s.Client.Cancel(1, 1, key);
        Assert.Equal("cancelled", (string?)cancelled.Body["status"]);
        Reply again = await s.Client.Cancel(1, 1, key);
        Assert.Equal(409, again.Status);
        Reply unknown = await s.Client.Cancel(1, 99, key);
        Assert.Equal(404, unknown.Status);
        Reply forged = await s.Client.Cancel(1, 2, RunningSequencer.KeyFor(2));
        Assert.Equal(401, forged.Status);
        Assert.Equal("signature", (string?)forged.Body["field"]);

        // A replacement that is refused leaves the old order resting.
        Reply badReplace = await s.Client.Replace(2, Orders.Make(1, new SeriesKey(1, s.Market.Expiries[0], 123_456 * SeriesKey.StrikeScale, OptionType.Call), Side.Buy, mark, 1, 5), key);
        Assert.Equal(422, badReplace.Status);
        Assert.Equal("order.series", (string?)badReplace.Body["field"]);
        Assert.Equal("open", (string?)(await s.Client.Get("/orders/1-2")).Body["status"]);
        Reply replaced = await s.Client.Replace(2, Orders.Make(1, series, Side.Buy, mark * 85 / 100, 2, 6), key);
        Assert.Equal(200, replaced.Status);
        Assert.Equal("1-2", (string?)replaced.Body["replaced"]);
        Assert.Equal("cancelled", (string?)(await s.Client.Get("/orders/1-2")).Body["status"]);

        Reply all = await s.Client.CancelAll(1, 4, key);
        Assert.Equal(["1-3", "1-4"], all.Body["cancelled"]!.AsArray().Select(n => (string)n!).ToArray());
        Assert.Equal("open", (string?)(await s.Client.Get("/orders/1-6")).Body["status"]); // above the bound
    }

    [Fact]
    public async Task A_forced_withdrawal_reported_by_the_operator_pays_out_of_collateral()
    {
        var (s, _, _) = await ListedAsync();
        await using var _s = s;
        var op = new Settlement.State.L1Operation(Settlement.State.L1OperationKind.ForcedWithdraw, 1, (System.Numerics.BigInteger.One << 159) + 1,
            Settlement.Numbers.Usd.FromDollars(1_000), ZkOptions.Field.BabyJubjub.BabyJubjubPoint.Identity);
        Reply r = await s.Client.Post("/operator/l1", Journal.InputJson.L1(new Inputs.L1Event(op, await s.Client.NextQueueIndex())), RunningSequencer.Token);
        Assert.Equal(200, r.Status);
        Assert.Equal(Settlement.Numbers.Usd.FromDollars(999_000).ToString(), (string?)(await s.Client.Get("/accounts/1")).Body["collateral"]);
        Reply unknown = await s.Client.Post("/operator/l1", Journal.InputJson.L1(new Inputs.L1Event(op with { Account = 42 }, await s.Client.NextQueueIndex())), RunningSequencer.Token);
        Assert.Equal(422, unknown.Status);
        Assert.Equal("account", (string?)unknown.Body["field"]);
    }

    [Fact]
    public async Task When_a_series_expires_the_sequencer_cuts_and_its_resting_orders_expire()
    {
        var (s, _, _) = await ListedAsync();
        await using var _s = s;
        SeriesKey near = s.Market.Series[8];
        long mark = s.Market.Epoch(1, s.Now).Find(near)!.Value.Risk.Mark.Micros;
        var order = Orders.Make(1, near, Side.Buy, mark * 80 / 100, 1, 1) with { ValidUntil = near.Expiry + 86_400 };
        Assert.Equal("open", (string?)(await s.Client.Submit(order, RunningSequencer.KeyFor(1))).Body["status"]);
        s.Now = near.Expiry; // no input arrives: the tick sees the expiry pass
        await RecoveryTests.WaitFor(async () => (string?)(await s.Client.Get("/orders/1-1")).Body["status"] == "expired");
        Reply expired = await s.Client.Get("/orders/1-1");
        Assert.Contains("expired at", (string?)expired.Body["reason"]);
        Assert.True((long)(await s.Client.Get("/status")).Body["batchTimestamp"]! >= near.Expiry);
    }
}
