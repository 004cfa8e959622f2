// SPDX-License-Identifier: MIT
using ZkOptions.Settlement.Instruments;

namespace ZkOptions.Settlement.Pricing;

/// <summary>
/// One underlying's volatility surface at a valuation time: spot, a flat continuously compounded rate r (the forward is
/// F(T) = S·e^(rT), no dividends or lending yield beyond r), and a raw SVI smile per listed expiry. Prices series with
/// <see cref="Black76"/> on the smile's vol at the series' strike.
/// </summary>
/// <remarks>
/// Time to expiry is <c>T = (expiry − valuation time) / (365·86400)</c> years (ACT/365, seconds). Between listed
/// expiries the total variance at fixed log-moneyness k = ln(K/F(T)) is interpolated linearly in T (which keeps
/// calendar-arbitrage freedom when the listed smiles have it); before the first listed expiry w scales with T, after
/// the last the last smile's implied vol is held.
/// </remarks>
public sealed class VolSurface
{
    /// <summary>Seconds in the 365-day year used for T.</summary>
    public const double SecondsPerYear = 365.0 * 86_400;

    private readonly (long Expiry, double Years, SviParameters Smile)[] ordered;

    /// <summary>Builds a surface; every smile must be in the SVI domain and the spot positive.</summary>
    public VolSurface(double spot, double rate, long valuationTime, IReadOnlyDictionary<long, SviParameters> smiles)
    {
        if (!(double.IsFinite(spot) && spot > 0))
        {
            throw new ArgumentOutOfRangeException(nameof(spot), spot, "spot must be positive");
        }
        if (!double.IsFinite(rate))
        {
            throw new ArgumentOutOfRangeException(nameof(rate), rate, "rate must be finite");
        }
        foreach (var (expiry, smile) in smiles)
        {
            if (smile.Problem() is { } p)
            {
                throw new ArgumentException($"smile for expiry {expiry}: {p}", nameof(smiles));
            }
        }
        Spot = spot;
        Rate = rate;
        ValuationTime = valuationTime;
        Smiles = new SortedDictionary<long, SviParameters>(smiles.ToDictionary());
        ordered = Smiles.Where(kv => kv.Key > valuationTime)
            .Select(kv => (kv.Key, Years(valuationTime, kv.Key), kv.Value)).ToArray();
    }

    /// <summary>Spot in dollars.</summary>
    public double Spot { get; }

    /// <summary>Continuously compounded rate per year.</summary>
    public double Rate { get; }

    /// <summary>Valuation time, unix seconds.</summary>
    public long ValuationTime { get; }

    /// <summary>The SVI smile per listed expiry (unix seconds).</summary>
    public IReadOnlyDictionary<long, SviParameters> Smiles { get; }

    /// <summary>(to − from) / (365·86400) years.</summary>
    public static double Years(long from, long to) => (to - from) / SecondsPerYear;

    /// <summary>Years from the valuation time to <paramref name="expiry"/> (≤ 0 once expired).</summary>
    public double YearsTo(long expiry) => Years(ValuationTime, expiry);

    /// <summary>F(T) = S·e^(rT).</summary>
    public double Forward(double years) => Spot * Math.Exp(Rate * Math.Max(years, 0));

    /// <summary>Implied vol at <paramref name="strike"/> (dollars) for a listed expiry; 0 once expired.</summary>
    public double ImpliedVol(double strike, long expiry)
    {
        double t = YearsTo(expiry);
        if (t <= 0)
        {
            return 0;
        }
        if (!Smiles.TryGetValue(expiry, out SviParameters smile))
        {
            return ImpliedVol(strike, t);
        }
        return smile.ImpliedVol(strike, Forward(t), t);
    }

    /// <summary>Implied vol at <paramref name="strike"/> (dollars) for any time to expiry, interpolated as documented.</summary>
    public double ImpliedVol(double strike, double years)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(strike);
        if (years <= 0)
        {
            return 0;
        }
        if (ordered.Length == 0)
        {
            throw new InvalidOperationException("the surface has no unexpired smile");
        }
        double k = Math.Log(strike / Forward(years));
        int i = Array.FindIndex(ordered, o => o.Years >= years);
        double w;
        if (i == 0)
        {
            w = ordered[0].Smile.TotalVariance(k) * years / ordered[0].Years;
        }
        else if (i < 0)
        {
            var last = ordered[^1];
            w = last.Smile.TotalVariance(k) * years / last.Years;
        }
        else
        {
            var (_, t1, s1) = ordered[i - 1];
            var (_, t2, s2) = ordered[i];
            double f = (years - t1) / (t2 - t1);
            w = (1 - f) * s1.TotalVariance(k) + f * s2.TotalVariance(k);
        }
        return Math.Sqrt(Math.Max(w, 0) / years);
    }

    /// <summary>The Black-76 value of one contract of <paramref name="series"/> in dollars.</summary>
    public double Price(SeriesKey series) => Greeks(series).Price;

    /// <summary>Value and Greeks of one contract of <paramref name="series"/> (units as <see cref="Black76"/>).</summary>
    public OptionGreeks Greeks(SeriesKey series)
    {
        double strike = StrikeDollars(series);
        double t = Math.Max(YearsTo(series.Expiry), 0);
        return Black76.Evaluate(series.Type, Forward(t), strike, t, ImpliedVol(strike, series.Expiry), Rate);
    }

    /// <summary>The series' strike in dollars (1e-8 USD units / 1e8).</summary>
    public static double StrikeDollars(SeriesKey series) => series.Strike / (double)SeriesKey.StrikeScale;
}
