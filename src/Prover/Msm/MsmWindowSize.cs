// SPDX-License-Identifier: MIT
namespace ZkOptions.Prover.Msm;

/// <summary>
/// Chooses the window width c for n terms. The bucket method costs about ⌈255/c⌉·(n + ρ·2^c) additions: n to
/// fill each window's buckets, and a reduction of 2^(c−1) buckets at 2 additions each, where a reduction
/// addition costs ρ/2 times a filling one. The c that minimises it grows like log₂ n − 4; the constants were
/// checked against timings on the development machine (see MsmBenchmarks).
/// </summary>
internal static class MsmWindowSize
{
    /// <summary>Reduction cost per bucket, in filling additions (two additions at ~1.2 each).</summary>
    private const double ReductionWeight = 1.2;

    /// <summary>The widest window chosen: 2^19 buckets of 64 bytes a thread; wider ones gain nothing measurable.</summary>
    public const int MaxWindowBits = 20;

    /// <summary>The window width for <paramref name="n"/> terms.</summary>
    public static int For(int n)
    {
        int best = SignedDigits.MinWindowBits;
        double bestCost = double.MaxValue;
        for (int c = SignedDigits.MinWindowBits; c <= MaxWindowBits; c++)
        {
            double cost = SignedDigits.WindowCountFor(c) * (n + ReductionWeight * Math.Pow(2, c));
            if (cost < bestCost)
            {
                bestCost = cost;
                best = c;
            }
        }
        return best;
    }
}
