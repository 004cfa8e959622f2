// SPDX-License-Identifier: MIT
using ZkOptions.Settlement.Instruments;
using ZkOptions.Settlement.Pricing;

namespace ZkOptions.Settlement.Tests.Pricing;

public sealed class Black76Tests
{
    private static void Close(double expected, double actual, double tolerance)
    {
        double scale = Math.Max(1, Math.Abs(expected));
        Assert.True(Math.Abs(expected - actual) <= tolerance * scale,
            $"expected {expected:R}, got {actual:R} (difference {expected - actual:R}, tolerance {tolerance * scale:R})");
    }

    /// <summary>
    /// Reference values computed independently with mpmath 1.3.0 at 50 significant digits (python3): the price from the
    /// closed form with mpmath's ncdf, and every Greek by mpmath's numerical differentiation (mp.diff) of that price —
    /// delta and gamma in F, vega in σ, theta = −∂V/∂T — so no closed-form Greek of the implementation is reused.
    /// Inputs are the exact binary doubles the test passes. Columns: call?, F, K, T, σ, r, price, delta, gamma, vega, theta.
    /// </summary>
    [Theory]
    [InlineData(true, 100.0, 100.0, 1.0, 0.2, 0.05, 7.5770821464272729076, 0.51350012298249336776, 0.01887964716453251171, 37.759294329065025516, -3.3970753255851390948)]
    [InlineData(false, 100.0, 100.0, 1.0, 0.2, 0.05, 7.5770821464272729076, -0.43772930151822063869, 0.01887964716453251171, 37.759294329065025516, -3.3970753255851390948)]
    [InlineData(true, 100.0, 110.0, 0.5, 0.3, 0.02, 4.6984634705402983839, 0.36207363783135314801, 0.017554132169857840123, 26.33119825478675921, -7.8053902070252215011)]
    [InlineData(false, 100.0, 90.0, 0.25, 0.45, 0.0, 4.4208029581011599854, -0.28069808935701083507, 0.014979088748051578251, 16.851474841558025948, -15.166327357402223728)]
    [InlineData(true, 95000.0, 120000.0, 0.0804, 0.506, 0.03, 331.55926099850802615, 0.059648769921645849415, 0.0000086949921301217200419, 3192.4416592060363711, -10035.920632358194237)]
    [InlineData(false, 3300.0, 2700.0, 0.4831, 0.72, 0.03, 333.73583024300844304, -0.25375143459153216825, 0.00019260368901236243167, 729.5616800228081908, -533.64804682363699437)]
    [InlineData(true, 100.0, 60.0, 2.0, 0.8, 0.1, 46.89199695982314788, 0.69221216047769643918, 0.0017209439022872391906, 27.535102436595828577, -0.81782079133685097285)]
    [InlineData(false, 100.0, 140.0, 0.01, 0.6, -0.01, 40.00400021225060821, -1.0000999928249168528, 0.000000011662138414659512457, 0.00000069972830487957073611, -0.40006099397165247755)]
    public void Matches_high_precision_reference_values(bool call, double f, double k, double t, double vol, double r,
        double price, double delta, double gamma, double vega, double theta)
    {
        OptionType type = call ? OptionType.Call : OptionType.Put;
        OptionGreeks g = Black76.Evaluate(type, f, k, t, vol, r);
        Close(price, g.Price, 1e-10);
        Close(delta, g.Delta, 1e-10);
        Close(gamma, g.Gamma, 1e-10);
        Close(vega, g.Vega, 1e-10);
        Close(theta, g.Theta, 1e-10);
    }

    /// <summary>
    /// Hull, "Options, Futures, and Other Derivatives" (Black's model example): a 4-month European put on crude-oil
    /// futures, F = K = 20, r = 9 %, σ = 25 %, is worth 1.12.
    /// </summary>
    [Fact]
    public void Matches_the_textbook_futures_put()
    {
        Assert.Equal(1.12, Black76.Price(OptionType.Put, 20, 20, 4.0 / 12, 0.25, 0.09), 2);
    }

    [Theory]
    [InlineData(100, 80, 0.5, 0.3, 0.05)]
    [InlineData(100, 100, 1, 0.2, 0)]
    [InlineData(95000, 150000, 0.02, 0.9, 0.04)]
    [InlineData(3300, 1000, 2, 1.5, -0.02)]
    [InlineData(100, 100, 0, 0.5, 0.05)]
    [InlineData(100, 90, 1, 0, 0.05)]
    public void Satisfies_put_call_parity(double f, double k, double t, double vol, double r)
    {
        double call = Black76.Price(OptionType.Call, f, k, t, vol, r);
        double put = Black76.Price(OptionType.Put, f, k, t, vol, r);
        Close(Math.Exp(-r * t) * (f - k), call - put, 1e-12);
        double callDelta = Black76.Delta(OptionType.Call, f, k, t, vol, r);
        double putDelta = Black76.Delta(OptionType.Put, f, k, t, vol, r);
        Close(Math.Exp(-r * t), callDelta - putDelta, 1e-12);
    }

    [Theory]
    [InlineData(true, 100, 100, 1, 0.2, 0.05)]
    [InlineData(false, 100, 120, 0.3, 0.6, 0.03)]
    [InlineData(true, 95000, 105000, 0.08, 0.5, 0.03)]
    [InlineData(false, 3300, 2700, 0.5, 0.7, 0.01)]
    public void Greeks_match_central_finite_differences(bool call, double f, double k, double t, double vol, double r)
    {
        OptionType type = call ? OptionType.Call : OptionType.Put;
        double V(double ff, double tt, double vv) => Black76.Price(type, ff, k, tt, vv, r);
        OptionGreeks g = Black76.Evaluate(type, f, k, t, vol, r);
        double hf = f * 1e-4, ht = t * 1e-4, hv = vol * 1e-4;
        Close((V(f + hf, t, vol) - V(f - hf, t, vol)) / (2 * hf), g.Delta, 1e-6);
        Close((V(f + hf, t, vol) - 2 * V(f, t, vol) + V(f - hf, t, vol)) / (hf * hf), g.Gamma, 1e-5);
        Close((V(f, t, vol + hv) - V(f, t, vol - hv)) / (2 * hv), g.Vega, 1e-6);
        Close(-(V(f, t + ht, vol) - V(f, t - ht, vol)) / (2 * ht), g.Theta, 1e-6);
    }

    [Theory]
    [InlineData(0.0, 0.5)]
    [InlineData(1.0, 0.0)]
    [InlineData(1e-30, 1e-30)]
    public void Zero_time_or_zero_vol_is_discounted_intrinsic_without_nan(double t, double vol)
    {
        const double r = 0.05;
        double df = Math.Exp(-r * t);
        foreach (double k in new[] { 90.0, 100.0, 110.0 })
        {
            foreach (OptionType type in new[] { OptionType.Call, OptionType.Put })
            {
                OptionGreeks g = Black76.Evaluate(type, 100, k, t, vol, r);
                Assert.True(double.IsFinite(g.Price) && double.IsFinite(g.Delta) && double.IsFinite(g.Gamma)
                    && double.IsFinite(g.Vega) && double.IsFinite(g.Theta), $"{type} K={k}: {g}");
                Close(df * Black76.Intrinsic(type, 100, k), g.Price, 1e-14);
                Assert.Equal(0, g.Gamma);
                Assert.Equal(0, g.Vega);
            }
        }
        Close(df, Black76.Delta(OptionType.Call, 100, 90, t, vol, r), 1e-14);
        Close(0, Black76.Delta(OptionType.Call, 100, 110, t, vol, r), 1e-14);
        Close(df / 2, Black76.Delta(OptionType.Call, 100, 100, t, vol, r), 1e-14);
        Close(-df, Black76.Delta(OptionType.Put, 100, 110, t, vol, r), 1e-14);
    }

    [Fact]
    public void Near_expiry_prices_approach_intrinsic_continuously()
    {
        double previous = double.NaN;
        foreach (double t in new[] { 1e-2, 1e-4, 1e-6, 1e-8, 1e-10 })
        {
            double p = Black76.Price(OptionType.Call, 100, 100, t, 0.5, 0);
            Assert.True(double.IsFinite(p) && p >= 0);
            Assert.True(double.IsNaN(previous) || p < previous);
            previous = p;
        }
        Assert.True(previous < 1e-3);
    }

    [Theory]
    [InlineData(0, 100, 1, 0.2, 0)]
    [InlineData(100, -1, 1, 0.2, 0)]
    [InlineData(100, 100, -1, 0.2, 0)]
    [InlineData(100, 100, 1, -0.2, 0)]
    [InlineData(100, 100, 1, double.NaN, 0)]
    [InlineData(100, 100, 1, 0.2, double.PositiveInfinity)]
    public void Rejects_invalid_inputs(double f, double k, double t, double vol, double r)
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => Black76.Price(OptionType.Call, f, k, t, vol, r));
    }
}
