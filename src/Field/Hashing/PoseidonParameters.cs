// SPDX-License-Identifier: MIT
namespace ZkOptions.Field.Hashing;

/// <summary>
/// circomlib's Poseidon parameters for one width t = nInputs + 1 (t = 2 … 17): 8 full rounds, the partial rounds
/// of circomlib's table, the S-box x⁵, and the round constants C and MDS matrix M of circomlibjs 0.1.7
/// (<c>src/poseidon_constants.json</c>, the non-optimised form that <c>poseidon_reference.js</c> uses).
/// </summary>
/// <remarks>
/// One instance per width is shared by every caller; it is immutable. The constants are loaded from an embedded
/// resource and validated on first use (see <c>PoseidonConstants</c>). The circuit DSL reads the same instance,
/// so the in-circuit gadget and <see cref="Poseidon"/> cannot drift apart.
/// </remarks>
public sealed class PoseidonParameters
{
    private readonly Fr[] roundConstants;
    private readonly Fr[] mds;
    private readonly Lazy<PoseidonOptimizedConstants> optimized;

    internal PoseidonParameters(int width, int fullRounds, int partialRounds, Fr[] roundConstants, Fr[] mds)
    {
        Width = width;
        FullRounds = fullRounds;
        PartialRounds = partialRounds;
        this.roundConstants = roundConstants;
        this.mds = mds;
        optimized = new(() => PoseidonOptimizedConstants.Derive(this), LazyThreadSafetyMode.ExecutionAndPublication);
    }

    /// <summary>Smallest number of inputs circomlib's Poseidon takes.</summary>
    public const int MinInputs = 1;

    /// <summary>Largest number of inputs circomlib's Poseidon takes.</summary>
    public const int MaxInputs = 16;

    /// <summary>
    /// The parameters for hashing <paramref name="nInputs"/> field elements (1 … 16), i.e. width t = nInputs + 1.
    /// Throws <see cref="ArgumentException"/> for any other count.
    /// </summary>
    public static PoseidonParameters ForInputs(int nInputs)
    {
        if (nInputs < MinInputs || nInputs > MaxInputs)
        {
            throw new ArgumentException(
                $"Poseidon takes {MinInputs} to {MaxInputs} inputs (circomlib's parameters exist for widths t = 2 … 17); got {nInputs}.",
                nameof(nInputs));
        }
        return PoseidonConstants.ForWidth(nInputs + 1);
    }

    /// <summary>
    /// The parameters for a permutation of width <paramref name="width"/> (2 … 17); <see cref="ArgumentException"/>
    /// for any other width.
    /// </summary>
    public static PoseidonParameters ForWidth(int width)
    {
        if (width < MinInputs + 1 || width > MaxInputs + 1)
        {
            throw new ArgumentException(
                $"Poseidon's state width t must be {MinInputs + 1} to {MaxInputs + 1} (circomlib's parameters); got {width}.",
                nameof(width));
        }
        return PoseidonConstants.ForWidth(width);
    }

    /// <summary>The state width t = number of inputs + 1 (state[0] is the capacity element, initially zero).</summary>
    public int Width { get; }

    /// <summary>Full rounds (8): the S-box on every state element; half before and half after the partial rounds.</summary>
    public int FullRounds { get; }

    /// <summary>Partial rounds: the S-box on state[0] only.</summary>
    public int PartialRounds { get; }

    /// <summary>
    /// The (FullRounds + PartialRounds)·t round constants in circomlib's C order: the constant added to state[i]
    /// at the start of round r is <c>RoundConstants[r·t + i]</c>.
    /// </summary>
    public ReadOnlySpan<Fr> RoundConstants => roundConstants;

    /// <summary>
    /// circomlib's M[row][col]. The linear layer is <c>new[i] = Σ_j M[i][j]·state[j]</c>, i.e. the matrix times
    /// the state as a column vector (row i of M gives output i), exactly as circomlibjs
    /// <c>poseidon_reference.js</c> computes it. M is not symmetric, so the orientation matters.
    /// </summary>
    public Fr Mds(int row, int col)
    {
        if ((uint)row >= (uint)Width || (uint)col >= (uint)Width)
        {
            throw new ArgumentOutOfRangeException(row < 0 || row >= Width ? nameof(row) : nameof(col),
                $"MDS indices must be in [0, {Width}); got ({row}, {col}).");
        }
        return mds[row * Width + col];
    }

    /// <summary>The MDS matrix row-major (entry (i, j) at i·t + j), for the permutation's inner loop.</summary>
    internal ReadOnlySpan<Fr> MdsRowMajor => mds;

    /// <summary>The equivalent sparse-partial-round form, derived from these constants on first use.</summary>
    internal PoseidonOptimizedConstants Optimized => optimized.Value;
}
