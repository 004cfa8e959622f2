// SPDX-License-Identifier: MIT
namespace ZkOptions.Settlement.Risk;

/// <summary>
/// The multiplicative, maturity-dependent implied-vol shock of Derive's PMRM and Paradex:
/// up = 1 + RangeUp·(30/max(DTE, FloorDays))^p, down = 1 − RangeDown·(30/max(DTE, FloorDays))^p, with
/// p = ShortTermPower when DTE ≤ 30 days, else LongTermPower. Short-dated options get larger relative shocks.
/// </summary>
/// <remarks>
/// Defaults are Derive's mainnet configuration (derivexyz/v2-core <c>scripts/config-mainnet.sol</c>, applied in
/// <c>src/risk-managers/PMRMLib.sol</c> <c>_addVolShocks</c>): volRangeUp 0.6, volRangeDown 0.3, shortTermPower 0.3,
/// longTermPower 0.13, dteFloor 1 day. Paradex (docs.paradex.trade/risk/portfolio-margin) uses the same form with the
/// same powers. See research/options-domain.md §2.3–2.4.
/// </remarks>
/// <param name="RangeUp">Up-shock size at 30 days (0.6).</param>
/// <param name="RangeDown">Down-shock size at 30 days (0.3).</param>
/// <param name="ShortTermPower">Exponent p at or below <paramref name="ShortTermDays"/> (0.3).</param>
/// <param name="LongTermPower">Exponent p beyond <paramref name="ShortTermDays"/> (0.13).</param>
/// <param name="ShortTermDays">Where the exponent switches (30 days).</param>
/// <param name="FloorDays">DTE floor in the ratio (1 day).</param>
public sealed record VolShock(
    double RangeUp = 0.6,
    double RangeDown = 0.3,
    double ShortTermPower = 0.3,
    double LongTermPower = 0.13,
    double ShortTermDays = 30,
    double FloorDays = 1)
{
    /// <summary>Derive's mainnet shock.</summary>
    public static VolShock Default { get; } = new();

    /// <summary>The factor the vol is multiplied by, for <paramref name="daysToExpiry"/> (fractional days).</summary>
    public double Factor(VolShockDirection direction, double daysToExpiry)
    {
        if (direction == VolShockDirection.None)
        {
            return 1;
        }
        double p = daysToExpiry <= ShortTermDays ? ShortTermPower : LongTermPower;
        double scale = Math.Pow(30 / Math.Max(daysToExpiry, FloorDays), p);
        return direction == VolShockDirection.Up ? 1 + RangeUp * scale : Math.Max(0, 1 - RangeDown * scale);
    }

    /// <summary>Throws <see cref="ArgumentException"/> unless every setting is finite and meaningful.</summary>
    public void Validate()
    {
        if (!(RangeUp >= 0 && RangeDown >= 0 && ShortTermPower >= 0 && LongTermPower >= 0 && ShortTermDays > 0 && FloorDays > 0
              && double.IsFinite(RangeUp + RangeDown + ShortTermPower + LongTermPower + ShortTermDays + FloorDays)))
        {
            throw new ArgumentException("vol shock settings must be finite, ranges and powers ≥ 0, day counts > 0");
        }
        if (Factor(VolShockDirection.Down, FloorDays) <= 0)
        {
            throw new ArgumentException("the down shock would take the vol of the shortest-dated options to zero or below");
        }
    }
}
