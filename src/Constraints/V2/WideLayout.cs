// SPDX-License-Identifier: MIT
using System.Runtime.CompilerServices;

namespace ZkOptions.Constraints.V2;

/// <summary>
/// The shape of a v2 row: <see cref="Width"/> advice cells w0..w4, tied together across rows by one permutation
/// argument, and <see cref="CoefficientCount"/> fixed coefficient cells a gate reads (the arithmetic gate's qM, q0..q4,
/// qC and qNext; a custom gate's constants, such as Poseidon round constants, in the same cells).
/// </summary>
public static class WideLayout
{
    /// <summary>Advice cells per row.</summary>
    public const int Width = 5;

    /// <summary>Fixed coefficient cells per row.</summary>
    public const int CoefficientCount = 8;

    /// <summary>
    /// The lanes of a row that looks up lanes (<see cref="WideRow.Lanes"/>): the cells w0..w3, each looked up alone in
    /// the row's one-column table, so that four 16-bit limbs fit one row and w4 can hold the value they recompose.
    /// </summary>
    public const int LaneCount = 4;
}

/// <summary>Where each coefficient sits in <see cref="RowCoefficients"/>.</summary>
public enum Coefficient : byte
{
    /// <summary>The product term's coefficient, qM·w0·w1.</summary>
    Qm = 0,
    /// <summary>The coefficient of w0.</summary>
    Q0 = 1,
    /// <summary>The coefficient of w1.</summary>
    Q1 = 2,
    /// <summary>The coefficient of w2.</summary>
    Q2 = 3,
    /// <summary>The coefficient of w3.</summary>
    Q3 = 4,
    /// <summary>The coefficient of w4.</summary>
    Q4 = 5,
    /// <summary>The constant.</summary>
    Qc = 6,
    /// <summary>The coefficient of the next row's w0.</summary>
    Qnext = 7,
}

/// <summary>The wire each advice cell of a row holds (wire 0 is the constant one; an unused cell points at it).</summary>
[InlineArray(WideLayout.Width)]
public struct RowWires
{
    private uint element;
}

/// <summary>The fixed coefficient cells of a row, indexed by <see cref="Coefficient"/>.</summary>
[InlineArray(WideLayout.CoefficientCount)]
public struct RowCoefficients
{
    private Field.Fr element;
}
