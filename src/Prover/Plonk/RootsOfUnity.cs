// SPDX-License-Identifier: MIT
using ZkOptions.Field;

namespace ZkOptions.Prover.Plonk;

/// <summary>ω_n for n = 2^log2n: TwoAdicRootOfUnity^(2^(28 − log2n)), the generator snarkjs/ffjavascript use (Fr.w[k]).</summary>
internal static class RootsOfUnity
{
    public static Fr Of(int log2n)
    {
        if (log2n < 0 || log2n > Fr.TwoAdicity)
        {
            throw new ArgumentOutOfRangeException(nameof(log2n));
        }
        Fr w = Fr.TwoAdicRootOfUnity;
        for (int i = log2n; i < Fr.TwoAdicity; i++)
        {
            Fr.Square(in w, out w);
        }
        return w;
    }
}
