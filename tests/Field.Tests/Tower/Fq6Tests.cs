// SPDX-License-Identifier: MIT
using ZkOptions.Field.Tests.Support;

namespace ZkOptions.Field.Tests.Tower;

public class Fq6Tests
{
    private static readonly Fq2 V2 = Fq2.Zero;

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    public void RingLaws(int seed)
    {
        var rng = new Random(seed);
        Fq6 a = TowerOracle.RandomFq6(rng), b = TowerOracle.RandomFq6(rng), c = TowerOracle.RandomFq6(rng);
        Assert.Equal(a * b, b * a);
        Assert.Equal((a * b) * c, a * (b * c));
        Assert.Equal(a * (b + c), a * b + a * c);
        Assert.Equal(a + b - b, a);
        Assert.Equal(a + (-a), Fq6.Zero);
        Assert.Equal(a * Fq6.One, a);
        Fq6.Double(in a, out Fq6 d);
        Assert.Equal(a + a, d);
    }

    [Theory]
    [InlineData(4)]
    [InlineData(5)]
    public void SquareAndInverse(int seed)
    {
        var rng = new Random(seed);
        Fq6 a = TowerOracle.RandomFq6(rng);
        Assert.Equal(a * a, a.Square());
        Assert.Equal(Fq6.One, a * a.Inverse());
        Assert.Throws<DivideByZeroException>(() => Fq6.Zero.Inverse());
        Fq6.Inverse(Fq6.Zero, out Fq6 z);
        Assert.True(z.IsZero);
    }

    [Fact]
    public void VCubedIsXi()
    {
        var v = new Fq6(Fq2.Zero, Fq2.One, Fq2.Zero);
        Assert.Equal(new Fq6(Fq2.NonResidue, Fq2.Zero, Fq2.Zero), v * v * v);
    }

    [Fact]
    public void SparseProductsMatchFullProduct()
    {
        var rng = new Random(6);
        Fq6 a = TowerOracle.RandomFq6(rng);
        Fq2 b0 = TowerOracle.RandomFq2(rng), b1 = TowerOracle.RandomFq2(rng);
        var v = new Fq6(Fq2.Zero, Fq2.One, Fq2.Zero);

        Fq6.MulByNonResidue(in a, out Fq6 av);
        Assert.Equal(a * v, av);
        Fq6.MulBy01(in a, in b0, in b1, out Fq6 m01);
        Assert.Equal(a * new Fq6(b0, b1, V2), m01);
        Fq6.MulBy1(in a, in b1, out Fq6 m1);
        Assert.Equal(a * new Fq6(Fq2.Zero, b1, Fq2.Zero), m1);
        Fq6.MulByFq2(in a, in b0, out Fq6 mk);
        Assert.Equal(a * new Fq6(b0, Fq2.Zero, Fq2.Zero), mk);
    }

    [Fact]
    public void FrobeniusIsPowerP()
    {
        var rng = new Random(7);
        Fq6 a = TowerOracle.RandomFq6(rng);
        Fq6.Frobenius(in a, out Fq6 f1);
        Assert.Equal(TowerOracle.Pow(a, TowerOracle.P), f1);
        Fq6.FrobeniusSquare(in a, out Fq6 f2);
        Fq6.Frobenius(in f1, out Fq6 f11);
        Assert.Equal(f11, f2);
        Assert.NotEqual(a, f1);
    }
}
