// SPDX-License-Identifier: MIT
using System.Numerics;
using ZkOptions.Field.Tests.Support;

namespace ZkOptions.Field.Tests.Curve;

/// <summary>Seeded random points and scalars for the curve tests, built without the code under test.</summary>
public static class TestPoints
{
    /// <summary>A random point of G1: random x until x³ + 3 is a square (cofactor 1, so it is in the group).</summary>
    public static G1Affine RandomG1(Random rng)
    {
        while (true)
        {
            Fq x = Fq.Random(rng);
            Fq rhs = x * x * x + ReferenceCurve.B1;
            if (Fq.TrySqrt(rhs, out Fq y))
            {
                return new G1Affine(x, rng.Next(2) == 0 ? y : -y);
            }
        }
    }

    /// <summary>A random point on the twist, almost surely NOT in the order-r subgroup (cofactor 2p − r).</summary>
    public static G2Affine RandomTwistPoint(Random rng)
    {
        while (true)
        {
            var x = new Fq2(Fq.Random(rng), Fq.Random(rng));
            Fq2 rhs = x * x * x + ReferenceCurve.B2;
            if (Fq2.TrySqrt(rhs, out Fq2 y))
            {
                return new G2Affine(x, y);
            }
        }
    }

    /// <summary>A random point of G2 as [k]G2 computed by the naive reference.</summary>
    public static G2Affine RandomG2(Random rng) => ReferenceCurve.Mul(G2Affine.Generator, RandomScalar(rng, 64));

    /// <summary>A random non-negative integer of the given bit length.</summary>
    public static BigInteger RandomScalar(Random rng, int bits)
    {
        var bytes = new byte[(bits + 7) / 8 + 1];
        rng.NextBytes(bytes);
        bytes[^1] = 0;
        return new BigInteger(bytes) & ((BigInteger.One << bits) - 1);
    }

    /// <summary>Little-endian 64-bit limbs of a non-negative integer below 2^256.</summary>
    public static ulong[] Limbs(BigInteger k)
    {
        var limbs = new ulong[4];
        for (int i = 0; i < 4; i++)
        {
            limbs[i] = (ulong)(k & ulong.MaxValue);
            k >>= 64;
        }
        return limbs;
    }

    /// <summary>The same G1 point with Z = z: (x·z², y·z³, z).</summary>
    public static G1Jacobian Scaled(G1Affine p, Fq z) =>
        p.IsInfinity ? G1Jacobian.Infinity : new G1Jacobian(p.X * z * z, p.Y * z * z * z, z);

    /// <summary>The same G2 point with Z = z.</summary>
    public static G2Jacobian Scaled(G2Affine p, Fq2 z) =>
        p.IsInfinity ? G2Jacobian.Infinity : new G2Jacobian(p.X * z * z, p.Y * z * z * z, z);

    /// <summary>Edge scalars for scalar multiplication, including ones at and above r and 2^256 − 1.</summary>
    public static IEnumerable<BigInteger> EdgeScalars(int seed)
    {
        BigInteger r = Fr.Modulus;
        var rng = new Random(seed);
        return
        [
            0, 1, 2, 3, 31, r - 1, r, r + 1, 2 * r, (BigInteger.One << 256) - 1, (BigInteger.One << 255) + 5,
            RandomScalar(rng, 256), RandomScalar(rng, 256), RandomScalar(rng, 128),
        ];
    }
}
