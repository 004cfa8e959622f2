// SPDX-License-Identifier: MIT
using ZkOptions.Constraints.V2;
using ZkOptions.Field;

namespace ZkOptions.Prover.PlonkV2;

/// <summary>
/// What the PLONK v2 prover needs besides the witness: the verifying key, the wire in each cell (5 × n, padding
/// rows hold the constant-one wire 0), the gate of each row, the fixed polynomials in coefficient form (8 coefficient
/// columns, one selector per gate, σ0..σ4) and the commitment key [τ^i]₁ for i &lt; n + 3. Stored as a binary file by
/// <see cref="PlonkV2ProvingKeyFile"/>; a key read from a file is that file mapped into memory (its large arrays are
/// the file's pages, not heap copies), and disposing the key unmaps it. A key made by setup lives on the heap, and
/// disposing it does nothing.
/// </summary>
public sealed class PlonkV2ProvingKey : IDisposable
{
    private readonly IDisposable? storage;

    internal PlonkV2ProvingKey(PlonkV2VerifyingKey verifyingKey, int wireCount, uint[] wireMap, GateKind[] rowGates,
                               Fr[][] coefficients, Fr[][] selectors, Fr[][] sigmas, G1Affine[] commitmentKey,
                               Fr[][] lookupColumns)
        : this(verifyingKey, wireCount, wireMap, rowGates, InMemory(coefficients), InMemory(selectors), InMemory(sigmas),
               commitmentKey, InMemory(lookupColumns), storage: null)
    {
    }

    /// <summary>A key over memory that <paramref name="storage"/> (a mapped file, or null for the heap) owns.</summary>
    internal PlonkV2ProvingKey(PlonkV2VerifyingKey verifyingKey, int wireCount, ReadOnlyMemory<uint> wireMap, ReadOnlyMemory<GateKind> rowGates,
                               ReadOnlyMemory<Fr>[] coefficients, ReadOnlyMemory<Fr>[] selectors, ReadOnlyMemory<Fr>[] sigmas,
                               ReadOnlyMemory<G1Affine> commitmentKey, ReadOnlyMemory<Fr>[] lookupColumns, IDisposable? storage)
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
        this.storage = storage;
    }

    /// <summary>The verifying key (its commitments are those of the polynomials here).</summary>
    public PlonkV2VerifyingKey VerifyingKey { get; }

    /// <summary>The witness length the key expects (wire 0 the constant one).</summary>
    public int WireCount { get; }

    /// <summary>The domain size n.</summary>
    public int N => VerifyingKey.N;

    /// <summary>Whether the large arrays are a mapped file's pages rather than heap arrays.</summary>
    public bool IsMapped => storage is not null;

    /// <summary>The wire of cell (column c, row i) at c·n + i.</summary>
    internal ReadOnlyMemory<uint> WireMap { get; }

    /// <summary>The gate each row switches on (None on padding rows).</summary>
    internal ReadOnlyMemory<GateKind> RowGates { get; }

    /// <summary>The coefficient columns, n coefficients each.</summary>
    internal ReadOnlyMemory<Fr>[] Coefficients { get; }

    /// <summary>The selector columns in <see cref="WideGates.All"/> order.</summary>
    internal ReadOnlyMemory<Fr>[] Selectors { get; }

    /// <summary>σ0..σ4.</summary>
    internal ReadOnlyMemory<Fr>[] Sigmas { get; }

    /// <summary>[τ^i]₁ for i &lt; n + 3.</summary>
    internal ReadOnlyMemory<G1Affine> CommitmentKey { get; }

    /// <summary>The fixed lookup columns in <see cref="PlonkV2.LookupColumns"/> order, n coefficients each (empty without tables).</summary>
    internal ReadOnlyMemory<Fr>[] LookupColumns { get; }

    /// <summary>Unmaps a key read from a file; memory read from the key before must not be used after.</summary>
    public void Dispose() => storage?.Dispose();

    private static ReadOnlyMemory<Fr>[] InMemory(Fr[][] columns) => [.. columns.Select(c => (ReadOnlyMemory<Fr>)c)];
}
