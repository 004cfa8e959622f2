// SPDX-License-Identifier: MIT
using ZkOptions.Constraints.V2;
using ZkOptions.Field;

namespace ZkOptions.Prover.PlonkV2;

/// <summary>
/// The shifts k0..k4 that label the five advice columns in the permutation argument: cell (column c, row i) is
/// k_c·ω^i. k0 = 1 and k_c = 5^c, with 5 the multiplicative generator of Fr (the same 5 whose power is
/// <see cref="Fr.TwoAdicRootOfUnity"/>). The cosets k_c·H are pairwise disjoint iff (k_c/k_d)^n ≠ 1 for c ≠ d; since
/// H ⊆ H_(2^28), checking (k_c/k_d)^(2^28) ≠ 1 once covers every domain size (<see cref="AreDisjoint"/>).
/// </summary>
public static class CosetShifts
{
    /// <summary>The generator whose powers are the shifts.</summary>
    public static Fr Base { get; } = Fr.FromUInt64(5);

    /// <summary>k0..k4 = 1, 5, 25, 125, 625.</summary>
    public static Fr[] Default()
    {
        var shifts = new Fr[WideLayout.Width];
        Fr k = Fr.One;
        for (int c = 0; c < shifts.Length; c++, k *= Base)
        {
            shifts[c] = k;
        }
        return shifts;
    }

    /// <summary>
    /// Whether the cosets k_c·H of the domain of size 2^<paramref name="log2n"/> are pairwise disjoint (and k0·H = H
    /// when k0 = 1): (k_c/k_d)^n ≠ 1 for every pair c ≠ d.
    /// </summary>
    public static bool AreDisjoint(ReadOnlySpan<Fr> shifts, int log2n)
    {
        for (int c = 0; c < shifts.Length; c++)
        {
            if (shifts[c].IsZero)
            {
                return false;
            }
            for (int d = 0; d < c; d++)
            {
                Fr ratio = shifts[c] / shifts[d];
                for (int i = 0; i < log2n; i++)
                {
                    ratio = ratio.Square();
                }
                if (ratio.IsOne)
                {
                    return false;
                }
            }
        }
        return true;
    }
}
