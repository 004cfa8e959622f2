// SPDX-License-Identifier: MIT
using System.Numerics;
using ZkOptions.Field.Tests.Support;
using static ZkOptions.Field.Tests.Curve.TestPoints;

namespace ZkOptions.Field.Tests.Curve;

/// <summary>G1 affine and Jacobian arithmetic against the naive affine reference.</summary>
public sealed class G1Tests
{
    private static readonly G1Affine G = G1Affine.Generator;

    [Fact]
    public void Add_Double_AddMixed_match_reference_with_random_Z()
    {
        var rng = new Random(101);
        for (int i = 0; i < 12; i++)
        {
            G1Affine p = RandomG1(rng), q = RandomG1(rng);
            G1Jacobian pj = Scaled(p, Fq.Random(rng)), qj = Scaled(q, Fq.Random(rng));
            G1Affine expectedSum = ReferenceCurve.Add(p, q);
            G1Jacobian.Add(pj, qj, out G1Jacobian sum);
            Assert.Equal(expectedSum, sum.ToAffine());
            G1Jacobian.AddMixed(pj, q, out G1Jacobian mixed);
            Assert.Equal(expectedSum, mixed.ToAffine());
            G1Jacobian.Double(pj, out G1Jacobian twice);
            Assert.Equal(ReferenceCurve.Add(p, p), twice.ToAffine());
            Assert.True(sum.IsOnCurve() && twice.IsOnCurve());
        }
    }

    [Fact]
    public void Special_cases_of_addition()
    {
        var rng = new Random(102);
        G1Affine p = RandomG1(rng);
        G1Jacobian pj = Scaled(p, Fq.Random(rng)), pj2 = Scaled(p, Fq.Random(rng));
        G1Jacobian o = G1Jacobian.Infinity;
        G1Affine twoP = ReferenceCurve.Add(p, p);

        Assert.Equal(twoP, (pj + pj2).ToAffine());            // P + P through Add
        Assert.Equal(twoP, (pj + p).ToAffine());              // P + P through AddMixed
        Assert.True((pj + (-pj2)).IsInfinity);                // P + (−P)
        Assert.True((pj + p.Negate()).IsInfinity);
        Assert.True((pj - pj2).IsInfinity);
        Assert.Equal(p, (pj + o).ToAffine());                 // P + O
        Assert.Equal(p, (o + pj).ToAffine());
        Assert.True((o + o).IsInfinity);                      // O + O
        Assert.Equal(p, (o + p).ToAffine());                  // O + affine P
        Assert.Equal(p, (pj + G1Affine.Infinity).ToAffine()); // P + affine O
        Assert.True((o + G1Affine.Infinity).IsInfinity);
        G1Jacobian.Double(o, out G1Jacobian d);
        Assert.True(d.IsInfinity);
        Assert.True(G1Jacobian.FromAffine(G1Affine.Infinity).IsInfinity);
        Assert.True(G1Jacobian.Infinity.ToAffine().IsInfinity);
    }

    [Fact]
    public void ScalarMul_matches_reference_for_edge_scalars()
    {
        var rng = new Random(103);
        G1Affine p = RandomG1(rng);
        foreach (BigInteger k in EdgeScalars(104))
        {
            G1Affine expected = ReferenceCurve.Mul(p, k); // unreduced: checks the mod-r reduction too
            Assert.Equal(expected, G1Jacobian.ScalarMul(p, Limbs(k)).ToAffine());
            Assert.Equal(expected, G1Jacobian.ScalarMul(p, Fr.FromBigInteger(k)).ToAffine());
        }
        Assert.Equal(ReferenceCurve.Mul(p, 12345), G1Jacobian.ScalarMul(p, [12345UL]).ToAffine());
        Assert.True(G1Jacobian.ScalarMul(G1Affine.Infinity, Fr.FromUInt64(7)).IsInfinity);
        BigInteger big = (BigInteger.One << 300) + 99;
        ulong[] limbs = [.. Limbs(big & ((BigInteger.One << 256) - 1)), (ulong)(big >> 256)];
        Assert.Equal(ReferenceCurve.Mul(p, big % Fr.Modulus), G1Jacobian.ScalarMul(p, limbs).ToAffine());
    }

    [Fact]
    public void Generator_has_order_r()
    {
        Assert.True(G1Jacobian.ScalarMul(G, Limbs(Fr.Modulus)).IsInfinity);
        Assert.Equal(G.Negate(), G1Jacobian.ScalarMul(G, Fr.FromBigInteger(Fr.Modulus - 1)).ToAffine());
        Assert.False(G1Jacobian.ScalarMul(G, Fr.FromBigInteger(Fr.Modulus - 1)).IsInfinity);
    }

    [Fact]
    public void MultiScalarMul_equals_sum_of_ScalarMuls()
    {
        var rng = new Random(105);
        foreach (int n in new[] { 0, 1, 2, 7 })
        {
            var points = new G1Affine[n];
            var scalars = new Fr[n];
            G1Jacobian expected = G1Jacobian.Infinity;
            for (int i = 0; i < n; i++)
            {
                points[i] = i == 3 ? G1Affine.Infinity : RandomG1(rng);
                scalars[i] = i == 4 ? Fr.Zero : i == 5 ? Fr.FromBigInteger(Fr.Modulus - 1) : Fr.Random(rng);
                expected += G1Jacobian.ScalarMul(points[i], scalars[i]);
            }
            Assert.Equal(expected, G1Jacobian.MultiScalarMul(points, scalars));
        }
        G1Affine q = RandomG1(rng);
        Assert.True(G1Jacobian.MultiScalarMul([q, q.Negate()], [Fr.FromUInt64(5), Fr.FromUInt64(5)]).IsInfinity);
        Assert.Throws<ArgumentException>(() => G1Jacobian.MultiScalarMul([q], []));
    }

    [Fact]
    public void BatchToAffine_matches_ToAffine_including_infinity()
    {
        var rng = new Random(106);
        var jac = new G1Jacobian[6];
        for (int i = 0; i < jac.Length; i++)
        {
            jac[i] = i == 2 ? G1Jacobian.Infinity : Scaled(RandomG1(rng), Fq.Random(rng));
        }
        var affine = new G1Affine[jac.Length];
        G1Jacobian.BatchToAffine(jac, affine);
        for (int i = 0; i < jac.Length; i++)
        {
            Assert.Equal(jac[i].ToAffine(), affine[i]);
        }
        Assert.True(affine[2].IsInfinity);
    }

    [Fact]
    public void Equality_is_projective_and_hash_consistent()
    {
        var rng = new Random(107);
        G1Affine p = RandomG1(rng), q = RandomG1(rng);
        G1Jacobian a = Scaled(p, Fq.Random(rng)), b = Scaled(p, Fq.Random(rng));
        Assert.Equal(a, b);
        Assert.Equal(a.GetHashCode(), b.GetHashCode());
        Assert.NotEqual(a, Scaled(q, Fq.Random(rng)));
        Assert.NotEqual(a, -a);
        Assert.NotEqual(a, G1Jacobian.Infinity);
        Assert.Equal(G1Jacobian.Infinity, new G1Jacobian(Fq.FromUInt64(5), Fq.FromUInt64(6), Fq.Zero));
        Assert.True(G1Affine.Infinity == G1Affine.Infinity);
        Assert.False(G1Affine.Infinity == new G1Affine(Fq.Zero, Fq.Zero));
        Assert.True(p != q);
        Assert.Equal("infinity", G1Affine.Infinity.ToString());
        Assert.Equal("(1, 2)", G.ToString());
    }

    [Fact]
    public void IsOnCurve_and_negation()
    {
        var rng = new Random(108);
        G1Affine p = RandomG1(rng);
        Assert.True(p.IsOnCurve());
        Assert.True(G1Affine.Infinity.IsOnCurve());
        Assert.True(p.Negate().IsOnCurve());
        Assert.Equal(p.X, p.Negate().X);
        Assert.Equal(-p.Y, p.Negate().Y);
        Assert.True(G1Affine.Infinity.Negate().IsInfinity);
        Assert.False(new G1Affine(p.X, p.Y + Fq.One).IsOnCurve());
        Assert.False(new G1Affine(Fq.Zero, Fq.Zero).IsOnCurve());
        Assert.False(new G1Affine(Fq.FromUInt64(1), Fq.FromUInt64(3)).IsOnCurve());
        Assert.True(Scaled(p, Fq.Random(rng)).IsOnCurve());
        Assert.False(new G1Jacobian(p.X, p.Y + Fq.One, Fq.One).IsOnCurve());
    }
}
