// SPDX-License-Identifier: MIT
using ZkOptions.Settlement.Margin;
using ZkOptions.Settlement.Numbers;
using ZkOptions.Settlement.Orders;
using ZkOptions.Settlement.Risk;
using ZkOptions.Settlement.State;
using ZkOptions.Settlement.Transactions;
using static ZkOptions.Settlement.Transactions.TransactionRejectedException;

namespace ZkOptions.Settlement.Engine;

/// <summary>
/// A fill between a maker and a taker order, at the maker's price. Cash legs are computed exactly and rounded
/// once: the buyer pays ⌈f·p⌉, the seller receives ⌊f·p⌋, the difference and both fees (⌈rate·f·p⌉) go to the
/// insurance account, so collateral is conserved to the micro-dollar.
/// </summary>
internal static class TradeProcessor
{
    public static void Apply(TransactionContext ctx, TradeTx tx)
    {
        Order maker = tx.Maker.Order, taker = tx.Taker.Order;
        var p = ctx.Parameters;
        Require(maker.Series == taker.Series && maker.Side != taker.Side && maker.Account != taker.Account, Rule.OrderSides,
            () => $"maker {maker.Side} {maker.Series} (account {maker.Account}) and taker {taker.Side} {taker.Series} (account {taker.Account}) do not face each other");
        ctx.RequireNotInsurance(maker.Account, "maker");
        ctx.RequireNotInsurance(taker.Account, "taker");
        Require(maker.ChainId == p.ChainId && taker.ChainId == p.ChainId, Rule.ChainId,
            () => $"orders signed for chains {maker.ChainId}/{taker.ChainId}; this exchange is {p.ChainId}");
        Require(tx.Fill.Units > 0, Rule.AmountPositive, () => $"fill {tx.Fill} must be positive");
        Require(maker.LimitPrice.Micros > 0 && taker.LimitPrice.Micros > 0, Rule.AmountPositive, () => "limit prices must be positive");
        Require(maker.ValidUntil >= ctx.Timestamp, Rule.OrderNotExpired, maker.Account, () => $"maker order expired at {maker.ValidUntil}, batch time {ctx.Timestamp}");
        Require(taker.ValidUntil >= ctx.Timestamp, Rule.OrderNotExpired, taker.Account, () => $"taker order expired at {taker.ValidUntil}, batch time {ctx.Timestamp}");
        Usd price = maker.LimitPrice;
        bool crosses = taker.Side == Side.Buy ? taker.LimitPrice >= price : taker.LimitPrice <= price;
        Require(crosses, Rule.PricesCross,
            () => $"taker {taker.Side} limit {taker.LimitPrice.ToDollars()} does not cross maker {maker.Side} limit {price.ToDollars()}");
        Require(p.MakerFeeRate.Value <= maker.MaxFee.Value, Rule.FeeWithinCap, maker.Account,
            () => $"maker fee rate {p.MakerFeeRate.ToDecimal()} exceeds the order's max {maker.MaxFee.ToDecimal()}");
        Require(p.TakerFeeRate.Value <= taker.MaxFee.Value, Rule.FeeWithinCap, taker.Account,
            () => $"taker fee rate {p.TakerFeeRate.ToDecimal()} exceeds the order's max {taker.MaxFee.ToDecimal()}");

        OracleEpoch epoch = ctx.FreshEpoch();
        Require(maker.Series.Expiry > ctx.Timestamp, Rule.SeriesLive, () => $"series expired at {maker.Series.Expiry}");
        SeriesRisk risk = ctx.ReadSeries(epoch, maker.Series);
        Require(!risk.IsSettled, Rule.SeriesLive, () => "the series has a settlement price");

        Account makerAccount = ctx.Load(maker.Account, "maker");
        Account takerAccount = ctx.Load(taker.Account, "taker");
        ctx.RequireSignature(makerAccount, maker.Hash(), tx.Maker.Signature, "the maker order");
        ctx.RequireSignature(takerAccount, taker.Hash(), tx.Taker.Signature, "the taker order");
        Require(!makerAccount.IsLiquidating, Rule.NotLiquidating, maker.Account, () => $"maker account {maker.Account} is in liquidation");
        Require(!takerAccount.IsLiquidating, Rule.NotLiquidating, taker.Account, () => $"taker account {taker.Account} is in liquidation");
        TransactionContext.RequireCurrentCache(makerAccount, epoch);
        TransactionContext.RequireCurrentCache(takerAccount, epoch);

        Fill(ctx, makerAccount, maker, tx.Fill, "maker");
        Fill(ctx, takerAccount, taker, tx.Fill, "taker");

        Int128 premiumExact = Exact.Notional(tx.Fill, price);
        Usd buyerPays = Exact.CeilUsd(premiumExact);
        Usd sellerGets = Exact.FloorUsd(premiumExact);
        Usd makerFee = FeeOn(premiumExact, p.MakerFeeRate);
        Usd takerFee = FeeOn(premiumExact, p.TakerFeeRate);
        Account buyer = maker.Side == Side.Buy ? makerAccount : takerAccount;
        Account seller = maker.Side == Side.Buy ? takerAccount : makerAccount;

        (Quantity Buyer, Quantity Seller) before = (buyer.PositionIn(maker.Series), seller.PositionIn(maker.Series));
        ctx.MovePosition(buyer, risk, tx.Fill);
        ctx.MovePosition(seller, risk, -tx.Fill);
        buyer.Collateral -= buyerPays;
        seller.Collateral += sellerGets;
        makerAccount.Collateral -= makerFee;
        takerAccount.Collateral -= takerFee;
        Account insurance = ctx.Insurance();
        insurance.Collateral += (buyerPays - sellerGets) + makerFee + takerFee;

        // Premiums and fees are paid from cash: collateral cannot be borrowed, so no balance goes below zero and every
        // positive balance is backed by tokens the contract holds.
        RequireCashCovers(makerAccount, "maker");
        RequireCashCovers(takerAccount, "taker");
        CheckMargin(ctx, buyer, before.Buyer, buyer.PositionIn(maker.Series), "buyer");
        CheckMargin(ctx, seller, before.Seller, seller.PositionIn(maker.Series), "seller");

        ctx.Details["price"] = price.ToString();
        ctx.Details["fill"] = tx.Fill.ToString();
        ctx.Details["buyerPays"] = buyerPays.ToString();
        ctx.Details["sellerReceives"] = sellerGets.ToString();
        ctx.Details["makerFee"] = makerFee.ToString();
        ctx.Details["takerFee"] = takerFee.ToString();
    }

    /// <summary>collateral.sufficient: the account's collateral after the transaction is ≥ 0.</summary>
    internal static void RequireCashCovers(Account account, string role) =>
        Require(account.Collateral.Micros >= 0, Rule.CollateralSufficient, account.Index,
            () => $"{role} account {account.Index} would hold {account.Collateral.ToDollars()} USD: premiums, fees and bids are paid from collateral");

    /// <summary>
    /// A trade may leave an account below initial margin only if it is risk-reducing — the traded position shrinks
    /// in size without changing sign (the only slot that changed) — and maintenance still holds.
    /// </summary>
    private static void CheckMargin(TransactionContext ctx, Account account, Quantity before, Quantity after, string role)
    {
        MarginFigures f = ctx.Figures(account);
        if (f.HoldsInitial)
        {
            return;
        }
        bool reducing = Math.Abs(after.Units) <= Math.Abs(before.Units) && (after.IsZero || Math.Sign(after.Units) == Math.Sign(before.Units));
        Require(reducing && f.HoldsMaintenance, Rule.MarginAfter, account.Index, () => reducing
            ? $"{role} account {account.Index} fails maintenance after a risk-reducing trade: MtM {f.MarkToMarket.ToDollars()} − MM {f.Maintenance.ToDollars()} = {f.MaintenanceExcess.ToDollars()} USD"
            : $"{role} account {account.Index} fails initial margin after the trade: MtM {f.MarkToMarket.ToDollars()} − 1.25·(Worst + Cont) {f.Initial.ToDollars()} = {f.InitialExcess.ToDollars()} USD");
    }

    private static void Fill(TransactionContext ctx, Account account, Order order, Quantity fill, string role)
    {
        Require(order.StorageId >= 1, Rule.AmountPositive, () => $"{role} storage id must be ≥ 1");
        Require(order.Amount.Units > 0 && order.Amount.Units <= Quantity.MaxUnits, Rule.AmountPositive, () => $"{role} order amount out of range");
        long slot = order.StorageId % ctx.Parameters.OrderSlotCapacity;
        OrderFill stored = account.Fill(slot);
        Require(order.StorageId >= stored.StorageId, Rule.OrderNotReplayed, account.Index,
            () => $"{role} order has storage id {order.StorageId}, but its slot {slot} already holds order {stored.StorageId}");
        Quantity filledBefore = order.StorageId == stored.StorageId ? stored.Filled : Quantity.Zero;
        Quantity filledAfter = filledBefore + fill;
        Require(filledAfter <= order.Amount, Rule.OrderNotOverfilled, account.Index,
            () => $"{role} order {order.StorageId}: {filledBefore.ToContracts()} filled + {fill.ToContracts()} > {order.Amount.ToContracts()} contracts");
        var after = new OrderFill(order.StorageId, filledAfter);
        ctx.OrderSlots.Add(new OrderSlotUpdate(account.Index, slot, stored, after, account.OrderTree.Prove(slot)));
        account.SetFill(slot, after);
    }

    private static Usd FeeOn(Int128 premiumExact, Ppm rate) =>
        new(checked((long)Exact.CeilDiv(premiumExact * rate.Value, (Int128)Exact.QuantityTimesPriceScale * Ppm.Scale)));
}
