// SPDX-License-Identifier: MIT
using ZkOptions.Settlement.Margin;
using ZkOptions.Settlement.Numbers;
using ZkOptions.Settlement.Parameters;
using ZkOptions.Settlement.Risk;
using ZkOptions.Settlement.State;
using ZkOptions.Settlement.Transactions;

namespace ZkOptions.Settlement.Engine;

/// <summary>
/// The portion a liquidation bid takes and the schedule's price for it — what the engine enforces and what a
/// liquidator (or the simulator) needs to bid. The portion is the same fraction of the cash and of every slot,
/// truncated towards zero; its value is cash + ⌊Σ q·mark⌋. <see cref="Figures"/> are the victim's before the bid.
/// </summary>
public sealed record LiquidationQuote(MarginFigures Figures, Usd Cash, IReadOnlyList<(SeriesRisk Risk, Quantity Quantity)> Moves, Usd Value, Ppm Factor, long FractionCap, Usd Price)
{
    /// <summary>True when the portion is worth nothing or less: the insurance account pays the liquidator.</summary>
    public bool Insolvent => Value.Micros <= 0;

    /// <summary>
    /// The quote for <paramref name="fraction"/> (1e-4 units) of <paramref name="victim"/>'s portfolio at
    /// <paramref name="timestamp"/>. <see cref="Price"/> is the least a liquidator must pay (solvent) or the most it
    /// may ask from insurance (insolvent).
    /// </summary>
    public static LiquidationQuote For(Account victim, long fraction, OracleEpoch epoch, ExchangeParameters p, long timestamp)
    {
        MarginFigures figures = MarginCalculator.Evaluate(victim, p);
        Ppm factor = AuctionSchedule.Factor(p, timestamp - victim.LiquidationStart);
        Usd cash = new(checked((long)Int128.DivRem((Int128)victim.Collateral.Micros * fraction, LiquidationBidTx.FractionScale).Quotient));
        Int128 markExact = 0;
        var moves = new List<(SeriesRisk, Quantity)>();
        foreach (PositionSlot slot in victim.Positions)
        {
            if (slot.Series is not { } key || epoch.Find(key) is not { } found)
            {
                continue;
            }
            Quantity q = new(checked((long)Int128.DivRem((Int128)slot.Quantity.Units * fraction, LiquidationBidTx.FractionScale).Quotient));
            if (!q.IsZero)
            {
                moves.Add((found.Risk, q));
                markExact += Exact.Notional(q, found.Risk.Mark);
            }
        }
        Usd value = cash + Exact.FloorUsd(markExact);
        Usd price;
        if (value.Micros > 0)
        {
            price = Exact.MulCeil(value, factor);
        }
        else
        {
            // Insolvent portion: its negative value plus a discount on its maintenance requirement that grows as
            // the factor falls.
            Usd incentive = new(checked((long)Exact.FloorDiv(
                (Int128)figures.Maintenance.Micros * fraction * (Ppm.Scale - factor.Value), (Int128)LiquidationBidTx.FractionScale * Ppm.Scale)));
            price = -value + incentive;
        }
        return new LiquidationQuote(figures, cash, moves, value, factor, FractionCapOf(p, figures, factor), price);
    }

    /// <summary>
    /// The largest fraction (1e-4 units) a bid may take: the least f with BM + f·(P − BM)/10⁴ ≥ 0, where BM &lt; 0 is
    /// the buffer excess and P = MtM·factor·(1 − fee) is what the victim keeps per whole portfolio sold. The whole
    /// portfolio when MtM ≤ 0; none once the buffer holds.
    /// </summary>
    public static long FractionCapOf(ExchangeParameters p, MarginFigures f, Ppm factor)
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
}
