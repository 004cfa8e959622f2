// SPDX-License-Identifier: MIT
using ZkOptions.Settlement.Oracle;
using ZkOptions.Settlement.Pricing;

namespace ZkOptions.Settlement.Tests.Oracle;

/// <summary>The smiles of vectors/settlement/market-default.json are skewed and free of static arbitrage.</summary>
public sealed class DefaultMarketTests
{
    private static readonly MarketData Market = MarketDataJson.Read(MarketFiles.DefaultPath);

    public static TheoryData<int> Underlyings => new() { 1, 2 };

    [Theory]
    [MemberData(nameof(Underlyings))]
    public void Every_smile_has_put_skew(int id)
    {
        UnderlyingMarket u = Market.Underlyings.Single(x => x.Id == id);
        foreach (ExpiryMarket e in u.Expiries.Where(e => e.Svi is not null))
        {
            double t = VolSurface.Years(Market.Timestamp, e.Expiry);
            SviParameters svi = e.Svi!.Value;
            Assert.True(svi.Rho < 0);
            foreach (double k in new[] { 0.1, 0.2, 0.3, 0.5 })
            {
                double putWing = svi.ImpliedVol(-k, t), callWing = svi.ImpliedVol(k, t);
                Assert.True(putWing > callWing, $"u{id} expiry {e.Expiry}, |k| = {k}: put wing {putWing:0.0000} ≤ call wing {callWing:0.0000}");
            }
        }
    }

    [Theory]
    [MemberData(nameof(Underlyings))]
    public void Every_smile_passes_the_butterfly_check_and_the_expiries_the_calendar_check(int id)
    {
        UnderlyingMarket u = Market.Underlyings.Single(x => x.Id == id);
        var live = u.Expiries.Where(e => e.Svi is not null)
            .Select(e => (VolSurface.Years(Market.Timestamp, e.Expiry), e.Svi!.Value)).ToArray();
        Assert.True(live.Length >= 2);
        Assert.All(live, s => Assert.Null(SviArbitrage.ButterflyProblem(s.Value)));
        Assert.Null(SviArbitrage.CalendarProblem(live));
    }

    [Theory]
    [MemberData(nameof(Underlyings))]
    public void Each_expiry_lists_about_ten_strikes_with_calls_and_puts(int id)
    {
        UnderlyingMarket u = Market.Underlyings.Single(x => x.Id == id);
        foreach (var group in u.Series.Where(s => s.Expiry > Market.Timestamp).GroupBy(s => s.Expiry))
        {
            Assert.InRange(group.Select(s => s.Strike).Distinct().Count(), 8, 12);
            Assert.Equal(group.Count(s => s.Type == Instruments.OptionType.Call), group.Count(s => s.Type == Instruments.OptionType.Put));
        }
    }
}
