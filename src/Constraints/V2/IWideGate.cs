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

    /// <summary>How many residuals <see cref="Residuals{T}"/> writes.</summary>
    int ResidualCount { get; }

    /// <summary>
    /// Writes the residuals on <paramref name="row"/>; all zero when the row satisfies the gate. This is the gate's
    /// one definition: over <see cref="Fr"/> for the checker, prover and verifier, over a symbolic type for the
    /// Solidity verifier.
    /// </summary>
    void Residuals<T>(in RowValues<T> row, Span<T> residuals) where T : IFieldArithmetic<T>;

    /// <summary>
    /// <see cref="Residuals{T}"/> over Fr, called non-virtually-generic: the prover calls it on 8n points per gate,
    /// where a generic virtual dispatch would cost a dictionary lookup each time.
    /// </summary>
    void Residuals(in RowValues<Fr> row, Span<Fr> residuals);
}
