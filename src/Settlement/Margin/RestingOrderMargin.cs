// SPDX-License-Identifier: MIT
using ZkOptions.Settlement.Instruments;
using ZkOptions.Settlement.Numbers;
using ZkOptions.Settlement.Orders;
using ZkOptions.Settlement.Parameters;
using ZkOptions.Settlement.Risk;
using ZkOptions.Settlement.State;

namespace ZkOptions.Settlement.Margin;

/// <summary>What an order's worst-case fill would leave an account with, and whether the trade rules would allow it.</summary>
public sealed record RestingOrderMargin(bool Allowed, string Reason, MarginFigures? Figures)
{
    /// <summary>
    /// The check a venue makes before an order rests (a pre-trade check): the account's positions and collateral as
    /// if <paramref name="order"/> filled completely at its limit price paying the higher of the two fee rates,
    /// judged by the trade rule — premiums and fees paid from cash, and initial margin holding, or the trade reducing
    /// the position without changing its sign and maintenance holding. Other resting orders are not counted.
    /// </summary>
    public static RestingOrderMargin Check(Account account, Order order, OracleEpoch epoch, ExchangeParameters p)
    {
        var positions = (PositionSlot[])account.Positions.Clone();
        Quantity delta = order.Side == Side.Buy ? order.Amount : -order.Amount;
        Quantity before = account.PositionIn(order.Series);
        int slot = Array.FindIndex(positions, s => s.Series == order.Series);
        if (slot < 0 && (slot = Array.FindIndex(positions, s => s.IsEmpty)) < 0)
        {
            return new(false, $"account {account.Index} holds {positions.Length} other series: no position slot is free", null);
        }
        Quantity after = before + delta;
        positions[slot] = after.IsZero ? PositionSlot.Empty : new PositionSlot(order.Series, after);

        Int128 premium = Exact.Notional(order.Amount, order.LimitPrice);
        Ppm feeRate = p.TakerFeeRate.Value >= p.MakerFeeRate.Value ? p.TakerFeeRate : p.MakerFeeRate;
        Usd fee = new(checked((long)Exact.CeilDiv(premium * feeRate.Value, (Int128)Exact.QuantityTimesPriceScale * Ppm.Scale)));
        Usd collateral = account.Collateral - fee + (order.Side == Side.Buy ? -Exact.CeilUsd(premium) : Exact.FloorUsd(premium));
        if (collateral.Micros < 0)
        {
            return new(false, $"account {account.Index} would hold {collateral.ToDollars()} USD after a full fill: premiums and fees are paid from collateral", null);
        }
        if (MarginCalculator.ComputeCache(positions, epoch, out SeriesKey? missing) is not { } cache)
        {
            return new(false, $"epoch {epoch.Id} does not list series {missing} the account holds", null);
        }
        MarginFigures f = MarginCalculator.Evaluate(collateral, cache, p);
        bool reducing = Math.Abs(after.Units) <= Math.Abs(before.Units) && (after.IsZero || Math.Sign(after.Units) == Math.Sign(before.Units));
        if (f.HoldsInitial || (reducing && f.HoldsMaintenance))
        {
            return new(true, "", f);
        }
        return new(false, reducing
            ? $"account {account.Index} would fail maintenance after a full fill: MtM {f.MarkToMarket.ToDollars()} − MM {f.Maintenance.ToDollars()} = {f.MaintenanceExcess.ToDollars()} USD"
            : $"account {account.Index} would fail initial margin after a full fill: MtM {f.MarkToMarket.ToDollars()} − IM {f.Initial.ToDollars()} = {f.InitialExcess.ToDollars()} USD", f);
    }
}
