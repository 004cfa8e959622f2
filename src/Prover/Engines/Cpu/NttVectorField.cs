// SPDX-License-Identifier: MIT
using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;
using ZkOptions.Field;
using V = System.Runtime.Intrinsics.Vector512<ulong>;

namespace ZkOptions.Prover.Engines.Cpu;

/// <summary>
/// Eight Fr elements side by side in AVX-512 lanes. An element is held as 9 limbs of 29 bits (261 bits), limb k of
/// all eight elements in one Vector512&lt;ulong&gt;; the 9 vectors of one such "group" lie next to each other
/// (576 bytes). Products use vpmuludq (32 × 32 → 64 bits, 8 lanes), which .NET 10 exposes; the 52-bit IFMA
/// instructions are not exposed by .NET 10.
/// <para>
/// The Montgomery radix here is R' = 2^261, while <see cref="Fr"/> keeps raw(a) = a·2^256 mod q. A factor f is
/// therefore stored in "c-form", c(f) = raw(f)·2^5 mod q, so that the vector product of raw(a) with c(f) is
/// raw(a)·raw(f)·2^5·2^−261 = raw(a)·raw(f)·2^−256, the same value <see cref="Fr.Mul"/> returns. The product
/// of two c-form factors is again in c-form. Values are only partly reduced (kept below 2^261, see the bounds
/// in the kernels); <see cref="ToCanonical"/> ends a computation with the unique representative below q, which
/// makes results bit-identical to the scalar path.
/// </para>
/// </summary>
internal static unsafe partial class NttVectorField
{
    internal const int Limbs = 9;
    internal const int LimbBits = 29;
    internal const ulong LimbMask = (1UL << LimbBits) - 1;

    // q in 29-bit limbs (also written out in the kernels).
    private const ulong QL0 = 0x10000001, QL1 = 0x1F0FAC9F, QL2 = 0xE5C2450, QL3 = 0x7D090F3, QL4 = 0x1585D283,
        QL5 = 0x2DB40C0, QL6 = 0xA6E141, QL7 = 0xE5C2634, QL8 = 0x30644E;

    /// <summary>True when the CPU runs AVX-512F, which is all these kernels use.</summary>
    internal static bool IsSupported => Avx512F.IsSupported;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static V Mul(V a, V b) => Avx512F.Multiply(a.AsUInt32(), b.AsUInt32());

    /// <summary>The 9 limbs of c(f), for <see cref="MulBroadcast"/> and <see cref="Butterfly"/>.</summary>
    internal static void FactorLimbs(in Fr factor, ulong* limbs)
    {
        Fr.Mul(in factor, Fr.FromUInt64(32), out Fr scaled); // raw(f·32) = raw(f)·32 mod q
        SplitScalar(scaled.L0, scaled.L1, scaled.L2, scaled.L3, limbs);
    }

    /// <summary>c(factors[l]) in lane l, as a group of 9 vectors.</summary>
    internal static void LaneFactors(ReadOnlySpan<Fr> factors, V* group)
    {
        ulong* limbs = stackalloc ulong[8 * Limbs];
        for (int l = 0; l < 8; l++)
        {
            FactorLimbs(in factors[l], limbs + l * Limbs);
        }
        for (int k = 0; k < Limbs; k++)
        {
            group[k] = Vector512.Create(limbs[k], limbs[Limbs + k], limbs[2 * Limbs + k], limbs[3 * Limbs + k],
                limbs[4 * Limbs + k], limbs[5 * Limbs + k], limbs[6 * Limbs + k], limbs[7 * Limbs + k]);
        }
    }

    /// <summary>c(f) in every lane.</summary>
    internal static void BroadcastFactor(in Fr factor, V* group)
    {
        ulong* limbs = stackalloc ulong[Limbs];
        FactorLimbs(in factor, limbs);
        for (int k = 0; k < Limbs; k++)
        {
            group[k] = Vector512.Create(limbs[k]);
        }
    }

    /// <summary>Loads 8 consecutive elements (any 256-bit values) into a group.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal static void Load(Fr* source, V* group)
    {
        ulong* p = (ulong*)source;
        Split(Vector512.Load(p), Vector512.Load(p + 8), Vector512.Load(p + 16), Vector512.Load(p + 24), group);
    }

    /// <summary>Loads source[0], source[stride], …, source[7·stride] into lanes 0…7 of a group.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal static void LoadStrided(Fr* source, long stride, V* group)
    {
        Split(
            Vector512.Create(Vector256.Load((ulong*)source), Vector256.Load((ulong*)(source + stride))),
            Vector512.Create(Vector256.Load((ulong*)(source + 2 * stride)), Vector256.Load((ulong*)(source + 3 * stride))),
            Vector512.Create(Vector256.Load((ulong*)(source + 4 * stride)), Vector256.Load((ulong*)(source + 5 * stride))),
            Vector512.Create(Vector256.Load((ulong*)(source + 6 * stride)), Vector256.Load((ulong*)(source + 7 * stride))),
            group);
    }

    /// <summary>Stores a group (normalized limbs, values below 2^256) as 8 consecutive elements.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal static void Store(V* group, Fr* destination)
    {
        V l2 = group[2], l4 = group[4], l6 = group[6];
        V w0 = group[0] | (group[1] << 29) | (l2 << 58);
        V w1 = (l2 >>> 6) | (group[3] << 23) | (l4 << 52);
        V w2 = (l4 >>> 12) | (group[5] << 17) | (l6 << 46);
        V w3 = (l6 >>> 18) | (group[7] << 11) | (group[8] << 40);
        // Transpose 4 word vectors (word k of elements 0…7) into 4 vectors of two whole elements each.
        V p = Avx512F.PermuteVar8x64x2(w0, Vector512.Create(0UL, 8, 1, 9, 2, 10, 3, 11), w1);
        V pHigh = Avx512F.PermuteVar8x64x2(w0, Vector512.Create(4UL, 12, 5, 13, 6, 14, 7, 15), w1);
        V r = Avx512F.PermuteVar8x64x2(w2, Vector512.Create(0UL, 8, 1, 9, 2, 10, 3, 11), w3);
        V rHigh = Avx512F.PermuteVar8x64x2(w2, Vector512.Create(4UL, 12, 5, 13, 6, 14, 7, 15), w3);
        ulong* d = (ulong*)destination;
        Avx512F.PermuteVar8x64x2(p, Vector512.Create(0UL, 1, 8, 9, 2, 3, 10, 11), r).Store(d);
        Avx512F.PermuteVar8x64x2(p, Vector512.Create(4UL, 5, 12, 13, 6, 7, 14, 15), r).Store(d + 8);
        Avx512F.PermuteVar8x64x2(pHigh, Vector512.Create(0UL, 1, 8, 9, 2, 3, 10, 11), rHigh).Store(d + 16);
        Avx512F.PermuteVar8x64x2(pHigh, Vector512.Create(4UL, 5, 12, 13, 6, 7, 14, 15), rHigh).Store(d + 24);
    }

    /// <summary>
    /// Reduces a group with values below 3q (normalized limbs) to the canonical representatives below q, by two
    /// conditional subtractions of q.
    /// </summary>
    internal static void ToCanonical(V* group)
    {
        SubtractQUnlessBelow(group);
        SubtractQUnlessBelow(group);
    }

    /// <summary>
    /// Reduces a group with values below 2^260 (normalized limbs) to canonical form without a product by a
    /// factor: subtracts k·q with k = ⌊top limb · ⌊2^50/(q8 + 1)⌋ / 2^50⌋ (q8 = q >> 232). That quotient estimate
    /// is at most ⌊x/q⌋ and misses it by less than 2^−14 before rounding down, so it is ⌊x/q⌋ or ⌊x/q⌋ − 1 and
    /// leaves a value below 2q for <see cref="ToCanonical"/>.
    /// </summary>
    internal static void Reduce(V* x)
    {
        ReduceBelow2Q(x);
        ToCanonical(x);
    }

    /// <summary>The first half of <see cref="Reduce"/>: a value below 2^260 to a congruent one below 2q.</summary>
    internal static void ReduceBelow2Q(V* x)
    {
        const ulong Reciprocal = (1UL << 50) / (QL8 + 1); // below 2^32, as vpmuludq needs
        V k = Mul(x[8], Vector512.Create(Reciprocal)) >>> 50;
        Vector512<long> mask = Vector512.Create((long)LimbMask);
        Vector512<long> d0 = x[0].AsInt64() - Mul(k, Vector512.Create(QL0)).AsInt64();
        Vector512<long> d1 = x[1].AsInt64() - Mul(k, Vector512.Create(QL1)).AsInt64() + (d0 >> 29);
        Vector512<long> d2 = x[2].AsInt64() - Mul(k, Vector512.Create(QL2)).AsInt64() + (d1 >> 29);
        Vector512<long> d3 = x[3].AsInt64() - Mul(k, Vector512.Create(QL3)).AsInt64() + (d2 >> 29);
        Vector512<long> d4 = x[4].AsInt64() - Mul(k, Vector512.Create(QL4)).AsInt64() + (d3 >> 29);
        Vector512<long> d5 = x[5].AsInt64() - Mul(k, Vector512.Create(QL5)).AsInt64() + (d4 >> 29);
        Vector512<long> d6 = x[6].AsInt64() - Mul(k, Vector512.Create(QL6)).AsInt64() + (d5 >> 29);
        Vector512<long> d7 = x[7].AsInt64() - Mul(k, Vector512.Create(QL7)).AsInt64() + (d6 >> 29);
        Vector512<long> d8 = x[8].AsInt64() - Mul(k, Vector512.Create(QL8)).AsInt64() + (d7 >> 29);
        x[0] = (d0 & mask).AsUInt64();
        x[1] = (d1 & mask).AsUInt64();
        x[2] = (d2 & mask).AsUInt64();
        x[3] = (d3 & mask).AsUInt64();
        x[4] = (d4 & mask).AsUInt64();
        x[5] = (d5 & mask).AsUInt64();
        x[6] = (d6 & mask).AsUInt64();
        x[7] = (d7 & mask).AsUInt64();
        x[8] = d8.AsUInt64();
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void SubtractQUnlessBelow(V* x)
    {
        // d = x − q limb by limb in signed lanes, then carried with arithmetic shifts: the top limb is
        // negative exactly when x < q, in which case x is kept.
        Vector512<long> mask = Vector512.Create((long)LimbMask);
        Vector512<long> d0 = x[0].AsInt64() - Vector512.Create((long)QL0);
        Vector512<long> d1 = x[1].AsInt64() - Vector512.Create((long)QL1) + (d0 >> 29);
        Vector512<long> d2 = x[2].AsInt64() - Vector512.Create((long)QL2) + (d1 >> 29);
        Vector512<long> d3 = x[3].AsInt64() - Vector512.Create((long)QL3) + (d2 >> 29);
        Vector512<long> d4 = x[4].AsInt64() - Vector512.Create((long)QL4) + (d3 >> 29);
        Vector512<long> d5 = x[5].AsInt64() - Vector512.Create((long)QL5) + (d4 >> 29);
        Vector512<long> d6 = x[6].AsInt64() - Vector512.Create((long)QL6) + (d5 >> 29);
        Vector512<long> d7 = x[7].AsInt64() - Vector512.Create((long)QL7) + (d6 >> 29);
        Vector512<long> d8 = x[8].AsInt64() - Vector512.Create((long)QL8) + (d7 >> 29);
        V keep = (d8 >> 63).AsUInt64();
        x[0] = Vector512.ConditionalSelect(keep, x[0], (d0 & mask).AsUInt64());
        x[1] = Vector512.ConditionalSelect(keep, x[1], (d1 & mask).AsUInt64());
        x[2] = Vector512.ConditionalSelect(keep, x[2], (d2 & mask).AsUInt64());
        x[3] = Vector512.ConditionalSelect(keep, x[3], (d3 & mask).AsUInt64());
        x[4] = Vector512.ConditionalSelect(keep, x[4], (d4 & mask).AsUInt64());
        x[5] = Vector512.ConditionalSelect(keep, x[5], (d5 & mask).AsUInt64());
        x[6] = Vector512.ConditionalSelect(keep, x[6], (d6 & mask).AsUInt64());
        x[7] = Vector512.ConditionalSelect(keep, x[7], (d7 & mask).AsUInt64());
        x[8] = Vector512.ConditionalSelect(keep, x[8], d8.AsUInt64());
    }

    /// <summary>Transposes 4 vectors of two whole elements each into word vectors, then cuts them into 29-bit limbs.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void Split(V a0, V a1, V a2, V a3, V* group)
    {
        V p = Avx512F.PermuteVar8x64x2(a0, Vector512.Create(0UL, 4, 8, 12, 1, 5, 9, 13), a1);
        V pHigh = Avx512F.PermuteVar8x64x2(a0, Vector512.Create(2UL, 6, 10, 14, 3, 7, 11, 15), a1);
        V r = Avx512F.PermuteVar8x64x2(a2, Vector512.Create(0UL, 4, 8, 12, 1, 5, 9, 13), a3);
        V rHigh = Avx512F.PermuteVar8x64x2(a2, Vector512.Create(2UL, 6, 10, 14, 3, 7, 11, 15), a3);
        V w0 = Avx512F.PermuteVar8x64x2(p, Vector512.Create(0UL, 1, 2, 3, 8, 9, 10, 11), r);
        V w1 = Avx512F.PermuteVar8x64x2(p, Vector512.Create(4UL, 5, 6, 7, 12, 13, 14, 15), r);
        V w2 = Avx512F.PermuteVar8x64x2(pHigh, Vector512.Create(0UL, 1, 2, 3, 8, 9, 10, 11), rHigh);
        V w3 = Avx512F.PermuteVar8x64x2(pHigh, Vector512.Create(4UL, 5, 6, 7, 12, 13, 14, 15), rHigh);
        V mask = Vector512.Create(LimbMask);
        group[0] = w0 & mask;
        group[1] = (w0 >>> 29) & mask;
        group[2] = ((w0 >>> 58) | (w1 << 6)) & mask;
        group[3] = (w1 >>> 23) & mask;
        group[4] = ((w1 >>> 52) | (w2 << 12)) & mask;
        group[5] = (w2 >>> 17) & mask;
        group[6] = ((w2 >>> 46) | (w3 << 18)) & mask;
        group[7] = (w3 >>> 11) & mask;
        group[8] = w3 >>> 40;
    }

    private static void SplitScalar(ulong w0, ulong w1, ulong w2, ulong w3, ulong* limbs)
    {
        limbs[0] = w0 & LimbMask;
        limbs[1] = (w0 >> 29) & LimbMask;
        limbs[2] = ((w0 >> 58) | (w1 << 6)) & LimbMask;
        limbs[3] = (w1 >> 23) & LimbMask;
        limbs[4] = ((w1 >> 52) | (w2 << 12)) & LimbMask;
        limbs[5] = (w2 >> 17) & LimbMask;
        limbs[6] = ((w2 >> 46) | (w3 << 18)) & LimbMask;
        limbs[7] = (w3 >> 11) & LimbMask;
        limbs[8] = w3 >> 40;
    }
}
