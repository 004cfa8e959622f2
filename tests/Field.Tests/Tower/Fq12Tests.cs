// SPDX-License-Identifier: MIT
using System.Numerics;
using ZkOptions.Field.Tests.Support;

namespace ZkOptions.Field.Tests.Tower;

public class Fq12Tests
{
    [Theory]
    [InlineData(11)]
    [InlineData(12)]
    public void RingLaws(int seed)
    {
        var rng = new Random(seed);
        Fq12 a = TowerOracle.RandomFq12(rng), b = TowerOracle.RandomFq12(rng), c = TowerOracle.RandomFq12(rng);
        Assert.Equal(a * b, b * a);
        Assert.Equal((a * b) * c, a * (b * c));
        Assert.Equal(a * (b + c), a * b + a * c);
        Assert.Equal(a + b - b, a);
        Assert.Equal(Fq12.Zero, a + (-a));
        Assert.Equal(a, a * Fq12.One);
        Assert.True(Fq12.One.IsOne);
        Assert.False(a.IsOne);
    }

    [Theory]
    [InlineData(13)]
    [InlineData(14)]
    public void SquareAndInverse(int seed)
    {
        var rng = new Random(seed);
        Fq12 a = TowerOracle.RandomFq12(rng);
        Assert.Equal(a * a, a.Square());
        Assert.Equal(Fq12.One, a * a.Inverse());
        Assert.Throws<DivideByZeroException>(() => Fq12.Zero.Inverse());
    }

    [Fact]
    public void WSquaredIsV()
    {
        var w = new Fq12(Fq6.Zero, Fq6.One);
        Assert.Equal(new Fq12(new Fq6(Fq2.Zero, Fq2.One, Fq2.Zero), Fq6.Zero), w * w);
    }

    [Fact]
    public void FrobeniusMapsArePowers()
    {
        var rng = new Random(15);
        Fq12 a = TowerOracle.RandomFq12(rng);
        BigInteger p = TowerOracle.P;
        Fq12.Frobenius(in a, out Fq12 f1);
        Assert.Equal(TowerOracle.Pow(a, p), f1);
        Fq12.Frobenius(in f1, out Fq12 f11);
        Fq12.FrobeniusSquare(in a, out Fq12 f2);
        Assert.Equal(f11, f2);
        Fq12.Frobenius(in f2, out Fq12 f21);
        Fq12.FrobeniusCube(in a, out Fq12 f3);
        Assert.Equal(f21, f3);
        // Conjugation is the p⁶-power map: three more cubes of Frobenius.
        Fq12.FrobeniusCube(in f3, out Fq12 f6);
        Fq12.Conjugate(in a, out Fq12 conj);
        Assert.Equal(f6, conj);
        Fq12.FrobeniusSquare(in f6, out Fq12 f8);
        Fq12.FrobeniusSquare(in f8, out Fq12 f10);
        Fq12.FrobeniusSquare(in f10, out Fq12 f12);
        Assert.Equal(a, f12);
    }

    [Fact]
    public void FrobeniusConstantsRecomputed()
    {
        // γ_{j,k} = ξ^(k(p^j − 1)/6): check the defining relation γ_{j,1}⁶ = ξ^(p^j − 1) independently.
        BigInteger p = TowerOracle.P;
        Fq2 xi = Fq2.NonResidue;
        Fq2 xiInv = xi.Inverse();
        Fq2 xiP = new(xi.C0, -xi.C1); // ξ^p = conj(ξ)
        Fq2 g11 = FrobeniusConstants.Gamma1[1];
        Assert.Equal(xiP * xiInv, g11 * g11 * g11 * g11 * g11 * g11);
        for (int k = 0; k < 6; k++)
        {
            Fq2 expected = Fq2.One;
            for (int i = 0; i < k; i++) expected *= g11;
            Assert.Equal(expected, FrobeniusConstants.Gamma1[k]);
        }
        // p² fixes ξ's Fq2, so γ_{2,1} = N(γ_{1,1}) = γ_{1,1}^(p+1) ∈ Fq; γ_{3,1} = γ_{1,1}^(p² + p + 1).
        Fq2 g11p = new(g11.C0, -g11.C1);
        Assert.Equal(new Fq2(FrobeniusConstants.Gamma2[1], Fq.Zero), g11 * g11p);
        Assert.Equal(FrobeniusConstants.Gamma1[1] * g11p * g11, FrobeniusConstants.Gamma3[1]);
        // γ_{2,3} = ξ^((p² − 1)/2) = −1 because ξ is not a square in Fq2 (used for −π²(Q)).
        Assert.Equal(-Fq.One, FrobeniusConstants.Gamma2[3]);
        // A few spot values of the well-known table (gnark-crypto's MulByNonResidue2Power2 constant, γ_{2,2}).
        Assert.Equal(
            Fq.Parse("21888242871839275220042445260109153167277707414472061641714758635765020556616"),
            FrobeniusConstants.Gamma2[2]);
    }

    [Fact]
    public void CyclotomicSquareMatchesSquare()
    {
        var rng = new Random(16);
        Fq12 c = TowerOracle.RandomCyclotomic(rng);
        Fq12.CyclotomicSquare(in c, out Fq12 sq);
        Assert.Equal(c * c, sq);
        Fq12.CyclotomicSquare(in sq, out Fq12 sq2);
        Assert.Equal(sq * sq, sq2);
        // Conjugate inverts on the subgroup.
        Fq12.Conjugate(in c, out Fq12 conj);
        Assert.Equal(Fq12.One, c * conj);
    }

    [Fact]
    public void ExpByXMatchesPow()
    {
        var rng = new Random(17);
        Fq12 c = TowerOracle.RandomCyclotomic(rng);
        Fq12.CyclotomicExpByX(in c, out Fq12 cx);
        Assert.Equal(TowerOracle.Pow(c, Fq12.BnX), cx);
    }

    [Fact]
    public void NafDigitsAreSignedBinaryOfTheScalar()
    {
        foreach (BigInteger value in new[] { new BigInteger(Fq12.BnX), 6 * new BigInteger(Fq12.BnX) + 2, BigInteger.One, new BigInteger(7) })
        {
            sbyte[] naf = Naf.Of(value);
            BigInteger sum = 0;
            for (int i = naf.Length - 1; i >= 0; i--) sum = 2 * sum + naf[i];
            Assert.Equal(value, sum);
            Assert.Equal(1, naf[^1]);
            for (int i = 0; i + 1 < naf.Length; i++) Assert.True(naf[i] == 0 || naf[i + 1] == 0);
        }
        Assert.Equal(66, Naf.Of(6 * new BigInteger(Fq12.BnX) + 2).Length);
    }

    [Theory]
    [InlineData(2)]
    [InlineData(4)]
    [InlineData(5)]
    public void WindowedNafDigitsAreOddAndSpaced(int width)
    {
        foreach (BigInteger value in new[] { new BigInteger(Fq12.BnX), new BigInteger(0xFFFF), new BigInteger(1) })
        {
            sbyte[] digits = Naf.Windowed(value, width);
            BigInteger sum = 0;
            for (int i = digits.Length - 1; i >= 0; i--) sum = 2 * sum + digits[i];
            Assert.Equal(value, sum);
            Assert.True(digits[^1] > 0);
            for (int i = 0; i < digits.Length; i++)
            {
                if (digits[i] == 0) continue;
                Assert.True(digits[i] % 2 != 0 && Math.Abs((int)digits[i]) < 1 << (width - 1));
                for (int j = i + 1; j < Math.Min(i + width, digits.Length); j++) Assert.Equal(0, digits[j]);
            }
        }
    }

    [Fact]
    public void SparseLineProductsMatchFullProduct()
    {
        var rng = new Random(18);
        Fq12 a = TowerOracle.RandomFq12(rng);
        Fq2 c0 = TowerOracle.RandomFq2(rng), c3 = TowerOracle.RandomFq2(rng), c4 = TowerOracle.RandomFq2(rng);
        Fq2 d0 = TowerOracle.RandomFq2(rng), d3 = TowerOracle.RandomFq2(rng), d4 = TowerOracle.RandomFq2(rng);
        var lineC = new Fq12(new Fq6(c0, Fq2.Zero, Fq2.Zero), new Fq6(c3, c4, Fq2.Zero));
        var lineD = new Fq12(new Fq6(d0, Fq2.Zero, Fq2.Zero), new Fq6(d3, d4, Fq2.Zero));

        Fq12.MulBy034(in a, in c0, in c3, in c4, out Fq12 m);
        Assert.Equal(a * lineC, m);

        Fq12.Mul034By034(in d0, in d3, in d4, in c0, in c3, in c4, out Fq6 lo, out Fq2 r3, out Fq2 r4);
        Assert.Equal(lineD * lineC, new Fq12(lo, new Fq6(r3, r4, Fq2.Zero)));
        Fq12.MulBy01234(in a, in lo, in r3, in r4, out Fq12 m2);
        Assert.Equal(a * lineC * lineD, m2);
    }
}
