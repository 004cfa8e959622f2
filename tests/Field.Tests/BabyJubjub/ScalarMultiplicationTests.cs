// SPDX-License-Identifier: MIT
using System.Numerics;
using ZkOptions.Field.BabyJubjub;
using ZkOptions.Field.Tests.Support;
using Jubjub = ZkOptions.Field.BabyJubjub.BabyJubjub;

namespace ZkOptions.Field.Tests.BabyJubjub;

/// <summary>
/// The windowed multiplications (width-5 NAF for any point, the signed-window table for Base8) and the extended
/// formulas they use, against <see cref="ReferenceBabyJubjub"/>: plain double-and-add on the affine addition law.
/// </summary>
public sealed class ScalarMultiplicationTests
{
    private static readonly BigInteger L = Jubjub.SubgroupOrder;
    private static readonly BigInteger Two256 = BigInteger.One << 256;

    /// <summary>A point of order 8 (l·Generator), a point of order 2 and the identity: the small-order points that matter.</summary>
    private static readonly BabyJubjubPoint Order8 = ReferenceBabyJubjub.Multiply(Jubjub.Generator, L);
    private static readonly BabyJubjubPoint Order2 = new(Fr.Zero, -Fr.One);

    private static BigInteger RandomScalar(Random rng, int bits)
    {
        var bytes = new byte[(bits + 7) / 8];
        rng.NextBytes(bytes);
        return new BigInteger(bytes, isUnsigned: true) & ((BigInteger.One << bits) - 1);
    }

    private static IEnumerable<BigInteger> EdgeScalars() =>
    [
        0, 1, 2, 3, 15, 16, 17, 31, 33, L - 1, L, L + 1, 8 * L - 1, 8 * L, 8 * L + 1, Fr.Modulus - 1,
        BigInteger.One << 251, BigInteger.One << 253, (BigInteger.One << 254) - 1, Two256 - 1, Two256 - L,
    ];

    /// <summary>Points of every kind: the identity, small order, Base8, the whole-group generator, random ones.</summary>
    private static IEnumerable<BabyJubjubPoint> Points(Random rng)
    {
        yield return BabyJubjubPoint.Identity;
        yield return Order2;
        yield return Order8;
        yield return Jubjub.Base8;
        yield return Jubjub.Generator;
        yield return ReferenceBabyJubjub.Multiply(Jubjub.Generator, RandomScalar(rng, 256));
    }

    private static BabyJubjubPoint Wnaf(BabyJubjubPoint p, BigInteger k)
    {
        Assert.True(Scalar256.TryFromBigInteger(k, out Scalar256 limbs));
        WnafMultiplication.Multiply(ExtendedPoint.FromAffine(p), limbs, out ExtendedPoint product);
        return product.ToAffine();
    }

    [Fact]
    public void Wnaf_multiplication_equals_double_and_add_on_edge_scalars_and_every_kind_of_point()
    {
        var rng = new Random(11);
        foreach (BabyJubjubPoint p in Points(rng))
        {
            foreach (BigInteger k in EdgeScalars())
            {
                Assert.True(ReferenceBabyJubjub.Multiply(p, k) == Wnaf(p, k), $"{k}·{p}");
            }
        }
    }

    [Fact]
    public void Wnaf_multiplication_equals_double_and_add_on_random_scalars_of_every_length()
    {
        var rng = new Random(12);
        for (int i = 0; i < 16; i++)
        {
            BabyJubjubPoint p = ReferenceBabyJubjub.Multiply(Jubjub.Generator, RandomScalar(rng, 256));
            BigInteger k = RandomScalar(rng, 1 + rng.Next(256));
            Assert.True(ReferenceBabyJubjub.Multiply(p, k) == Wnaf(p, k), $"{k}·{p}");
        }
    }

    [Fact]
    public void The_Base8_table_equals_double_and_add_for_scalars_below_l()
    {
        var rng = new Random(13);
        IEnumerable<BigInteger> scalars = EdgeScalars().Where(k => k < L)
            .Concat(Enumerable.Range(0, 12).Select(_ => RandomScalar(rng, 256) % L))
            .Concat(Enumerable.Range(1, 8).Select(i => (BigInteger)(i * 37) << (8 * i)));
        foreach (BigInteger k in scalars)
        {
            Assert.True(Scalar256.TryFromBigInteger(k, out Scalar256 limbs));
            Base8Table.Multiply(limbs, out ExtendedPoint product);
            Assert.True(ReferenceBabyJubjub.Multiply(Jubjub.Base8, k) == product.ToAffine(), $"{k}·Base8");
        }
    }

    [Fact]
    public void The_public_Multiply_equals_double_and_add_for_any_scalar_including_ones_above_2_to_the_256()
    {
        var rng = new Random(14);
        BigInteger[] scalars = [.. EdgeScalars(), Two256, Two256 + 5, (Two256 << 40) + 12345, RandomScalar(rng, 400)];
        foreach (BabyJubjubPoint p in new[] { Jubjub.Base8, Jubjub.Generator, Order8, BabyJubjubPoint.Identity })
        {
            foreach (BigInteger k in scalars)
            {
                // Every point's order divides 8·l, so the reference may reduce first (a 400-bit ladder adds nothing).
                Assert.True(ReferenceBabyJubjub.Multiply(p, k % (8 * L)) == Jubjub.Multiply(p, k), $"{k}·{p}");
            }
        }
    }

    [Fact]
    public void Extended_formulas_agree_with_the_affine_law_doubling_identity_and_inverses_included()
    {
        var rng = new Random(15);
        BabyJubjubPoint[] points = [.. Points(rng)];
        foreach (BabyJubjubPoint p in points)
        {
            var ep = ExtendedPoint.FromAffine(p);
            var negated = Jubjub.Negate(p);
            foreach (BabyJubjubPoint q in points.Append(p).Append(negated))
            {
                BabyJubjubPoint expected = ReferenceBabyJubjub.Add(p, q);
                var eq = ExtendedPoint.FromAffine(q);
                ExtendedPoint.Add(ep, eq, out ExtendedPoint sum);
                Assert.Equal(expected, sum.ToAffine());
                ExtendedPoint.Add(ep, PrecomputedPoint.From(eq), out sum);
                Assert.Equal(expected, sum.ToAffine());
                ExtendedPoint.Add(ep, PrecomputedAffinePoint.FromAffine(q.X, q.Y), out sum);
                Assert.Equal(expected, sum.ToAffine());
                // The negated addends subtract.
                BabyJubjubPoint difference = ReferenceBabyJubjub.Add(p, Jubjub.Negate(q));
                ExtendedPoint.Add(ep, PrecomputedPoint.Negate(PrecomputedPoint.From(eq)), out sum);
                Assert.Equal(difference, sum.ToAffine());
                ExtendedPoint.Add(ep, PrecomputedAffinePoint.Negate(PrecomputedAffinePoint.FromAffine(q.X, q.Y)), out sum);
                Assert.Equal(difference, sum.ToAffine());
                Assert.True(ExtendedPoint.SameAffinePoint(sum, ExtendedPoint.FromAffine(difference)));
                Assert.Equal(difference == expected, ExtendedPoint.SameAffinePoint(sum, ExtendedPoint.FromAffine(expected)));
            }
            ExtendedPoint.Add(ep, ExtendedPoint.FromAffine(negated), out ExtendedPoint zero);
            Assert.True(zero.IsIdentity);
            Assert.Equal(p.IsIdentity, ep.IsIdentity);

            // Doubling: the dedicated formula, the addition law with itself, and T skipped then recomputed.
            BabyJubjubPoint twice = ReferenceBabyJubjub.Add(p, p);
            ExtendedPoint.Double(ep, out ExtendedPoint doubled);
            Assert.Equal(twice, doubled.ToAffine());
            Assert.Equal(twice, Jubjub.Add(p, p));
            ExtendedPoint.DoubleWithoutT(ep, out ExtendedPoint withoutT);
            Assert.Equal(twice, withoutT.ToAffine());
            ExtendedPoint.Double(withoutT, out ExtendedPoint fourTimes);
            ExtendedPoint.Double(doubled, out ExtendedPoint fourTimesToo);
            Assert.True(ExtendedPoint.SameAffinePoint(fourTimes, fourTimesToo));
            Assert.Equal(fourTimes.T * fourTimes.Z, fourTimes.X * fourTimes.Y); // T is right again after a full doubling
        }
    }

    [Fact]
    public void SameAffinePoint_compares_points_whatever_their_Z()
    {
        var rng = new Random(16);
        foreach (BabyJubjubPoint p in Points(rng))
        {
            ExtendedPoint.Double(ExtendedPoint.FromAffine(p), out ExtendedPoint twice);
            ExtendedPoint.Add(ExtendedPoint.FromAffine(p), ExtendedPoint.FromAffine(p), out ExtendedPoint twiceToo);
            Assert.True(ExtendedPoint.SameAffinePoint(twice, twiceToo));
            Assert.True(ExtendedPoint.SameAffinePoint(twice, ExtendedPoint.FromAffine(twice.ToAffine())));
            ExtendedPoint.Add(twice, ExtendedPoint.FromAffine(Jubjub.Base8), out ExtendedPoint other);
            Assert.False(ExtendedPoint.SameAffinePoint(twice, other));
            Assert.Equal(twice.ToAffine().IsIdentity, twice.IsIdentity);
        }
    }

    [Fact]
    public void Pack_sign_bit_is_x_above_half_r_at_the_boundary()
    {
        // x = (r − 1)/2 is "positive" and x = (r + 1)/2 "negative"; Pack does not check the curve.
        Fr half = Fr.FromBigInteger((Fr.Modulus - 1) / 2);
        Assert.Equal(0, Jubjub.Pack(new BabyJubjubPoint(half, Fr.One))[31] & 0x80);
        Assert.Equal(0x80, Jubjub.Pack(new BabyJubjubPoint(half + Fr.One, Fr.One))[31] & 0x80);
        Assert.Equal(0, Jubjub.Pack(new BabyJubjubPoint(Fr.Zero, Fr.One))[31] & 0x80);
        Assert.Equal(0x80, Jubjub.Pack(new BabyJubjubPoint(-Fr.One, Fr.One))[31] & 0x80);
    }
}
