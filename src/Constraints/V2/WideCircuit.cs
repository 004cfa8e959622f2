// SPDX-License-Identifier: MIT
using ZkOptions.Field;

namespace ZkOptions.Constraints.V2;

/// <summary>
/// A circuit in the v2 layout: its rows, the first <see cref="PublicCount"/> of which hold the public inputs (row i:
/// an arithmetic row with w0 = wire i + 1 and q0 = 1, against which the public-input polynomial is added), the wire
/// count (wire 0 is the constant one) and the number of public inputs (wires 1..PublicCount). Two cells holding the
/// same wire are tied by the permutation argument.
/// </summary>
public sealed partial class WideCircuit(IReadOnlyList<WideRow> rows, int wireCount, int publicCount)
{
    /// <summary>The rows, public-input rows first.</summary>
    public IReadOnlyList<WideRow> Rows { get; } = rows;

    /// <summary>The number of wires, the constant-one wire 0 included (the witness length).</summary>
    public int WireCount { get; } = wireCount;

    /// <summary>The number of public inputs.</summary>
    public int PublicCount { get; } = publicCount;

    /// <summary>
    /// The rows <paramref name="witness"/> breaks (every gate's residuals on every row, the public-input rows
    /// included), at most <paramref name="max"/>; the next-row cells of the last row are those of row 0, as on the
    /// domain.
    /// </summary>
    public IReadOnlyList<int> FailingRows(ReadOnlySpan<Fr> witness, int max = 100)
    {
        if (witness.Length != WireCount)
        {
            throw new ArgumentException($"the witness has {witness.Length} values, the circuit {WireCount} wires", nameof(witness));
        }
        var failing = new List<int>();
        Span<Fr> cells = stackalloc Fr[WideLayout.Width];
        Span<Fr> next = stackalloc Fr[WideLayout.Width];
        Span<Fr> coefficients = stackalloc Fr[WideLayout.CoefficientCount];
        Span<Fr> residuals = stackalloc Fr[WideGates.MaxResiduals];
        for (int r = 0; r < Rows.Count && failing.Count < max; r++)
        {
            if (!RowHolds(r, witness, cells, next, coefficients, residuals))
            {
                failing.Add(r);
            }
        }
        return failing;
    }

    /// <summary>Whether row <paramref name="r"/> satisfies its gate on <paramref name="witness"/> (scratch spans given by the caller).</summary>
    public bool RowHolds(int r, ReadOnlySpan<Fr> witness, Span<Fr> cells, Span<Fr> next, Span<Fr> coefficients, Span<Fr> residuals)
    {
        var row = Rows[r];
        if (row.Gate == GateKind.None)
        {
            return true;
        }
        var following = Rows[(r + 1) % Rows.Count];
        for (int i = 0; i < WideLayout.Width; i++)
        {
            cells[i] = witness[(int)row.Wires[i]];
            next[i] = witness[(int)following.Wires[i]];
        }
        for (int i = 0; i < WideLayout.CoefficientCount; i++)
        {
            coefficients[i] = row.Coefficients[i];
        }
        var gate = WideGates.Of(row.Gate);
        var output = residuals[..gate.ResidualCount];
        gate.Residuals(new RowValues<Fr>(cells, next, coefficients), output);
        if (r < PublicCount)
        {
            // A public-input row reads w0 − x = 0 once the public-input polynomial −x is added.
            Fr.Sub(in output[0], in witness[r + 1], out output[0]);
        }
        foreach (var value in output)
        {
            if (!value.IsZero)
            {
                return false;
            }
        }
        return true;
    }
}
