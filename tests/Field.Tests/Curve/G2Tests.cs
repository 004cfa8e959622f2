// SPDX-License-Identifier: MIT
using System.Numerics;
using ZkOptions.Field.Tests.Support;
using static ZkOptions.Field.Tests.Curve.TestPoints;

namespace ZkOptions.Field.Tests.Curve;

/// <summary>G2 (twist) arithmetic against the naive affine reference, ψ and the subgroup check.</summary>
public sealed class G2Tests
{
    private static readonly G2Affine G = G2Affine.Generator;

    private static Fq2 RandomFq2(Random rng) => new(Fq.Random(rng), Fq.Random(rng));

    /// <summary>The slow, obviously right subgroup test: [r]P = O.</summary>
    private static bool IsInSubgroupSlow(G2Affine p) => G2Jacobian.ScalarMul(p, Limbs(Fr.Modulus)).IsInfinity;

    [Fact]
    public void Add_Double_AddMixed_match_reference_with_random_Z()
    {
        var rng = new Random(201);
        // Twist points outside G2 exercise the same formulas and are cheap to make.
        for (int i = 0; i < 8; i++)
        {
            G2Affine p = RandomTwistPoint(rng), q = i == 0 ? G : RandomTwistPoint(rng);
            G2Jacobian pj = Scaled(p, RandomFq2(rng)), qj = Scaled(q, RandomFq2(rng));
            G2Affine expectedSum = ReferenceCurve.Add(p, q);
            G2Jacobian.Add(pj, qj, out G2Jacobian sum);
            Assert.Equal(expectedSum, sum.ToAffine());
            G2Jacobian.AddMixed(pj, q, out G2Jacobian mixed);
            Assert.Equal(expectedSum, mixed.ToAffine());
            G2Jacobian.Double(pj, out G2Jacobian twice);
            Assert.Equal(ReferenceCurve.Add(p, p), twice.ToAffine());
            Assert.True(sum.IsOnCurve() && twice.IsOnCurve() && mixed.IsOnCurve());
        }
    }

    [Fact]
    public void Special_cases_of_addition()
    {
        var rng = new Random(202);
        G2Affine p = RandomTwistPoint(rng);
        G2Jacobian pj = Scaled(p, RandomFq2(rng)), pj2 = Scaled(p, RandomFq2(rng));
        G2Jacobian o = G2Jacobian.Infinity;
        G2Affine twoP = ReferenceCurve.Add(p, p);
        Assert.Equal(twoP, (pj + pj2).ToAffine());
        Assert.Equal(twoP, (pj + p).ToAffine());
        Assert.True((pj + (-pj2)).IsInfinity);
        Assert.True((pj + p.Negate()).IsInfinity);
        Assert.Equal(p, (pj + o).ToAffine());
        Assert.Equal(p, (o + pj).ToAffine());
        Assert.True((o + o).IsInfinity);
        Assert.Equal(p, (o + p).ToAffine());
        Assert.Equal(p, (pj + G2Affine.Infinity).ToAffine());
        G2Jacobian.Double(o, out G2Jacobian d);
        Assert.True(d.IsInfinity);
        Assert.Equal(pj, pj2);
        Assert.Equal(pj.GetHashCode(), pj2.GetHashCode());
        Assert.NotEqual(pj, -pj);
        Assert.True(G2Affine.Infinity == G2Affine.Infinity);
        Assert.False(G2Affine.Infinity == new G2Affine(Fq2.Zero, Fq2.Zero));
    }

    [Fact]
    public void ScalarMul_matches_reference_for_edge_scalars()
    {
        G2Affine p = ReferenceCurve.Mul(G, 987654321);
        foreach (BigInteger k in EdgeScalars(203).Take(11))
        {
            G2Affine expected = ReferenceCurve.Mul(p, k);
            Assert.Equal(expected, G2Jacobian.ScalarMul(p, Limbs(k)).ToAffine());
            Assert.Equal(expected, G2Jacobian.ScalarMul(p, Fr.FromBigInteger(k)).ToAffine());
        }
        // Outside the subgroup the limb overload must not reduce mod r.
        var rng = new Random(204);
        G2Affine t = RandomTwistPoint(rng);
        BigInteger big = Fr.Modulus + 12345;
        Assert.Equal(ReferenceCurve.Mul(t, big), G2Jacobian.ScalarMul(t, Limbs(big)).ToAffine());
        Assert.NotEqual(ReferenceCurve.Mul(t, 12345), G2Jacobian.ScalarMul(t, Limbs(big)).ToAffine());
    }

    [Fact]
    public void Generator_has_order_r_and_MultiScalarMul_matches()
    {
        Assert.True(IsInSubgroupSlow(G));
        Assert.Equal(G.Negate(), G2Jacobian.ScalarMul(G, Fr.FromBigInteger(Fr.Modulus - 1)).ToAffine());
        var rng = new Random(205);
        var points = new G2Affine[4];
        var scalars = new Fr[4];
        G2Jacobian expected = G2Jacobian.Infinity;
        for (int i = 0; i < points.Length; i++)
        {
            points[i] = i == 1 ? G2Affine.Infinity : G2Jacobian.ScalarMul(G, Fr.Random(rng)).ToAffine();
            scalars[i] = i == 2 ? Fr.Zero : Fr.Random(rng);
            expected += G2Jacobian.ScalarMul(points[i], scalars[i]);
        }
        Assert.Equal(expected, G2Jacobian.MultiScalarMul(points, scalars));
        Assert.True(G2Jacobian.MultiScalarMul([], []).IsInfinity);
    }

    [Fact]
    public void BatchToAffine_matches_ToAffine()
    {
        var rng = new Random(206);
        G2Jacobian[] jac = [Scaled(RandomTwistPoint(rng), RandomFq2(rng)), G2Jacobian.Infinity, Scaled(G, RandomFq2(rng))];
        var affine = new G2Affine[3];
        G2Jacobian.BatchToAffine(jac, affine);
        for (int i = 0; i < jac.Length; i++)
        {
            Assert.Equal(jac[i].ToAffine(), affine[i]);
        }
    }

    [Fact]
    public void Psi_acts_as_multiplication_by_p_on_G2()
    {
        var rng = new Random(207);
        BigInteger sixX0Squared = 6 * (BigInteger)G2Affine.SeedX0 * G2Affine.SeedX0;
        Assert.Equal(Fq.Modulus % Fr.Modulus, sixX0Squared % Fr.Modulus);
        for (int i = 0; i < 2; i++)
        {
            G2Affine p = G2Jacobian.ScalarMul(G, Fr.Random(rng)).ToAffine();
            G2Affine.Psi(G2Jacobian.FromAffine(p), out G2Jacobian psi);
            Assert.Equal(G2Jacobian.ScalarMul(p, Limbs(Fq.Modulus % Fr.Modulus)), psi);
            Assert.True(psi.ToAffine().IsOnCurve());
        }
    }

    [Fact]
    public void IsInSubgroup_agrees_with_r_times_P()
    {
        var rng = new Random(208);
        G2Affine inG2 = G2Jacobian.ScalarMul(G, Fr.Random(rng)).ToAffine();
        Assert.True(inG2.IsInSubgroup());
        Assert.True(IsInSubgroupSlow(inG2));
        Assert.True(G.IsInSubgroup());
        Assert.True(G2Affine.Infinity.IsInSubgroup());
        for (int i = 0; i < 3; i++)
        {
            G2Affine t = RandomTwistPoint(rng);
            Assert.True(t.IsOnCurve());
            Assert.False(t.IsInSubgroup());
            Assert.False(IsInSubgroupSlow(t));
        }
        // A valid point with real and imaginary parts swapped (a classic encoding mistake) is rejected.
        var swapped = new G2Affine(new Fq2(G.X.C1, G.X.C0), new Fq2(G.Y.C1, G.Y.C0));
        Assert.False(swapped.IsOnCurve() && swapped.IsInSubgroup());
        Assert.False(swapped.IsInSubgroup());
        // Off the twist: false, not an exception.
        Assert.False(new G2Affine(G.X, G.Y + Fq2.One).IsInSubgroup());
        Assert.False(new G2Affine(G.X, G.Y + Fq2.One).IsOnCurve());
    }

    [Fact]
    public void Cofactor_cleared_twist_point_is_in_G2()
    {
        // [2p − r]T lands in G2 for any twist point T: a positive subgroup case not built from the generator.
        var rng = new Random(209);
        G2Affine t = RandomTwistPoint(rng);
        G2Affine cleared = G2Jacobian.ScalarMul(t, Limbs(2 * Fq.Modulus - Fr.Modulus)).ToAffine();
        Assert.False(cleared.IsInfinity);
        Assert.True(cleared.IsInSubgroup());
        Assert.True(IsInSubgroupSlow(cleared));
    }
}
