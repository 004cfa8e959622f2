// SPDX-License-Identifier: MIT
using ZkOptions.Field;

namespace ZkOptions.Constraints.V2.Gates;

/// <summary>
/// wₖ·(wₖ − 1) = 0 for every cell: five bits of a decomposition checked in one row (a cell left unused holds the
/// constant-one wire, which passes).
/// </summary>
public sealed class BooleansGate : IWideGate
{
    /// <inheritdoc/>
    public GateKind Kind => GateKind.Booleans;

    /// <inheritdoc/>
    public string Name => "booleans";

    /// <inheritdoc/>
    public int Degree => 2;

    /// <inheritdoc/>
    public int ResidualCount => WideLayout.Width;

    /// <inheritdoc/>
    public void Residuals(in RowValues<Fr> row, Span<Fr> residuals) => Residuals<Fr>(row, residuals);

    /// <inheritdoc/>
    public void Residuals<T>(in RowValues<T> row, Span<T> residuals) where T : IFieldArithmetic<T>
    {
        for (int k = 0; k < WideLayout.Width; k++)
        {
            residuals[k] = row.Cells[k] * (row.Cells[k] - T.One);
        }
    }
}
