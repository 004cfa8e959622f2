// SPDX-License-Identifier: MIT
using System.Globalization;
using ZkOptions.Settlement.Margin;
using ZkOptions.Settlement.Numbers;
using ZkOptions.Settlement.Orders;
using ZkOptions.Settlement.Risk;
using ZkOptions.Settlement.State;
using ZkOptions.Settlement.Transactions;
using static ZkOptions.Settlement.Transactions.TransactionRejectedException;

namespace ZkOptions.Settlement.Engine;

/// <summary>
/// Liquidation as a Dutch auction of a fraction of the whole portfolio (Derive's design, DESIGN.md §4): start only
/// below maintenance; bids take the same fraction of every slot and of the cash, at a price that falls with time;
/// the fraction is capped at what restores the buffer margin; the liquidator must hold initial margin after; a fee
/// goes to the insurance account, which also pays for insolvent portions and covers a negative balance at the end.
/// </summary>
internal static class LiquidationProcessor
{
    public static void Start(TransactionContext ctx, LiquidationStartTx tx)
    {
        Account account = ctx.Load(tx.Account, "liquidated");
        Require(!account.IsLiquidating, Rule.LiquidationInProgress, () => $"account {tx.Account} is already in liquidation");
        OracleEpoch epoch = ctx.FreshEpoch();
        TransactionContext.RequireCurrentCache(account, epoch);
        MarginFigures f = ctx.Figures(account);
        Require(!f.HoldsMaintenance, Rule.LiquidationMaintenanceFails,
            () => $"account {tx.Account} holds maintenance margin: MtM {f.MarkToMarket.ToDollars()} − MM {f.Maintenance.ToDollars()} = {f.MaintenanceExcess.ToDollars()} USD");
        account.LiquidationStart = ctx.Timestamp;
        ctx.Details["maintenanceExcess"] = f.MaintenanceExcess.ToString();
    }

    public static void Bid(TransactionContext ctx, LiquidationBidTx tx)
    {
        var p = ctx.Parameters;
        Require(tx.Liquidator != tx.Victim, Rule.LiquidationInProgress, () => "an account cannot bid on its own liquidation");
        Account victim = ctx.Load(tx.Victim, "liquidated");
        Account liquidator = ctx.Load(tx.Liquidator, "liquidator");
        Require(victim.IsLiquidating, Rule.LiquidationInProgress, () => $"account {tx.Victim} is not in liquidation");
        Require(!liquidator.IsLiquidating, Rule.NotLiquidating, () => $"liquidator {tx.Liquidator} is itself in liquidation");
        Require(tx.Fraction is >= 1 and <= LiquidationBidTx.FractionScale, Rule.AmountPositive,
            () => $"fraction {tx.Fraction} is outside 1 … {LiquidationBidTx.FractionScale} (1e-4 of the portfolio)");
        Require(tx.Price.Micros >= 0, Rule.AmountPositive, () => "a bid price is ≥ 0");
        Require(tx.Nonce == liquidator.Nonce, Rule.NonceMatches, () => $"nonce {tx.Nonce} given, liquidator expects {liquidator.Nonce}");
        TransactionContext.RequireSignature(liquidator,
            SignedMessages.LiquidationBid(tx.Liquidator, tx.Victim, tx.Fraction, tx.Price, tx.Nonce, p.ChainId), tx.Signature, "the bid");
        OracleEpoch epoch = ctx.FreshEpoch();
        TransactionContext.RequireCurrentCache(victim, epoch);
        TransactionContext.RequireCurrentCache(liquidator, epoch);

        MarginFigures before = ctx.Figures(victim);
        Ppm factor = AuctionSchedule.Factor(p, ctx.Timestamp - victim.LiquidationStart);
        long cap = FractionCap(p, before, factor);
        Require(tx.Fraction <= cap, Rule.FractionCap,
            () => $"fraction {tx.Fraction} exceeds the cap {cap} that restores the buffer margin (buffer excess {before.BufferExcess.ToDollars()} USD)");

        // The portion: the same fraction of the cash and of every slot, truncated towards zero.
        Usd cash = new(checked((long)(Int128.DivRem((Int128)victim.Collateral.Micros * tx.Fraction, LiquidationBidTx.FractionScale).Quotient)));
        Int128 portionMarkExact = 0;
        var moves = new List<(SeriesRisk Risk, Quantity Q)>();
        foreach (PositionSlot slot in victim.Positions)
        {
            if (slot.Series is not { } key)
            {
                continue;
            }
            Quantity q = new(checked((long)(Int128.DivRem((Int128)slot.Quantity.Units * tx.Fraction, LiquidationBidTx.FractionScale).Quotient)));
            SeriesRisk risk = ctx.ReadSeries(epoch, key);
            if (!q.IsZero)
            {
                moves.Add((risk, q));
                portionMarkExact += Exact.Notional(q, risk.Mark);
            }
        }
        Usd portionValue = cash + Exact.FloorUsd(portionMarkExact);

        Account insurance = ctx.Insurance();
        if (portionValue.Micros > 0)
        {
            Usd minimum = Exact.MulCeil(portionValue, factor);
            Require(tx.Price >= minimum, Rule.BidSchedule,
                () => $"bid {tx.Price.ToDollars()} USD is below the schedule: {factor.ToDecimal()} × portion value {portionValue.ToDollars()} = {minimum.ToDollars()} USD");
            Usd fee = Exact.MulCeil(tx.Price, p.LiquidatorFeeRate);
            liquidator.Collateral -= tx.Price;
            victim.Collateral += tx.Price - fee;
            insurance.Collateral += fee;
            ctx.Details["fee"] = fee.ToString();
        }
        else
        {
            // Insolvent portion: the insurance account pays the liquidator to take it — its negative value plus a
            // discount on its maintenance requirement that grows as the auction factor falls.
            Usd incentive = new(checked((long)Exact.FloorDiv(
                (Int128)before.Maintenance.Micros * tx.Fraction * (Ppm.Scale - factor.Value), (Int128)LiquidationBidTx.FractionScale * Ppm.Scale)));
            Usd maximum = -portionValue + incentive;
            Require(tx.Price <= maximum, Rule.BidSchedule,
                () => $"insolvent portion: the bid asks {tx.Price.ToDollars()} USD from insurance, the schedule allows {maximum.ToDollars()} USD");
            insurance.Collateral -= tx.Price;
            liquidator.Collateral += tx.Price;
            ctx.Details["insolvent"] = "true";
        }

        victim.Collateral -= cash;
        liquidator.Collateral += cash;
        foreach (var (risk, q) in moves)
        {
            MoveSlot(ctx, victim, risk, -q);
            MoveSlot(ctx, liquidator, risk, q);
        }
        MarginFigures liqAfter = ctx.Figures(liquidator);
        Require(liqAfter.HoldsInitial, Rule.MarginAfter,
            () => $"liquidator {tx.Liquidator} fails initial margin after the bid: excess {liqAfter.InitialExcess.ToDollars()} USD");

        ctx.Details["factor"] = factor.ToString();
        ctx.Details["fractionCap"] = cap.ToString(CultureInfo.InvariantCulture);
        ctx.Details["portionValue"] = portionValue.ToString();
    }

    public static void End(TransactionContext ctx, LiquidationEndTx tx)
    {
        Account account = ctx.Load(tx.Account, "liquidated");
        Require(account.IsLiquidating, Rule.LiquidationInProgress, () => $"account {tx.Account} is not in liquidation");
        if (account.HasNoPositions)
        {
            if (account.Collateral.Micros < 0)
            {
                Usd cover = -account.Collateral;
                ctx.Insurance().Collateral -= cover;
                account.Collateral += cover;
                ctx.Details["insuranceCover"] = cover.ToString();
            }
        }
        else
        {
            OracleEpoch epoch = ctx.FreshEpoch();
            TransactionContext.RequireCurrentCache(account, epoch);
            MarginFigures f = ctx.Figures(account);
            Require(f.HoldsInitial, Rule.LiquidationCanEnd,
                () => $"account {tx.Account} still fails initial margin (excess {f.InitialExcess.ToDollars()} USD) and holds positions");
        }
        account.LiquidationStart = 0;
    }

    /// <summary>
    /// The largest fraction (1e-4 units) a bid may take: the least f with BM + f·(P − BM)/10⁴ ≥ 0, where BM &lt; 0 is
    /// the buffer excess and P = MtM·factor·(1 − fee) is what the victim keeps per whole portfolio sold. Whole
    /// portfolio when insolvent; none once the buffer holds.
    /// </summary>
    internal static long FractionCap(Parameters.ExchangeParameters p, MarginFigures f, Ppm factor)
    {
        if (f.MarkToMarket.Micros <= 0)
        {
            return LiquidationBidTx.FractionScale;
        }
        long bm = f.BufferExcess.Micros;
        if (bm >= 0)
        {
            return 0;
        }
        Int128 kept = Exact.FloorDiv((Int128)f.MarkToMarket.Micros * factor.Value * (Ppm.Scale - p.LiquidatorFeeRate.Value), (Int128)Ppm.Scale * Ppm.Scale);
        Int128 cap = Exact.CeilDiv((Int128)(-bm) * LiquidationBidTx.FractionScale, kept - bm);
        return (long)Int128.Min(cap, LiquidationBidTx.FractionScale);
    }

    private static void MoveSlot(TransactionContext ctx, Account account, SeriesRisk risk, Quantity delta)
    {
        Quantity before = account.PositionIn(risk.Key);
        int slot = account.AddPosition(risk.Key, delta);
        Require(slot >= 0, Rule.PositionSlotFree,
            () => $"account {account.Index} has no free slot for {risk.Key.ToDisplay(ctx.Parameters.UnderlyingName)}");
        MarginCalculator.AddChange(account.Risk, risk, before, before + delta);
    }
}
