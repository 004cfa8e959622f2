// SPDX-License-Identifier: MIT
using System.Numerics;
using ZkOptions.Circuit;
using ZkOptions.Field;
using ZkOptions.Circuit.Std;

namespace ZkOptions.Circuits.Settlement.Gadgets;

/// <summary>
/// The margin figures of docs/settlement.md ("Margin") from an account's collateral and risk cache, rounded as the engine rounds
/// them (MarginCalculator.Evaluate): MtM = C + ⌊Σq·mark / 10⁴⌋, Worst = ⌈max(0, max_s L_s) / 10⁴⌉,
/// Cont = ⌈Σ short / 10⁴⌉, MM = Worst + Cont, IM = ⌈MM·f_IM⌉, buffer = ⌈MM·f_buffer⌉ (factors in ppm).
/// </summary>
public sealed record MarginFigures(Variable MarkToMarket, Variable Maintenance, Variable Initial, Variable Buffer)
{
    /// <summary>Width of the signed sums (exact 1e-10 USD) the cache holds.</summary>
    public const int SumBits = 126;

    /// <summary>Width of money figures in 1e-6 USD.</summary>
    public const int MoneyBits = 118;

    public Variable MaintenanceExcess => MarkToMarket - Maintenance;
    public Variable InitialExcess => MarkToMarket - Initial;
    public Variable BufferExcess => MarkToMarket - Buffer;

    public static MarginFigures Evaluate(Api api, AccountState a, long initialPpm, long bufferPpm)
    {
        using (api.Scope("margin figures"))
        {
            SignedArithmetic.AssertSigned(api, a.Collateral, 64);
            var mtm = a.Collateral + SignedArithmetic.FloorDiv(api, a.MarkSum, 10_000, SumBits);
            var worstExact = WorstLoss(api, a);
            var worst = SignedArithmetic.CeilDiv(api, worstExact, 10_000, SumBits);
            var cont = SignedArithmetic.CeilDiv(api, a.ShortSum, 10_000, SumBits);
            var mm = worst + cont;
            var im = SignedArithmetic.CeilDiv(api, mm * initialPpm, 1_000_000, SumBits);
            var buffer = SignedArithmetic.CeilDiv(api, mm * bufferPpm, 1_000_000, SumBits);
            return new MarginFigures(mtm, mm, im, buffer);
        }
    }

    /// <summary>max(0, L₁ … L_S): a hinted m with m ≥ 0, m ≥ L_s for all s, and m equal to 0 or one of them.</summary>
    private static Variable WorstLoss(Api api, AccountState a)
    {
        using (api.Scope("worst scenario"))
        {
            int n = a.Scenarios;
            var losses = new Variable[n];
            for (int s = 0; s < n; s++)
            {
                losses[s] = a.Loss(s);
            }
            var m = api.Hint("max loss", 1, (i, o) =>
            {
                BigInteger best = 0;
                foreach (Fr v in i)
                {
                    best = BigInteger.Max(best, FixedPoint.Signed(v));
                }
                o[0] = FixedPoint.FromSigned(best);
            }, losses)[0];
            api.RangeCheck(m, SumBits - 1);
            Variable product = m;
            foreach (var l in losses)
            {
                SignedArithmetic.AssertSigned(api, l, SumBits - 1);
                api.RangeCheck(m - l, SumBits);
                product = api.Mul(product, m - l);
            }
            api.AssertEqual(product, 0);
            return m;
        }
    }
}
