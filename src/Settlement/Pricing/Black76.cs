// SPDX-License-Identifier: MIT
using MathNet.Numerics.Distributions;
using ZkOptions.Settlement.Instruments;

namespace ZkOptions.Settlement.Pricing;

/// <summary>
/// Black-76 for European options on a forward F, discounted at a continuously compounded rate r:
/// <c>call = e^(−rT)·(F·N(d1) − K·N(d2))</c>, <c>put = e^(−rT)·(K·N(−d2) − F·N(−d1))</c>,
/// <c>d1 = (ln(F/K) + σ²T/2)/(σ√T)</c>, <c>d2 = d1 − σ√T</c>. Floating point (off-circuit market data only).
/// </summary>
/// <remarks>
/// Units: F and K in the same currency (dollars in this code base), T in years, σ and r per year (0.6 = 60 %).
/// Results are per one contract on one unit of the underlying:
/// <list type="bullet">
/// <item><description>delta = ∂V/∂F (forward delta, discounted: e^(−rT)·N(d1) for a call; with F = S·e^(rT) it equals
/// the spot delta N(d1)),</description></item>
/// <item><description>gamma = ∂²V/∂F²,</description></item>
/// <item><description>vega = ∂V/∂σ per 1.00 of volatility (divide by 100 for "per vol point"),</description></item>
/// <item><description>theta = ∂V/∂t per year of calendar time with F, σ and r held (= −∂V/∂T; divide by 365 for per
/// day); negative for a long option far from expiry.</description></item>
/// </list>
/// Degenerate inputs: when T = 0 or σ = 0 (more exactly when σ√T &lt; 1e-12) the option is worth its discounted
/// intrinsic value e^(−rT)·max(±(F − K), 0); delta is e^(−rT) in the money, 0 out of it and e^(−rT)/2 exactly at the
/// money; gamma and vega are 0; theta is r·V. Nothing returns NaN for valid inputs. Invalid inputs (F or K not
/// positive, T or σ negative, any value not finite) throw <see cref="ArgumentOutOfRangeException"/>.
/// </remarks>
public static class Black76
{
    /// <summary>σ√T below this is treated as zero (the intrinsic limit).</summary>
    public const double MinimumStandardDeviation = 1e-12;

    /// <summary>The option's value.</summary>
    public static double Price(OptionType type, double forward, double strike, double years, double vol, double rate)
    {
        Check(forward, strike, years, vol, rate);
        double df = Math.Exp(-rate * years);
        double sd = vol * Math.Sqrt(years);
        if (sd < MinimumStandardDeviation)
        {
            return df * Intrinsic(type, forward, strike);
        }
        var (d1, d2) = D(forward, strike, sd);
        return type == OptionType.Call
            ? df * (forward * Normal.CDF(0, 1, d1) - strike * Normal.CDF(0, 1, d2))
            : df * (strike * Normal.CDF(0, 1, -d2) - forward * Normal.CDF(0, 1, -d1));
    }

    /// <summary>∂V/∂F, discounted: e^(−rT)·N(d1) for a call, −e^(−rT)·N(−d1) for a put.</summary>
    public static double Delta(OptionType type, double forward, double strike, double years, double vol, double rate)
    {
        Check(forward, strike, years, vol, rate);
        double df = Math.Exp(-rate * years);
        double sd = vol * Math.Sqrt(years);
        double callDelta;
        if (sd < MinimumStandardDeviation)
        {
            callDelta = forward > strike ? 1 : forward < strike ? 0 : 0.5;
        }
        else
        {
            callDelta = Normal.CDF(0, 1, D(forward, strike, sd).D1);
        }
        return type == OptionType.Call ? df * callDelta : df * (callDelta - 1);
    }

    /// <summary>∂²V/∂F² = e^(−rT)·φ(d1)/(F·σ√T), the same for calls and puts.</summary>
    public static double Gamma(double forward, double strike, double years, double vol, double rate)
    {
        Check(forward, strike, years, vol, rate);
        double sd = vol * Math.Sqrt(years);
        if (sd < MinimumStandardDeviation)
        {
            return 0;
        }
        return Math.Exp(-rate * years) * Normal.PDF(0, 1, D(forward, strike, sd).D1) / (forward * sd);
    }

    /// <summary>∂V/∂σ per 1.00 of volatility = e^(−rT)·F·φ(d1)·√T, the same for calls and puts.</summary>
    public static double Vega(double forward, double strike, double years, double vol, double rate)
    {
        Check(forward, strike, years, vol, rate);
        double sd = vol * Math.Sqrt(years);
        if (sd < MinimumStandardDeviation)
        {
            return 0;
        }
        return Math.Exp(-rate * years) * forward * Normal.PDF(0, 1, D(forward, strike, sd).D1) * Math.Sqrt(years);
    }

    /// <summary>
    /// ∂V/∂t per year of calendar time (F, σ, r held) = r·V − e^(−rT)·F·φ(d1)·σ/(2√T).
    /// </summary>
    public static double Theta(OptionType type, double forward, double strike, double years, double vol, double rate)
    {
        double value = Price(type, forward, strike, years, vol, rate);
        double sd = vol * Math.Sqrt(years);
        if (sd < MinimumStandardDeviation)
        {
            return rate * value;
        }
        double decay = Math.Exp(-rate * years) * forward * Normal.PDF(0, 1, D(forward, strike, sd).D1) * vol / (2 * Math.Sqrt(years));
        return rate * value - decay;
    }

    /// <summary>Price and all Greeks at once.</summary>
    public static OptionGreeks Evaluate(OptionType type, double forward, double strike, double years, double vol, double rate) => new(
        Price(type, forward, strike, years, vol, rate),
        Delta(type, forward, strike, years, vol, rate),
        Gamma(forward, strike, years, vol, rate),
        Vega(forward, strike, years, vol, rate),
        Theta(type, forward, strike, years, vol, rate));

    /// <summary>max(F − K, 0) for a call, max(K − F, 0) for a put (undiscounted).</summary>
    public static double Intrinsic(OptionType type, double forward, double strike) =>
        Math.Max(type == OptionType.Call ? forward - strike : strike - forward, 0);

    private static (double D1, double D2) D(double forward, double strike, double sd)
    {
        double d1 = (Math.Log(forward / strike) + 0.5 * sd * sd) / sd;
        return (d1, d1 - sd);
    }

    private static void Check(double forward, double strike, double years, double vol, double rate)
    {
        if (!(double.IsFinite(forward) && forward > 0))
        {
            throw new ArgumentOutOfRangeException(nameof(forward), forward, "the forward must be positive and finite");
        }
        if (!(double.IsFinite(strike) && strike > 0))
        {
            throw new ArgumentOutOfRangeException(nameof(strike), strike, "the strike must be positive and finite");
        }
        if (!(double.IsFinite(years) && years >= 0))
        {
            throw new ArgumentOutOfRangeException(nameof(years), years, "the time to expiry must be ≥ 0 and finite");
        }
        if (!(double.IsFinite(vol) && vol >= 0))
        {
            throw new ArgumentOutOfRangeException(nameof(vol), vol, "the volatility must be ≥ 0 and finite");
        }
        if (!double.IsFinite(rate))
        {
            throw new ArgumentOutOfRangeException(nameof(rate), rate, "the rate must be finite");
        }
    }
}
