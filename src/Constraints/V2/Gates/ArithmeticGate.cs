// SPDX-License-Identifier: MIT
using ZkOptions.Field;

namespace ZkOptions.Constraints.V2.Gates;

/// <summary>qM·w0·w1 + q0·w0 + q1·w1 + q2·w2 + q3·w3 + q4·w4 + qC + qNext·w0(next) = 0: a product and a five-term
/// linear combination in one row, with the next row's w0 for chained sums.</summary>
public sealed class ArithmeticGate : IWideGate
{
    /// <inheritdoc/>
    public GateKind Kind => GateKind.Arithmetic;

    /// <inheritdoc/>
    public string Name => "arithmetic";

    /// <summary>qM·w0·w1 is of degree 3.</summary>
    public int Degree => 3;

    /// <inheritdoc/>
    public int ResidualCount => 1;

    /// <inheritdoc/>
    public void Residuals(in RowValues<Fr> row, Span<Fr> residuals) => Residuals<Fr>(row, residuals);

    /// <inheritdoc/>
    public void Residuals<T>(in RowValues<T> row, Span<T> residuals) where T : IFieldArithmetic<T>
    {
        var w = row.Cells;
        var q = row.Coefficients;
        T sum = w[0] * w[1] * q[(int)Coefficient.Qm];
        for (int i = 0; i < WideLayout.Width; i++)
        {
            sum += w[i] * q[(int)Coefficient.Q0 + i];
        }
        residuals[0] = sum + q[(int)Coefficient.Qc] + row.Next[0] * q[(int)Coefficient.Qnext];
    }
}
