// SPDX-License-Identifier: MIT
using System.Globalization;

namespace ZkOptions.Settlement.Pricing;

/// <summary>
/// Gatheral's raw SVI smile for one expiry: total implied variance
/// <c>w(k) = a + b·(ρ·(k − m) + √((k − m)² + σ²))</c> at log-moneyness <c>k = ln(K/F)</c>, and implied volatility
/// <c>√(w(k)/T)</c>. <see cref="Validate"/> enforces the parameter domain (b ≥ 0, |ρ| &lt; 1, σ &gt; 0 and
/// a + b·σ·√(1 − ρ²) ≥ 0, i.e. the minimum total variance is not negative); absence of butterfly and calendar
/// arbitrage is a separate, grid-based check (<see cref="SviArbitrage"/>).
/// </summary>
/// <param name="A">Vertical level a (total variance).</param>
/// <param name="B">Wing slope b ≥ 0 (the wings' slopes are b(1 ± ρ)).</param>
/// <param name="Rho">Skew ρ in (−1, 1); negative for the usual put skew.</param>
/// <param name="M">Horizontal shift m of the smile's minimum (log-moneyness).</param>
/// <param name="Sigma">Curvature σ &gt; 0 at the minimum.</param>
public readonly record struct SviParameters(double A, double B, double Rho, double M, double Sigma)
{
    /// <summary>Total implied variance w(k).</summary>
    public double TotalVariance(double k)
    {
        double x = k - M;
        return A + B * (Rho * x + Math.Sqrt(x * x + Sigma * Sigma));
    }

    /// <summary>w′(k) = b·(ρ + (k − m)/√((k − m)² + σ²)).</summary>
    public double FirstDerivative(double k)
    {
        double x = k - M;
        return B * (Rho + x / Math.Sqrt(x * x + Sigma * Sigma));
    }

    /// <summary>w″(k) = b·σ²/((k − m)² + σ²)^(3/2).</summary>
    public double SecondDerivative(double k)
    {
        double x = k - M;
        double r = x * x + Sigma * Sigma;
        return B * Sigma * Sigma / (r * Math.Sqrt(r));
    }

    /// <summary>The smallest total variance, a + b·σ·√(1 − ρ²) (reached at k = m − ρσ/√(1 − ρ²)).</summary>
    public double MinimumTotalVariance => A + B * Sigma * Math.Sqrt(1 - Rho * Rho);

    /// <summary>Implied volatility √(w(k)/T) at log-moneyness k for T years (0 where w ≤ 0).</summary>
    public double ImpliedVol(double k, double years)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(years);
        return Math.Sqrt(Math.Max(TotalVariance(k), 0) / years);
    }

    /// <summary>Implied volatility at strike K on forward F for T years: k = ln(K/F).</summary>
    public double ImpliedVol(double strike, double forward, double years) => ImpliedVol(Math.Log(strike / forward), years);

    /// <summary>Null when the parameters are in the raw-SVI domain; otherwise what is wrong.</summary>
    public string? Problem()
    {
        if (!(double.IsFinite(A) && double.IsFinite(B) && double.IsFinite(Rho) && double.IsFinite(M) && double.IsFinite(Sigma)))
        {
            return "SVI parameters must be finite numbers";
        }
        if (B < 0)
        {
            return $"b = {F(B)} must be ≥ 0";
        }
        if (!(Math.Abs(Rho) < 1))
        {
            return $"rho = {F(Rho)} must be in (−1, 1)";
        }
        if (!(Sigma > 0))
        {
            return $"sigma = {F(Sigma)} must be > 0";
        }
        if (MinimumTotalVariance < 0)
        {
            return $"a + b·sigma·√(1 − rho²) = {F(MinimumTotalVariance)} must be ≥ 0 (the total variance would be negative)";
        }
        return null;
    }

    /// <summary>Throws <see cref="ArgumentException"/> naming the violated condition.</summary>
    public void Validate()
    {
        if (Problem() is { } p)
        {
            throw new ArgumentException(p);
        }
    }

    private static string F(double v) => v.ToString("R", CultureInfo.InvariantCulture);
}
