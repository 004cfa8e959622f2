// SPDX-License-Identifier: MIT
using ZkOptions.Settlement.Instruments;
using ZkOptions.Settlement.Numbers;
using ZkOptions.Settlement.Parameters;
using ZkOptions.Settlement.Risk;
using ZkOptions.Settlement.State;

namespace ZkOptions.Settlement.Margin;

/// <summary>
/// Portfolio (scenario) margin as docs/settlement.md defines it: exact sums over the position slots into a
/// <see cref="RiskCache"/>, then the figures of <see cref="MarginFigures"/>.
/// </summary>
public static class MarginCalculator
{
    /// <summary>
    /// The cache of <paramref name="positions"/> against <paramref name="epoch"/>, from every slot. Returns the
    /// first series the epoch does not list in <paramref name="missing"/> (and null) when one is absent.
    /// </summary>
    public static RiskCache? ComputeCache(IEnumerable<PositionSlot> positions, OracleEpoch epoch, out SeriesKey? missing)
    {
        var cache = new RiskCache(epoch.Id, epoch.ScenarioCount);
        missing = null;
        foreach (PositionSlot slot in positions)
        {
            if (slot.Series is not { } key)
            {
                continue;
            }
            if (epoch.Find(key) is not { } found)
            {
                missing = key;
                return null;
            }
            AddChange(cache, found.Risk, Quantity.Zero, slot.Quantity);
        }
        return cache;
    }

    /// <summary>Adds to <paramref name="cache"/> the change of one position from <paramref name="before"/> to <paramref name="after"/>.</summary>
    public static void AddChange(RiskCache cache, SeriesRisk risk, Quantity before, Quantity after)
    {
        Quantity delta = after - before;
        cache.MarkSum += Exact.Notional(delta, risk.Mark);
        long shortBefore = Math.Max(0, -before.Units);
        long shortAfter = Math.Max(0, -after.Units);
        cache.ShortSum += (Int128)(shortAfter - shortBefore) * risk.ShortCharge.Micros;
        for (int s = 0; s < cache.Losses.Length; s++)
        {
            cache.Losses[s] += Exact.Notional(delta, risk.RiskArray[s]);
        }
    }

    /// <summary>The figures for <paramref name="collateral"/> and a cache.</summary>
    public static MarginFigures Evaluate(Usd collateral, RiskCache cache, ExchangeParameters parameters)
    {
        Usd mtm = collateral + Exact.FloorUsd(cache.MarkSum);
        int worstScenario = -1;
        Int128 worstExact = 0;
        for (int s = 0; s < cache.Losses.Length; s++)
        {
            if (cache.Losses[s] > worstExact)
            {
                worstExact = cache.Losses[s];
                worstScenario = s;
            }
        }
        Usd worst = Exact.CeilUsd(worstExact);
        Usd cont = Exact.CeilUsd(cache.ShortSum);
        Usd maintenance = worst + cont;
        return new MarginFigures(mtm, worst, worstScenario, cont, maintenance,
            Exact.MulCeil(maintenance, parameters.InitialMarginFactor),
            Exact.MulCeil(maintenance, parameters.LiquidationBufferFactor));
    }

    /// <summary>The figures of an account from its cache.</summary>
    public static MarginFigures Evaluate(Account account, ExchangeParameters parameters) =>
        Evaluate(account.Collateral, account.Risk, parameters);
}
