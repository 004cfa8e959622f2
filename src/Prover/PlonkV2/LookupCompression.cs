// SPDX-License-Identifier: MIT
using ZkOptions.Field;

namespace ZkOptions.Prover.PlonkV2;

/// <summary>
/// The logUp terms at one point, written once for the prover (on H and on its coset) and the verifier (at ζ): a row's
/// looked-up tuple and a table entry, each compressed with θ and shifted by βL:
/// βL + w0 + θ·a1·w1 + θ²·a2·w2 + θ³·Q and βL + T0 + θ·T1 + θ²·T2 + θ³·G, where a1, a2 say whether the row's table
/// has a second and third column. Two tuples (tag included) compress to the same value only for θ among at most 3
/// roots of a nonzero polynomial, and θ is drawn after the wires and multiplicities are committed. Generic so that the
/// Solidity verifier's generator emits the same expressions.
/// </summary>
internal static class LookupCompression
{
    /// <summary>βL + f: the row's side, from its cells w0..w2 and the lookup columns at the point.</summary>
    public static T Input<T>(in T betaLookup, in T theta, in T theta2, in T theta3, in T w0, in T w1, in T w2, ReadOnlySpan<T> columns)
        where T : IFieldArithmetic<T> =>
        betaLookup + w0 + theta * columns[(int)LookupColumns.RowReadsW1] * w1 + theta2 * columns[(int)LookupColumns.RowReadsW2] * w2
        + theta3 * columns[(int)LookupColumns.RowTag];

    /// <summary>βL + t: the table's side.</summary>
    public static T Entry<T>(in T betaLookup, in T theta, in T theta2, in T theta3, ReadOnlySpan<T> columns) where T : IFieldArithmetic<T> =>
        betaLookup + columns[(int)LookupColumns.TableValue] + theta * columns[(int)LookupColumns.TableValue1]
        + theta2 * columns[(int)LookupColumns.TableValue2] + theta3 * columns[(int)LookupColumns.TableTag];

    /// <summary>(φ(ωx) − φ(x))·(βL + f)·(βL + t) − qL·(βL + t) + m·(βL + f), zero on H for an honest prover.</summary>
    public static T Constraint<T>(in T phi, in T phiNext, in T multiplicity, in T input, in T entry, ReadOnlySpan<T> columns)
        where T : IFieldArithmetic<T> =>
        (phiNext - phi) * input * entry - columns[(int)LookupColumns.RowSelector] * entry + multiplicity * input;
}
