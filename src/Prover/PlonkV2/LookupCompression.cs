// SPDX-License-Identifier: MIT
using ZkOptions.Constraints.V2;
using ZkOptions.Field;

namespace ZkOptions.Prover.PlonkV2;

/// <summary>
/// The logUp terms at one point, written once for the prover (on H and on its coset) and the verifier (at ζ): a row's
/// looked-up tuple, each of its lanes, and a table entry, each compressed with θ and shifted by βL:
/// βL + f = βL + w0 + θ·a1·w1 + θ²·a2·w2 + θ³·Q, βL + g_j = βL + w_j + θ³·Q for the lanes j = 0 … 3, and
/// βL + t = βL + T0 + θ·T1 + θ²·T2 + θ³·G, where a1, a2 say whether the row's table has a second and third column.
/// Two tuples (tag included) compress to the same value only for θ among at most 3 roots of a nonzero polynomial,
/// and θ is drawn after the wires and multiplicities are committed. A lane is the tuple (w_j, 0, 0). Generic so that
/// the Solidity verifier's generator emits the same expressions.
/// </summary>
internal static class LookupCompression
{
    /// <summary>βL + f: the row's side, from its cells w0..w2 and the lookup columns at the point.</summary>
    public static T Input<T>(in T betaLookup, in T theta, in T theta2, in T theta3, in T w0, in T w1, in T w2, ReadOnlySpan<T> columns)
        where T : IFieldArithmetic<T> =>
        betaLookup + w0 + theta * columns[(int)LookupColumns.RowReadsW1] * w1 + theta2 * columns[(int)LookupColumns.RowReadsW2] * w2
        + theta3 * columns[(int)LookupColumns.RowTag];

    /// <summary>βL + g: one lane's side, the cell <paramref name="w"/> tagged with the row's table.</summary>
    public static T Lane<T>(in T betaLookup, in T theta3, in T w, ReadOnlySpan<T> columns) where T : IFieldArithmetic<T> =>
        betaLookup + w + theta3 * columns[(int)LookupColumns.RowTag];

    /// <summary>βL + t: the table's side.</summary>
    public static T Entry<T>(in T betaLookup, in T theta, in T theta2, in T theta3, ReadOnlySpan<T> columns) where T : IFieldArithmetic<T> =>
        betaLookup + columns[(int)LookupColumns.TableValue] + theta * columns[(int)LookupColumns.TableValue1]
        + theta2 * columns[(int)LookupColumns.TableValue2] + theta3 * columns[(int)LookupColumns.TableTag];

    /// <summary>
    /// h·Π_j(βL + g_j) − qR·Σ_j Π_(k≠j)(βL + g_k) over the <see cref="WideLayout.LaneCount"/> lanes
    /// <paramref name="lanes"/> (each βL + g_j): zero on H iff h = qR·Σ_j 1/(βL + g_j) where no lane's term is zero.
    /// </summary>
    public static T LaneConstraint<T>(in T laneHelper, ReadOnlySpan<T> lanes, ReadOnlySpan<T> columns) where T : IFieldArithmetic<T>
    {
        // After lanes 0..j: product = Π g, others = Σ_i Π_(k≠i) g (each term missing one factor).
        T product = T.One, others = T.Constant(Fr.Zero);
        foreach (var g in lanes)
        {
            others = others * g + product;
            product *= g;
        }
        return laneHelper * product - columns[(int)LookupColumns.LaneSelector] * others;
    }

    /// <summary>
    /// (φ(ωx) − φ(x) − h(x))·(βL + f)·(βL + t) − qL·(βL + t) + m·(βL + f), zero on H for an honest prover: φ steps
    /// by the row's lanes (h), its tuple (qL/(βL + f)) and minus its entry's count (m/(βL + t)).
    /// </summary>
    public static T Constraint<T>(in T phi, in T phiNext, in T laneHelper, in T multiplicity, in T input, in T entry, ReadOnlySpan<T> columns)
        where T : IFieldArithmetic<T> =>
        (phiNext - phi - laneHelper) * input * entry - columns[(int)LookupColumns.RowSelector] * entry + multiplicity * input;
}
