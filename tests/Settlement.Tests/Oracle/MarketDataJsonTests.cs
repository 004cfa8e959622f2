// SPDX-License-Identifier: MIT
using System.Text.Json.Nodes;
using ZkOptions.Settlement.Instruments;
using ZkOptions.Settlement.Numbers;
using ZkOptions.Settlement.Oracle;
using ZkOptions.Settlement.Parameters;
using ZkOptions.Settlement.Serialization;

namespace ZkOptions.Settlement.Tests.Oracle;

public sealed class MarketDataJsonTests
{
    private static JsonObject U0(JsonObject root) => root["underlyings"]![0]!.AsObject();

    private static JsonObject LiveExpiry(JsonObject root) => U0(root)["expiries"]![1]!.AsObject();

    [Fact]
    public void Reads_the_default_market()
    {
        MarketData m = MarketDataJson.Read(MarketFiles.DefaultPath, new ExchangeParameters());
        Assert.Equal(1, m.Epoch);
        Assert.Equal(1_767_225_600, m.Timestamp);
        Assert.Equal([1, 2], m.Underlyings.Select(u => u.Id));
        UnderlyingMarket btc = m.Underlyings[0];
        Assert.Equal(Usd.FromDollars(95_000), btc.Spot);
        Assert.Equal(0.03, btc.Rate);
        Assert.Equal(new Ppm(20_000), btc.ShortChargeRate);
        Assert.Equal(Usd.ParseDollars("94250.5"), btc.Expiries[0].SettlementPrice);
        Assert.Null(btc.Expiries[0].Svi);
        Assert.Equal(3, btc.Expiries.Count(e => e.Svi is not null));
        Assert.Contains(new SeriesKey(1, 1_769_760_000, 100_000 * SeriesKey.StrikeScale, OptionType.Put), btc.Series);
        Assert.Equal(124, m.SeriesCount);
    }

    [Fact]
    public void Short_charge_rate_defaults_to_two_percent_and_is_read_exactly()
    {
        string noRate = MarketFiles.Small("""{"expiry": "1769817600", "strike": "100000", "type": "call"}""");
        Assert.Equal(new Ppm(20_000), MarketDataJson.Parse(noRate).Underlyings[0].ShortChargeRate);
        string text = MarketFiles.DefaultWith(r => U0(r)["shortChargeRate"] = 0.015);
        Assert.Equal(new Ppm(15_000), MarketDataJson.Parse(text).Underlyings[0].ShortChargeRate);
        text = MarketFiles.DefaultWith(r => U0(r)["shortChargeRate"] = "0.000001");
        Assert.Equal(new Ppm(1), MarketDataJson.Parse(text).Underlyings[0].ShortChargeRate);
    }

    public static TheoryData<string, string> Mistakes => new()
    {
        { "negative-b", "underlyings[0].expiries[1].svi: b = -0.1 must be ≥ 0" },
        { "negative-variance", "underlyings[0].expiries[1].svi: a + b·sigma" },
        { "butterfly", "underlyings[0].expiries[1].svi: butterfly arbitrage" },
        { "calendar", "underlyings[0].expiries: calendar arbitrage" },
        { "unknown-type", "underlyings[0].series[5].type: 'straddle' is not \"call\" or \"put\"" },
        { "unlisted-expiry", "underlyings[0].series[5].expiry: 1234567890 is not one of underlyings[0].expiries" },
        { "missing-settlement", "underlyings[0].expiries[0].settlementPrice is missing" },
        { "settlement-before-expiry", "underlyings[0].expiries[1].settlementPrice: expiry 1769760000 is after the timestamp" },
        { "missing-svi", "underlyings[0].expiries[1].svi is missing" },
        { "bad-spot", "underlyings[0].spot: '95k' is not a USD amount" },
        { "zero-spot", "underlyings[0].spot must be > 0" },
        { "string-rate", "underlyings[0].rate must be a finite number" },
        { "negative-strike", "underlyings[0].series[0].strike must be > 0" },
        { "bad-strike", "underlyings[0].series[0].strike: '1e5' is not a strike in dollars" },
        { "duplicate-series", "underlyings[0].series[1]: series BTC-20251226-90000-C is listed twice" },
        { "duplicate-underlying", "underlyings[1].id: underlying 1 is listed twice" },
        { "unknown-underlying", "underlyings[1].id: underlying 9 is not one of the exchange's (1, 2)" },
        { "big-short-rate", "underlyings[0].shortChargeRate = 1.500000 must be ≤ 1" },
        { "missing-epoch", "epoch is missing" },
        { "svi-rho-text", "underlyings[0].expiries[1].svi.rho must be a finite number" },
    };

    private static void Apply(string mistake, JsonObject r)
    {
        JsonObject u = U0(r);
        JsonObject live = LiveExpiry(r);
        JsonObject svi = live["svi"]!.AsObject();
        switch (mistake)
        {
            case "negative-b": svi["b"] = -0.1; break;
            case "negative-variance": svi["a"] = -0.5; break;
            case "butterfly":
                svi["a"] = -0.0410; svi["b"] = 0.1331; svi["rho"] = 0.3060; svi["m"] = 0.3586; svi["sigma"] = 0.4153;
                break;
            case "calendar": svi["a"] = 0.5; break;
            case "unknown-type": u["series"]![5]!["type"] = "straddle"; break;
            case "unlisted-expiry": u["series"]![5]!["expiry"] = "1234567890"; break;
            case "missing-settlement": u["expiries"]![0]!.AsObject().Remove("settlementPrice"); break;
            case "settlement-before-expiry": live["settlementPrice"] = "95000"; break;
            case "missing-svi": live.Remove("svi"); break;
            case "bad-spot": u["spot"] = "95k"; break;
            case "zero-spot": u["spot"] = "0"; break;
            case "string-rate": u["rate"] = "0.03"; break;
            case "negative-strike": u["series"]![0]!["strike"] = "-5"; break;
            case "bad-strike": u["series"]![0]!["strike"] = "1e5"; break;
            case "duplicate-series": u["series"]![1]!["type"] = "call"; break;
            case "duplicate-underlying": r["underlyings"]![1]!["id"] = 1; break;
            case "unknown-underlying": r["underlyings"]![1]!["id"] = 9; break;
            case "big-short-rate": u["shortChargeRate"] = 1.5; break;
            case "missing-epoch": r.Remove("epoch"); break;
            case "svi-rho-text": svi["rho"] = "-0.3"; break;
            default: throw new ArgumentException(mistake);
        }
    }

    [Theory]
    [MemberData(nameof(Mistakes))]
    public void Errors_name_the_file_and_the_field(string mistake, string expected)
    {
        string text = MarketFiles.DefaultWith(r => Apply(mistake, r));
        var e = Assert.Throws<SettlementInputException>(() => MarketDataJson.Parse(text, "market-bad.json", new ExchangeParameters()));
        Assert.Equal("market-bad.json", e.FileName);
        Assert.StartsWith("market-bad.json: ", e.Message);
        Assert.Contains(expected, e.Problem);
    }

    [Fact]
    public void Reading_a_file_names_its_path()
    {
        string path = Path.Combine(Path.GetTempPath(), $"zkoptions-market-{Guid.NewGuid():N}.json");
        File.WriteAllText(path, "{\"epoch\": 1, ");
        try
        {
            var e = Assert.Throws<SettlementInputException>(() => MarketDataJson.Read(path));
            Assert.Equal(path, e.FileName);
            Assert.Contains("not valid JSON", e.Problem);
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void Too_many_series_for_the_tree_is_refused()
    {
        var e = Assert.Throws<SettlementInputException>(() =>
            MarketDataJson.Read(MarketFiles.DefaultPath, new ExchangeParameters { SeriesTreeDepth = 3 }));
        Assert.Contains("124 series do not fit the series tree", e.Problem);
    }
}
