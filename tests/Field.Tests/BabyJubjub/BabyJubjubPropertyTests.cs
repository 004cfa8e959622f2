// SPDX-License-Identifier: MIT
using System.Numerics;
using ZkOptions.Field.BabyJubjub;
using Jubjub = ZkOptions.Field.BabyJubjub.BabyJubjub;

namespace ZkOptions.Field.Tests.BabyJubjub;

/// <summary>The group law and the encoding as properties, on random points of the subgroup and of the whole curve.</summary>
public sealed class BabyJubjubPropertyTests
{
    private static readonly BigInteger L = Jubjub.SubgroupOrder;

    private static BigInteger RandomScalar(Random rng, int bits = 256)
    {
        var bytes = new byte[bits / 8];
        rng.NextBytes(bytes);
        return new BigInteger(bytes, isUnsigned: true);
    }

    private static BabyJubjubPoint RandomSubgroupPoint(Random rng) => Jubjub.Multiply(Jubjub.Base8, RandomScalar(rng) % L);

    private static BabyJubjubPoint RandomCurvePoint(Random rng) => Jubjub.Multiply(Jubjub.Generator, RandomScalar(rng));

    /// <summary>The slowest correct scalar multiplication: the affine addition law, bit by bit.</summary>
    private static BabyJubjubPoint NaiveMultiply(BabyJubjubPoint p, BigInteger k)
    {
        var result = BabyJubjubPoint.Identity;
        for (var addend = p; !k.IsZero; k >>= 1, addend = Jubjub.Add(addend, addend))
        {
            if (!k.IsEven)
            {
                result = Jubjub.Add(result, addend);
            }
        }
        return result;
    }

    [Fact]
    public void The_addition_law_is_complete_because_a_is_a_square_and_d_is_not()
    {
        Assert.Equal(1, Jubjub.A.Legendre());
        Assert.Equal(-1, Jubjub.D.Legendre());
        Assert.Equal(-1, (Jubjub.A / Jubjub.D).Legendre()); // so TryUnpack never divides by zero
    }

    [Fact]
    public void Generator_and_Base8()
    {
        Assert.True(Jubjub.Generator.IsOnCurve);
        Assert.False(Jubjub.Generator.IsInPrimeSubgroup);
        Assert.Equal(Jubjub.Base8, Jubjub.Multiply(Jubjub.Generator, 8));
        Assert.True(Jubjub.Base8.IsInPrimeSubgroup);
        Assert.True(Jubjub.Multiply(Jubjub.Generator, Jubjub.CurveOrder).IsIdentity);
        Assert.False(Jubjub.Multiply(Jubjub.Generator, L).IsIdentity);
        Assert.Equal(Jubjub.CurveOrder, 8 * L);
    }

    [Fact]
    public void Identity_inverse_and_commutativity()
    {
        var rng = new Random(1);
        var o = BabyJubjubPoint.Identity;
        Assert.True(o.IsOnCurve && o.IsInPrimeSubgroup && o.IsIdentity);
        for (int i = 0; i < 8; i++)
        {
            var p = i % 2 == 0 ? RandomSubgroupPoint(rng) : RandomCurvePoint(rng);
            var q = RandomCurvePoint(rng);
            Assert.True(p.IsOnCurve);
            Assert.Equal(p, Jubjub.Add(p, o));
            Assert.Equal(p, Jubjub.Add(o, p));
            Assert.True(Jubjub.Add(p, Jubjub.Negate(p)).IsIdentity);
            Assert.Equal(Jubjub.Add(p, q), Jubjub.Add(q, p));
            Assert.True(Jubjub.Add(p, q).IsOnCurve);
        }
    }

    [Fact]
    public void Addition_is_associative()
    {
        var rng = new Random(2);
        for (int i = 0; i < 8; i++)
        {
            var p = RandomCurvePoint(rng);
            var q = RandomSubgroupPoint(rng);
            var r = RandomCurvePoint(rng);
            Assert.Equal(Jubjub.Add(Jubjub.Add(p, q), r), Jubjub.Add(p, Jubjub.Add(q, r)));
        }
    }

    [Fact]
    public void Multiply_agrees_with_the_naive_ladder_and_is_linear()
    {
        var rng = new Random(3);
        for (int i = 0; i < 6; i++)
        {
            var p = RandomCurvePoint(rng);
            BigInteger a = RandomScalar(rng, 64 * (1 + i % 5)), b = RandomScalar(rng, 128);
            Assert.Equal(NaiveMultiply(p, a), Jubjub.Multiply(p, a));
            Assert.Equal(Jubjub.Add(Jubjub.Multiply(p, a), Jubjub.Multiply(p, b)), Jubjub.Multiply(p, a + b));
            Assert.Equal(Jubjub.Multiply(Jubjub.Multiply(p, a), b), Jubjub.Multiply(p, a * b));
        }
        foreach (int k in new[] { 0, 1, 2, 3, 15, 16, 17, 255, 256 })
        {
            Assert.Equal(NaiveMultiply(Jubjub.Base8, k), Jubjub.Multiply(Jubjub.Base8, k));
        }
    }

    [Fact]
    public void The_subgroup_order_annihilates_subgroup_points_only()
    {
        var rng = new Random(4);
        for (int i = 0; i < 6; i++)
        {
            var p = RandomSubgroupPoint(rng);
            Assert.True(Jubjub.Multiply(p, L).IsIdentity);
            Assert.True(p.IsInPrimeSubgroup);
            Assert.Equal(p, Jubjub.Multiply(p, L + 1));
            // Adding a point of order 8 leaves the subgroup; multiplying by 8 comes back into it.
            var torsion = Jubjub.Multiply(Jubjub.Generator, L);
            var q = Jubjub.Add(p, torsion);
            Assert.True(q.IsOnCurve);
            Assert.False(q.IsInPrimeSubgroup);
            Assert.True(Jubjub.Multiply(q, 8).IsInPrimeSubgroup);
        }
    }

    [Fact]
    public void Pack_then_TryUnpack_round_trips_every_point_with_x_not_zero()
    {
        var rng = new Random(5);
        for (int i = 0; i < 20; i++)
        {
            var p = i % 2 == 0 ? RandomCurvePoint(rng) : Jubjub.Negate(RandomSubgroupPoint(rng));
            byte[] packed = Jubjub.Pack(p);
            Assert.Equal(32, packed.Length);
            Assert.True(Jubjub.TryUnpack(packed, out var back));
            Assert.Equal(p, back);
        }
        // circomlibjs refuses x = 0 (Euler's criterion of 0 is 0, not 1); so do we, documented.
        Assert.False(Jubjub.TryUnpack(Jubjub.Pack(BabyJubjubPoint.Identity), out _));
        Assert.False(Jubjub.TryUnpack(Jubjub.Pack(new BabyJubjubPoint(Fr.Zero, -Fr.One)), out _));
        Assert.False(Jubjub.TryUnpack(new byte[31], out _));
        Assert.False(Jubjub.TryUnpack(new byte[33], out _));
    }

    [Fact]
    public void Off_curve_points_and_negative_scalars_are_refused()
    {
        var bad = new BabyJubjubPoint(Fr.FromUInt64(1), Fr.FromUInt64(1));
        Assert.False(bad.IsOnCurve);
        Assert.False(bad.IsInPrimeSubgroup);
        Assert.Contains("not on the curve", Assert.Throws<ArgumentException>(() => Jubjub.Add(bad, Jubjub.Base8)).Message);
        Assert.Throws<ArgumentException>(() => Jubjub.Add(Jubjub.Base8, bad));
        Assert.Throws<ArgumentException>(() => Jubjub.Double(bad));
        Assert.Throws<ArgumentException>(() => Jubjub.Multiply(bad, 5));
        Assert.Throws<ArgumentOutOfRangeException>(() => Jubjub.Multiply(Jubjub.Base8, -1));
    }

    [Fact]
    public void Equality_is_by_coordinates()
    {
        var a = new BabyJubjubPoint(Jubjub.Base8.X, Jubjub.Base8.Y);
        Assert.True(a == Jubjub.Base8);
        Assert.False(a != Jubjub.Base8);
        Assert.Equal(a.GetHashCode(), Jubjub.Base8.GetHashCode());
        Assert.NotEqual(Jubjub.Base8, Jubjub.Negate(Jubjub.Base8));
        Assert.False(Jubjub.Base8.Equals((object)"x"));
        Assert.Equal($"({Jubjub.Base8.X}, {Jubjub.Base8.Y})", Jubjub.Base8.ToString());
    }
}
