// SPDX-License-Identifier: MIT
using ZkOptions.Settlement.Instruments;
using ZkOptions.Settlement.Pricing;

namespace ZkOptions.Settlement.Risk;

/// <summary>
/// The scenarios a risk array is computed over, and how a series is revalued in each: full Black-76 revaluation with
/// the forward moved by the scenario's spot move and the strike's current implied vol (from the unshocked smile)
/// multiplied by the <see cref="VolShock"/> factor — sticky strike within a scenario, as Derive's PMRM. Time to expiry
/// and the rate are not changed (no look-ahead decay).
/// </summary>
/// <remarks>
/// <see cref="Default"/> is the default S = 16 grid, in this order:
/// <list type="number">
/// <item><description>0–13: spot 0, +5, −5, +10, −10, +15, −15 %, each with vol up then vol down (weight 1);</description></item>
/// <item><description>14: −33 % with vol up, weight 0.48; 15: +50 % with vol up, weight 0.32 — two of Paradex's
/// extreme moves with Paradex's weights (docs.paradex.trade/risk/portfolio-margin), which catch far-OTM short
/// options that ±15 % misses.</description></item>
/// </list>
/// Research notes: research/options-domain.md §2.1 (SPAN's 16-scenario shape), §2.3 (Derive's shocks), §2.4 (Paradex).
/// </remarks>
public sealed class ScenarioGrid
{
    /// <summary>Builds a grid from scenarios (in risk-array order) and a vol shock.</summary>
    public ScenarioGrid(IEnumerable<Scenario> scenarios, VolShock? volShock = null)
    {
        Scenarios = scenarios.ToArray();
        VolShock = volShock ?? VolShock.Default;
        VolShock.Validate();
        if (Scenarios.Count == 0)
        {
            throw new ArgumentException("a scenario grid needs at least one scenario", nameof(scenarios));
        }
        for (int i = 0; i < Scenarios.Count; i++)
        {
            Scenario s = Scenarios[i];
            if (!(double.IsFinite(s.SpotMove) && s.SpotMove > -1))
            {
                throw new ArgumentException($"scenario {i}: spot move {s.SpotMove} must be finite and > −1", nameof(scenarios));
            }
            if (!(s.Weight > 0 && s.Weight <= 1))
            {
                throw new ArgumentException($"scenario {i}: weight {s.Weight} must be in (0, 1]", nameof(scenarios));
            }
            if (!Enum.IsDefined(s.VolShock))
            {
                throw new ArgumentException($"scenario {i}: unknown vol shock {s.VolShock}", nameof(scenarios));
            }
        }
    }

    /// <summary>Builds a grid from (spot move, vol shock direction, weight) triples.</summary>
    public static ScenarioGrid FromMoves(IEnumerable<(double SpotMove, VolShockDirection VolShock, double Weight)> moves, VolShock? volShock = null) =>
        new(moves.Select(m => new Scenario(m.SpotMove, m.VolShock, m.Weight)), volShock);

    /// <summary>The default S = 16 grid (order in the remarks).</summary>
    public static ScenarioGrid Default { get; } = new(DefaultScenarios());

    /// <summary>The scenarios in risk-array order.</summary>
    public IReadOnlyList<Scenario> Scenarios { get; }

    /// <summary>The vol shock applied in the scenarios' directions.</summary>
    public VolShock VolShock { get; }

    /// <summary>S.</summary>
    public int Count => Scenarios.Count;

    /// <summary>
    /// The unweighted value of one contract in scenario <paramref name="index"/>: Black-76 at forward
    /// F·(1 + move), vol·shock(DTE), same strike, T and r. <paramref name="vol"/> is the strike's unshocked vol.
    /// </summary>
    public double Value(int index, OptionType type, double forward, double strike, double years, double vol, double rate)
    {
        Scenario s = Scenarios[index];
        double shockedVol = vol * VolShock.Factor(s.VolShock, years * 365);
        return Black76.Price(type, forward * (1 + s.SpotMove), strike, years, shockedVol, rate);
    }

    private static IEnumerable<Scenario> DefaultScenarios()
    {
        foreach (double move in new[] { 0.0, 0.05, -0.05, 0.10, -0.10, 0.15, -0.15 })
        {
            yield return new Scenario(move, VolShockDirection.Up);
            yield return new Scenario(move, VolShockDirection.Down);
        }
        yield return new Scenario(-0.33, VolShockDirection.Up, 0.48);
        yield return new Scenario(0.50, VolShockDirection.Up, 0.32);
    }
}
