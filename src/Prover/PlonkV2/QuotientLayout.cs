// SPDX-License-Identifier: MIT
using System.Numerics;
using ZkOptions.Constraints.V2;

namespace ZkOptions.Prover.PlonkV2;

/// <summary>
/// The degrees that size round 3, derived from the gate list alone so that a new gate needs no prover change. Wire
/// polynomials and z are blinded with a degree-2 multiple of Z_H (each is opened at two points, ζ and ζω), so they
/// have degree n + 2; fixed polynomials have degree ≤ n − 1 &lt; n + 2. A gate of degree d under its selector is
/// then of degree ≤ (d + 1)(n + 2); the permutation term z·Π₅(wᵢ + βkᵢX + γ) is of degree 6(n + 2), the lanes'
/// h·Π₄(βL + g_j) 5(n + 2), and the running sum (φ(ωX) − φ − h)·(βL + f)·(βL + t) at most 4n + 2.
/// </summary>
public sealed class QuotientLayout
{
    /// <summary>Blinding coefficients per wire polynomial and for z (a degree-2 multiple of Z_H).</summary>
    public const int BlindingTerms = 3;

    /// <summary>The layout for a domain of 2^<paramref name="log2n"/> and <paramref name="gates"/>.</summary>
    public QuotientLayout(int log2n, IReadOnlyList<IWideGate> gates)
    {
        N = 1 << log2n;
        int blindedDegree = N + BlindingTerms - 1;
        int maxFactors = Math.Max(Math.Max(WideLayout.Width + 1, WideLayout.LaneCount + 1), gates.Count == 0 ? 0 : gates.Max(g => g.Degree) + 1);
        NumeratorDegree = maxFactors * blindedDegree;
        QuotientLength = NumeratorDegree - N + 1;
        ChunkCount = (QuotientLength + N - 1) / N;
        ExtendedSize = (int)BitOperations.RoundUpToPowerOf2((uint)(NumeratorDegree + 1));
        if (ExtendedSize > 1 << Field.Fr.TwoAdicity)
        {
            throw new ArgumentOutOfRangeException(nameof(log2n), log2n, "the quotient domain would exceed 2^28");
        }
    }

    /// <summary>The domain size n.</summary>
    public int N { get; }

    /// <summary>A bound on the degree of the quotient's numerator.</summary>
    public int NumeratorDegree { get; }

    /// <summary>Coefficients of t = numerator / Z_H (degree ≤ NumeratorDegree − n).</summary>
    public int QuotientLength { get; }

    /// <summary>How many chunks t is split into (each of n coefficients, the last possibly fewer; blinded at the seams).</summary>
    public int ChunkCount { get; }

    /// <summary>The size of the coset domain round 3 evaluates on (a power of two above the numerator's degree).</summary>
    public int ExtendedSize { get; }

    /// <summary>The number of SRS points a key needs: the longest committed polynomial has n + 3 coefficients.</summary>
    public int CommitmentKeySize => N + BlindingTerms;
}
