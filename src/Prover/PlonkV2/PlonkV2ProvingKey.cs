// SPDX-License-Identifier: MIT
using ZkOptions.Constraints.V2;
using ZkOptions.Field;

namespace ZkOptions.Prover.PlonkV2;

/// <summary>
/// What the PLONK v2 prover needs besides the witness: the verifying key, the wire in each cell (5 × n, padding
/// rows hold the constant-one wire 0), the gate of each row, the fixed polynomials in coefficient form (8 coefficient
/// columns, one selector per gate, σ0..σ4) and the commitment key [τ^i]₁ for i &lt; n + 3. Stored as a binary file by
/// <see cref="PlonkV2ProvingKeyFile"/>.
/// </summary>
public sealed class PlonkV2ProvingKey
{
    internal PlonkV2ProvingKey(PlonkV2VerifyingKey verifyingKey, int wireCount, uint[] wireMap, GateKind[] rowGates,
                               Fr[][] coefficients, Fr[][] selectors, Fr[][] sigmas, G1Affine[] commitmentKey,
                               Fr[][] lookupColumns)
    {
        LookupColumns = lookupColumns;
        VerifyingKey = verifyingKey;
        WireCount = wireCount;
        WireMap = wireMap;
        RowGates = rowGates;
        Coefficients = coefficients;
        Selectors = selectors;
        Sigmas = sigmas;
        CommitmentKey = commitmentKey;
    }

    /// <summary>The verifying key (its commitments are those of the polynomials here).</summary>
    public PlonkV2VerifyingKey VerifyingKey { get; }

    /// <summary>The witness length the key expects (wire 0 the constant one).</summary>
    public int WireCount { get; }

    /// <summary>The domain size n.</summary>
    public int N => VerifyingKey.N;

    /// <summary>The wire of cell (column c, row i) at c·n + i.</summary>
    internal uint[] WireMap { get; }

    /// <summary>The gate each row switches on (None on padding rows).</summary>
    internal GateKind[] RowGates { get; }

    /// <summary>The coefficient columns, n coefficients each.</summary>
    internal Fr[][] Coefficients { get; }

    /// <summary>The selector columns in <see cref="WideGates.All"/> order.</summary>
    internal Fr[][] Selectors { get; }

    /// <summary>σ0..σ4.</summary>
    internal Fr[][] Sigmas { get; }

    /// <summary>[τ^i]₁ for i &lt; n + 3.</summary>
    internal G1Affine[] CommitmentKey { get; }

    /// <summary>The fixed lookup columns in <see cref="PlonkV2.LookupColumns"/> order, n coefficients each (empty without tables).</summary>
    internal Fr[][] LookupColumns { get; }
}
