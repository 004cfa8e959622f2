// SPDX-License-Identifier: MIT
using ZkOptions.Settlement.Instruments;
using ZkOptions.Settlement.Numbers;
using ZkOptions.Settlement.Parameters;
using ZkOptions.Settlement.Pricing;
using ZkOptions.Settlement.Risk;

namespace ZkOptions.Settlement.Oracle;

/// <summary>
/// Turns market data into a risk epoch (unsigned; the caller signs it with the oracle key).
/// </summary>
/// <remarks>
/// For a live series (expiry &gt; timestamp), with T = (expiry − timestamp)/(365·86400), F = S·e^(rT) and the strike's
/// SVI vol σ_K:
/// <list type="bullet">
/// <item><description>mark = Black-76(F, K, T, σ_K, r) in dollars, rounded to the nearest micro-dollar, halves up:
/// ⌊price·10⁶ + ½⌋;</description></item>
/// <item><description>RA[s] = ⌈w_s·(mark − V_s)⌉ micro-dollars, where V_s is the scenario value
/// (<see cref="ScenarioGrid.Value"/>, in micro-dollars, unrounded) and mark the rounded mark: losses are positive,
/// gains negative, and both round up — towards more loss, the conservative side;</description></item>
/// <item><description>shortCharge = ⌈c·spot⌉ (exact, in micro-dollars), settlementPrice = 0.</description></item>
/// </list>
/// For an expired series (expiry ≤ timestamp) the expiry's settlement price P is published, mark = the intrinsic value
/// at P rounded down to micro-dollars (for a call P − K with the strike rounded up, for a put K − P with it rounded
/// down — the exchange never pays a long more than the exact payoff; whole-cent strikes are exact), RA = 0 and
/// shortCharge = 0.
/// </remarks>
public static class RiskOracle
{
    /// <summary>The epoch for <paramref name="market"/> under <paramref name="parameters"/> (S must equal the grid's size).</summary>
    public static OracleEpoch Compute(MarketData market, ExchangeParameters parameters, ScenarioGrid? grid = null) =>
        ToEpoch(market, parameters, Evaluate(market, parameters, grid));

    /// <summary>The epoch made of already evaluated series (as <see cref="Evaluate"/> returns them).</summary>
    public static OracleEpoch ToEpoch(MarketData market, ExchangeParameters parameters, IEnumerable<SeriesValuation> valuations) =>
        new(market.Epoch, market.Timestamp, market.Underlyings.ToDictionary(u => u.Id, u => u.Spot),
            valuations.Select(v => v.Risk), parameters.ScenarioCount, parameters.SeriesTreeDepth);

    /// <summary>Every listed series valued, in the market file's order.</summary>
    public static IReadOnlyList<SeriesValuation> Evaluate(MarketData market, ExchangeParameters parameters, ScenarioGrid? grid = null)
    {
        grid ??= ScenarioGrid.Default;
        if (grid.Count != parameters.ScenarioCount)
        {
            throw new ArgumentException($"the scenario grid has {grid.Count} scenarios; the exchange uses {parameters.ScenarioCount}");
        }
        var result = new List<SeriesValuation>();
        foreach (UnderlyingMarket u in market.Underlyings)
        {
            VolSurface surface = u.Surface(market.Timestamp);
            foreach (SeriesKey key in u.Series)
            {
                result.Add(key.Expiry <= market.Timestamp
                    ? Expired(u, key, grid.Count)
                    : Live(u, key, surface, grid));
            }
        }
        return result;
    }

    /// <summary>A live series: mark, risk array and short charge as documented.</summary>
    public static SeriesValuation Live(UnderlyingMarket underlying, SeriesKey key, VolSurface surface, ScenarioGrid grid)
    {
        double years = surface.YearsTo(key.Expiry);
        if (years <= 0)
        {
            throw new ArgumentException($"series {key} has expired at the surface's valuation time");
        }
        double strike = VolSurface.StrikeDollars(key);
        double forward = surface.Forward(years);
        double vol = surface.ImpliedVol(strike, key.Expiry);
        OptionGreeks greeks = Black76.Evaluate(key.Type, forward, strike, years, vol, surface.Rate);
        Usd mark = RoundHalfUp(greeks.Price);
        var ra = new Usd[grid.Count];
        for (int s = 0; s < grid.Count; s++)
        {
            double value = grid.Value(s, key.Type, forward, strike, years, vol, surface.Rate) * Usd.Scale;
            double loss = grid.Scenarios[s].Weight * (mark.Micros - value);
            ra[s] = new Usd(checked((long)Math.Ceiling(loss)));
        }
        Usd shortCharge = Exact.MulCeil(underlying.Spot, underlying.ShortChargeRate);
        return new SeriesValuation(new SeriesRisk(key, mark, shortCharge, Usd.Zero, ra), vol, greeks);
    }

    /// <summary>An expired series: intrinsic mark at the expiry's settlement price, zero array (S values) and charge.</summary>
    public static SeriesValuation Expired(UnderlyingMarket underlying, SeriesKey key, int scenarioCount)
    {
        Usd price = underlying.FindExpiry(key.Expiry)?.SettlementPrice
            ?? throw new ArgumentException($"series {key} has expired but its expiry {key.Expiry} has no settlement price");
        Usd mark = new(checked((long)Exact.FloorDiv(key.PayoffE8(price), 100)));
        double markDollars = mark.Micros / (double)Usd.Scale;
        return new SeriesValuation(
            new SeriesRisk(key, mark, Usd.Zero, price, new Usd[scenarioCount]),
            0, new OptionGreeks(markDollars, 0, 0, 0, 0));
    }

    /// <summary>⌊dollars·10⁶ + ½⌋ micro-dollars; throws on a negative or non-finite value.</summary>
    public static Usd RoundHalfUp(double dollars)
    {
        if (!(double.IsFinite(dollars) && dollars >= 0))
        {
            throw new ArgumentOutOfRangeException(nameof(dollars), dollars, "a price must be finite and ≥ 0");
        }
        return new Usd(checked((long)Math.Floor(dollars * Usd.Scale + 0.5)));
    }
}
