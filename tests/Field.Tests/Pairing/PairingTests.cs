// SPDX-License-Identifier: MIT
using System.Numerics;
using ZkOptions.Field.Tests.Support;

namespace ZkOptions.Field.Tests.Pairing;

using Pairing = ZkOptions.Field.Pairing;

public class PairingTests
{
    private static readonly G1Affine P = G1Affine.Generator;
    private static readonly G2Affine Q = G2Affine.Generator;
    private static readonly BigInteger R = TowerOracle.R;

    private static readonly Lazy<Fq12> Gt = new(() => Pairing.Pair(P, Q));

    private static BigInteger RandomScalar(Random rng)
    {
        var bytes = new byte[40];
        rng.NextBytes(bytes);
        bytes[^1] = 0;
        return new BigInteger(bytes) % R;
    }

    private static G1Affine Neg(G1Affine p) => new(p.X, -p.Y);

    [Fact]
    public void NonDegenerateAndOfOrderR()
    {
        Fq12 e = Gt.Value;
        Assert.False(e.IsOne);
        Assert.True(TowerOracle.Pow(e, R).IsOne);
    }

    [Fact]
    public void FinalExponentiationIsTheStandardPower()
    {
        // Exactly f^((p¹² − 1)/r), not a fixed power of it.
        Fq12 f = Pairing.MillerLoop([P], [Q]);
        BigInteger e = (BigInteger.Pow(TowerOracle.P, 12) - 1) / R;
        Assert.Equal(TowerOracle.Pow(f, e), Pairing.FinalExponentiation(f));

        var rng = new Random(21);
        Fq12 g = TowerOracle.RandomFq12(rng);
        Assert.Equal(TowerOracle.Pow(g, e), Pairing.FinalExponentiation(g));
    }

    [Theory]
    [InlineData(31)]
    [InlineData(32)]
    public void Bilinear(int seed)
    {
        var rng = new Random(seed);
        BigInteger a = RandomScalar(rng), b = RandomScalar(rng);
        BigInteger ab = a * b % R;
        G1Affine aP = ReferenceCurve.Mul(P, a);
        G2Affine bQ = ReferenceCurve.Mul(Q, b);
        Fq12 expected = TowerOracle.Pow(Gt.Value, ab);
        Assert.Equal(expected, Pairing.Pair(aP, bQ));
        Assert.Equal(expected, Pairing.Pair(ReferenceCurve.Mul(P, ab), Q));
        Assert.Equal(expected, Pairing.Pair(P, ReferenceCurve.Mul(Q, ab)));
    }

    [Fact]
    public void ProductWithNegationIsOne()
    {
        Assert.True(Pairing.ProductIsOne([P, Neg(P)], [Q, Q]));
        Assert.False(Pairing.ProductIsOne([P, P], [Q, Q]));
        Assert.False(Pairing.ProductIsOne([P], [Q]));
    }

    [Fact]
    public void FourPairProducts()
    {
        var rng = new Random(41);
        BigInteger a = RandomScalar(rng), b = RandomScalar(rng), c = RandomScalar(rng);
        G1Affine aP = ReferenceCurve.Mul(P, a);
        G1Affine bP = ReferenceCurve.Mul(P, b);
        G1Affine cP = ReferenceCurve.Mul(P, c);
        G2Affine cQ = ReferenceCurve.Mul(Q, c);
        G1Affine minusAbP = ReferenceCurve.Mul(P, R - (a + b) % R);

        // e(aP, cQ)·e(bP, cQ)·e(−(a+b)P, cQ)·e(∞, Q) = 1, with an odd number of live pairs.
        Assert.True(Pairing.ProductIsOne([aP, bP, minusAbP, G1Affine.Infinity], [cQ, cQ, cQ, Q]));
        // e(aP, cQ)·e(−cP, aQ)... four live pairs: e(aP, Q)·e(bP, cQ)·e(−P, aQ)·e(−cP, bQ) = 1.
        G2Affine aQ = ReferenceCurve.Mul(Q, a);
        G2Affine bQ = ReferenceCurve.Mul(Q, b);
        Assert.True(Pairing.ProductIsOne([aP, bP, Neg(P), Neg(cP)], [Q, cQ, aQ, bQ]));
        // Perturbing any one pair breaks it.
        Assert.False(Pairing.ProductIsOne([aP, bP, P, Neg(cP)], [Q, cQ, aQ, bQ]));
        Assert.False(Pairing.ProductIsOne([aP, bP, Neg(P), Neg(cP)], [Q, cQ, aQ, cQ]));
        Assert.False(Pairing.ProductIsOne([aP, bP, minusAbP, P], [cQ, cQ, cQ, Q]));
    }

    [Fact]
    public void MultiPairMillerLoopIsProductOfSingles()
    {
        var rng = new Random(42);
        G1Affine p1 = ReferenceCurve.Mul(P, RandomScalar(rng));
        G2Affine q1 = ReferenceCurve.Mul(Q, RandomScalar(rng));
        G1Affine p2 = ReferenceCurve.Mul(P, RandomScalar(rng));
        Fq12 joint = Pairing.FinalExponentiation(Pairing.MillerLoop([P, p1, p2], [Q, q1, Q]));
        Assert.Equal(Gt.Value * Pairing.Pair(p1, q1) * Pairing.Pair(p2, Q), joint);
    }

    [Fact]
    public void InfinityPairsAreSkipped()
    {
        Assert.True(Pairing.Pair(G1Affine.Infinity, Q).IsOne);
        Assert.True(Pairing.Pair(P, G2Affine.Infinity).IsOne);
        Assert.True(Pairing.ProductIsOne([G1Affine.Infinity, P], [Q, G2Affine.Infinity]));
        Assert.Equal(Gt.Value, Pairing.FinalExponentiation(
            Pairing.MillerLoop([G1Affine.Infinity, P, P], [Q, Q, G2Affine.Infinity])));
    }

    [Fact]
    public void EmptyProductIsOne()
    {
        Assert.True(Pairing.ProductIsOne([], []));
        Assert.True(Pairing.MillerLoop([], []).IsOne);
    }

    [Fact]
    public void LengthMismatchThrows()
    {
        Assert.Throws<ArgumentException>(() => Pairing.ProductIsOne([P, P], [Q]));
        Assert.Throws<ArgumentException>(() => Pairing.MillerLoop([P], []));
    }

    [Fact]
    public void ManyPairsUseTheHeapPathCorrectly()
    {
        // 18 pairs exceed the stack buffer: Σ (e(P,Q)·e(−P,Q)) over 9 copies.
        var ps = new G1Affine[18];
        var qs = new G2Affine[18];
        for (int i = 0; i < 18; i += 2)
        {
            ps[i] = P;
            ps[i + 1] = Neg(P);
            qs[i] = qs[i + 1] = Q;
        }
        Assert.True(Pairing.ProductIsOne(ps, qs));
        ps[17] = P;
        Assert.False(Pairing.ProductIsOne(ps, qs));
    }
}
