// SPDX-License-Identifier: MIT
using ZkOptions.Settlement.Instruments;
using ZkOptions.Settlement.Margin;
using ZkOptions.Settlement.Numbers;
using ZkOptions.Settlement.Parameters;
using ZkOptions.Settlement.Risk;
using ZkOptions.Settlement.State;
using ZkOptions.Settlement.Tests.Support;

namespace ZkOptions.Settlement.Tests.Margin;

/// <summary>
/// Portfolio margin worked by hand on <see cref="HandSeries"/> (USD per contract; scenarios: down, up, vol up,
/// vol down; RA positive = loss; short charge 2,000 per short option). Each example checks the portfolio figure
/// against the sum of the legs margined one by one.
/// </summary>
public sealed class HandWorkedMarginTests
{
    private static readonly ExchangeParameters P = new() { ScenarioCount = 4 };
    private static readonly OracleEpoch E = new(1, HandSeries.Now, new Dictionary<int, Usd>(), HandSeries.All(), 4, 5);

    private static MarginFigures Margin(long collateralDollars, params (SeriesKey Key, long Contracts)[] legs)
    {
        var slots = legs.Select(l => new PositionSlot(l.Key, Quantity.FromContracts(l.Contracts))).ToArray();
        RiskCache cache = MarginCalculator.ComputeCache(slots, E, out _)!;
        return MarginCalculator.Evaluate(Usd.FromDollars(collateralDollars), cache, P);
    }

    private static long Dollars(Usd u) => u.Micros / Usd.Scale;

    [Fact]
    public void CoveredCall()
    {
        // Long 1 underlying (the 1-dollar call), short 1 call 110k, collateral 20,000.
        //   L = RA_U − RA_C110 = [10,000 − 1,500, −10,000 + 4,000, 0 + 800, 0 − 600] = [8,500, −6,000, 800, −600]
        //   Worst = 8,500 (spot down); Cont = 2,000 (the short call); MM = 10,500; IM = ⌈1.25 × 10,500⌉ = 13,125
        //   MtM = 20,000 + 99,999 − 2,000 = 117,999
        MarginFigures f = Margin(20_000, (HandSeries.Underlying, 1), (HandSeries.Call110, -1));
        Assert.Equal(8_500, Dollars(f.Worst));
        Assert.Equal(0, f.WorstScenario);
        Assert.Equal(2_000, Dollars(f.ShortCharge));
        Assert.Equal(10_500, Dollars(f.Maintenance));
        Assert.Equal(13_125, Dollars(f.Initial));
        Assert.Equal(117_999, Dollars(f.MarkToMarket));
        // Alone: the underlying's worst is 10,000; the naked call's is max(−RA) = 4,000 (spot up) + 2,000 = 6,000.
        long isolated = Dollars(Margin(0, (HandSeries.Underlying, 1)).Maintenance) + Dollars(Margin(0, (HandSeries.Call110, -1)).Maintenance);
        Assert.Equal(16_000, isolated);
        Assert.True(Dollars(f.Maintenance) < isolated);
    }

    [Fact]
    public void ShortStrangle()
    {
        // Short 1 call 110k and 1 put 90k. L = −RA_C − RA_P = [−1,500 + 3,500, 4,000 − 1,200, 800 + 700, −600 − 500]
        //   = [2,000, 2,800, 1,500, −1,100]: Worst = 2,800 (spot up); Cont = 2 × 2,000 = 4,000; MM = 6,800.
        MarginFigures f = Margin(10_000, (HandSeries.Call110, -1), (HandSeries.Put90, -1));
        Assert.Equal(2_800, Dollars(f.Worst));
        Assert.Equal(1, f.WorstScenario);
        Assert.Equal(6_800, Dollars(f.Maintenance));
        Assert.Equal(8_500, Dollars(f.Initial));
        // MtM = 10,000 − 2,000 − 1,500 = 6,500 < 6,800: the strangle on 10,000 of collateral is under maintenance.
        Assert.Equal(6_500, Dollars(f.MarkToMarket));
        Assert.False(f.HoldsMaintenance);
        // Alone: call 4,000 + 2,000 = 6,000; put max(3,500, −1,200, 700, −500) = 3,500 + 2,000 = 5,500; sum 11,500.
        long isolated = Dollars(Margin(0, (HandSeries.Call110, -1)).Maintenance) + Dollars(Margin(0, (HandSeries.Put90, -1)).Maintenance);
        Assert.Equal(11_500, isolated);
        Assert.True(Dollars(f.Maintenance) < isolated);
    }

    [Fact]
    public void CalendarSpread()
    {
        // Short 1 near call 110k, long 1 far call 110k. L = RA_far − RA_near = [2,500 − 1,500, −4,500 + 4,000,
        //   −1,500 + 800, 1,200 − 600] = [1,000, −500, −700, 600]: Worst = 1,000; Cont = 2,000; MM = 3,000.
        MarginFigures f = Margin(5_000, (HandSeries.Call110, -1), (HandSeries.Call110Far, 1));
        Assert.Equal(1_000, Dollars(f.Worst));
        Assert.Equal(3_000, Dollars(f.Maintenance));
        // MtM = 5,000 − 2,000 + 5,000 = 8,000 ≥ IM = 3,750.
        Assert.Equal(8_000, Dollars(f.MarkToMarket));
        Assert.True(f.HoldsInitial);
        // Alone: short near 6,000; long far: max(2,500, −4,500, −1,500, 1,200) = 2,500; sum 8,500.
        long isolated = Dollars(Margin(0, (HandSeries.Call110, -1)).Maintenance) + Dollars(Margin(0, (HandSeries.Call110Far, 1)).Maintenance);
        Assert.Equal(8_500, isolated);
        Assert.True(Dollars(f.Maintenance) < isolated);
    }

    [Fact]
    public void RiskReversalHasNoOffset()
    {
        // Long 1 call 110k, short 1 put 90k: both lose when spot falls, so nothing offsets.
        //   L = RA_C − RA_P = [1,500 + 3,500, −4,000 − 1,200, −800 + 700, 600 − 500] = [5,000, −5,200, −100, 100]
        //   Worst = 5,000; Cont = 2,000; MM = 7,000 — exactly long call 1,500 + short put 3,500 + 2,000.
        MarginFigures f = Margin(0, (HandSeries.Call110, 1), (HandSeries.Put90, -1));
        Assert.Equal(5_000, Dollars(f.Worst));
        Assert.Equal(7_000, Dollars(f.Maintenance));
        long isolated = Dollars(Margin(0, (HandSeries.Call110, 1)).Maintenance) + Dollars(Margin(0, (HandSeries.Put90, -1)).Maintenance);
        Assert.Equal(7_000, isolated);
    }

    [Fact]
    public void RoundingIsOnceAndInTheExchangesFavour()
    {
        // 0.0001 contracts of a series with mark 0.000015 and loss 0.000015 per contract: the exact figures are
        // 1.5e-9 USD; MtM rounds down (to 0 µUSD of mark value) and the requirement up (to 1 µUSD).
        var key = HandSeries.Call110;
        var tiny = new SeriesRisk(key, new Usd(15), new Usd(0), Usd.Zero, [new Usd(15), new Usd(15), new Usd(15), new Usd(15)]);
        var epoch = new OracleEpoch(1, HandSeries.Now, new Dictionary<int, Usd>(), [tiny], 4, 5);
        RiskCache cache = MarginCalculator.ComputeCache([new PositionSlot(key, new Quantity(1))], epoch, out _)!;
        MarginFigures f = MarginCalculator.Evaluate(Usd.Zero, cache, P);
        Assert.Equal(0, f.MarkToMarket.Micros);
        Assert.Equal(1, f.Worst.Micros);
        Assert.Equal(2, f.Initial.Micros); // ⌈1.25 × 1⌉
    }

    [Fact]
    public void AnAccountWithoutPositionsNeedsNothing()
    {
        MarginFigures f = Margin(0);
        Assert.Equal(Usd.Zero, f.Maintenance);
        Assert.True(f.HoldsInitial);
        Assert.Equal(-1, f.WorstScenario);
    }
}
