// SPDX-License-Identifier: MIT
using ZkOptions.Settlement.Margin;
using ZkOptions.Settlement.Numbers;
using ZkOptions.Settlement.Risk;
using ZkOptions.Settlement.Tests.Support;
using ZkOptions.Settlement.Transactions;

namespace ZkOptions.Settlement.Tests.Engine;

public sealed class LiquidationAndExpiryTests
{
    [Fact]
    public void ADutchAuctionRestoresTheBufferAndPaysTheInsurance()
    {
        var x = LiquidationScenarios.Distressed(out long victim, out long liquidator);
        Usd total = x.TotalCollateral();
        x.Apply(new LiquidationStartTx(victim));
        Assert.True(x.Account(victim).IsLiquidating);
        MarginFigures before = MarginCalculator.Evaluate(x.Account(victim), x.Parameters);
        Assert.False(before.HoldsMaintenance);

        x.Now += 900; // the end of the fast auction: factor 0.70
        Ppm factor = Settlement.Engine.AuctionSchedule.Factor(x.Parameters, 900);
        Assert.Equal(700_000, factor.Value);
        long cap = Settlement.Engine.LiquidationQuote.FractionCapOf(x.Parameters, before, factor);
        Assert.InRange(cap, 1, 9_999);
        x.Rejects(Rule.FractionCap, LiquidationScenarios.Bid(x, liquidator, victim, cap + 1, Usd.FromDollars(100_000)));

        // Bid exactly the schedule for the capped fraction: 0.70 × (cap × (collateral + 2 × −9,000) / 10⁴).
        Usd insuranceBefore = x.Account(0).Collateral;
        long q = -2 * Quantity.Scale * cap / 10_000;
        Usd portion = new Usd(x.Account(victim).Collateral.Micros * cap / 10_000) + Exact.FloorUsd(Exact.Notional(new Quantity(q), Usd.FromDollars(9_000)));
        Usd price = Exact.MulCeil(portion, factor);
        x.Rejects(Rule.BidSchedule, LiquidationScenarios.Bid(x, liquidator, victim, cap, price - new Usd(1)));
        var r = x.Apply(LiquidationScenarios.Bid(x, liquidator, victim, cap, price));
        Assert.Equal(Exact.MulCeil(price, x.Parameters.LiquidatorFeeRate), x.Account(0).Collateral - insuranceBefore);
        Assert.Equal(total, x.TotalCollateral());
        Assert.Equal(new Quantity(q), x.Account(liquidator).PositionIn(HandSeries.Call110));

        // After the capped bid the buffer margin holds again, so no further bid, and the auction can end.
        MarginFigures after = MarginCalculator.Evaluate(x.Account(victim), x.Parameters);
        Assert.True(after.BufferExcess.Micros >= 0, $"buffer excess after the bid: {after.BufferExcess.ToDollars()}");
        x.Rejects(Rule.FractionCap, LiquidationScenarios.Bid(x, liquidator, victim, 1, Usd.FromDollars(100_000)));
        if (after.HoldsInitial)
        {
            x.Apply(new LiquidationEndTx(victim));
            Assert.False(x.Account(victim).IsLiquidating);
        }
        else
        {
            x.Rejects(Rule.LiquidationCanEnd, new LiquidationEndTx(victim));
        }
        _ = r;
    }

    [Fact]
    public void ExpirySettlesAgainstTheInsuranceAccountAndClearsTheSlot()
    {
        var x = new TestExchange();
        x.Deposit(1, 50_000);
        x.Deposit(2, 50_000);
        x.Publish();
        x.Trade(buyer: 1, seller: 2, HandSeries.Call110, 2_000, 3);
        Usd total = x.TotalCollateral();
        x.Now = HandSeries.Near + 600;
        // After expiry the epoch carries the settlement price 118,500.5: a call 110k pays 8,500.5 per contract.
        SeriesRisk[] settled = HandSeries.All().Select(s => s.Key.Expiry <= x.Now
            ? new SeriesRisk(s.Key, new Usd(s.Key.PayoffE8(new Usd(118_500_500_000)) is var p8 ? (long)(p8 / 100) : 0), Usd.Zero, new Usd(118_500_500_000), new Usd[4])
            : s).ToArray();
        x.Apply(new OracleUpdateTx(x.Epoch(settled, x.Now)));
        x.Rejects(Rule.RiskCacheCurrent, new SettleTx(1, HandSeries.Call110));
        x.Apply(new RiskRefreshTx(1));
        x.Apply(new RiskRefreshTx(2));
        Usd c1 = x.Account(1).Collateral, c2 = x.Account(2).Collateral;
        x.Apply(new SettleTx(1, HandSeries.Call110));
        x.Apply(new SettleTx(2, HandSeries.Call110));
        Assert.Equal(Usd.FromDollars(25_501) + new Usd(500_000), x.Account(1).Collateral - c1);   // 3 × 8,500.5
        Assert.Equal(-(Usd.FromDollars(25_501) + new Usd(500_000)), x.Account(2).Collateral - c2);
        Assert.True(x.Account(1).HasNoPositions && x.Account(2).HasNoPositions);
        Assert.Equal(total, x.TotalCollateral());
        x.Rejects(Rule.SettlePosition, new SettleTx(1, HandSeries.Call110));
        // The settlement price cannot change afterwards.
        x.Now += 60;
        SeriesRisk[] moved = settled.Select(s => s.IsSettled ? s with { SettlementPrice = new Usd(1) } : s).ToArray();
        x.Rejects(Rule.OracleConsistent, new OracleUpdateTx(x.Epoch(moved, x.Now)));
    }

    [Fact]
    public void AForcedWithdrawalThatIsNotAllowedIsConsumedAsANoOp()
    {
        var x = new TestExchange();
        x.Deposit(1, 1_000);
        long i = x.Queue.Enqueue(new State.L1Operation(State.L1OperationKind.ForcedWithdraw, 1, TestExchange.OwnerOf(2), Usd.FromDollars(10), Field.BabyJubjub.BabyJubjubPoint.Identity));
        var r = x.Apply(new ForcedWithdrawTx(i));
        Assert.Equal("false", r.Details["applied"]);
        Assert.StartsWith("signature.valid", r.Details["reason"]);
        Assert.Empty(r.Exits);
        Assert.Equal(i + 1, x.State.QueueConsumed);
        long j = x.Queue.Enqueue(new State.L1Operation(State.L1OperationKind.ForcedWithdraw, 1, TestExchange.OwnerOf(1), Usd.FromDollars(10), Field.BabyJubjub.BabyJubjubPoint.Identity));
        var ok = x.Apply(new ForcedWithdrawTx(j));
        Assert.Equal("true", ok.Details["applied"]);
        Assert.Equal(Usd.FromDollars(10), Assert.Single(ok.Exits).Amount);
    }
}
