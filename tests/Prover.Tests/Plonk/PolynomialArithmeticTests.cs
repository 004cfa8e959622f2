// SPDX-License-Identifier: MIT
using ZkOptions.Field;
using ZkOptions.Prover.Polynomials;

namespace ZkOptions.Prover.Tests.Plonk;

public sealed class PolynomialArithmeticTests
{
    private static Fr[] RandomPoly(int length, int seed)
    {
        var rng = new Random(seed);
        return [.. Enumerable.Range(0, length).Select(_ => Fr.Random(rng))];
    }

    private static Fr Naive(Fr[] p, Fr x)
    {
        Fr acc = Fr.Zero, power = Fr.One;
        foreach (var c in p)
        {
            acc += c * power;
            power *= x;
        }
        return acc;
    }

    [Theory]
    [InlineData(1)]
    [InlineData(5)]
    [InlineData(40_000)] // takes the parallel chunked path
    public void EvaluateMatchesTheDefinition(int length)
    {
        var p = RandomPoly(length, length);
        Fr x = Fr.FromUInt64(123456789);
        Assert.Equal(Naive(p, x), PolynomialArithmetic.Evaluate(p, x));
    }

    [Fact]
    public void DivideByLinearGivesQuotientAndRemainder()
    {
        var p = RandomPoly(9, 1);
        Fr z = Fr.FromUInt64(17), x = Fr.FromUInt64(5);
        var q = (Fr[])p.Clone();
        Fr remainder = PolynomialArithmetic.DivideByLinear(q, z);
        Assert.Equal(Naive(p, z), remainder);
        Assert.True(q[^1].IsZero);
        // p(x) = q(x)(x − z) + p(z)
        Assert.Equal(Naive(p, x), Naive(q, x) * (x - z) + remainder);
    }

    [Fact]
    public void DivideByVanishingInvertsMultiplication()
    {
        int n = 8;
        var q = RandomPoly(3 * n, 2);
        var p = new Fr[4 * n];
        for (int i = 0; i < q.Length; i++)
        {
            p[i] -= q[i];
            p[i + n] += q[i];
        }
        Assert.True(PolynomialArithmetic.DivideByVanishing(p, n));
        Assert.Equal(q, p[..(3 * n)]);
        Assert.All(p[(3 * n)..], c => Assert.True(c.IsZero));
    }

    [Fact]
    public void DivideByVanishingReportsARemainder()
    {
        int n = 8;
        var p = new Fr[4 * n];
        p[3] = Fr.One; // X^3 is not a multiple of X^8 − 1
        Assert.False(PolynomialArithmetic.DivideByVanishing(p, n));
    }
}
