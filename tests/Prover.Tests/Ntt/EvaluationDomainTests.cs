// SPDX-License-Identifier: MIT
using ZkOptions.Field;
using ZkOptions.Prover.Polynomials;

namespace ZkOptions.Prover.Tests.Ntt;

public class EvaluationDomainTests
{
    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(10)]
    [InlineData(27)]
    [InlineData(28)]
    public void Generator_is_a_primitive_root_with_the_right_inverses(int log2n)
    {
        var d = EvaluationDomain.Get(log2n);
        Assert.Equal(1 << log2n, d.Size);
        Assert.Equal(log2n, d.Log2Size);
        Assert.Equal(NttReference.RootOfUnity(d.Size), d.Generator);
        Assert.Equal(Fr.One, d.Generator * d.GeneratorInverse);
        Assert.Equal(Fr.One, d.SizeInverse * Fr.FromUInt64((ulong)d.Size));
        Fr.Pow(d.Generator, (ulong)d.Size, out Fr full);
        Assert.Equal(Fr.One, full);
        if (log2n > 0)
        {
            Fr.Pow(d.Generator, (ulong)d.Size / 2, out Fr half);
            Assert.Equal(-Fr.One, half);
        }
    }

    [Fact]
    public void Get_caches_and_ForSize_validates()
    {
        Assert.Same(EvaluationDomain.Get(5), EvaluationDomain.ForSize(32));
        Assert.Throws<ArgumentOutOfRangeException>(() => EvaluationDomain.ForSize(0));
        Assert.Throws<ArgumentOutOfRangeException>(() => EvaluationDomain.ForSize(12));
        Assert.Throws<ArgumentOutOfRangeException>(() => EvaluationDomain.ForSize(1 << 29));
        Assert.Throws<ArgumentOutOfRangeException>(() => EvaluationDomain.Get(29));
        Assert.Throws<ArgumentOutOfRangeException>(() => EvaluationDomain.Get(-1));
    }

    [Fact]
    public void Elements_twiddles_and_vanishing_polynomial()
    {
        var d = EvaluationDomain.Get(6);
        Fr power = Fr.One;
        for (int i = 0; i < d.Size; i++)
        {
            Assert.Equal(power, d.Element(i));
            Assert.Equal(power, d.Element(i + 3L * d.Size));
            Assert.True(d.VanishingAt(power).IsZero);
            if (i < d.Size / 2)
            {
                Assert.Equal(power, d.Twiddles[i]);
                Assert.Equal(Fr.One, d.InverseTwiddles[i] * power);
            }
            power *= d.Generator;
        }
        Assert.Equal(d.Size / 2, d.Twiddles.Length);
        Assert.Equal(0, EvaluationDomain.Get(0).Twiddles.Length);

        var rng = new Random(7);
        for (int t = 0; t < 5; t++)
        {
            Fr x = Fr.Random(rng);
            Fr.Pow(in x, (ulong)d.Size, out Fr xn);
            Assert.Equal(xn - Fr.One, d.VanishingAt(x));
            Assert.False(d.VanishingAt(x).IsZero);
        }
    }

    [Fact]
    public void Bit_reversal()
    {
        Assert.Equal(0, BitReversal.Reverse(0, 0));
        Assert.Equal(0b1101, BitReversal.Reverse(0b1011, 4));
        Assert.Equal(1 << 27, BitReversal.Reverse(1, 28));
        int[] values = [0, 1, 2, 3, 4, 5, 6, 7];
        BitReversal.Permute<int>(values);
        Assert.Equal([0, 4, 2, 6, 1, 5, 3, 7], values);
        Assert.Throws<ArgumentException>(() => BitReversal.Permute<int>(new int[6]));
    }
}
