// SPDX-License-Identifier: MIT
using System.Numerics;

namespace ZkOptions.Field;

/// <summary>
/// The GLV endomorphism of G1: φ(x, y) = (β·x, y) with β a cube root of unity in Fq acts on G1 as
/// multiplication by λ, a cube root of unity mod r. A scalar k splits as k ≡ k1 + k2·λ (mod r) with |k1|, |k2|
/// about √r, halving the doublings of a scalar multiplication (Gallant, Lambert, Vanstone 2001). The
/// constants and the short lattice basis are derived here at start-up rather than pasted in.
/// </summary>
internal static class G1Endomorphism
{
    /// <summary>β, the cube root of unity in Fq that matches <see cref="Lambda"/>.</summary>
    public static readonly Fq Beta;

    /// <summary>λ with φ(P) = [λ]P on G1.</summary>
    public static readonly BigInteger Lambda;

    // Short basis (a1, b1), (a2, b2) of the lattice {(x, y) : x + y·λ ≡ 0 mod r}.
    private static readonly BigInteger A1, B1, A2, B2;

    static G1Endomorphism()
    {
        BigInteger p = Fq.Modulus, r = Fr.Modulus;
        BigInteger beta = CubeRootOfUnity(p), lambda = CubeRootOfUnity(r);
        Beta = Fq.FromBigInteger(beta);
        // Of λ and λ², exactly one matches β: compare on the generator (1, 2) with the plain wNAF method.
        G1Affine g = G1Affine.Generator;
        var phiG = new G1Jacobian(Beta * g.X, g.Y, Fq.One);
        if (!phiG.Equals(G1Jacobian.ScalarMulWnaf(G1Jacobian.FromAffine(g), lambda)))
        {
            lambda = lambda * lambda % r;
        }
        Lambda = lambda;
        (A1, B1, A2, B2) = ShortBasis(r, lambda);
    }

    private static BigInteger CubeRootOfUnity(BigInteger q)
    {
        for (int g = 2; ; g++)
        {
            BigInteger w = BigInteger.ModPow(g, (q - 1) / 3, q);
            if (!w.IsOne)
            {
                return w;
            }
        }
    }

    /// <summary>Guide to Elliptic Curve Cryptography, Algorithm 3.74: a short basis from the extended Euclid on (r, λ).</summary>
    private static (BigInteger, BigInteger, BigInteger, BigInteger) ShortBasis(BigInteger n, BigInteger lambda)
    {
        BigInteger sqrtN = Sqrt(n);
        var rs = new List<BigInteger> { n, lambda };
        var ts = new List<BigInteger> { 0, 1 };
        while (rs[^1] >= sqrtN)
        {
            BigInteger q = rs[^2] / rs[^1];
            rs.Add(rs[^2] - q * rs[^1]);
            ts.Add(ts[^2] - q * ts[^1]);
        }
        // rs[^1] is r_{l+1}, the first remainder below √n; compute one more for the second candidate.
        int l1 = rs.Count - 1;
        BigInteger qn = rs[l1 - 1] / rs[l1];
        BigInteger rNext = rs[l1 - 1] - qn * rs[l1], tNext = ts[l1 - 1] - qn * ts[l1];
        BigInteger a1 = rs[l1], b1 = -ts[l1];
        BigInteger a2 = rs[l1 - 1], b2 = -ts[l1 - 1];
        if (rNext * rNext + tNext * tNext < a2 * a2 + b2 * b2)
        {
            a2 = rNext;
            b2 = -tNext;
        }
        return (a1, b1, a2, b2);
    }

    private static BigInteger Sqrt(BigInteger n)
    {
        BigInteger x = BigInteger.One << (int)((n.GetBitLength() + 1) / 2);
        while (true)
        {
            BigInteger y = (x + n / x) >> 1;
            if (y >= x)
            {
                return x;
            }
            x = y;
        }
    }

    private static BigInteger RoundDiv(BigInteger a, BigInteger n)
    {
        // round(a/n) for n > 0 = floor((2a + n) / 2n), with floor (not truncating) division.
        BigInteger num = 2 * a + n, den = 2 * n;
        BigInteger q = BigInteger.DivRem(num, den, out BigInteger rem);
        return rem.Sign < 0 ? q - 1 : q;
    }

    /// <summary>Splits 0 ≤ k &lt; r into k1 + k2·λ ≡ k (mod r) with |k1|, |k2| below about 2^128.</summary>
    public static void Decompose(BigInteger k, out BigInteger k1, out BigInteger k2)
    {
        BigInteger n = Fr.Modulus;
        BigInteger c1 = RoundDiv(B2 * k, n);
        BigInteger c2 = RoundDiv(-B1 * k, n);
        k1 = k - c1 * A1 - c2 * A2;
        k2 = -c1 * B1 - c2 * B2;
    }

    /// <summary>φ(X, Y, Z) = (β·X, Y, Z): scaling x by β commutes with the division by Z².</summary>
    public static void Apply(in G1Jacobian p, out G1Jacobian r)
    {
        Fq.Mul(in p.X, in Beta, out Fq x);
        r = new G1Jacobian(x, p.Y, p.Z);
    }
}
