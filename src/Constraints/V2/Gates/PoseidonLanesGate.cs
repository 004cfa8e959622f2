// SPDX-License-Identifier: MIT
using ZkOptions.Field;

namespace ZkOptions.Constraints.V2.Gates;

/// <summary>
/// Four lanes of a wide Poseidon's partial rounds (circomlib's optimised schedule, where a partial round adds a
/// multiple of the S-box output y = w0 + c to every lane but the first): row r holds y's wire in w0 and four lanes in
/// w1..w4, the next row the same lanes one round later, wₖ(next) = wₖ + qₖ·w0 + κₖ with κ₁..κ₄ = qₖ·c in qM, q0, qC,
/// qNext. A width-17 permutation keeps its 16 lanes in four such strips of one row per partial round.
/// </summary>
public sealed class PoseidonLanesGate : IWideGate
{
    /// <summary>Where κₖ sits for lane k = 1 … 4.</summary>
    private static readonly Coefficient[] Offsets = [Coefficient.Qm, Coefficient.Q0, Coefficient.Qc, Coefficient.Qnext];

    /// <inheritdoc/>
    public GateKind Kind => GateKind.PoseidonLanes;

    /// <inheritdoc/>
    public string Name => "poseidon lanes";

    /// <summary>qₖ·w0.</summary>
    public int Degree => 2;

    /// <inheritdoc/>
    public int ResidualCount => 4;

    /// <inheritdoc/>
    public void Residuals(in RowValues<Fr> row, Span<Fr> residuals) => Residuals<Fr>(row, residuals);

    /// <inheritdoc/>
    public void Residuals<T>(in RowValues<T> row, Span<T> residuals) where T : IFieldArithmetic<T>
    {
        for (int k = 1; k <= 4; k++)
        {
            residuals[k - 1] = row.Next[k] - Lane(row.Cells, row.Coefficients, k);
        }
    }

    /// <summary>Lane <paramref name="k"/> (1 … 4) one round later: what the next row's wₖ must hold (the solver's step).</summary>
    public static T Lane<T>(ReadOnlySpan<T> cells, ReadOnlySpan<T> coefficients, int k) where T : IFieldArithmetic<T> =>
        cells[k] + coefficients[(int)Coefficient.Q0 + k] * cells[0] + coefficients[(int)Offsets[k - 1]];

    /// <summary>Writes lane <paramref name="k"/>'s multiplier and offset into a row's coefficients.</summary>
    public static void SetLane(ref RowCoefficients coefficients, int k, in Fr multiplier, in Fr offset)
    {
        coefficients[(int)Coefficient.Q0 + k] = multiplier;
        coefficients[(int)Offsets[k - 1]] = offset;
    }
}
