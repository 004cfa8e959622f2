// SPDX-License-Identifier: MIT
using ZkOptions.Circuit;
using ZkOptions.Circuit.Std;
using ZkOptions.Circuits.Settlement.Gadgets;
using ZkOptions.Settlement.Orders;
using R = ZkOptions.Circuits.Settlement.SlotRegions;

namespace ZkOptions.Circuits.Settlement.Rules;

/// <summary>
/// liquidationBid (LiquidationProcessor.Bid, LiquidationQuote, AuctionSchedule): a liquidator (counterparty port,
/// signature port 0) takes fraction f (1e-4 units) of every slot and of the cash of an account in liquidation
/// (primary port), each truncated towards zero, each slot's series read through series port i. The portion is worth
/// V = cash + ⌊Σ q·mark⌋. The auction factor falls from the start factor to the end factor over the auction, rounded
/// down; a solvent portion costs at least ⌈factor·V⌉ with the liquidator fee to insurance, an insolvent one lets the
/// liquidator ask insurance at most −V + ⌊MM·f·(1 − factor)⌋. f is capped at what restores the buffer margin, and the
/// liquidator holds initial margin afterwards.
/// </summary>
public sealed class LiquidationBidRule : SettlementRule
{
    public override int TypeCode => 6;
    public override string Name => "liquidationBid";

    private const long FractionScale = 10_000;
    private const long Ppm = 1_000_000;

    public override Action Apply(SlotContext ctx, Variable active)
    {
        var api = ctx.Api;
        var p = ctx.Shape.Parameters;
        var tx = ctx.Tx;
        var check = new RuleCheck(api, active);
        Variable fraction = api.Mul(active, tx[R.Fraction]), price = api.Mul(active, tx[R.Price]), nonce = tx[R.Nonce];
        var victim = ctx.Primary.Old;
        var liquidator = ctx.Counterparty.Old;
        Variable factor, value, solvent;
        Variable liquidatorCash;
        using (api.Scope("liquidationBid"))
        {
            ctx.UsePrimary(active);
            ctx.UseCounterparty(active);
            ctx.UseInsurance(active);
            check.NotEqual("liquidation.in-progress", ctx.Primary.Index, ctx.Counterparty.Index);
            check.NotEqual("account.not-insurance", ctx.Primary.Index, ctx.Shape.InsuranceAccount);
            check.NotEqual("account.not-insurance", ctx.Counterparty.Index, ctx.Shape.InsuranceAccount);
            check.NotEqual("liquidation.in-progress", victim.LiquidationStart, 0);
            CommonChecks.NotLiquidating(check, liquidator);
            check.NonNegative("amount.positive", fraction - 1, 14);
            check.LessOrEqual("amount.positive", fraction, FractionScale, 14);
            check.NonNegative("amount.positive", price, 63);
            check.Equal("nonce.matches", nonce, liquidator.Nonce);
            var message = Poseidon.Hash(api, [SignedMessages.LiquidationBidTag, ctx.Counterparty.Index, ctx.Primary.Index, fraction, price, nonce, p.ChainId]);
            ctx.RequestSignature(0, active, liquidator.PublicKeyX, liquidator.PublicKeyY, message);
            CommonChecks.FreshEpoch(ctx, check);
            CommonChecks.CacheCurrent(ctx, check, victim);
            CommonChecks.CacheCurrent(ctx, check, liquidator);

            // The auction factor: start − ⌈(start − end)·t / duration⌉, t the clamped time since the start.
            var elapsed = ctx.Timestamp - victim.LiquidationStart;
            api.RangeCheck(api.Mul(active, elapsed), 40);
            var over = SignedArithmetic.IsNonNegative(api, api.Mul(active, elapsed - p.AuctionDurationSeconds), 42);
            var t = api.Select(over, p.AuctionDurationSeconds, api.Mul(active, elapsed));
            long drop = p.AuctionStartFactor.Value - p.AuctionEndFactor.Value;
            factor = p.AuctionStartFactor.Value - SignedArithmetic.CeilDiv(api, t * drop, p.AuctionDurationSeconds, 64);

            // The portion: f of the cash and of every slot, truncated towards zero.
            var victimAfter = victim.Clone();
            var liquidatorAfter = liquidator.Clone();
            var cash = SignedArithmetic.TruncDiv(api, api.Mul(fraction, victim.Collateral), FractionScale, 80);
            Variable markExact = 0;
            for (int i = 0; i < victim.PositionSlots; i++)
            {
                var held = api.Mul(active, 1 - api.IsZero(victim.SeriesAt(i)));
                ctx.UseSeries(i, held);
                var series = ctx.Series[i];
                new RuleCheck(api, held).Equal("series.listed", series.Key, victim.SeriesAt(i));
                var q = victim.QuantityAt(i);
                var move = SignedArithmetic.TruncDiv(api, api.Mul(fraction, q), FractionScale, 64);
                markExact += api.Mul(move, series.Mark);
                var left = q - move;
                victimAfter.SetQuantityAt(i, left);
                victimAfter.SetSeriesAt(i, api.Mul(1 - api.IsZero(left), victim.SeriesAt(i)));
                PositionBook.AddRiskChange(api, victimAfter, series, q, left);
                var moves = api.Mul(held, 1 - api.IsZero(move));
                var (gotBefore, gotAfter) = PositionBook.Add(api, liquidatorAfter, victim.SeriesAt(i), move, moves);
                PositionBook.AddRiskChange(api, liquidatorAfter, series, gotBefore, gotAfter);
            }
            value = cash + SignedArithmetic.FloorDiv(api, markExact, 10_000, 126);
            solvent = SignedArithmetic.IsNonNegative(api, api.Mul(active, value - 1), 100);

            // Cash flows: solvent — liquidator pays the price, the fee goes to insurance; insolvent — insurance pays.
            var fee = SignedArithmetic.CeilDiv(api, price * p.LiquidatorFeeRate.Value, Ppm, 90);
            var solventPay = api.Mul(solvent, price);
            var insolventPay = price - solventPay;
            var feeToInsurance = api.Mul(solvent, fee);
            liquidatorAfter.Collateral = liquidator.Collateral - solventPay + insolventPay + cash;
            victimAfter.Collateral = victim.Collateral + solventPay - feeToInsurance - cash;
            ctx.PayInsurance(active, feeToInsurance - insolventPay);
            liquidatorAfter.Nonce = liquidator.Nonce + 1;
            liquidatorCash = liquidatorAfter.Collateral;
            SignedArithmetic.AssertSigned(api, api.Mul(active, victimAfter.Collateral), 64);

            ctx.CommitPrimary(active, victimAfter);
            ctx.CommitCounterparty(active, liquidatorAfter);
            ctx.RequestMargin(0, active, victim);
            ctx.RequestMargin(1, active, liquidatorAfter);
            ctx.PublishData(active, 6, ctx.Counterparty.Index, ctx.Primary.Index, fraction, price);
        }
        return () =>
        {
            using (api.Scope("liquidationBid"))
            {
                var before = ctx.Margin[0];
                // Schedule: solvent pays at least ⌈V·factor⌉; insolvent asks at most −V + ⌊MM·f·(1 − factor)/10⁴⌋.
                var least = SignedArithmetic.CeilDiv(api, api.Mul(value, factor), Ppm, 100);
                new RuleCheck(api, api.Mul(active, solvent)).LessOrEqual("liquidation.bid-schedule", least, price, 90);
                var incentive = SignedArithmetic.FloorDiv(api, api.Mul(api.Mul(before.Maintenance, fraction), Ppm - factor), FractionScale * Ppm, 160);
                new RuleCheck(api, api.Mul(active, 1 - solvent)).LessOrEqual("liquidation.bid-schedule", price, incentive - value, 120);

                // Fraction cap: with MtM > 0 the bid must satisfy (f − 1)·(kept − BM) < −BM·10⁴, BM < 0 the buffer
                // excess and kept = ⌊MtM·factor·(1 − fee)⌋ (LiquidationQuote.FractionCapOf); with MtM ≤ 0 any f.
                var mtmPositive = SignedArithmetic.IsNonNegative(api, api.Mul(active, before.MarkToMarket - 1), MarginFigures.MoneyBits + 10);
                var capped = new RuleCheck(api, api.Mul(active, mtmPositive));
                var bm = before.BufferExcess;
                capped.Less("liquidation.fraction-cap", bm, 0, MarginFigures.MoneyBits + 10);
                var kept = SignedArithmetic.FloorDiv(api, api.Mul(before.MarkToMarket, factor) * (Ppm - p.LiquidatorFeeRate.Value), Ppm * Ppm, 140);
                capped.Less("liquidation.fraction-cap", api.Mul(fraction - 1, kept - bm), -bm * FractionScale, 150);
                check.True("margin.after", CommonChecks.HoldsInitial(api, ctx.Margin[1]));
                // The liquidator pays from cash (TradeProcessor.RequireCashCovers).
                check.NonNegative("collateral.sufficient", liquidatorCash, 63);
            }
        };
    }
}
