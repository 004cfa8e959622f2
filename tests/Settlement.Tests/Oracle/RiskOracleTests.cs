// SPDX-License-Identifier: MIT
using System.Text.Json.Nodes;
using ZkOptions.Field;
using ZkOptions.Field.BabyJubjub;
using ZkOptions.Settlement.Instruments;
using ZkOptions.Settlement.Numbers;
using ZkOptions.Settlement.Oracle;
using ZkOptions.Settlement.Parameters;
using ZkOptions.Settlement.Pricing;
using ZkOptions.Settlement.Risk;
using ZkOptions.Settlement.Serialization;

namespace ZkOptions.Settlement.Tests.Oracle;

public sealed class RiskOracleTests
{
    private static readonly ExchangeParameters Parameters = new();
    private static readonly MarketData Default = MarketDataJson.Read(MarketFiles.DefaultPath, Parameters);

    private static SeriesKey Key(long strikeDollars, OptionType type, long expiry = MarketFiles.Expiry) =>
        new(1, expiry, strikeDollars * SeriesKey.StrikeScale, type);

    private static string Series(long strike, string type, long expiry = MarketFiles.Expiry) =>
        $$"""{"expiry": "{{expiry}}", "strike": "{{strike}}", "type": "{{type}}"}""";

    private static SeriesRisk Only(MarketData m, ScenarioGrid? grid = null, ExchangeParameters? p = null) =>
        Assert.Single(RiskOracle.Compute(m, p ?? Parameters, grid).Series);

    [Fact]
    public void A_long_call_loses_when_spot_falls_and_gains_when_it_rises_with_vol_held()
    {
        double[] moves = [-0.15, -0.10, -0.05, 0.05, 0.10, 0.15];
        var grid = ScenarioGrid.FromMoves(moves.Select(m => (m, VolShockDirection.None, 1.0)));
        var p = new ExchangeParameters { ScenarioCount = grid.Count };
        foreach (long strike in new long[] { 80_000, 100_000, 120_000 })
        {
            SeriesRisk call = Only(MarketDataJson.Parse(MarketFiles.Small(Series(strike, "call"))), grid, p);
            for (int s = 0; s < moves.Length; s++)
            {
                if (moves[s] < 0)
                {
                    Assert.True(call.RiskArray[s].Micros > 0, $"K={strike} move {moves[s]}: RA {call.RiskArray[s]}");
                }
                else
                {
                    Assert.True(call.RiskArray[s].Micros < 0, $"K={strike} move {moves[s]}: RA {call.RiskArray[s]}");
                }
            }
            for (int s = 1; s < 3; s++)
            {
                Assert.True(call.RiskArray[s] < call.RiskArray[s - 1]);
            }
        }
    }

    [Fact]
    public void On_the_default_grid_long_options_lose_on_adverse_spot_with_vol_down_and_vega_shows_in_the_pairs()
    {
        ScenarioGrid grid = ScenarioGrid.Default;
        foreach (SeriesRisk r in RiskOracle.Compute(Default, Parameters).Series.Where(r => !r.IsSettled))
        {
            bool call = r.Key.Type == OptionType.Call;
            for (int s = 0; s < 14; s += 2)
            {
                // A long option has positive vega: the vol-down twin loses at least as much.
                Assert.True(r.RiskArray[s + 1] >= r.RiskArray[s], $"{r.Key.ToDisplay()} scenario {s}");
                double move = grid.Scenarios[s].SpotMove;
                if (move < 0)
                {
                    // Spot against the position and vol down: a loss. Spot in favour and vol up: a gain.
                    Assert.True(call ? r.RiskArray[s + 1].Micros > 0 : r.RiskArray[s].Micros < 0, $"{r.Key.ToDisplay()} scenario {s}");
                }
                else if (move > 0)
                {
                    Assert.True(call ? r.RiskArray[s].Micros < 0 : r.RiskArray[s + 1].Micros > 0, $"{r.Key.ToDisplay()} scenario {s}");
                }
            }
            // A long option never loses more than its mark (one micro-dollar of rounding up).
            Assert.All(r.RiskArray, ra => Assert.True(ra <= r.Mark + new Usd(1)));
        }
    }

    [Fact]
    public void Marks_and_risk_arrays_follow_the_documented_formulas_and_rounding()
    {
        MarketData m = MarketDataJson.Parse(MarketFiles.Small(Series(105_000, "call") + ", " + Series(90_000, "put"), rate: 0.04));
        OracleEpoch epoch = RiskOracle.Compute(m, Parameters);
        VolSurface surface = m.Underlyings[0].Surface(m.Timestamp);
        ScenarioGrid grid = ScenarioGrid.Default;
        foreach (SeriesRisk r in epoch.Series)
        {
            double t = (r.Key.Expiry - m.Timestamp) / (365.0 * 86_400);
            double strike = r.Key.Strike / 1e8;
            double forward = 100_000 * Math.Exp(0.04 * t);
            double vol = new SviParameters(0.02, 0.04, -0.3, 0, 0.1).ImpliedVol(Math.Log(strike / forward), t);
            Assert.Equal(vol, surface.ImpliedVol(strike, r.Key.Expiry), 1e-15);
            double price = Black76.Price(r.Key.Type, forward, strike, t, vol, 0.04);
            Assert.Equal((long)Math.Floor(price * 1e6 + 0.5), r.Mark.Micros);
            for (int s = 0; s < grid.Count; s++)
            {
                Scenario sc = grid.Scenarios[s];
                double v = Black76.Price(r.Key.Type, forward * (1 + sc.SpotMove), strike, t, vol * VolShock.Default.Factor(sc.VolShock, t * 365), 0.04);
                double loss = sc.Weight * (r.Mark.Micros - v * 1e6);
                Assert.Equal((long)Math.Ceiling(loss), r.RiskArray[s].Micros);
            }
            Assert.Equal(Usd.FromDollars(2_000), r.ShortCharge);
            Assert.Equal(Usd.Zero, r.SettlementPrice);
        }
    }

    [Fact]
    public void Marks_satisfy_put_call_parity_to_the_rounding()
    {
        foreach (UnderlyingMarket u in Default.Underlyings)
        {
            var marks = RiskOracle.Compute(Default, Parameters).Series.Where(r => r.Key.Underlying == u.Id && !r.IsSettled)
                .ToDictionary(r => r.Key, r => r.Mark);
            foreach (SeriesKey call in marks.Keys.Where(k => k.Type == OptionType.Call))
            {
                var put = new SeriesKey(call.Underlying, call.Expiry, call.Strike, OptionType.Put);
                double t = VolSurface.Years(Default.Timestamp, call.Expiry);
                double forward = u.SpotDollars * Math.Exp(u.Rate * t);
                double parity = Math.Exp(-u.Rate * t) * (forward - call.Strike / 1e8);
                Assert.Equal(parity * 1e6, marks[call].Micros - marks[put].Micros, 1.01);
            }
        }
    }

    [Fact]
    public void The_short_charge_is_the_rate_times_spot_rounded_up()
    {
        string text = MarketFiles.Small(Series(100_000, "put")).Replace("\"spot\": \"100000\"", "\"spot\": \"99999.999999\", \"shortChargeRate\": \"0.015\"");
        SeriesRisk r = Only(MarketDataJson.Parse(text));
        // 0.015 · 99,999,999,999 µ$ = 1,499,999,999.985 µ$ → 1,500,000,000.
        Assert.Equal(new Usd(1_500_000_000), r.ShortCharge);
    }

    [Fact]
    public void Expired_series_carry_the_intrinsic_mark_at_the_settlement_price_and_no_risk()
    {
        OracleEpoch epoch = RiskOracle.Compute(Default, Parameters);
        var settled = epoch.Series.Where(r => r.Key.Expiry <= Default.Timestamp).ToDictionary(r => r.Key);
        Assert.Equal(4, settled.Count);
        const long expired = 1_766_736_000;
        Assert.Equal(Usd.ParseDollars("4250.5"), settled[Key(90_000, OptionType.Call, expired)].Mark);
        Assert.Equal(Usd.Zero, settled[Key(90_000, OptionType.Put, expired)].Mark);
        Assert.Equal(Usd.Zero, settled[Key(100_000, OptionType.Call, expired)].Mark);
        Assert.Equal(Usd.ParseDollars("5749.5"), settled[Key(100_000, OptionType.Put, expired)].Mark);
        foreach (SeriesRisk r in settled.Values)
        {
            Assert.True(r.IsSettled);
            Assert.Equal(Usd.ParseDollars("94250.5"), r.SettlementPrice);
            Assert.Equal(Usd.Zero, r.ShortCharge);
            Assert.Equal(16, r.RiskArray.Count);
            Assert.All(r.RiskArray, v => Assert.Equal(Usd.Zero, v));
        }
        Assert.All(epoch.Series.Where(r => r.Key.Expiry > Default.Timestamp), r => Assert.False(r.IsSettled));
    }

    [Fact]
    public void Sub_micro_strikes_round_the_payoff_down()
    {
        const long expired = MarketFiles.Now - 86_400;
        string expiry = $$""", {"expiry": "{{expired}}", "settlementPrice": "95000"}""";
        string series = string.Join(", ",
            $$"""{"expiry": "{{expired}}", "strike": "94250.12345678", "type": "call"}""",
            $$"""{"expiry": "{{expired}}", "strike": "95000.00000001", "type": "put"}""",
            $$"""{"expiry": "{{expired}}", "strike": "95000.12345678", "type": "put"}""");
        var marks = RiskOracle.Compute(MarketDataJson.Parse(MarketFiles.Small(series, expiry)), Parameters).Series
            .ToDictionary(r => (r.Key.Strike, r.Key.Type), r => r.Mark.Micros);
        Assert.Equal(749_876_543, marks[(9_425_012_345_678, OptionType.Call)]);     // 749.87654322 → 749.876543
        Assert.Equal(0, marks[(9_500_000_000_001, OptionType.Put)]);                // 0.00000001 → 0
        Assert.Equal(123_456, marks[(9_500_012_345_678, OptionType.Put)]);          // 0.12345678 → 0.123456
    }

    [Fact]
    public void The_epoch_lists_every_series_with_spots_and_signs_and_round_trips()
    {
        OracleEpoch epoch = RiskOracle.Compute(Default, Parameters);
        Assert.Equal(1, epoch.Id);
        Assert.Equal(Default.Timestamp, epoch.Timestamp);
        Assert.Equal(124, epoch.Series.Count);
        Assert.Equal(Usd.FromDollars(95_000), epoch.Spots[1]);
        Assert.Equal(Usd.FromDollars(3_300), epoch.Spots[2]);
        Assert.Null(epoch.Signature);
        Assert.Equal(epoch.Commitment, RiskOracle.Compute(Default, Parameters).Commitment);

        var key = new EddsaPrivateKey(Enumerable.Range(1, 32).Select(i => (byte)i).ToArray());
        OracleEpoch signed = epoch.SignedWith(key, Fr.Zero);
        Assert.True(signed.IsSignedBy(key.PublicKey, Fr.Zero));

        JsonObject json = OracleEpochJson.Write(signed, Parameters);
        OracleEpoch back = OracleEpochJson.Read(JsonNode.Parse(json.ToJsonString())!.AsObject(), new JsonFields("epoch.json"), Parameters);
        Assert.Equal(signed.Commitment, back.Commitment);
        Assert.True(back.IsSignedBy(key.PublicKey, Fr.Zero));
    }

    [Fact]
    public void The_grid_must_have_the_exchanges_scenario_count()
    {
        var grid = ScenarioGrid.FromMoves([(0.1, VolShockDirection.Up, 1.0)]);
        Assert.Throws<ArgumentException>(() => RiskOracle.Compute(Default, Parameters, grid));
    }

    [Fact]
    public void Prices_round_half_up_to_micro_dollars()
    {
        Assert.Equal(new Usd(1_234_568), RiskOracle.RoundHalfUp(1.2345675));
        Assert.Equal(new Usd(1_234_567), RiskOracle.RoundHalfUp(1.2345674));
        Assert.Equal(Usd.Zero, RiskOracle.RoundHalfUp(0));
        Assert.Throws<ArgumentOutOfRangeException>(() => RiskOracle.RoundHalfUp(-1));
        Assert.Throws<ArgumentOutOfRangeException>(() => RiskOracle.RoundHalfUp(double.NaN));
    }
}
