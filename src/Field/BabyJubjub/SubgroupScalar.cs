// SPDX-License-Identifier: MIT
namespace ZkOptions.Field.BabyJubjub;

/// <summary>
/// Arithmetic mod l = <see cref="BabyJubjub.SubgroupOrder"/> on <see cref="Scalar256"/> limbs, for signing (the
/// nonce r = BLAKE-512 mod l and S = (r + hm·s) mod l) and for reducing scalars of <see cref="BabyJubjub.Base8"/>,
/// whose order is l.
/// </summary>
/// <remarks>
/// Reduction is Montgomery's (REDC, R = 2^256): REDC(T) = T·2^−256 mod l for any T &lt; l·2^256. A 512-bit value
/// lo + hi·2^256 is reduced as REDC(REDC(lo·R²) + REDC(hi·R³)) with R² = 2^512 mod l and R³ = 2^768 mod l, which
/// takes any lo, hi &lt; 2^256. l &lt; 2^251, so every intermediate below 4l fits in four limbs.
/// </remarks>
internal static class SubgroupScalar
{
    /// <summary>l, the prime order of Base8.</summary>
    public static readonly Scalar256 Order = new(0x677297DC392126F1UL, 0xAB3EEDB83920EE0AUL, 0x370A08B6D0302B0BUL, 0x060C89CE5C263405UL);

    private const ulong OrderInverseNegated = 0x532CE5AEBC48F5EFUL; // −l⁻¹ mod 2^64
    private static readonly Scalar256 R2 = new(0x35E44ABEE7ECB21EUL, 0x74646CACF5F84EC4UL, 0xE472DF203FAA158FUL, 0x0445B524F1BA50A8UL);
    private static readonly Scalar256 R3 = new(0x30886E7B42917C21UL, 0x98DAE87B55D7CD2AUL, 0xEEFE3D08CC608B7BUL, 0x02B4DBFFB2BC97AAUL);

    /// <summary>True when k &lt; l: the range a signature's S must be in.</summary>
    public static bool IsReduced(in Scalar256 k) => Scalar256.LessThan(in k, in Order);

    /// <summary>k mod l.</summary>
    public static Scalar256 Reduce(in Scalar256 k) => Reduce(in k, Scalar256.Zero);

    /// <summary>(lo + hi·2^256) mod l: a 512-bit value, such as a BLAKE-512 digest read little-endian.</summary>
    public static Scalar256 Reduce(in Scalar256 lo, in Scalar256 hi)
    {
        Span<ulong> wide = stackalloc ulong[8];
        Multiply(in lo, in R2, wide);
        Scalar256 loShifted = MontgomeryReduce(wide);   // lo·2^256 mod l, below 2l
        Multiply(in hi, in R3, wide);
        Scalar256 hiShifted = MontgomeryReduce(wide);   // hi·2^512 mod l, below 2l
        wide.Clear();
        AddInto(in loShifted, in hiShifted, wide);      // below 4l < 2^253: no carry out of four limbs
        return ReduceOnce(MontgomeryReduce(wide));
    }

    /// <summary>(a·b + c) mod l for any a, b, c &lt; 2^256 (a·b + c &lt; 2^512 always).</summary>
    public static Scalar256 MultiplyAdd(in Scalar256 a, in Scalar256 b, in Scalar256 c)
    {
        Span<ulong> wide = stackalloc ulong[8];
        Multiply(in a, in b, wide);
        ulong carry = 0;
        carry = AddLimb(wide, 0, c.L0, carry);
        carry = AddLimb(wide, 1, c.L1, carry);
        carry = AddLimb(wide, 2, c.L2, carry);
        carry = AddLimb(wide, 3, c.L3, carry);
        for (int i = 4; i < 8 && carry != 0; i++)
        {
            carry = AddLimb(wide, i, 0, carry);
        }
        return Reduce(new Scalar256(wide[0], wide[1], wide[2], wide[3]), new Scalar256(wide[4], wide[5], wide[6], wide[7]));
    }

    private static ulong AddLimb(Span<ulong> wide, int index, ulong value, ulong carry)
    {
        UInt128 sum = (UInt128)wide[index] + value + carry;
        wide[index] = (ulong)sum;
        return (ulong)(sum >> 64);
    }

    /// <summary>The 512-bit product a·b, schoolbook.</summary>
    private static void Multiply(in Scalar256 a, in Scalar256 b, Span<ulong> product)
    {
        ReadOnlySpan<ulong> x = [a.L0, a.L1, a.L2, a.L3];
        ReadOnlySpan<ulong> y = [b.L0, b.L1, b.L2, b.L3];
        product.Clear();
        for (int i = 0; i < 4; i++)
        {
            ulong carry = 0;
            for (int j = 0; j < 4; j++)
            {
                UInt128 t = (UInt128)x[i] * y[j] + product[i + j] + carry;
                product[i + j] = (ulong)t;
                carry = (ulong)(t >> 64);
            }
            product[i + 4] = carry;
        }
    }

    /// <summary>
    /// REDC of an eight-limb T &lt; l·2^256, in place: T·2^−256 mod l, below 2l (the caller reduces once more when
    /// it needs a value below l).
    /// </summary>
    private static Scalar256 MontgomeryReduce(Span<ulong> t)
    {
        ReadOnlySpan<ulong> l = [Order.L0, Order.L1, Order.L2, Order.L3];
        for (int i = 0; i < 4; i++)
        {
            // Adding m·l·2^(64i) clears limb i; the carry runs up to limb 7 at most because T + m·l·2^(64i) stays
            // below 2l·2^256 < 2^512.
            ulong m = t[i] * OrderInverseNegated;
            ulong carry = 0;
            for (int j = 0; j < 4; j++)
            {
                UInt128 s = (UInt128)m * l[j] + t[i + j] + carry;
                t[i + j] = (ulong)s;
                carry = (ulong)(s >> 64);
            }
            for (int k = i + 4; k < 8 && carry != 0; k++)
            {
                UInt128 s = (UInt128)t[k] + carry;
                t[k] = (ulong)s;
                carry = (ulong)(s >> 64);
            }
        }
        return new Scalar256(t[4], t[5], t[6], t[7]);
    }

    private static void AddInto(in Scalar256 a, in Scalar256 b, Span<ulong> sum)
    {
        UInt128 s = (UInt128)a.L0 + b.L0;
        sum[0] = (ulong)s;
        s = (UInt128)a.L1 + b.L1 + (ulong)(s >> 64);
        sum[1] = (ulong)s;
        s = (UInt128)a.L2 + b.L2 + (ulong)(s >> 64);
        sum[2] = (ulong)s;
        s = (UInt128)a.L3 + b.L3 + (ulong)(s >> 64);
        sum[3] = (ulong)s;
    }

    /// <summary>k − l when l ≤ k &lt; 2l, otherwise k.</summary>
    private static Scalar256 ReduceOnce(in Scalar256 k)
    {
        if (Scalar256.LessThan(in k, in Order))
        {
            return k;
        }
        UInt128 d = (UInt128)k.L0 - Order.L0;
        ulong d0 = (ulong)d;
        ulong borrow = (ulong)(d >> 64) & 1;
        d = (UInt128)k.L1 - Order.L1 - borrow;
        ulong d1 = (ulong)d;
        borrow = (ulong)(d >> 64) & 1;
        d = (UInt128)k.L2 - Order.L2 - borrow;
        ulong d2 = (ulong)d;
        borrow = (ulong)(d >> 64) & 1;
        ulong d3 = k.L3 - Order.L3 - borrow;
        return new Scalar256(d0, d1, d2, d3);
    }
}
