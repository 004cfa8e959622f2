// SPDX-License-Identifier: MIT
using ZkOptions.Settlement.Instruments;
using ZkOptions.Settlement.Pricing;

namespace ZkOptions.Settlement.Tests.Pricing;

public sealed class VolSurfaceTests
{
    private const long Now = 1_767_225_600;                    // 2026-01-01T00:00:00Z
    private const long Near = Now + 30 * 86_400, Far = Now + 120 * 86_400;
    private static readonly SviParameters NearSmile = new(0.015, 0.035, -0.35, 0.05, 0.1);
    private static readonly SviParameters FarSmile = new(0.07, 0.065, -0.35, 0.05, 0.1);
    private static readonly VolSurface Surface = new(95_000, 0.03, Now, new Dictionary<long, SviParameters> { [Near] = NearSmile, [Far] = FarSmile });

    [Fact]
    public void Listed_expiries_use_their_smile_on_the_forward()
    {
        double t = 30 / 365.0;
        Assert.Equal(t, Surface.YearsTo(Near), 1e-15);
        double forward = 95_000 * Math.Exp(0.03 * t);
        Assert.Equal(forward, Surface.Forward(t), 1e-9);
        Assert.Equal(NearSmile.ImpliedVol(Math.Log(100_000 / forward), t), Surface.ImpliedVol(100_000, Near), 1e-15);
    }

    [Fact]
    public void Between_expiries_total_variance_is_interpolated_linearly_in_time()
    {
        double t1 = 30 / 365.0, t2 = 120 / 365.0, t = 75 / 365.0;
        double k = Math.Log(90_000 / Surface.Forward(t));
        double w = 0.5 * NearSmile.TotalVariance(k) + 0.5 * FarSmile.TotalVariance(k);
        Assert.Equal(Math.Sqrt(w / t), Surface.ImpliedVol(90_000, t), 1e-14);
        Assert.Equal(Surface.ImpliedVol(90_000, Near), Surface.ImpliedVol(90_000, t1), 1e-14);
        Assert.Equal(Surface.ImpliedVol(90_000, Far), Surface.ImpliedVol(90_000, t2), 1e-14);
        Assert.Equal(0, Surface.ImpliedVol(90_000, Now - 1));
    }

    [Fact]
    public void Series_are_priced_with_black76_at_the_strikes_vol()
    {
        var key = new SeriesKey(1, Near, 105_000 * SeriesKey.StrikeScale, OptionType.Call);
        double t = Surface.YearsTo(Near);
        double vol = Surface.ImpliedVol(105_000, Near);
        double expected = Black76.Price(OptionType.Call, Surface.Forward(t), 105_000, t, vol, 0.03);
        Assert.Equal(expected, Surface.Price(key), 1e-9);
        Assert.Equal(Black76.Delta(OptionType.Call, Surface.Forward(t), 105_000, t, vol, 0.03), Surface.Greeks(key).Delta, 1e-15);
    }

    [Fact]
    public void The_surface_refuses_a_smile_outside_the_domain()
    {
        Assert.Throws<ArgumentException>(() => new VolSurface(100, 0, Now,
            new Dictionary<long, SviParameters> { [Near] = new SviParameters(0.01, -0.1, 0, 0, 0.1) }));
        Assert.Throws<ArgumentOutOfRangeException>(() => new VolSurface(0, 0, Now, new Dictionary<long, SviParameters>()));
    }
}
