// SPDX-License-Identifier: MIT
using System.Numerics;
using ZkOptions.Field.Tests.Support;

namespace ZkOptions.Field.Tests.Fields;

/// <summary>
/// The laws every prime field must satisfy, written once and checked for <see cref="Fr"/> and <see cref="Fq"/>
/// with <see cref="BigInteger"/> as the oracle on edge values (0, 1, q−1, limb boundaries) and seeded random values.
/// </summary>
public abstract class PrimeFieldContractTests<T> where T : struct, IPrimeField<T>
{
    private static readonly BigInteger Q = T.Modulus;
    private static readonly IReadOnlyList<BigInteger> Values = EdgeValues.For(Q);

    private static T E(BigInteger v) => T.FromBigInteger(v);

    [Fact]
    public void Binary_operations_match_BigInteger_on_every_pair_of_edge_values()
    {
        foreach (var a in Values)
        {
            foreach (var b in Values)
            {
                T x = E(a), y = E(b);
                T.Add(in x, in y, out T sum);
                T.Sub(in x, in y, out T diff);
                T.Mul(in x, in y, out T prod);
                Assert.Equal(EdgeValues.Mod(a + b, Q), sum.ToBigInteger());
                Assert.Equal(EdgeValues.Mod(a - b, Q), diff.ToBigInteger());
                Assert.Equal(EdgeValues.Mod(a * b, Q), prod.ToBigInteger());
            }
        }
    }

    [Fact]
    public void Unary_operations_match_BigInteger()
    {
        foreach (var a in Values)
        {
            T x = E(a);
            Assert.Equal(a % Q, x.ToBigInteger());
            T.Neg(in x, out T neg);
            T.Double(in x, out T dbl);
            T.Square(in x, out T sq);
            Assert.Equal(EdgeValues.Mod(-a, Q), neg.ToBigInteger());
            Assert.Equal(EdgeValues.Mod(2 * a, Q), dbl.ToBigInteger());
            Assert.Equal(EdgeValues.Mod(a * a, Q), sq.ToBigInteger());
            Assert.Equal(a.IsZero ? 0 : (BigInteger.ModPow(a, (Q - 1) / 2, Q).IsOne ? 1 : -1), x.Legendre());
            if (a % Q == 0)
            {
                Assert.False(T.TryInverse(in x, out T z));
                Assert.True(z.IsZero);
            }
            else
            {
                Assert.True(T.TryInverse(in x, out T inv));
                Assert.Equal(BigInteger.ModPow(a, Q - 2, Q), inv.ToBigInteger());
            }
        }
    }

    [Fact]
    public void Aliasing_the_output_with_an_input_gives_the_same_result()
    {
        T x = E(Values[^1]), y = E(Values[^2]);
        T.Mul(in x, in y, out T expected);
        T a = x;
        T.Mul(in a, in y, out a);
        Assert.Equal(expected, a);
        T b = y;
        T.Mul(in x, in b, out b);
        Assert.Equal(expected, b);
        T s = x;
        T.Square(in s, out s);
        T.Mul(in x, in x, out T sq);
        Assert.Equal(sq, s);
    }

    [Fact]
    public void Square_roots_square_back_and_non_residues_have_none()
    {
        int squares = 0, nonSquares = 0;
        foreach (var a in Values)
        {
            T x = E(a);
            bool isSquare = x.Legendre() >= 0;
            Assert.Equal(isSquare, T.TrySqrt(in x, out T root));
            if (isSquare)
            {
                T.Square(in root, out T back);
                Assert.Equal(x, back);
                squares++;
            }
            else
            {
                nonSquares++;
            }
        }
        Assert.True(squares > 5 && nonSquares > 5, $"edge set too one-sided: {squares} squares, {nonSquares} non-squares");
    }

    [Fact]
    public void Batch_inverse_matches_single_inverses_and_keeps_zeros()
    {
        var items = Values.Select(E).ToArray();
        var expected = items.Select(v => T.TryInverse(in v, out T inv) ? inv : T.Zero).ToArray();
        T.BatchInverse(items);
        Assert.Equal(expected, items);

        var large = Enumerable.Range(0, 1000).Select(i => E(new BigInteger(i) * 7919)).ToArray();
        var largeExpected = large.Select(v => T.TryInverse(in v, out T inv) ? inv : T.Zero).ToArray();
        T.BatchInverse(large);
        Assert.Equal(largeExpected, large);
    }

    [Fact]
    public void Bytes_round_trip_in_both_orders_and_values_not_below_q_are_rejected()
    {
        Span<byte> buffer = stackalloc byte[32];
        foreach (var a in Values)
        {
            T x = E(a);
            foreach (var order in new[] { ByteOrder.LittleEndian, ByteOrder.BigEndian })
            {
                x.WriteBytes(buffer, order);
                Assert.Equal(a % Q, new BigInteger(buffer, isUnsigned: true, isBigEndian: order == ByteOrder.BigEndian));
                Assert.True(T.TryReadBytes(buffer, order, out T back));
                Assert.Equal(x, back);
            }
        }
        foreach (var bad in new[] { Q, Q + 1, (BigInteger.One << 256) - 1, Q + (BigInteger.One << 64) })
        {
            bad.TryWriteBytes(buffer, out _, isUnsigned: true, isBigEndian: true);
            Assert.False(T.TryReadBytes(buffer, ByteOrder.BigEndian, out _), $"{bad} must be rejected");
        }
        Assert.False(T.TryReadBytes(new byte[31], ByteOrder.BigEndian, out _));
        Assert.False(T.TryReadBytes(new byte[33], ByteOrder.BigEndian, out _));
    }

    [Fact]
    public void Decimal_strings_round_trip_and_garbage_is_rejected()
    {
        foreach (var a in Values)
        {
            T x = E(a);
            Assert.True(T.TryParse(x.ToBigInteger().ToString(), out T back));
            Assert.Equal(x, back);
        }
        foreach (var bad in new[] { "", " 1", "-1", "1.0", "0x10", Q.ToString(), (Q + 5).ToString(), "1e3", new string('9', 100) })
        {
            Assert.False(T.TryParse(bad, out _), $"\"{bad}\" must be rejected");
        }
    }
}

public sealed class FrContractTests : PrimeFieldContractTests<Fr>;

public sealed class FqContractTests : PrimeFieldContractTests<Fq>;
