// SPDX-License-Identifier: MIT
namespace ZkOptions.Prover.Msm;

/// <summary>
/// Chooses the window width c for n terms. The bucket method costs about ⌈255/c⌉·(n + ρ·2^c) additions: n to
/// fill each window's buckets, and a reduction of 2^(c−1) buckets at 2 additions each, where a reduction
/// addition costs ρ ≈ 1.2 filling ones (the segmented affine reduction pays more per inversion than the
/// accumulation; Jacobian running sums pay a full addition against a mixed one). The minimum is at about
/// log₂ n − 3 (13 at 2^16, 16 at 2^20). Timed neighbours (c = 12…14 at 2^16) differed by less than the noise
/// of the shared development machine, as the model predicts (a flat optimum, ±5 %).
/// </summary>
internal static class MsmWindowSize
{
    /// <summary>ρ: the cost of one reduction addition in filling additions.</summary>
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
