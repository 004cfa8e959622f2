// SPDX-License-Identifier: MIT
using ZkOptions.Settlement.Pricing;
using ZkOptions.Settlement.Risk;

namespace ZkOptions.Settlement.Oracle;

/// <summary>
/// What the risk oracle computed for one series: the published figures (<see cref="Risk"/>) and, for a live series,
/// the floating-point model values behind them (for reports; never committed).
/// </summary>
/// <param name="Risk">Mark, short charge, settlement price and risk array as the epoch publishes them.</param>
/// <param name="ImpliedVol">The strike's implied vol from the smile (0 once expired).</param>
/// <param name="Greeks">Black-76 value and Greeks in dollars (intrinsic, with zero Greeks, once expired).</param>
public sealed record SeriesValuation(SeriesRisk Risk, double ImpliedVol, OptionGreeks Greeks)
{
    /// <summary>True when the series had expired at the epoch's timestamp.</summary>
    public bool Expired => Risk.IsSettled;
}
