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
    public void Residuals(in RowValues row, Span<Fr> residuals)
    {
        var w = row.Cells;
        var q = row.Coefficients;
        Fr.Mul(in w[0], in w[1], out Fr product);
        Fr.Mul(in product, in q[(int)Coefficient.Qm], out Fr sum);
        for (int i = 0; i < WideLayout.Width; i++)
        {
            Fr.Mul(in w[i], in q[(int)Coefficient.Q0 + i], out Fr term);
            Fr.Add(in sum, in term, out sum);
        }
        Fr.Add(in sum, in q[(int)Coefficient.Qc], out sum);
        Fr.Mul(in row.Next[0], in q[(int)Coefficient.Qnext], out Fr next);
        Fr.Add(in sum, in next, out residuals[0]);
    }
}
