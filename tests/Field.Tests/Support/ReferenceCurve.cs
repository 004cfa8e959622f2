// SPDX-License-Identifier: MIT
using System.Numerics;

namespace ZkOptions.Field.Tests.Support;

/// <summary>
/// A deliberately naive affine implementation of the BN254 group laws (textbook chord-and-tangent with one
/// inversion per step, double-and-add scalar multiplication). It shares nothing with the optimised Jacobian
/// code except the field arithmetic, which is itself checked against BigInteger, so tests use it as an oracle.
/// </summary>
public static class ReferenceCurve
{
    public static readonly Fq B1 = Fq.FromUInt64(3);

    /// <summary>b' = 3/ξ, the twist coefficient.</summary>
    public static readonly Fq2 B2 = new Fq2(Fq.FromUInt64(3), Fq.Zero) * Fq2.NonResidue.Inverse();

    public static G1Affine Add(G1Affine p, G1Affine q)
    {
        if (p.IsInfinity) return q;
        if (q.IsInfinity) return p;
        Fq lambda;
        if (p.X == q.X)
        {
            if (p.Y != q.Y || p.Y.IsZero) return G1Affine.Infinity;
            lambda = Fq.FromUInt64(3) * p.X * p.X / (p.Y + p.Y);
        }
        else
        {
            lambda = (q.Y - p.Y) / (q.X - p.X);
        }
        Fq x = lambda * lambda - p.X - q.X;
        return new G1Affine(x, lambda * (p.X - x) - p.Y);
    }

    public static G1Affine Mul(G1Affine p, BigInteger k)
    {
        if (k.Sign < 0) return Mul(new G1Affine(p.X, -p.Y), -k);
        G1Affine acc = G1Affine.Infinity;
        for (int bit = (int)k.GetBitLength() - 1; bit >= 0; bit--)
        {
            acc = Add(acc, acc);
            if (!(k >> bit).IsEven) acc = Add(acc, p);
        }
        return acc;
    }

    public static bool OnCurve(G1Affine p) => p.IsInfinity || p.Y * p.Y == p.X * p.X * p.X + B1;

    public static G2Affine Add(G2Affine p, G2Affine q)
    {
        if (p.IsInfinity) return q;
        if (q.IsInfinity) return p;
        Fq2 lambda;
        if (p.X == q.X)
        {
            if (p.Y != q.Y || p.Y.IsZero) return G2Affine.Infinity;
            lambda = new Fq2(Fq.FromUInt64(3), Fq.Zero) * p.X * p.X * (p.Y + p.Y).Inverse();
        }
        else
        {
            lambda = (q.Y - p.Y) * (q.X - p.X).Inverse();
        }
        Fq2 x = lambda * lambda - p.X - q.X;
        return new G2Affine(x, lambda * (p.X - x) - p.Y);
    }

    public static G2Affine Mul(G2Affine p, BigInteger k)
    {
        if (k.Sign < 0) return Mul(new G2Affine(p.X, -p.Y), -k);
        G2Affine acc = G2Affine.Infinity;
        for (int bit = (int)k.GetBitLength() - 1; bit >= 0; bit--)
        {
            acc = Add(acc, acc);
            if (!(k >> bit).IsEven) acc = Add(acc, p);
        }
        return acc;
    }

    public static bool OnTwist(G2Affine p) => p.IsInfinity || p.Y * p.Y == p.X * p.X * p.X + B2;
}
