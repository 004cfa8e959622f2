// SPDX-License-Identifier: MIT
using ZkOptions.Settlement.Pricing;

namespace ZkOptions.Settlement.Tests.Pricing;

public sealed class SviTests
{
    private static readonly SviParameters Typical = new(0.04, 0.1, -0.4, 0.05, 0.15);

    /// <summary>Axel Vogt's smile (Gatheral &amp; Jacquier, arXiv:1204.0646, §2): in the domain but with butterfly arbitrage.</summary>
    internal static readonly SviParameters Vogt = new(-0.0410, 0.1331, 0.3060, 0.3586, 0.4153);

    [Fact]
    public void Total_variance_follows_the_raw_formula()
    {
        // At k = m: w = a + b·σ. Far wings: slopes b(1 + ρ) and −b(1 − ρ).
        Assert.Equal(0.04 + 0.1 * 0.15, Typical.TotalVariance(0.05), 1e-15);
        double right = (Typical.TotalVariance(50) - Typical.TotalVariance(49)) / 1;
        double left = (Typical.TotalVariance(-50) - Typical.TotalVariance(-49)) / 1;
        Assert.Equal(0.1 * (1 - 0.4), right, 1e-5);
        Assert.Equal(0.1 * (1 + 0.4), left, 1e-5);
        // w(k) = a + b(ρ(k−m) + √((k−m)²+σ²)) at k = 0.3: 0.04 + 0.1(−0.4·0.25 + √(0.0625 + 0.0225)).
        Assert.Equal(0.04 + 0.1 * (-0.1 + Math.Sqrt(0.085)), Typical.TotalVariance(0.3), 1e-15);
        Assert.Equal(0.04 + 0.1 * 0.15 * Math.Sqrt(1 - 0.16), Typical.MinimumTotalVariance, 1e-15);
    }

    [Fact]
    public void Implied_vol_round_trips_through_total_variance()
    {
        const double t = 0.25, forward = 100;
        foreach (double strike in new[] { 60.0, 90.0, 100.0, 125.0, 200.0 })
        {
            double k = Math.Log(strike / forward);
            double vol = Typical.ImpliedVol(strike, forward, t);
            Assert.Equal(Typical.TotalVariance(k), vol * vol * t, 1e-14);
            Assert.Equal(vol, Typical.ImpliedVol(k, t), 1e-15);
        }
    }

    [Fact]
    public void Derivatives_match_finite_differences()
    {
        const double h = 1e-5;
        foreach (double k in new[] { -1.0, -0.2, 0.05, 0.4, 1.3 })
        {
            Assert.Equal((Typical.TotalVariance(k + h) - Typical.TotalVariance(k - h)) / (2 * h), Typical.FirstDerivative(k), 1e-8);
            Assert.Equal((Typical.FirstDerivative(k + h) - Typical.FirstDerivative(k - h)) / (2 * h), Typical.SecondDerivative(k), 1e-7);
        }
    }

    [Theory]
    [InlineData(0.04, -0.1, 0.0, 0.0, 0.1, "b = ")]
    [InlineData(0.04, 0.1, 1.0, 0.0, 0.1, "rho = ")]
    [InlineData(0.04, 0.1, -1.2, 0.0, 0.1, "rho = ")]
    [InlineData(0.04, 0.1, 0.0, 0.0, 0.0, "sigma = ")]
    [InlineData(-0.05, 0.1, 0.0, 0.0, 0.1, "a + b·sigma")]
    [InlineData(double.NaN, 0.1, 0.0, 0.0, 0.1, "finite")]
    public void Validation_names_the_violated_condition(double a, double b, double rho, double m, double sigma, string fragment)
    {
        var p = new SviParameters(a, b, rho, m, sigma);
        Assert.Contains(fragment, p.Problem());
        Assert.Contains(fragment, Assert.Throws<ArgumentException>(p.Validate).Message);
    }

    [Fact]
    public void A_typical_smile_is_butterfly_free()
    {
        Assert.Null(SviArbitrage.ButterflyProblem(Typical));
        Assert.All(SviArbitrage.Grid(), k => Assert.True(SviArbitrage.G(Typical, k) >= 0));
    }

    [Fact]
    public void Vogts_smile_is_flagged_for_butterfly_arbitrage()
    {
        Assert.Null(Vogt.Problem());
        string? problem = SviArbitrage.ButterflyProblem(Vogt);
        Assert.NotNull(problem);
        Assert.Contains("butterfly", problem);
        Assert.False(SviArbitrage.IsButterflyFree(Vogt));
        Assert.True(SviArbitrage.G(Vogt, 0.88) < 0);
    }

    [Fact]
    public void Steep_wings_break_lees_bound()
    {
        var steep = new SviParameters(0.01, 1.8, 0.5, 0, 0.3);
        Assert.Contains("Lee", SviArbitrage.ButterflyProblem(steep));
    }

    [Fact]
    public void Calendar_check_wants_total_variance_to_grow_with_time()
    {
        var near = Typical;
        var far = Typical with { A = Typical.A + 0.03, B = Typical.B * 1.2 };
        Assert.True(SviArbitrage.IsCalendarFree([(0.1, near), (0.5, far)]));
        Assert.True(SviArbitrage.IsCalendarFree([(0.5, far), (0.1, near)]));
        string? problem = SviArbitrage.CalendarProblem([(0.1, far), (0.5, near)]);
        Assert.NotNull(problem);
        Assert.Contains("calendar", problem);
        // Crossing smiles: more skew later but a lower level on the call side.
        var crossing = Typical with { A = Typical.A + 0.005, Rho = -0.9 };
        Assert.False(SviArbitrage.IsCalendarFree([(0.1, Typical), (0.2, crossing)]));
    }

    public static TheoryData<double, double, double, double, double> KnownSmiles => new()
    {
        { 0.04, 0.1, -0.4, 0.05, 0.15 },
        { 0.015692, 0.03402, -0.35, 0.05, 0.1 },
        { 0.135354, 0.08341, -0.35, 0.05, 0.1 },
        { -0.01, 0.2, 0.3, -0.1, 0.3 },
        { 0.002, 0.05, -0.7, 0.2, 0.05 },
    };

    [Theory]
    [MemberData(nameof(KnownSmiles))]
    public void Fit_recovers_the_parameters_of_synthetic_quotes(double a, double b, double rho, double m, double sigma)
    {
        var truth = new SviParameters(a, b, rho, m, sigma);
        const double forward = 95000, t = 0.25;
        var quotes = Enumerable.Range(0, 21)
            .Select(i => forward * Math.Exp(-0.8 + 0.08 * i))
            .Select(k => new SviFit.Quote(k, truth.ImpliedVol(k, forward, t)))
            .ToArray();
        SviFit.Result fit = SviFit.Fit(forward, t, quotes);
        Assert.Null(fit.Parameters.Problem());
        Assert.True(fit.MaxVolError < 1e-7, $"max vol error {fit.MaxVolError}; fitted {fit.Parameters}");
        Assert.Equal(a, fit.Parameters.A, 1e-6);
        Assert.Equal(b, fit.Parameters.B, 1e-6);
        Assert.Equal(rho, fit.Parameters.Rho, 1e-6);
        Assert.Equal(m, fit.Parameters.M, 1e-6);
        Assert.Equal(sigma, fit.Parameters.Sigma, 1e-6);
    }

    [Fact]
    public void Fit_to_noisy_quotes_stays_in_the_domain_and_close()
    {
        var truth = new SviParameters(0.05, 0.12, -0.3, 0.02, 0.2);
        const double forward = 3300, t = 0.4;
        var rng = new Random(7);
        var quotes = Enumerable.Range(0, 15)
            .Select(i => forward * Math.Exp(-0.6 + 0.085 * i))
            .Select(k => new SviFit.Quote(k, truth.ImpliedVol(k, forward, t) + 0.002 * (rng.NextDouble() - 0.5)))
            .ToArray();
        SviFit.Result fit = SviFit.Fit(forward, t, quotes);
        Assert.Null(fit.Parameters.Problem());
        Assert.True(fit.MaxVolError < 0.003, $"max vol error {fit.MaxVolError}");
        foreach (var q in quotes)
        {
            Assert.Equal(truth.ImpliedVol(q.Strike, forward, t), fit.Parameters.ImpliedVol(q.Strike, forward, t), 1e-2);
        }
    }

    [Fact]
    public void Fit_needs_five_distinct_strikes()
    {
        var quotes = new[] { new SviFit.Quote(90, 0.5), new SviFit.Quote(100, 0.45), new SviFit.Quote(110, 0.47), new SviFit.Quote(110, 0.47) };
        Assert.Throws<ArgumentException>(() => SviFit.Fit(100, 0.5, quotes));
    }
}
