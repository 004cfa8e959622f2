// SPDX-License-Identifier: MIT
using MathNet.Numerics;
using MathNet.Numerics.LinearAlgebra;
using MathNet.Numerics.Optimization;

namespace ZkOptions.Settlement.Pricing;

/// <summary>
/// Fits a raw SVI smile (<see cref="SviParameters"/>) to one expiry's (strike, implied vol) quotes by weighted least
/// squares in total variance, Σ wᵢ·(w(kᵢ) − σᵢ²T)², always returning parameters inside the raw-SVI domain.
/// </summary>
/// <remarks>
/// Two stages, both with MathNet.Numerics' <see cref="NelderMeadSimplex"/>:
/// <list type="number">
/// <item><description>Quasi-explicit (Zeliade, "Quasi-explicit calibration of Gatheral's SVI model", 2009): for fixed
/// (m, σ) the smile is linear in (a, d = ρbσ, c = bσ) with y = (k − m)/σ: w = a + d·y + c·√(y² + 1). The inner linear
/// least squares is solved exactly (QR); if its solution leaves the domain (c ≥ 0, |d| &lt; c, a + √(c² − d²) ≥ 0)
/// it is projected into it, so the objective is always that of a valid smile. Nelder–Mead searches (m, ln σ) from
/// several starts.</description></item>
/// <item><description>Polish: Nelder–Mead over all five parameters, reparametrised so that every point is valid
/// (b = β², ρ = tanh r, σ = e^s, a = −bσ√(1 − ρ²) + α²), from the stage-1 optimum; kept if better.</description></item>
/// </list>
/// Quotes generated from an SVI smile are recovered to about 1e-6 in each parameter.
/// </remarks>
public static class SviFit
{
    /// <summary>One quote: strike (same units as the forward) and Black-76 implied volatility.</summary>
    /// <param name="Strike">Strike K &gt; 0.</param>
    /// <param name="ImpliedVol">Implied volatility &gt; 0 (per year).</param>
    /// <param name="Weight">Least-squares weight (e.g. vega or 1/spread²); 1 by default.</param>
    public readonly record struct Quote(double Strike, double ImpliedVol, double Weight = 1);

    /// <summary>The fitted smile and how well it fits.</summary>
    /// <param name="Parameters">The raw SVI parameters (inside the domain).</param>
    /// <param name="RmsTotalVarianceError">√(Σ wᵢ·(w(kᵢ) − σᵢ²T)² / Σ wᵢ).</param>
    /// <param name="MaxVolError">Largest |√(w(kᵢ)/T) − σᵢ| over the quotes.</param>
    public sealed record Result(SviParameters Parameters, double RmsTotalVarianceError, double MaxVolError);

    /// <summary>
    /// Fits the quotes of one expiry with forward <paramref name="forward"/> and <paramref name="years"/> to expiry.
    /// Needs at least five quotes with distinct strikes.
    /// </summary>
    public static Result Fit(double forward, double years, IReadOnlyList<Quote> quotes)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(forward);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(years);
        if (quotes.Select(q => q.Strike).Distinct().Count() < 5)
        {
            throw new ArgumentException("an SVI fit needs at least five quotes with distinct strikes", nameof(quotes));
        }
        foreach (Quote q in quotes)
        {
            if (!(q.Strike > 0 && q.ImpliedVol > 0 && q.Weight > 0 && double.IsFinite(q.Strike + q.ImpliedVol + q.Weight)))
            {
                throw new ArgumentException($"quote ({q.Strike}, {q.ImpliedVol}, weight {q.Weight}) must have a positive strike, vol and weight", nameof(quotes));
            }
        }
        double[] k = quotes.Select(q => Math.Log(q.Strike / forward)).ToArray();
        double[] w = quotes.Select(q => q.ImpliedVol * q.ImpliedVol * years).ToArray();
        double[] weight = quotes.Select(q => q.Weight).ToArray();

        SviParameters best = QuasiExplicit(k, w, weight);
        double bestError = Objective(best, k, w, weight);
        SviParameters polished = Polish(best, k, w, weight);
        double polishedError = Objective(polished, k, w, weight);
        if (polished.Problem() is null && polishedError < bestError)
        {
            best = polished;
            bestError = polishedError;
        }
        double maxVolError = 0;
        for (int i = 0; i < k.Length; i++)
        {
            maxVolError = Math.Max(maxVolError, Math.Abs(best.ImpliedVol(k[i], years) - quotes[i].ImpliedVol));
        }
        return new Result(best, Math.Sqrt(bestError / weight.Sum()), maxVolError);
    }

    private static double Objective(in SviParameters p, double[] k, double[] w, double[] weight)
    {
        double sum = 0;
        for (int i = 0; i < k.Length; i++)
        {
            double r = p.TotalVariance(k[i]) - w[i];
            sum += weight[i] * r * r;
        }
        return sum;
    }

    // ---------------------------------------------------------------- stage 1: quasi-explicit

    private static SviParameters QuasiExplicit(double[] k, double[] w, double[] weight)
    {
        double kMin = k.Min(), kMax = k.Max();
        double span = Math.Max(kMax - kMin, 1e-3);
        SviParameters? best = null;
        double bestError = double.PositiveInfinity;
        foreach (double m0 in new[] { kMin + 0.25 * span, 0.5 * (kMin + kMax), kMax - 0.25 * span, 0.0 })
        {
            foreach (double s0 in new[] { 0.05 * span, 0.3 * span })
            {
                var start = Vector<double>.Build.Dense([m0, Math.Log(Math.Max(s0, 1e-4))]);
                var (x, _) = Minimize(v => Objective(Inner(v[0], Math.Exp(v[1]), k, w, weight), k, w, weight),
                    start, Vector<double>.Build.Dense([0.1 * span, 0.5]));
                SviParameters p = Inner(x[0], Math.Exp(x[1]), k, w, weight);
                double e = Objective(p, k, w, weight);
                if (e < bestError)
                {
                    bestError = e;
                    best = p;
                }
            }
        }
        return best!.Value;
    }

    /// <summary>The best valid (a, d, c) for fixed (m, σ): weighted linear least squares, projected into the domain.</summary>
    private static SviParameters Inner(double m, double sigma, double[] k, double[] w, double[] weight)
    {
        sigma = Math.Clamp(sigma, 1e-6, 1e3);
        int n = k.Length;
        var x = Matrix<double>.Build.Dense(n, 3);
        var y = Vector<double>.Build.Dense(n);
        for (int i = 0; i < n; i++)
        {
            double sw = Math.Sqrt(weight[i]);
            double z = (k[i] - m) / sigma;
            x[i, 0] = sw;
            x[i, 1] = sw * z;
            x[i, 2] = sw * Math.Sqrt(z * z + 1);
            y[i] = sw * w[i];
        }
        double a, d, c;
        try
        {
            Vector<double> theta = x.QR().Solve(y);
            (a, d, c) = (theta[0], theta[1], theta[2]);
        }
        catch (Exception e) when (e is ArgumentException or InvalidOperationException or NonConvergenceException)
        {
            (a, d, c) = (w.Average(), 0, 0);
        }
        if (!double.IsFinite(a) || !double.IsFinite(d) || !double.IsFinite(c))
        {
            (a, d, c) = (w.Average(), 0, 0);
        }
        c = Math.Max(c, 0);
        double dMax = c * (1 - 1e-9);
        d = Math.Clamp(d, -dMax, dMax);
        a = Math.Max(a, -Math.Sqrt(Math.Max(c * c - d * d, 0)));
        double b = c / sigma;
        double rho = c > 0 ? d / c : 0;
        return new SviParameters(a, b, rho, m, sigma);
    }

    // ---------------------------------------------------------------- stage 2: polish all five

    private static SviParameters Polish(SviParameters start, double[] k, double[] w, double[] weight)
    {
        double b = Math.Max(start.B, 1e-8);
        double rho = Math.Clamp(start.Rho, -0.999999, 0.999999);
        double floor = -b * start.Sigma * Math.Sqrt(1 - rho * rho);
        var x0 = Vector<double>.Build.Dense([
            Math.Sqrt(Math.Max(start.A - floor, 0)), Math.Sqrt(b), Math.Atanh(rho), start.M, Math.Log(start.Sigma)]);
        var step = Vector<double>.Build.Dense([0.01, 0.05, 0.05, 0.01, 0.05]);
        Vector<double> x = x0;
        for (int round = 0; round < 3; round++)
        {
            (x, _) = Minimize(v => Objective(FromFree(v), k, w, weight), x, step);
            step *= 0.1;
        }
        return FromFree(x);
    }

    private static SviParameters FromFree(Vector<double> v)
    {
        double b = v[1] * v[1];
        double rho = Math.Tanh(v[2]);
        double sigma = Math.Exp(Math.Clamp(v[4], -20, 20));
        double a = -b * sigma * Math.Sqrt(1 - rho * rho) + v[0] * v[0];
        return new SviParameters(a, b, rho, v[3], sigma);
    }

    // ---------------------------------------------------------------- Nelder–Mead that keeps its best point

    private static (Vector<double> X, double Value) Minimize(Func<Vector<double>, double> f, Vector<double> start, Vector<double> step)
    {
        Vector<double> bestX = start;
        double bestValue = double.PositiveInfinity;
        double Tracked(Vector<double> v)
        {
            double value = f(v);
            if (!double.IsFinite(value))
            {
                return double.MaxValue;
            }
            if (value < bestValue)
            {
                bestValue = value;
                bestX = v.Clone();
            }
            return value;
        }
        try
        {
            new NelderMeadSimplex(1e-15, 4_000).FindMinimum(ObjectiveFunction.Value(Tracked), start, step);
        }
        catch (MaximumIterationsException)
        {
            // The best point seen so far is kept: a smile close to optimal is still a valid smile.
        }
        return (bestX, bestValue);
    }
}
