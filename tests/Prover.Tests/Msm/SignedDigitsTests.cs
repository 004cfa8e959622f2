// SPDX-License-Identifier: MIT
using System.Numerics;
using ZkOptions.Field;
using ZkOptions.Prover.Msm;

namespace ZkOptions.Prover.Tests.Msm;

public class SignedDigitsTests
{
    private static Fr[] EdgeAndRandomScalars()
    {
        BigInteger r = Fr.Modulus;
        var values = new List<BigInteger> { 0, 1, 2, r - 1, r - 2, (r - 1) / 2, (r + 1) / 2 };
        for (int bit = 0; bit < 254; bit += 7)
        {
            values.Add(BigInteger.One << bit);
            values.Add((BigInteger.One << bit) - 1);
        }
        var scalars = values.Select(v => Fr.FromBigInteger(v)).ToList();
        scalars.AddRange(TestScalars.Random(64, seed: 1));
        return [.. scalars];
    }

    [Fact]
    public void Digits_recombine_to_the_scalar_and_stay_in_range_for_every_window_size()
    {
        Fr[] scalars = EdgeAndRandomScalars();
        for (int c = SignedDigits.MinWindowBits; c <= SignedDigits.MaxWindowBits; c++)
        {
            SignedDigits digits = SignedDigits.Create(scalars, c, maxThreads: 2);
            Assert.Equal(scalars.Length, digits.Count);
            Assert.Equal((255 + c - 1) / c, digits.WindowCount);
            for (int i = 0; i < scalars.Length; i++)
            {
                BigInteger value = 0;
                for (int w = digits.WindowCount - 1; w >= 0; w--)
                {
                    int d = digits.Digit(i, w);
                    Assert.InRange(d, -(1 << (c - 1)) + 1, 1 << (c - 1));
                    Assert.True(Math.Abs(d) <= digits.MaxAbsDigit(w), $"c = {c}, window {w}: |{d}| > {digits.MaxAbsDigit(w)}");
                    value = (value << c) + d;
                }
                Assert.Equal(scalars[i].ToBigInteger(), value);
            }
        }
    }

    [Fact]
    public void Window_bits_outside_the_supported_range_are_rejected()
    {
        Fr[] scalars = [Fr.One];
        Assert.Throws<ArgumentOutOfRangeException>(() => SignedDigits.Create(scalars, SignedDigits.MinWindowBits - 1, 1));
        Assert.Throws<ArgumentOutOfRangeException>(() => SignedDigits.Create(scalars, SignedDigits.MaxWindowBits + 1, 1));
    }

    [Fact]
    public void The_window_size_grows_with_n_and_stays_in_range()
    {
        int previous = 0;
        for (int log = 0; log <= 28; log++)
        {
            int c = MsmWindowSize.For(1 << log);
            Assert.InRange(c, SignedDigits.MinWindowBits, MsmWindowSize.MaxWindowBits);
            Assert.True(c >= previous, $"n = 2^{log}: c = {c} < {previous}");
            previous = c;
        }
        Assert.True(MsmWindowSize.For(1 << 20) >= 14, "2^20 points need a wide window");
    }
}
