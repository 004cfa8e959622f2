// SPDX-License-Identifier: MIT
using ZkOptions.Field;

namespace ZkOptions.Constraints.V2;

/// <summary>
/// What a gate identity reads on one row: the row's advice values, the next row's, and the row's fixed coefficients.
/// The checker fills it from a witness, the prover from evaluations on its quotient domain, the verifier from the
/// opened evaluations at ζ, and the Solidity generator with symbols for the same openings: the identity is written
/// once and read all four ways.
/// </summary>
/// <typeparam name="T"><see cref="Fr"/>, or a symbolic element that emits code.</typeparam>
public readonly ref struct RowValues<T>(ReadOnlySpan<T> cells, ReadOnlySpan<T> next, ReadOnlySpan<T> coefficients)
    where T : IFieldArithmetic<T>
{
    /// <summary>w0..w4 on this row.</summary>
    public ReadOnlySpan<T> Cells { get; } = cells;

    /// <summary>w0..w4 on the next row (row n − 1 wraps to row 0).</summary>
    public ReadOnlySpan<T> Next { get; } = next;

    /// <summary>The fixed coefficient cells, indexed by <see cref="Coefficient"/>.</summary>
    public ReadOnlySpan<T> Coefficients { get; } = coefficients;

    /// <summary>The coefficient <paramref name="c"/>.</summary>
    public T this[Coefficient c] => Coefficients[(int)c];
}
