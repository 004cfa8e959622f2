// SPDX-License-Identifier: MIT
using ZkOptions.Field;

namespace ZkOptions.Constraints.V2.Gates;

/// <summary>
/// One bit of a variable-base scalar multiplication, least significant bit first: the row holds (x, y) = 2^i·P in
/// w0, w1, the accumulator in w2, w3 and bit i in w4; the next row holds 2·(x, y) in w0, w1 and acc + bit·(x, y) in
/// w2, w3 (and bit i + 1 in w4). Residuals: bit·(1 − bit), the doubling (degree 5) and the conditional addition
/// (degree 6). A 253-bit multiplication is 253 rows and one holding the result.
/// </summary>
public sealed class EdwardsLadderStepGate : IWideGate
{
    /// <inheritdoc/>
    public GateKind Kind => GateKind.EdwardsLadderStep;

    /// <inheritdoc/>
    public string Name => "babyjubjub ladder step";

    /// <summary>bit·acc'·accX·accY·x·y.</summary>
    public int Degree => 6;

    /// <inheritdoc/>
    public int ResidualCount => 5;

    /// <inheritdoc/>
    public void Residuals(in RowValues<Fr> row, Span<Fr> residuals) => Residuals<Fr>(row, residuals);

    /// <inheritdoc/>
    public void Residuals<T>(in RowValues<T> row, Span<T> residuals) where T : IFieldArithmetic<T>
    {
        var w = row.Cells;
        var n = row.Next;
        T bit = w[4];
        residuals[0] = bit * (T.One - bit);
        (residuals[1], residuals[2]) = EdwardsAddition.Residuals(w[0], w[1], w[0], w[1], n[0], n[1]);
        (residuals[3], residuals[4]) = EdwardsAddition.ConditionalResiduals(bit, w[2], w[3], w[0], w[1], n[2], n[3]);
    }

    /// <summary>What the next row's w0..w3 hold after this row: 2·(x, y) and acc + bit·(x, y) (the solver's step).</summary>
    public static void Step(ReadOnlySpan<Fr> cells, Span<Fr> next)
    {
        (next[0], next[1]) = EdwardsAddition.Add(cells[0], cells[1], cells[0], cells[1]);
        (next[2], next[3]) = cells[4].IsZero ? (cells[2], cells[3]) : EdwardsAddition.Add(cells[2], cells[3], cells[0], cells[1]);
    }
}
