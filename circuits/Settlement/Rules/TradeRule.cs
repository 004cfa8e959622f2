// SPDX-License-Identifier: MIT
using ZkOptions.Circuit;
using ZkOptions.Settlement.Orders;
using ZkOptions.Settlement.Transactions;
using ZkOptions.Circuit.Std;
using ZkOptions.Circuits.Settlement.Gadgets;
using R = ZkOptions.Circuits.Settlement.SlotRegions;

namespace ZkOptions.Circuits.Settlement.Rules;

/// <summary>
/// trade (TradeProcessor): a maker order (primary port, signature port 0) and a taker order (counterparty port,
/// signature port 1) on opposite sides of one live series (series port 0), crossing, not expired, within their fee
/// caps, filled at the maker's price without over-filling or replaying either order slot. The buyer pays ⌈f·p⌉, the
/// seller receives ⌊f·p⌋, fees are ⌈rate·f·p⌉; the differences and fees go to the insurance account. Afterwards each
/// side holds initial margin, or reduced its position without crossing zero and holds maintenance.
/// </summary>
public sealed class TradeRule : SettlementRule
{
    public override int TypeCode => TransactionTypes.Trade;
    public override string Name => "trade";

    /// <summary>Fields of an order in the slot's transaction region.</summary>

    public override Action Apply(SlotContext ctx, Variable active)
    {
        var api = ctx.Api;
        var p = ctx.Shape.Parameters;
        var tx = ctx.Tx;
        var check = new RuleCheck(api, active);
        Variable M(OrderField f) => tx[R.MakerOrder + (int)f];
        Variable T(OrderField f) => tx[R.TakerOrder + (int)f];
        var fill = api.Mul(active, tx[R.Fill]);
        var series = ctx.Series[0];
        AccountState makerAfter, takerAfter;
        Variable makerBuys, makerBefore, makerQ, takerBefore, takerQ;
        using (api.Scope("trade"))
        {
            ctx.UsePrimary(active);
            ctx.UseCounterparty(active);
            ctx.UseInsurance(active);
            ctx.UseOrderSlots(active);
            ctx.UseSeries(0, active);
            var maker = ctx.Primary.Old;
            var taker = ctx.Counterparty.Old;

            check.Equal("order.sides", M(OrderField.Account), ctx.Primary.Index);
            check.Equal("order.sides", T(OrderField.Account), ctx.Counterparty.Index);
            check.NotEqual("order.sides", ctx.Primary.Index, ctx.Counterparty.Index);
            check.Equal("order.sides", M(OrderField.Series), T(OrderField.Series));
            api.AssertBoolean(api.Mul(active, M(OrderField.Side)));
            check.Equal("order.sides", T(OrderField.Side), 1 - M(OrderField.Side));
            check.NotEqual("account.not-insurance", ctx.Primary.Index, ctx.Shape.InsuranceAccount);
            check.NotEqual("account.not-insurance", ctx.Counterparty.Index, ctx.Shape.InsuranceAccount);
            check.NonNegative("amount.positive", fill - 1, 47);
            check.NonNegative("amount.positive", M(OrderField.LimitPrice) - 1, 63);
            check.NonNegative("amount.positive", T(OrderField.LimitPrice) - 1, 63);
            check.LessOrEqual("order.not-expired", ctx.Timestamp, M(OrderField.ValidUntil), 64);
            check.LessOrEqual("order.not-expired", ctx.Timestamp, T(OrderField.ValidUntil), 64);
            // Side 0 is buy: a buying taker pays at most its limit, a selling taker asks at least its limit.
            var price = api.Mul(active, M(OrderField.LimitPrice));
            var takerSign = 1 - 2 * T(OrderField.Side);
            check.NonNegative("order.prices-cross", api.Mul(takerSign, T(OrderField.LimitPrice) - price), 64);
            check.LessOrEqual("order.fee-cap", p.MakerFeeRate.Value, M(OrderField.MaxFee), 64);
            check.LessOrEqual("order.fee-cap", p.TakerFeeRate.Value, T(OrderField.MaxFee), 64);

            // The series: listed in the epoch, live (before expiry, no settlement price).
            check.Equal("series.listed", series.Key, M(OrderField.Series));
            check.Less("series.live", ctx.Timestamp, CommonChecks.ExpiryOf(api, series.Key), 40);
            check.Equal("series.live", series.SettlementPrice, 0);
            CommonChecks.FreshEpoch(ctx, check);

            // Signatures over the order messages.
            ctx.RequestSignature(0, active, maker.PublicKeyX, maker.PublicKeyY, OrderHash(api, M, p.ChainId));
            ctx.RequestSignature(1, active, taker.PublicKeyX, taker.PublicKeyY, OrderHash(api, T, p.ChainId));
            CommonChecks.NotLiquidating(check, maker);
            CommonChecks.NotLiquidating(check, taker);
            CommonChecks.CacheCurrent(ctx, check, maker);
            CommonChecks.CacheCurrent(ctx, check, taker);

            makerAfter = maker.Clone();
            takerAfter = taker.Clone();
            makerAfter.OrderRoot = FillOrder(ctx, check, 0, maker, M, fill);
            takerAfter.OrderRoot = FillOrder(ctx, check, 1, taker, T, fill);

            // Cash: exact premium in 1e-10 USD, rounded once per leg.
            var premium = api.Mul(fill, price);
            var buyerPays = SignedArithmetic.CeilDiv(api, premium, 10_000, 120);
            var sellerGets = SignedArithmetic.FloorDiv(api, premium, 10_000, 120);
            var makerFee = SignedArithmetic.CeilDiv(api, premium * p.MakerFeeRate.Value, 10_000L * 1_000_000, 140);
            var takerFee = SignedArithmetic.CeilDiv(api, premium * p.TakerFeeRate.Value, 10_000L * 1_000_000, 140);
            makerBuys = 1 - api.Mul(active, M(OrderField.Side));
            var makerCash = api.Select(makerBuys, -buyerPays, sellerGets) - makerFee;
            var takerCash = api.Select(makerBuys, sellerGets, -buyerPays) - takerFee;
            makerAfter.Collateral = maker.Collateral + makerCash;
            takerAfter.Collateral = taker.Collateral + takerCash;
            // Premiums and fees are paid from cash (TradeProcessor.RequireCashCovers): no balance goes below zero.
            check.NonNegative("collateral.sufficient", makerAfter.Collateral, 63);
            check.NonNegative("collateral.sufficient", takerAfter.Collateral, 63);
            ctx.PayInsurance(active, buyerPays - sellerGets + makerFee + takerFee);

            // Positions and the risk cache.
            var makerDelta = api.Select(makerBuys, fill, -fill);
            (makerBefore, makerQ) = PositionBook.Add(api, makerAfter, series.Key, makerDelta, active);
            (takerBefore, takerQ) = PositionBook.Add(api, takerAfter, series.Key, -makerDelta, active);
            PositionBook.AddRiskChange(api, makerAfter, series, makerBefore, makerQ);
            PositionBook.AddRiskChange(api, takerAfter, series, takerBefore, takerQ);
            ctx.CommitPrimary(active, makerAfter);
            ctx.CommitCounterparty(active, takerAfter);
            ctx.RequestMargin(0, active, makerAfter);
            ctx.RequestMargin(1, active, takerAfter);
            ctx.PublishData(active, TypeCode, ctx.Primary.Index, ctx.Counterparty.Index, series.Key, price, fill,
                M(OrderField.StorageId), T(OrderField.StorageId));
        }
        return () =>
        {
            using (api.Scope("trade"))
            {
                MarginAfter(api, check, ctx.Margin[0], makerBefore, makerQ);
                MarginAfter(api, check, ctx.Margin[1], takerBefore, takerQ);
            }
        };
    }

    /// <summary>The sponge of (account, series, side, limitPrice, amount, storageId, validUntil, maxFee, chainId) (Order.Hash).</summary>
    private static Variable OrderHash(Api api, Func<OrderField, Variable> f, long chainId) => PoseidonSponge.Hash(api,
        [.. Enum.GetValues<OrderField>().Select(f), chainId]);

    /// <summary>
    /// The order's slot (storageId mod 2^(2·depth)): a higher storage id starts it afresh, the same id continues it,
    /// a lower one is a replay; the fill must not take it past the order's amount. Returns the new order root.
    /// </summary>
    private static Variable FillOrder(SlotContext ctx, RuleCheck check, int port, AccountState account, Func<OrderField, Variable> f, Variable fill)
    {
        var api = ctx.Api;
        int depth = ctx.Shape.Parameters.OrderTreeDepth;
        var stored = ctx.OrderSlots[port];
        using (api.Scope(port == 0 ? "maker order slot" : "taker order slot"))
        {
            var storageId = api.Mul(check.Active, f(OrderField.StorageId));
            check.NonNegative("amount.positive", storageId - 1, 48);
            check.NonNegative("amount.positive", f(OrderField.Amount) - 1, 47);
            var (_, slot) = SignedArithmetic.SplitLow(api, storageId, 2 * depth, 48);
            check.LessOrEqual("order.not-replayed", stored.StorageId, storageId, 48);
            var same = api.IsEqual(stored.StorageId, storageId);
            var filledAfter = api.Mul(same, stored.Filled) + fill;
            check.LessOrEqual("order.not-overfilled", filledAfter, f(OrderField.Amount), 48);
            return stored.Apply(api, depth, check.Active, account.OrderRoot, slot, storageId, filledAfter);
        }
    }

    /// <summary>Initial margin holds, or the position shrank without changing sign and maintenance holds.</summary>
    private static void MarginAfter(Api api, RuleCheck check, MarginFigures figures, Variable before, Variable after)
    {
        var initial = CommonChecks.HoldsInitial(api, figures);
        var maintenance = CommonChecks.HoldsMaintenance(api, figures);
        // Reducing: 0 ≤ after ≤ before or before ≤ after ≤ 0.
        var afterNonNegative = SignedArithmetic.IsNonNegative(api, after, PositionBook.QuantityBits);
        var afterNonPositive = SignedArithmetic.IsNonNegative(api, -after, PositionBook.QuantityBits);
        var shrinksLong = api.Mul(afterNonNegative, SignedArithmetic.IsNonNegative(api, before - after, PositionBook.QuantityBits + 1));
        var shrinksShort = api.Mul(afterNonPositive, SignedArithmetic.IsNonNegative(api, after - before, PositionBook.QuantityBits + 1));
        var reducing = shrinksLong + shrinksShort - api.Mul(shrinksLong, shrinksShort);
        var ok = initial + api.Mul(1 - initial, api.Mul(reducing, maintenance));
        check.True("margin.after", ok);
    }
}
