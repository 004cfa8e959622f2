// SPDX-License-Identifier: MIT
using ZkOptions.Field;

namespace ZkOptions.Constraints.V2;

/// <summary>
/// A v2 gate: the polynomial identities that must vanish on every row whose selector is this gate. The quotient
/// combines the residuals as selector·Σⱼ αʲ·residualⱼ, so <see cref="Degree"/> (of a residual in the row polynomials,
/// the selector not counted) fixes the quotient's size.
/// </summary>
public interface IWideGate
{
    /// <summary>The selector this gate answers to.</summary>
    GateKind Kind { get; }

    /// <summary>A short name for reports ("arithmetic", "poseidon full round t=5").</summary>
    string Name { get; }

    /// <summary>The largest degree of a residual in the cell and coefficient polynomials.</summary>
    int Degree { get; }

    /// <summary>How many residuals <see cref="Residuals"/> writes.</summary>
    int ResidualCount { get; }

    /// <summary>Writes the residuals on <paramref name="row"/>; all zero when the row satisfies the gate.</summary>
    void Residuals(in RowValues row, Span<Fr> residuals);
}
