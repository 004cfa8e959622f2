// SPDX-License-Identifier: MIT
using ZkOptions.Field;

namespace ZkOptions.Constraints.V2.Gates;

/// <summary>
/// The Poseidon S-box in one row: w1 = (w0 + q0)⁵. Wide permutations (t &gt; 5, whose state does not fit a row) use
/// it for every S-box, its input summed into w0 by the arithmetic rows before it (qNext = −1).
/// </summary>
public sealed class PoseidonSboxGate : IWideGate
{
    /// <inheritdoc/>
    public GateKind Kind => GateKind.PoseidonSbox;

    /// <inheritdoc/>
    public string Name => "poseidon s-box";

    /// <inheritdoc/>
    public int Degree => 5;

    /// <inheritdoc/>
    public int ResidualCount => 1;

    /// <inheritdoc/>
    public void Residuals(in RowValues<Fr> row, Span<Fr> residuals) => Residuals<Fr>(row, residuals);

    /// <inheritdoc/>
    public void Residuals<T>(in RowValues<T> row, Span<T> residuals) where T : IFieldArithmetic<T> =>
        residuals[0] = row.Cells[1] - Output(row.Cells[0], row[Coefficient.Q0]);

    /// <summary>(x + c)⁵, what w1 must hold (the solver's step).</summary>
    public static T Output<T>(in T x, in T c) where T : IFieldArithmetic<T>
    {
        T u = x + c;
        T u2 = u * u;
        return u2 * u2 * u;
    }
}
