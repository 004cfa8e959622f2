// SPDX-License-Identifier: MIT
using System.Runtime.CompilerServices;

namespace ZkOptions.Prover.Engines.Gpu;

/// <summary>
/// Device-side arithmetic modulo a 254-bit prime in Montgomery form (R = 2^256), shared by <see cref="DeviceFr"/>
/// and <see cref="DeviceFq"/>. ILGPU cannot lower Math.BigMul (it probes Bmi2), so 64×64→128 products are built
/// from four 32×32→64 products, which PTX maps to wide 32-bit multiplies. Inputs must be fully reduced (below q);
/// outputs are fully reduced, exactly like the Field library, so limbs match bit for bit.
/// </summary>
internal static class Montgomery256
{
    /// <summary>hi:lo = a·b.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void MulWide(ulong a, ulong b, out ulong lo, out ulong hi)
    {
        ulong a0 = (uint)a, a1 = a >> 32, b0 = (uint)b, b1 = b >> 32;
        ulong p00 = a0 * b0, p01 = a0 * b1, p10 = a1 * b0, p11 = a1 * b1;
        ulong mid = (p00 >> 32) + (uint)p01 + (uint)p10; // < 3·2^32, no overflow
        lo = (mid << 32) | (uint)p00;
        hi = p11 + (p01 >> 32) + (p10 >> 32) + (mid >> 32);
    }

    /// <summary>Returns the low word of a·b + c + carry and leaves the high word in carry (never overflows).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static ulong MulAdd(ulong a, ulong b, ulong c, ref ulong carry)
    {
        MulWide(a, b, out ulong lo, out ulong hi);
        ulong s = lo + c;
        hi += s < lo ? 1UL : 0UL;
        ulong r = s + carry;
        hi += r < s ? 1UL : 0UL;
        carry = hi;
        return r;
    }

    /// <summary>a + b + carry; carry becomes the carry out (0 or 1).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static ulong AddCarry(ulong a, ulong b, ref ulong carry)
    {
        ulong s = a + b;
        ulong c = s < a ? 1UL : 0UL;
        ulong r = s + carry;
        c += r < s ? 1UL : 0UL;
        carry = c;
        return r;
    }

    /// <summary>a − b − borrow; borrow becomes the borrow out (0 or 1).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static ulong SubBorrow(ulong a, ulong b, ref ulong borrow)
    {
        ulong d = a - b;
        ulong o = a < b ? 1UL : 0UL;
        ulong r = d - borrow;
        o += d < borrow ? 1UL : 0UL;
        borrow = o;
        return r;
    }

    /// <summary>r = a + b mod q.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void Add(in Limbs256 a, in Limbs256 b, in Limbs256 q, out Limbs256 r)
    {
        ulong c = 0;
        ulong s0 = AddCarry(a.L0, b.L0, ref c);
        ulong s1 = AddCarry(a.L1, b.L1, ref c);
        ulong s2 = AddCarry(a.L2, b.L2, ref c);
        ulong s3 = AddCarry(a.L3, b.L3, ref c); // q < 2^255, so a + b < 2^256 and c = 0
        ReduceOnce(s0, s1, s2, s3, c, in q, out r);
    }

    /// <summary>r = a − b mod q.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void Sub(in Limbs256 a, in Limbs256 b, in Limbs256 q, out Limbs256 r)
    {
        ulong bo = 0;
        ulong d0 = SubBorrow(a.L0, b.L0, ref bo);
        ulong d1 = SubBorrow(a.L1, b.L1, ref bo);
        ulong d2 = SubBorrow(a.L2, b.L2, ref bo);
        ulong d3 = SubBorrow(a.L3, b.L3, ref bo);
        // Add q back when the difference went negative: mask q by the borrow instead of branching.
        ulong mask = 0UL - bo;
        ulong c = 0;
        d0 = AddCarry(d0, q.L0 & mask, ref c);
        d1 = AddCarry(d1, q.L1 & mask, ref c);
        d2 = AddCarry(d2, q.L2 & mask, ref c);
        d3 = AddCarry(d3, q.L3 & mask, ref c);
        r = new Limbs256(d0, d1, d2, d3);
    }

    /// <summary>r = −a mod q (zero stays zero).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void Neg(in Limbs256 a, in Limbs256 q, out Limbs256 r)
    {
        var zero = default(Limbs256);
        Sub(in zero, in a, in q, out r);
    }

    /// <summary>
    /// r = a·b·2^−256 mod q: CIOS Montgomery multiplication with four 64-bit words (the same algorithm and the
    /// same fully reduced result as Fr.Mul/Fq.Mul). qInvNeg = −q^−1 mod 2^64.
    /// </summary>
    public static void Mul(in Limbs256 a, in Limbs256 b, in Limbs256 q, ulong qInvNeg, out Limbs256 r)
    {
        ulong t0 = 0, t1 = 0, t2 = 0, t3 = 0, t4 = 0;
        MulRound(a.L0, in b, in q, qInvNeg, ref t0, ref t1, ref t2, ref t3, ref t4);
        MulRound(a.L1, in b, in q, qInvNeg, ref t0, ref t1, ref t2, ref t3, ref t4);
        MulRound(a.L2, in b, in q, qInvNeg, ref t0, ref t1, ref t2, ref t3, ref t4);
        MulRound(a.L3, in b, in q, qInvNeg, ref t0, ref t1, ref t2, ref t3, ref t4);
        ReduceOnce(t0, t1, t2, t3, t4, in q, out r);
    }

    /// <summary>One CIOS round: t = (t + ai·b + m·q) / 2^64 with m chosen so the low word vanishes. t stays below 2q.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void MulRound(
        ulong ai, in Limbs256 b, in Limbs256 q, ulong qInvNeg,
        ref ulong t0, ref ulong t1, ref ulong t2, ref ulong t3, ref ulong t4)
    {
        ulong c = 0;
        t0 = MulAdd(ai, b.L0, t0, ref c);
        t1 = MulAdd(ai, b.L1, t1, ref c);
        t2 = MulAdd(ai, b.L2, t2, ref c);
        t3 = MulAdd(ai, b.L3, t3, ref c);
        t4 += c; // t < 2q < 2^255 before the round, so t + ai·b < 2^320: no word beyond t4

        ulong m = t0 * qInvNeg;
        c = 0;
        MulAdd(m, q.L0, t0, ref c); // low word is zero by the choice of m
        t0 = MulAdd(m, q.L1, t1, ref c);
        t1 = MulAdd(m, q.L2, t2, ref c);
        t2 = MulAdd(m, q.L3, t3, ref c);
        t3 = t4 + c;
        t4 = t3 < c ? 1UL : 0UL;
    }

    /// <summary>r = t − q when t (with a fifth word t4) is at least q, else t; t must be below 2q.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void ReduceOnce(ulong t0, ulong t1, ulong t2, ulong t3, ulong t4, in Limbs256 q, out Limbs256 r)
    {
        ulong bo = 0;
        ulong d0 = SubBorrow(t0, q.L0, ref bo);
        ulong d1 = SubBorrow(t1, q.L1, ref bo);
        ulong d2 = SubBorrow(t2, q.L2, ref bo);
        ulong d3 = SubBorrow(t3, q.L3, ref bo);
        bool keep = bo > t4; // the subtraction borrowed beyond the fifth word: t < q
        r = keep ? new Limbs256(t0, t1, t2, t3) : new Limbs256(d0, d1, d2, d3);
    }
}
