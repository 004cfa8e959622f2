// SPDX-License-Identifier: MIT
using System.Numerics;
using ZkOptions.Field;

namespace ZkOptions.Circuit.Std;

/// <summary>How a fixed-point result that falls between two representable values is rounded.</summary>
public enum Rounding
{
    /// <summary>Toward −∞ (floor). The default: −1.5 → −2, 1.5 → 1.</summary>
    Floor,

    /// <summary>Toward +∞ (ceiling): −1.5 → −1, 1.5 → 2. Use it where rounding must favour the other side.</summary>
    Ceiling,
}

/// <summary>
/// A signed fixed-point number with <see cref="FixedPoint.Decimals"/> decimals: the integer Raw = value·10⁶, held
/// in the field as Raw mod r, and proven to satisfy −2^(Bits−1) ≤ Raw &lt; 2^(Bits−1). The proven width is what
/// makes the arithmetic sound: products and quotients are checked with integer identities that cannot wrap
/// around r because every operand is bounded.
/// </summary>
public readonly struct Fixed
{
    internal Fixed(Variable raw, int bits)
    {
        Raw = raw;
        Bits = bits;
    }

    /// <summary>value·10⁶ (mod r).</summary>
    public Variable Raw { get; }

    /// <summary>The proven signed width: −2^(Bits−1) ≤ Raw &lt; 2^(Bits−1).</summary>
    public int Bits { get; }
}

/// <summary>
/// Signed fixed-point arithmetic with 6 decimals (the settlement layer's USD precision). Addition and subtraction
/// are exact and free; multiplication and division round as <see cref="Rounding"/> says (floor by default) and
/// assert the result fits the requested width (an overflow is a failed constraint, never a wrap-around).
/// Widths are limited to <see cref="MaxBits"/> so that every intermediate product stays far below r.
/// </summary>
public static class FixedPoint
{
    /// <summary>Decimal places.</summary>
    public const int Decimals = 6;

    /// <summary>10⁶.</summary>
    public const long Scale = 1_000_000;

    /// <summary>The largest signed width accepted (two such values multiplied stay below r/2).</summary>
    public const int MaxBits = 120;

    private const int ScaleBits = 20; // 2^20 > 10^6

    /// <summary>Range-checks a raw value (value·10⁶) to a signed width and returns it as a <see cref="Fixed"/>.</summary>
    public static Fixed FromRaw(Api api, Variable raw, int bits)
    {
        CheckBits(bits);
        using (api.Scope($"fixed-point range ({bits}-bit signed)"))
        {
            api.RangeCheck(raw + Offset(bits), bits);
        }
        return new Fixed(raw, bits);
    }

    /// <summary>A constant (its width is the smallest that holds it, at least 2).</summary>
    public static Fixed Constant(decimal value)
    {
        decimal scaled = value * Scale;
        if (scaled != decimal.Truncate(scaled))
        {
            throw new ArgumentException($"{value} has more than {Decimals} decimals", nameof(value));
        }
        var raw = new BigInteger(scaled);
        int bits = (int)BigInteger.Abs(raw).GetBitLength() + 2;
        return new Fixed(raw, Math.Max(2, bits));
    }

    /// <summary>a + b, exact; the width grows by one bit.</summary>
    public static Fixed Add(Fixed a, Fixed b) => new(a.Raw + b.Raw, Grow(Math.Max(a.Bits, b.Bits) + 1));

    /// <summary>a − b, exact; the width grows by one bit.</summary>
    public static Fixed Sub(Fixed a, Fixed b) => new(a.Raw - b.Raw, Grow(Math.Max(a.Bits, b.Bits) + 1));

    /// <summary>−a.</summary>
    public static Fixed Neg(Fixed a) => new(-a.Raw, Grow(a.Bits + 1));

    /// <summary>k·a for an integer constant k, exact.</summary>
    public static Fixed MulInteger(Fixed a, long k) =>
        new(a.Raw * k, Grow(a.Bits + (int)BigInteger.Abs(k).GetBitLength()));

    /// <summary>
    /// a·b rounded to 6 decimals, asserted to fit <paramref name="resultBits"/> (default: the wider operand's width).
    /// Constraints: the integer identity Raw_a·Raw_b = q·10⁶ + rem with 0 ≤ rem &lt; 10⁶ (floor) or
    /// −10⁶ &lt; rem ≤ 0 (ceiling), and q range-checked. About 2·resultBits + 90 gates.
    /// </summary>
    public static Fixed Mul(Api api, Fixed a, Fixed b, int? resultBits = null, Rounding rounding = Rounding.Floor)
    {
        int bits = resultBits ?? Math.Max(a.Bits, b.Bits);
        CheckBits(bits);
        using (api.Scope("fixed-point mul"))
        {
            var product = api.Mul(a.Raw, b.Raw);
            return DivideByConstant(api, product, Scale, bits, rounding);
        }
    }

    /// <summary>
    /// a / b rounded to 6 decimals (b ≠ 0 is asserted), asserted to fit <paramref name="resultBits"/>.
    /// Constraint: Raw_a·10⁶ = q·Raw_b + rem with |rem| &lt; |Raw_b| and rem's sign chosen by the rounding. With every
    /// width ≤ 120 bits both sides stay below 2^241 in absolute value, so the identity holds over the integers.
    /// </summary>
    public static Fixed Div(Api api, Fixed a, Fixed b, int? resultBits = null, Rounding rounding = Rounding.Floor)
    {
        int bits = resultBits ?? Math.Max(a.Bits, b.Bits);
        CheckBits(bits);
        using (api.Scope("fixed-point div"))
        {
            api.AssertNonZero(b.Raw);
            Variable numerator = a.Raw * Scale;
            var outputs = api.Hint("fixed-point quotient", 2, (inputs, o) =>
            {
                var n = Signed(inputs[0]);
                var d = Signed(inputs[1]);
                if (d.IsZero)
                {
                    return;
                }
                var (q, rem) = DivRound(n, d, rounding);
                o[0] = FromSigned(q);
                o[1] = FromSigned(rem);
            }, [numerator, b.Raw]);
            Variable q = outputs[0], rem = outputs[1];
            var quotient = FromRaw(api, q, bits);
            // numerator = q·b + rem, with 0 ≤ rem·sign(b) < |b| for floor (rem has b's sign), −|b| < rem·sign(b) ≤ 0 for ceiling.
            api.AssertEqual(numerator, api.Mul(q, b.Raw) + rem);
            var bNegative = IsNegative(api, b);
            var absB = api.Select(bNegative, -b.Raw, b.Raw);
            var remTowardB = api.Select(bNegative, -rem, rem);
            var bounded = rounding == Rounding.Floor ? remTowardB : -remTowardB;
            // 0 ≤ bounded < |b|: both |b| − 1 − bounded and bounded fit b's width.
            api.RangeCheck(bounded, b.Bits);
            api.RangeCheck(absB - bounded - 1, b.Bits);
            return quotient;
        }
    }

    /// <summary>1 if a &lt; 0, else 0 (reads the sign bit of Raw + 2^(Bits−1)). About 2·Bits gates.</summary>
    public static Variable IsNegative(Api api, Fixed a)
    {
        using (api.Scope("fixed-point sign"))
        {
            var bits = api.ToBits(a.Raw + Offset(a.Bits), a.Bits);
            return Fr.One - bits[a.Bits - 1];
        }
    }

    /// <summary>Asserts a ≥ 0. About 2·Bits gates.</summary>
    public static void AssertNonNegative(Api api, Fixed a)
    {
        using (api.Scope("fixed-point a ≥ 0"))
        {
            api.RangeCheck(a.Raw, a.Bits - 1);
        }
    }

    /// <summary>Asserts a ≤ b.</summary>
    public static void AssertLessOrEqual(Api api, Fixed a, Fixed b)
    {
        using (api.Scope("fixed-point a ≤ b"))
        {
            api.RangeCheck(b.Raw - a.Raw, Math.Max(a.Bits, b.Bits));
        }
    }

    /// <summary>max(a, 0).</summary>
    public static Fixed PositivePart(Api api, Fixed a) => new(api.Select(IsNegative(api, a), Fr.Zero, a.Raw), a.Bits);

    /// <summary>max(a, b).</summary>
    public static Fixed Max(Api api, Fixed a, Fixed b)
    {
        var difference = Sub(a, b);
        return new Fixed(api.Select(IsNegative(api, difference), b.Raw, a.Raw), Math.Max(a.Bits, b.Bits));
    }

    /// <summary>The signed integer a field element stands for (values above r/2 are negative).</summary>
    public static BigInteger Signed(Fr value)
    {
        var v = value.ToBigInteger();
        return v > Fr.Modulus / 2 ? v - Fr.Modulus : v;
    }

    /// <summary>A signed integer as a field element.</summary>
    public static Fr FromSigned(BigInteger value) => Fr.FromBigInteger(((value % Fr.Modulus) + Fr.Modulus) % Fr.Modulus);

    /// <summary>n / d rounded as <paramref name="rounding"/> says, and the remainder n − q·d.</summary>
    public static (BigInteger Quotient, BigInteger Remainder) DivRound(BigInteger n, BigInteger d, Rounding rounding)
    {
        var q = BigInteger.DivRem(n, d, out var rem); // truncates toward zero
        bool inexact = !rem.IsZero;
        bool negative = (n.Sign < 0) != (d.Sign < 0);
        if (inexact && rounding == Rounding.Floor && negative)
        {
            q -= 1;
        }
        else if (inexact && rounding == Rounding.Ceiling && !negative)
        {
            q += 1;
        }
        return (q, n - q * d);
    }

    private static Fixed DivideByConstant(Api api, Variable product, long divisor, int bits, Rounding rounding)
    {
        var outputs = api.Hint("fixed-point rescale", 2, (inputs, o) =>
        {
            var (q, rem) = DivRound(Signed(inputs[0]), divisor, rounding);
            o[0] = FromSigned(q);
            o[1] = FromSigned(rem);
        }, [product]);
        Variable q = outputs[0], rem = outputs[1];
        var result = FromRaw(api, q, bits);
        api.AssertEqual(product, q * divisor + rem);
        // Floor: 0 ≤ rem < divisor. Ceiling: −divisor < rem ≤ 0.
        Variable toward = rounding == Rounding.Floor ? rem : -rem;
        api.RangeCheck(toward, ScaleBits);
        api.RangeCheck(divisor - 1 - toward, ScaleBits);
        return result;
    }

    private static Fr Offset(int bits) => Fr.FromBigInteger(BigInteger.One << (bits - 1));

    private static int Grow(int bits) =>
        bits <= MaxBits ? bits : throw new ArgumentException($"a fixed-point result would exceed {MaxBits} bits; range-check it with FromRaw first");

    private static void CheckBits(int bits)
    {
        if (bits < 2 || bits > MaxBits)
        {
            throw new ArgumentOutOfRangeException(nameof(bits), $"a fixed-point width is 2 to {MaxBits} bits");
        }
    }
}
