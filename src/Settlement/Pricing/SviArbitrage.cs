// SPDX-License-Identifier: MIT
namespace ZkOptions.Settlement.Pricing;

/// <summary>
/// Static-arbitrage checks for SVI smiles on a log-moneyness grid (Gatheral &amp; Jacquier, "Arbitrage-free SVI
/// volatility surfaces", arXiv:1204.0646):
/// <list type="bullet">
/// <item><description>butterfly: the risk-neutral density is non-negative, i.e.
/// <c>g(k) = (1 − k·w′/(2w))² − (w′²/4)·(1/w + 1/4) + w″/2 ≥ 0</c> and w(k) &gt; 0 at every grid point, plus Lee's
/// moment bound on the wings, b·(1 + |ρ|) ≤ 2;</description></item>
/// <item><description>calendar: total variance is non-decreasing in T at every grid k, across expiries.</description></item>
/// </list>
/// A grid cannot prove the absence of arbitrage between its points; the default grid (k ∈ [−2, 2], step 0.005,
/// i.e. strikes from 0.14·F to 7.4·F) covers every strike an exchange lists.
/// </summary>
public static class SviArbitrage
{
    /// <summary>Lowest grid log-moneyness by default.</summary>
    public const double DefaultMinK = -2.0;

    /// <summary>Highest grid log-moneyness by default.</summary>
    public const double DefaultMaxK = 2.0;

    /// <summary>Grid step by default.</summary>
    public const double DefaultStep = 0.005;

    /// <summary>Tolerance: g(k) and w(T₂) − w(T₁) may be this far below zero (floating-point noise).</summary>
    public const double Tolerance = 1e-12;

    /// <summary>Gatheral's density factor g(k) (the density is g(k)·φ(d₂)/√w); NaN where w(k) ≤ 0.</summary>
    public static double G(in SviParameters p, double k)
    {
        double w = p.TotalVariance(k);
        if (!(w > 0))
        {
            return double.NaN;
        }
        double w1 = p.FirstDerivative(k);
        double w2 = p.SecondDerivative(k);
        double t = 1 - k * w1 / (2 * w);
        return t * t - w1 * w1 / 4 * (1 / w + 0.25) + w2 / 2;
    }

    /// <summary>The grid points minK, minK + step, …, maxK.</summary>
    public static IEnumerable<double> Grid(double minK = DefaultMinK, double maxK = DefaultMaxK, double step = DefaultStep)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(step);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(minK, maxK);
        int n = (int)Math.Floor((maxK - minK) / step + 1e-9);
        for (int i = 0; i <= n; i++)
        {
            yield return minK + i * step;
        }
    }

    /// <summary>
    /// Null when the smile is free of butterfly arbitrage on the grid; otherwise where and how it fails
    /// (the first failing grid point).
    /// </summary>
    public static string? ButterflyProblem(in SviParameters p, double minK = DefaultMinK, double maxK = DefaultMaxK, double step = DefaultStep)
    {
        if (p.Problem() is { } domain)
        {
            return domain;
        }
        double wing = p.B * (1 + Math.Abs(p.Rho));
        if (wing > 2 + Tolerance)
        {
            return $"b·(1 + |rho|) = {wing:G6} exceeds Lee's bound 2 (a wing's total variance grows faster than 2|k|)";
        }
        foreach (double k in Grid(minK, maxK, step))
        {
            double w = p.TotalVariance(k);
            if (!(w > 0))
            {
                return $"total variance w({k:0.###}) = {w:G6} is not positive";
            }
            double g = G(p, k);
            if (g < -Tolerance)
            {
                return $"butterfly arbitrage: g({k:0.###}) = {g:G6} < 0 (negative risk-neutral density)";
            }
        }
        return null;
    }

    /// <summary>True when <see cref="ButterflyProblem"/> finds nothing.</summary>
    public static bool IsButterflyFree(in SviParameters p, double minK = DefaultMinK, double maxK = DefaultMaxK, double step = DefaultStep) =>
        ButterflyProblem(p, minK, maxK, step) is null;

    /// <summary>
    /// Null when total variance is non-decreasing in time to expiry at every grid k; otherwise the first pair of
    /// expiries (by time) and the k where it decreases. <paramref name="smiles"/> pairs each expiry's time to expiry
    /// (years, any order, distinct) with its smile.
    /// </summary>
    public static string? CalendarProblem(IEnumerable<(double Years, SviParameters Smile)> smiles,
        double minK = DefaultMinK, double maxK = DefaultMaxK, double step = DefaultStep)
    {
        var ordered = smiles.OrderBy(s => s.Years).ToArray();
        for (int i = 1; i < ordered.Length; i++)
        {
            var (t1, s1) = ordered[i - 1];
            var (t2, s2) = ordered[i];
            foreach (double k in Grid(minK, maxK, step))
            {
                double w1 = s1.TotalVariance(k);
                double w2 = s2.TotalVariance(k);
                if (w2 < w1 - Tolerance)
                {
                    return $"calendar arbitrage: total variance at k = {k:0.###} falls from {w1:G6} (T = {t1:G4} y) to {w2:G6} (T = {t2:G4} y)";
                }
            }
        }
        return null;
    }

    /// <summary>True when <see cref="CalendarProblem"/> finds nothing.</summary>
    public static bool IsCalendarFree(IEnumerable<(double Years, SviParameters Smile)> smiles,
        double minK = DefaultMinK, double maxK = DefaultMaxK, double step = DefaultStep) =>
        CalendarProblem(smiles, minK, maxK, step) is null;
}
