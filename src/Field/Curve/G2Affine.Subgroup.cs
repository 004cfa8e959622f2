// SPDX-License-Identifier: MIT
using System.Numerics;

namespace ZkOptions.Field;

/// <summary>
/// The subgroup check for G2 through the endomorphism ψ = untwist ∘ Frobenius ∘ twist, which acts on G2 as
/// multiplication by p (≡ 6x₀² mod r).
/// </summary>
public readonly partial struct G2Affine
{
    /// <summary>The BN254 seed x₀ (p and r are polynomials in it).</summary>
    internal const ulong SeedX0 = 4965661367192848881UL;

    /// <summary>γx = ξ^((p−1)/3): ψ scales the conjugated x by it.</summary>
    internal static readonly Fq2 PsiX = XiPow((Fq.Modulus - 1) / 3);

    /// <summary>γy = ξ^((p−1)/2): ψ scales the conjugated y by it.</summary>
    internal static readonly Fq2 PsiY = XiPow((Fq.Modulus - 1) / 2);

    private static Fq2 XiPow(BigInteger e)
    {
        var limbs = new ulong[4];
        for (int i = 0; i < 4; i++)
        {
            limbs[i] = (ulong)(e & ulong.MaxValue);
            e >>= 64;
        }
        Fq2.Pow(Fq2.NonResidue, limbs, out Fq2 r);
        return r;
    }

    /// <summary>
    /// ψ(X, Y, Z) = (conj(X)·γx, conj(Y)·γy, conj(Z)). Conjugation is the p-power Frobenius of Fq2, so it
    /// commutes with the Jacobian division by Z², Z³ and the result is ψ of the affine point.
    /// </summary>
    internal static void Psi(in G2Jacobian p, out G2Jacobian r)
    {
        Fq2.Conjugate(in p.X, out Fq2 x);
        Fq2.Mul(in x, in PsiX, out x);
        Fq2.Conjugate(in p.Y, out Fq2 y);
        Fq2.Mul(in y, in PsiY, out y);
        Fq2.Conjugate(in p.Z, out Fq2 z);
        r = new G2Jacobian(x, y, z);
    }

    /// <summary>
    /// True when the point is on the twist and in the order-r subgroup (G2); infinity is. Uses El Housni,
    /// Guillevic and Piellard (eprint 2022/348, §3 and §5.1), as gnark-crypto does:
    /// [x₀+1]P + ψ([x₀]P) + ψ²([x₀]P) = ψ³([2x₀]P), one 63-bit scalar multiplication instead of a 254-bit one.
    /// </summary>
    public bool IsInSubgroup()
    {
        if (IsInfinity)
        {
            return true;
        }
        if (!IsOnCurve())
        {
            return false;
        }
        G2Jacobian p = G2Jacobian.FromAffine(in this);
        ReadOnlySpan<ulong> seed = [SeedX0];
        G2Jacobian a = G2Jacobian.ScalarMul(in p, seed); // [x₀]P
        Psi(in a, out G2Jacobian b);                      // ψ([x₀]P)
        G2Jacobian.AddMixed(in a, in this, out a);        // [x₀+1]P
        Psi(in b, out G2Jacobian c);                      // ψ²([x₀]P)
        Psi(in c, out G2Jacobian rhs);
        G2Jacobian.Double(in rhs, out rhs);               // ψ³([2x₀]P)
        G2Jacobian.Add(in c, in b, out c);
        G2Jacobian.Add(in c, in a, out c);
        return c.Equals(rhs);
    }
}
