// SPDX-License-Identifier: MIT
using ZkOptions.Field.BabyJubjub;
using ZkOptions.Settlement.Instruments;
using ZkOptions.Settlement.Numbers;
using ZkOptions.Settlement.Oracle;
using ZkOptions.Settlement.Parameters;
using ZkOptions.Settlement.Pricing;
using ZkOptions.Settlement.Risk;

namespace ZkOptions.Sequencer.Client;

/// <summary>
/// A BTC option market for load generation and tests: two expiries (a week and four weeks after the start day,
/// 08:00 UTC), strikes 80,000 … 120,000 in steps of 5,000, calls and puts (36 series), priced by the risk oracle
/// (Black-76 on a put-skewed SVI smile) and signed by the given oracle key.
/// </summary>
public sealed class DemoMarket
{
    private readonly ExchangeParameters parameters;
    private readonly EddsaPrivateKey oracleKey;

    /// <summary>A market whose expiries are fixed from <paramref name="start"/> (unix seconds).</summary>
    public DemoMarket(ExchangeParameters parameters, EddsaPrivateKey oracleKey, long start)
    {
        this.parameters = parameters;
        this.oracleKey = oracleKey;
        long day = start - start % 86_400;
        Expiries = [day + 7 * 86_400 + 8 * 3_600, day + 28 * 86_400 + 8 * 3_600];
        Series = [.. from e in Expiries from k in Enumerable.Range(0, 9).Select(i => 80_000L + 5_000 * i) from t in new[] { OptionType.Call, OptionType.Put }
                  select new SeriesKey(1, e, k * SeriesKey.StrikeScale, t)];
    }

    /// <summary>The expiries.</summary>
    public IReadOnlyList<long> Expiries { get; }

    /// <summary>The listed series.</summary>
    public IReadOnlyList<SeriesKey> Series { get; }

    /// <summary>The signed epoch <paramref name="id"/> at <paramref name="timestamp"/> with BTC at <paramref name="spotDollars"/>.</summary>
    public OracleEpoch Epoch(long id, long timestamp, long spotDollars = 100_000, double vol = 0.55)
    {
        ExpiryMarket[] expiries = [.. Expiries.Select(e => new ExpiryMarket(e, Smile(vol, (e - timestamp) / (365.0 * 86_400)), null))];
        var market = new MarketData(id, timestamp,
            [new UnderlyingMarket(1, Usd.FromDollars(spotDollars), 0.03, UnderlyingMarket.DefaultShortChargeRate, expiries, Series)]);
        return RiskOracle.Compute(market, parameters).SignedWith(oracleKey, parameters.OracleDomain);
    }

    private static SviParameters Smile(double vol, double years)
    {
        double w = vol * vol * years;
        return new SviParameters(A: 0.9 * w, B: w, Rho: -0.35, M: 0, Sigma: 0.1);
    }
}
