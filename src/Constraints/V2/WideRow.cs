// SPDX-License-Identifier: MIT
using ZkOptions.Field;

namespace ZkOptions.Constraints.V2;

/// <summary>One v2 row: the gate it switches on, the wire in each advice cell, and its fixed coefficients.</summary>
public struct WideRow
{
    /// <summary>The gate this row switches on.</summary>
    public GateKind Gate;

    /// <summary>The wire in each advice cell w0..w4.</summary>
    public RowWires Wires;

    /// <summary>The fixed coefficient cells (see <see cref="Coefficient"/>).</summary>
    public RowCoefficients Coefficients;

    /// <summary>
    /// 0, or t + 1 when this row looks up in <see cref="WideCircuit.Tables"/>[t] (a logUp lookup): its first cells
    /// (w0, then w1, w2 for a table of more columns) must be one entry, or, with <see cref="Lanes"/>, each lane must be.
    /// </summary>
    public byte Lookup;

    /// <summary>
    /// With <see cref="Lookup"/> ≠ 0: each of the cells w0 … w(<see cref="WideLayout.LaneCount"/> − 1) is looked up
    /// alone in the row's table (which has one column), instead of the first cells as one tuple. An unused lane holds
    /// a value of the table (the constant-one wire 0 for a range table).
    /// </summary>
    public bool Lanes;

    /// <summary>
    /// An arithmetic row qM·w0·w1 + Σ qᵢ·wᵢ + qC + qNext·w0(next) = 0 on up to five wires (missing wires and
    /// coefficients are the constant-one wire 0 and zero).
    /// </summary>
    public static WideRow Arithmetic(ReadOnlySpan<uint> wires, Fr qm, ReadOnlySpan<Fr> linear, Fr qc, Fr qnext = default)
    {
        if (wires.Length > WideLayout.Width || linear.Length > wires.Length)
        {
            throw new ArgumentException($"an arithmetic row has at most {WideLayout.Width} wires and one coefficient per wire");
        }
        var row = new WideRow { Gate = GateKind.Arithmetic };
        for (int i = 0; i < wires.Length; i++)
        {
            row.Wires[i] = wires[i];
        }
        row.Coefficients[(int)Coefficient.Qm] = qm;
        for (int i = 0; i < linear.Length; i++)
        {
            row.Coefficients[(int)Coefficient.Q0 + i] = linear[i];
        }
        row.Coefficients[(int)Coefficient.Qc] = qc;
        row.Coefficients[(int)Coefficient.Qnext] = qnext;
        return row;
    }

    /// <summary>The coefficient <paramref name="c"/>.</summary>
    public readonly Fr this[Coefficient c] => Coefficients[(int)c];
}
