// SPDX-License-Identifier: MIT
using ZkOptions.Field;

namespace ZkOptions.Constraints.V2.Gates;

/// <summary>
/// One bit of a fixed-base scalar multiplication: the accumulator in w0, w1, the bit in w2, the constant point
/// 2^i·B in the coefficients q0, q1; the next row's w0, w1 hold acc + bit·(q0, q1). Residuals: bit·(1 − bit) and the
/// conditional addition (degree 6). A 253-bit multiplication is 253 rows and one holding the result.
/// </summary>
public sealed class EdwardsFixedBaseStepGate : IWideGate
{
    /// <inheritdoc/>
    public GateKind Kind => GateKind.EdwardsFixedBaseStep;

    /// <inheritdoc/>
    public string Name => "babyjubjub fixed-base step";

    /// <summary>bit·acc'·accX·accY·q0·q1.</summary>
    public int Degree => 6;

    /// <inheritdoc/>
    public int ResidualCount => 3;

    /// <inheritdoc/>
    public void Residuals(in RowValues<Fr> row, Span<Fr> residuals) => Residuals<Fr>(row, residuals);

    /// <inheritdoc/>
    public void Residuals<T>(in RowValues<T> row, Span<T> residuals) where T : IFieldArithmetic<T>
    {
        var w = row.Cells;
        var n = row.Next;
        T bit = w[2];
        residuals[0] = bit * (T.One - bit);
        (residuals[1], residuals[2]) = EdwardsAddition.ConditionalResiduals(
            bit, w[0], w[1], row[Coefficient.Q0], row[Coefficient.Q1], n[0], n[1]);
    }

    /// <summary>What the next row's w0, w1 hold after this row: acc + bit·(q0, q1) (the solver's step).</summary>
    public static (Fr X, Fr Y) Step(in Fr accX, in Fr accY, in Fr bit, in Fr qx, in Fr qy) =>
        bit.IsZero ? (accX, accY) : EdwardsAddition.Add(accX, accY, qx, qy);
}
