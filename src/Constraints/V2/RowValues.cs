// SPDX-License-Identifier: MIT
using ZkOptions.Field;

namespace ZkOptions.Constraints.V2;

/// <summary>
/// What a gate identity reads on one row: the row's advice values, the next row's, and the row's fixed coefficients.
/// The checker fills it from a witness, the prover from evaluations on its quotient domain, and the verifier from
/// the opened evaluations at ζ: the identity is written once and read all three ways.
/// </summary>
public readonly ref struct RowValues(ReadOnlySpan<Fr> cells, ReadOnlySpan<Fr> next, ReadOnlySpan<Fr> coefficients)
{
    /// <summary>w0..w4 on this row.</summary>
    public ReadOnlySpan<Fr> Cells { get; } = cells;

    /// <summary>w0..w4 on the next row (row n − 1 wraps to row 0).</summary>
    public ReadOnlySpan<Fr> Next { get; } = next;

    /// <summary>The fixed coefficient cells, indexed by <see cref="Coefficient"/>.</summary>
    public ReadOnlySpan<Fr> Coefficients { get; } = coefficients;

    /// <summary>The coefficient <paramref name="c"/>.</summary>
    public Fr this[Coefficient c] => Coefficients[(int)c];
}
