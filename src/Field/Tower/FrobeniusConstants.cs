// SPDX-License-Identifier: MIT
using System.Numerics;

namespace ZkOptions.Field;

/// <summary>
/// The constants γ_{j,k} = ξ^(k·(p^j − 1)/6) of the Frobenius maps on Fq6 and Fq12 (w⁶ = ξ, so
/// (c·w^k)^(p^j) = c^(p^j)·γ_{j,k}·w^k). They are computed once from ξ rather than hardcoded, so there is no
/// table to mistype; tests check the maps against a^p by exponentiation.
/// </summary>
internal static class FrobeniusConstants
{
    /// <summary>γ_{1,k} = ξ^(k(p−1)/6), k = 0..5.</summary>
    internal static readonly Fq2[] Gamma1 = Powers(Root(1));

    /// <summary>γ_{2,k} = ξ^(k(p²−1)/6), k = 0..5; these lie in Fq (they are norms), so only the real part is kept.</summary>
    internal static readonly Fq[] Gamma2 = RealParts(Powers(Root(2)));

    /// <summary>γ_{3,k} = ξ^(k(p³−1)/6), k = 0..5.</summary>
    internal static readonly Fq2[] Gamma3 = Powers(Root(3));

    /// <summary>ξ^((p^j − 1)/6).</summary>
    internal static Fq2 Root(int j)
    {
        BigInteger e = (BigInteger.Pow(Fq.Modulus, j) - 1) / 6;
        var limbs = new ulong[(int)((e.GetBitLength() + 63) / 64)];
        for (int i = 0; i < limbs.Length; i++)
        {
            limbs[i] = (ulong)(e & ulong.MaxValue);
            e >>= 64;
        }
        Fq2.Pow(Fq2.NonResidue, limbs, out Fq2 r);
        return r;
    }

    private static Fq2[] Powers(Fq2 g)
    {
        var result = new Fq2[6];
        result[0] = Fq2.One;
        for (int k = 1; k < 6; k++)
        {
            result[k] = result[k - 1] * g;
        }
        return result;
    }

    private static Fq[] RealParts(Fq2[] values)
    {
        var result = new Fq[values.Length];
        for (int k = 0; k < values.Length; k++)
        {
            if (!values[k].C1.IsZero)
            {
                throw new InvalidOperationException("Frobenius constant for p² is expected to lie in Fq.");
            }
            result[k] = values[k].C0;
        }
        return result;
    }
}
