// SPDX-License-Identifier: MIT
using System.Numerics;
using ZkOptions.Field.BabyJubjub;
using Jubjub = ZkOptions.Field.BabyJubjub.BabyJubjub;

namespace ZkOptions.Field.Tests.BabyJubjub;

/// <summary>
/// The limb scalars of BabyJubjub's hot paths against BigInteger: <see cref="Scalar256"/> conversions and bit reads,
/// <see cref="SubgroupScalar"/> (mod l) and the signed-digit recodings of <see cref="SignedDigits"/>.
/// </summary>
public sealed class ScalarArithmeticTests
{
    private static readonly BigInteger L = Jubjub.SubgroupOrder;
    private static readonly BigInteger Two256 = BigInteger.One << 256;

    /// <summary>Edge values below 2^256 around l, r, the limb boundaries and the top, and random ones of every size.</summary>
    private static IEnumerable<BigInteger> Scalars(int seed, int randomCount = 40)
    {
        var values = new List<BigInteger>
        {
            0, 1, 2, 7, 8, 15, 16, 17, L - 1, L, L + 1, 2 * L - 1, 2 * L, 8 * L - 1, 8 * L, Fr.Modulus - 1, Fr.Modulus,
            ulong.MaxValue, (BigInteger)ulong.MaxValue + 1, (BigInteger.One << 128) - 1, BigInteger.One << 128,
            (BigInteger.One << 192) - 1, BigInteger.One << 192, (BigInteger.One << 251) - 1, BigInteger.One << 251,
            BigInteger.One << 253, BigInteger.One << 254, (BigInteger.One << 255) + 1, Two256 - 1, Two256 - L,
        };
        var rng = new Random(seed);
        for (int i = 0; i < randomCount; i++)
        {
            var bytes = new byte[1 + rng.Next(32)];
            rng.NextBytes(bytes);
            values.Add(new BigInteger(bytes, isUnsigned: true));
        }
        return values;
    }

    private static Scalar256 Limbs(BigInteger v)
    {
        Assert.True(Scalar256.TryFromBigInteger(v, out Scalar256 s));
        return s;
    }

    [Fact]
    public void BigInteger_round_trips_and_the_range_is_0_to_2_to_the_256_exclusive()
    {
        foreach (BigInteger v in Scalars(1))
        {
            Assert.Equal(v, Limbs(v).ToBigInteger());
            Assert.Equal(v.IsZero, Limbs(v).IsZero);
        }
        Assert.False(Scalar256.TryFromBigInteger(Two256, out _));
        Assert.False(Scalar256.TryFromBigInteger(Two256 * 5 + 3, out _));
        Assert.False(Scalar256.TryFromBigInteger(-1, out _));
        Assert.False(Scalar256.TryFromBigInteger(-Two256 + 1, out _));
    }

    [Fact]
    public void FromFr_FromLittleEndian_LessThan_ShiftRight_and_Bits_agree_with_BigInteger()
    {
        var rng = new Random(2);
        List<BigInteger> values = Scalars(3).ToList();
        foreach (BigInteger v in values)
        {
            Scalar256 s = Limbs(v);
            if (v < Fr.Modulus)
            {
                Assert.Equal(s, Scalar256.FromFr(Fr.FromBigInteger(v)));
            }
            var bytes = new byte[32];
            v.TryWriteBytes(bytes, out _, isUnsigned: true);
            Assert.Equal(s, Scalar256.FromLittleEndian(bytes));
            foreach (int shift in new[] { 1, 3, 31, 63 })
            {
                Assert.Equal(v >> shift, s.ShiftRight(shift).ToBigInteger());
            }
            for (int i = 0; i < 40; i++)
            {
                int count = 1 + rng.Next(32);
                int position = rng.Next(300);
                BigInteger expected = (v >> position) & ((BigInteger.One << count) - 1);
                Assert.Equal((uint)expected, s.Bits(position, count));
            }
            Assert.Equal(v < L, SubgroupScalar.IsReduced(s));
            BigInteger w = values[rng.Next(values.Count)];
            Assert.Equal(v < w, Scalar256.LessThan(s, Limbs(w)));
        }
    }

    [Fact]
    public void Reduce_is_the_remainder_mod_l_for_256_and_512_bit_values()
    {
        Assert.Equal(L, SubgroupScalar.Order.ToBigInteger());
        List<BigInteger> values = Scalars(4).ToList();
        foreach (BigInteger lo in values)
        {
            Assert.Equal(lo % L, SubgroupScalar.Reduce(Limbs(lo)).ToBigInteger());
        }
        var rng = new Random(5);
        for (int i = 0; i < 200; i++)
        {
            BigInteger lo = values[rng.Next(values.Count)], hi = values[rng.Next(values.Count)];
            Assert.Equal((lo + (hi << 256)) % L, SubgroupScalar.Reduce(Limbs(lo), Limbs(hi)).ToBigInteger());
        }
        BigInteger max = Two256 - 1;
        Assert.Equal((max + (max << 256)) % L, SubgroupScalar.Reduce(Limbs(max), Limbs(max)).ToBigInteger());
    }

    [Fact]
    public void MultiplyAdd_is_a_times_b_plus_c_mod_l()
    {
        List<BigInteger> values = Scalars(6).ToList();
        var rng = new Random(7);
        for (int i = 0; i < 300; i++)
        {
            BigInteger a = values[rng.Next(values.Count)], b = values[rng.Next(values.Count)], c = values[rng.Next(values.Count)];
            Assert.Equal((a * b + c) % L, SubgroupScalar.MultiplyAdd(Limbs(a), Limbs(b), Limbs(c)).ToBigInteger());
        }
        BigInteger max = Two256 - 1;
        Assert.Equal((max * max + max) % L, SubgroupScalar.MultiplyAdd(Limbs(max), Limbs(max), Limbs(max)).ToBigInteger());
    }

    [Theory]
    [InlineData(2)]
    [InlineData(4)]
    [InlineData(5)]
    [InlineData(6)]
    [InlineData(8)]
    public void Wnaf_digits_sum_to_the_scalar_are_odd_bounded_and_sparse(int width)
    {
        Span<sbyte> digits = stackalloc sbyte[SignedDigits.MaxWnafLength];
        foreach (BigInteger k in Scalars(8))
        {
            int length = SignedDigits.Wnaf(Limbs(k), width, digits);
            BigInteger sum = 0;
            int lastNonZero = -width;
            for (int i = 0; i < SignedDigits.MaxWnafLength; i++)
            {
                int d = digits[i];
                if (d == 0)
                {
                    continue;
                }
                Assert.True(i < length);
                Assert.True((d & 1) == 1 && Math.Abs(d) < 1 << (width - 1), $"digit {d} at {i}");
                Assert.True(i - lastNonZero >= width, $"two non-zero digits within {width} positions at {i}");
                lastNonZero = i;
                sum += (BigInteger)d << i;
            }
            Assert.Equal(k, sum);
            Assert.Equal(k.IsZero ? 0 : lastNonZero + 1, length);
            if (length > 0)
            {
                Assert.True(digits[length - 1] > 0);
            }
        }
    }

    [Theory]
    [InlineData(4, 64)]
    [InlineData(6, 43)]
    [InlineData(7, 37)]
    [InlineData(8, 32)]
    public void Signed_windows_sum_to_the_scalar_for_every_scalar_below_2_to_the_251(int width, int windows)
    {
        Assert.True(width * windows - 2 >= 251);
        Span<sbyte> digits = stackalloc sbyte[windows];
        foreach (BigInteger k in Scalars(9).Where(v => v < BigInteger.One << 251).Append((BigInteger.One << 251) - 1).Append(L - 1))
        {
            SignedDigits.SignedWindows(Limbs(k), width, digits);
            BigInteger sum = 0;
            for (int j = 0; j < windows; j++)
            {
                Assert.InRange(digits[j], -(1 << (width - 1)), (1 << (width - 1)) - 1);
                sum += (BigInteger)digits[j] << (width * j);
            }
            Assert.Equal(k, sum);
        }
    }
}
