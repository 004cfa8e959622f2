// SPDX-License-Identifier: MIT
using System.Numerics;
using ZkOptions.Circuit;
using ZkOptions.Circuit.Std;
using ZkOptions.Field;

namespace ZkOptions.Circuits.Settlement.Gadgets;

/// <summary>
/// Signed integers as field residues (−x is r − x, as the engine hashes them): range checks, signs, and the three
/// roundings of division by a constant that the settlement rules use (floor, ceiling, towards zero). Every hint is
/// bound by an exact integer identity with range-checked parts, so a prover cannot round the other way.
/// </summary>
public static class SignedArithmetic
{
    /// <summary>Asserts |x| &lt; 2^(bits−1).</summary>
    public static void AssertSigned(Api api, Variable x, int bits) => api.RangeCheck(x + Pow2(bits - 1), bits);

    /// <summary>1 when x ≥ 0, else 0; asserts |x| &lt; 2^(bits−1).</summary>
    public static Variable IsNonNegative(Api api, Variable x, int bits) => api.ToBits(x + Pow2(bits - 1), bits)[bits - 1];

    /// <summary>max(x, 0) for |x| &lt; 2^(bits−1).</summary>
    public static Variable PositivePart(Api api, Variable x, int bits) => api.Mul(IsNonNegative(api, x, bits), x);

    /// <summary>⌊x / d⌋ for |x| &lt; 2^(bits−1), d &gt; 0 a constant.</summary>
    public static Variable FloorDiv(Api api, Variable x, BigInteger d, int bits) => Divide(api, x, d, bits, Rounding.Floor);

    /// <summary>⌈x / d⌉ for |x| &lt; 2^(bits−1), d &gt; 0 a constant.</summary>
    public static Variable CeilDiv(Api api, Variable x, BigInteger d, int bits) => -Divide(api, -x, d, bits, Rounding.Floor);

    /// <summary>x / d truncated towards zero (C#'s integer division), |x| &lt; 2^(bits−1).</summary>
    public static Variable TruncDiv(Api api, Variable x, BigInteger d, int bits)
    {
        var nonNegative = IsNonNegative(api, x, bits);
        var floor = FloorDiv(api, x, d, bits);
        var ceil = CeilDiv(api, x, d, bits);
        return api.Select(nonNegative, floor, ceil);
    }

    private static Variable Divide(Api api, Variable x, BigInteger d, int bits, Rounding rounding)
    {
        using (api.Scope("division by a constant"))
        {
            var outputs = api.Hint("floor division", 1, (i, o) =>
            {
                BigInteger n = FixedPoint.Signed(i[0]);
                o[0] = FixedPoint.FromSigned(BigInteger.Divide(n - Mod(n, d), d));
            }, [x]);
            Variable q = outputs[0];
            Variable rem = x - q * Fr.FromBigInteger(d);
            int remBits = (int)(d - 1).GetBitLength();
            api.RangeCheck(rem, Math.Max(1, remBits));
            api.RangeCheck(new Variable(Fr.FromBigInteger(d - 1)) - rem, Math.Max(1, remBits));
            AssertSigned(api, q, bits);
            return q;
        }
    }

    private static BigInteger Mod(BigInteger n, BigInteger d)
    {
        BigInteger m = BigInteger.Remainder(n, d);
        return m.Sign < 0 ? m + d : m;
    }

    /// <summary>
    /// Splits x into (high, low) with x = high·2^lowBits + low, low &lt; 2^lowBits and high &lt; 2^highBits (a series
    /// key's expiry, an order's slot in its storage id).
    /// </summary>
    public static (Variable High, Variable Low) SplitLow(Api api, Variable x, int lowBits, int highBits)
    {
        var parts = api.Hint("split low bits", 2, (i, o) =>
        {
            var v = i[0].ToBigInteger();
            o[0] = Fr.FromBigInteger(v >> lowBits);
            o[1] = Fr.FromBigInteger(v & ((BigInteger.One << lowBits) - 1));
        }, [x]);
        api.RangeCheck(parts[0], highBits);
        api.RangeCheck(parts[1], lowBits);
        api.AssertEqual(parts[0] * Fr.FromBigInteger(BigInteger.One << lowBits) + parts[1], x);
        return (parts[0], parts[1]);
    }

    /// <summary>2^k as a constant.</summary>
    public static Variable Pow2(int k) => new(Fr.FromBigInteger(BigInteger.One << k));
}
