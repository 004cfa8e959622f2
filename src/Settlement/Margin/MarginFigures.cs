// SPDX-License-Identifier: MIT
using ZkOptions.Settlement.Numbers;

namespace ZkOptions.Settlement.Margin;

/// <summary>
/// An account's margin figures in micro-USD, each rounded once from exact sums in the exchange's favour:
/// <list type="bullet">
/// <item><c>MtM = collateral + ⌊Σ q·mark⌋</c></item>
/// <item><c>Worst = max(0, ⌈max_s Σ q·RA[s]⌉)</c> (<see cref="WorstScenario"/> is its index, −1 when no loss)</item>
/// <item><c>Cont = ⌈Σ shortCharge·max(0, −q)⌉</c></item>
/// <item>maintenance requirement <c>MM = Worst + Cont</c>; initial <c>IM = ⌈1.25·MM⌉</c>; buffer <c>⌈1.15·MM⌉</c></item>
/// </list>
/// Maintenance holds when MtM − MM ≥ 0, initial when MtM − IM ≥ 0.
/// </summary>
public sealed record MarginFigures(
    Usd MarkToMarket, Usd Worst, int WorstScenario, Usd ShortCharge, Usd Maintenance, Usd Initial, Usd Buffer)
{
    /// <summary>MtM − MM.</summary>
    public Usd MaintenanceExcess => MarkToMarket - Maintenance;

    /// <summary>MtM − IM.</summary>
    public Usd InitialExcess => MarkToMarket - Initial;

    /// <summary>MtM − buffer requirement (negative while a liquidation may take more).</summary>
    public Usd BufferExcess => MarkToMarket - Buffer;

    /// <summary>MtM − MM ≥ 0.</summary>
    public bool HoldsMaintenance => MaintenanceExcess.Micros >= 0;

    /// <summary>MtM − IM ≥ 0.</summary>
    public bool HoldsInitial => InitialExcess.Micros >= 0;
}
