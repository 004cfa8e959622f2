// SPDX-License-Identifier: MIT
using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;
using ZkOptions.Field;
using V = System.Runtime.Intrinsics.Vector512<ulong>;

namespace ZkOptions.Prover.Engines.Cpu;

/// <summary>
/// Eight Fq elements (the BN254 base field) side by side in AVX-512 lanes, in the layout of
/// <see cref="NttVectorField"/>: 9 limbs of 29 bits, limb k of the eight elements in one Vector512&lt;ulong&gt;.
/// <para>
/// <see cref="Fq"/> stores raw(a) = a·2^256 mod p ("form 256"); the vector product <see cref="MulLanes"/> has radix
/// 2^261, so it maps forms s and t to s + t − 261. Loading with <see cref="SplitTimes32"/> yields raw(a)·32, an
/// unreduced value of form 261 (free: the split just cuts at other bit positions), and
/// <see cref="MulLanesDiv32"/> has radix 2^266. Mixing the three keeps every value in a known form without any
/// conversion product; values stay partly reduced below 2^260 and <see cref="ToCanonical"/> ends a computation
/// with the unique representative below p, so results are bit-identical to the scalar <see cref="Fq"/> path.
/// </para>
/// </summary>
internal static unsafe partial class FqVectorField
{
    internal const int Limbs = 9;
    internal const int LimbBits = 29;
    internal const ulong LimbMask = (1UL << LimbBits) - 1;

    /// <summary>True when the CPU runs AVX-512F, which is all these kernels use.</summary>
    internal static bool IsSupported => Avx512F.IsSupported;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static V Mul(V a, V b) => Avx512F.Multiply(a.AsUInt32(), b.AsUInt32());

    /// <summary>Loads the four 64-bit words of 8 elements (any 256-bit values) from 8 addresses, as word vectors w0…w3.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal static void Gather(Fq** sources, out V w0, out V w1, out V w2, out V w3)
    {
        V a0 = Vector512.Create(Vector256.Load((ulong*)sources[0]), Vector256.Load((ulong*)sources[1]));
        V a1 = Vector512.Create(Vector256.Load((ulong*)sources[2]), Vector256.Load((ulong*)sources[3]));
        V a2 = Vector512.Create(Vector256.Load((ulong*)sources[4]), Vector256.Load((ulong*)sources[5]));
        V a3 = Vector512.Create(Vector256.Load((ulong*)sources[6]), Vector256.Load((ulong*)sources[7]));
        Transpose(a0, a1, a2, a3, out w0, out w1, out w2, out w3);
    }

    /// <summary>Loads 8 elements source[0], source[stride], …, source[7·stride] as word vectors.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal static void LoadStrided(Fq* source, long stride, out V w0, out V w1, out V w2, out V w3)
    {
        V a0 = Vector512.Create(Vector256.Load((ulong*)source), Vector256.Load((ulong*)(source + stride)));
        V a1 = Vector512.Create(Vector256.Load((ulong*)(source + 2 * stride)), Vector256.Load((ulong*)(source + 3 * stride)));
        V a2 = Vector512.Create(Vector256.Load((ulong*)(source + 4 * stride)), Vector256.Load((ulong*)(source + 5 * stride)));
        V a3 = Vector512.Create(Vector256.Load((ulong*)(source + 6 * stride)), Vector256.Load((ulong*)(source + 7 * stride)));
        Transpose(a0, a1, a2, a3, out w0, out w1, out w2, out w3);
    }

    /// <summary>Cuts word vectors into 29-bit limbs: the value raw(a) itself (form 256).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal static void Split(V w0, V w1, V w2, V w3, V* group)
    {
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

    /// <summary>
    /// Cuts word vectors into 29-bit limbs of raw(a)·32 (form 261, below 32p &lt; 2^259): limb k takes bits
    /// 29k − 5 … 29k + 23 of the words.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal static void SplitTimes32(V w0, V w1, V w2, V w3, V* group)
    {
        V mask = Vector512.Create(LimbMask);
        group[0] = (w0 << 5) & mask;
        group[1] = (w0 >>> 24) & mask;
        group[2] = ((w0 >>> 53) | (w1 << 11)) & mask;
        group[3] = (w1 >>> 18) & mask;
        group[4] = ((w1 >>> 47) | (w2 << 17)) & mask;
        group[5] = (w2 >>> 12) & mask;
        group[6] = ((w2 >>> 41) | (w3 << 23)) & mask;
        group[7] = (w3 >>> 6) & mask;
        group[8] = w3 >>> 35;
    }

    /// <summary>Stores a group (normalized limbs, values below 2^256) as 8 consecutive elements.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal static void Store(V* group, Fq* destination)
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

    /// <summary>Loads 8 consecutive elements (form 256).</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    internal static void Load(Fq* source, V* group)
    {
        LoadStrided(source, 1, out V w0, out V w1, out V w2, out V w3);
        Split(w0, w1, w2, w3, group);
    }

    /// <summary>Loads 8 consecutive elements as raw·32 (form 261).</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    internal static void LoadTimes32(Fq* source, V* group)
    {
        LoadStrided(source, 1, out V w0, out V w1, out V w2, out V w3);
        SplitTimes32(w0, w1, w2, w3, group);
    }

    /// <summary>Four vectors of two whole elements each (a0 = elements 0, 1, …) to word vectors.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void Transpose(V a0, V a1, V a2, V a3, out V w0, out V w1, out V w2, out V w3)
    {
        V p = Avx512F.PermuteVar8x64x2(a0, Vector512.Create(0UL, 4, 8, 12, 1, 5, 9, 13), a1);
        V pHigh = Avx512F.PermuteVar8x64x2(a0, Vector512.Create(2UL, 6, 10, 14, 3, 7, 11, 15), a1);
        V r = Avx512F.PermuteVar8x64x2(a2, Vector512.Create(0UL, 4, 8, 12, 1, 5, 9, 13), a3);
        V rHigh = Avx512F.PermuteVar8x64x2(a2, Vector512.Create(2UL, 6, 10, 14, 3, 7, 11, 15), a3);
        w0 = Avx512F.PermuteVar8x64x2(p, Vector512.Create(0UL, 1, 2, 3, 8, 9, 10, 11), r);
        w1 = Avx512F.PermuteVar8x64x2(p, Vector512.Create(4UL, 5, 6, 7, 12, 13, 14, 15), r);
        w2 = Avx512F.PermuteVar8x64x2(pHigh, Vector512.Create(0UL, 1, 2, 3, 8, 9, 10, 11), rHigh);
        w3 = Avx512F.PermuteVar8x64x2(pHigh, Vector512.Create(4UL, 5, 6, 7, 12, 13, 14, 15), rHigh);
    }
}
