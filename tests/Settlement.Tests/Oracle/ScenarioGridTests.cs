// SPDX-License-Identifier: MIT
using ZkOptions.Settlement.Instruments;
using ZkOptions.Settlement.Pricing;
using ZkOptions.Settlement.Risk;

namespace ZkOptions.Settlement.Tests.Oracle;

public sealed class ScenarioGridTests
{
    [Fact]
    public void The_default_grid_is_designs_sixteen_scenarios()
    {
        ScenarioGrid grid = ScenarioGrid.Default;
        Assert.Equal(16, grid.Count);
        var regular = grid.Scenarios.Take(14).ToArray();
        Assert.All(regular, s => Assert.Equal(1, s.Weight));
        Assert.Equal(new[] { 0.0, 0.05, -0.05, 0.10, -0.10, 0.15, -0.15 }, regular.Select(s => s.SpotMove).Distinct());
        foreach (var pair in regular.Chunk(2))
        {
            Assert.Equal(pair[0].SpotMove, pair[1].SpotMove);
            Assert.Equal(VolShockDirection.Up, pair[0].VolShock);
            Assert.Equal(VolShockDirection.Down, pair[1].VolShock);
        }
        Assert.Equal(new Scenario(-0.33, VolShockDirection.Up, 0.48), grid.Scenarios[14]);
        Assert.Equal(new Scenario(0.50, VolShockDirection.Up, 0.32), grid.Scenarios[15]);
    }

    [Fact]
    public void Vol_shocks_follow_derives_formula()
    {
        VolShock shock = VolShock.Default;
        // At 30 days the ratio is 1: up ×1.6, down ×0.7.
        Assert.Equal(1.6, shock.Factor(VolShockDirection.Up, 30), 1e-15);
        Assert.Equal(0.7, shock.Factor(VolShockDirection.Down, 30), 1e-15);
        Assert.Equal(1, shock.Factor(VolShockDirection.None, 30));
        // Short-dated: p = 0.3, DTE floored at 1 day.
        Assert.Equal(1 + 0.6 * Math.Pow(30 / 7.0, 0.3), shock.Factor(VolShockDirection.Up, 7), 1e-15);
        Assert.Equal(1 + 0.6 * Math.Pow(30.0, 0.3), shock.Factor(VolShockDirection.Up, 0.1), 1e-15);
        Assert.Equal(1 - 0.3 * Math.Pow(30.0, 0.3), shock.Factor(VolShockDirection.Down, 0.5), 1e-15);
        // Long-dated: p = 0.13.
        Assert.Equal(1 + 0.6 * Math.Pow(30 / 180.0, 0.13), shock.Factor(VolShockDirection.Up, 180), 1e-15);
        Assert.Equal(1 - 0.3 * Math.Pow(30 / 180.0, 0.13), shock.Factor(VolShockDirection.Down, 180), 1e-15);
        Assert.True(shock.Factor(VolShockDirection.Down, 0) > 0);
    }

    [Fact]
    public void A_grid_can_be_built_from_moves()
    {
        var grid = ScenarioGrid.FromMoves([(0.2, VolShockDirection.None, 1.0), (-0.5, VolShockDirection.Up, 0.25)],
            new VolShock(RangeUp: 0.5));
        Assert.Equal(2, grid.Count);
        Assert.Equal(0.25, grid.Scenarios[1].Weight);
        Assert.Equal(1.5, grid.VolShock.Factor(VolShockDirection.Up, 30), 1e-15);
    }

    [Theory]
    [InlineData(-1.0, 1.0)]
    [InlineData(0.1, 0.0)]
    [InlineData(0.1, 1.5)]
    [InlineData(double.NaN, 1.0)]
    public void Invalid_scenarios_are_refused(double move, double weight)
    {
        Assert.Throws<ArgumentException>(() => ScenarioGrid.FromMoves([(move, VolShockDirection.Up, weight)]));
    }

    [Fact]
    public void Scenario_values_are_sticky_strike_revaluations()
    {
        ScenarioGrid grid = ScenarioGrid.Default;
        const double f = 100, k = 95, t = 0.1, vol = 0.6, r = 0.02;
        for (int s = 0; s < grid.Count; s++)
        {
            Scenario sc = grid.Scenarios[s];
            double shocked = vol * grid.VolShock.Factor(sc.VolShock, t * 365);
            Assert.Equal(Black76.Price(OptionType.Put, f * (1 + sc.SpotMove), k, t, shocked, r),
                grid.Value(s, OptionType.Put, f, k, t, vol, r), 1e-14);
        }
    }
}
