// SPDX-License-Identifier: MIT
using ILGPU;

namespace ZkOptions.Prover.Engines.Gpu;

/// <summary>
/// Kernels of the bucket (Pippenger) MSM. With c-bit windows, window w of scalar i has digit d = bits
/// [w·c, w·c + c) and point i goes to bucket key w·2^c + d (digit 0 goes nowhere). A counting sort groups the
/// point indices by key (count, host prefix sum, scatter), one thread per bucket sums its points, and each
/// window's Σ d·bucket_d is formed by running sums over segments of buckets, then over segments, then Horner.
/// </summary>
internal static class MsmKernels
{
    /// <summary>Scalars from Montgomery form to canonical integers, in place.</summary>
    public static void ToCanonical(Index1D i, ArrayView<Limbs256> scalars)
    {
        Limbs256 s = scalars[i];
        DeviceFr.ToCanonical(in s, out Limbs256 c);
        scalars[i] = c;
    }

    /// <summary>Counts, per bucket key, the points whose digit lands there.</summary>
    public static void CountDigits(Index1D i, ArrayView<Limbs256> scalars, ArrayView<int> counts, int windowBits, int windowCount)
    {
        Limbs256 s = scalars[i];
        for (int w = 0; w < windowCount; w++)
        {
            int d = Digit(in s, w * windowBits, windowBits);
            if (d != 0)
            {
                Atomic.Add(ref counts[(w << windowBits) | d], 1);
            }
        }
    }

    /// <summary>Writes each point index into its bucket's slice (cursors start at the slices' starts).</summary>
    public static void ScatterDigits(
        Index1D i, ArrayView<Limbs256> scalars, ArrayView<int> cursors, ArrayView<int> pointIndices, int windowBits, int windowCount)
    {
        Limbs256 s = scalars[i];
        for (int w = 0; w < windowCount; w++)
        {
            int d = Digit(in s, w * windowBits, windowBits);
            if (d != 0)
            {
                int slot = Atomic.Add(ref cursors[(w << windowBits) | d], 1);
                pointIndices[slot] = i;
            }
        }
    }

    /// <summary>One thread per bucket key: the sum of the bucket's points.</summary>
    public static void AccumulateBuckets<TCurve, TAffine, TJacobian>(
        Index1D key, ArrayView<TAffine> points, ArrayView<int> pointIndices, ArrayView<int> starts, ArrayView<int> counts,
        ArrayView<TJacobian> buckets)
        where TCurve : struct, IDeviceCurve<TAffine, TJacobian>
        where TAffine : unmanaged
        where TJacobian : unmanaged
    {
        TCurve curve = default;
        TJacobian acc = curve.Infinity();
        int start = starts[key];
        int end = start + counts[key];
        for (int k = start; k < end; k++)
        {
            TAffine p = points[pointIndices[k]];
            curve.AddMixed(in acc, in p, out acc);
        }
        buckets[key] = acc;
    }

    /// <summary>
    /// One thread per (window, segment of segmentLength buckets): Σ d·bucket_d over the segment's digits d ≥ lo,
    /// as running sums from the top, which give Σ (d − lo + 1)·bucket_d, plus (lo − 1)·Σ bucket_d.
    /// </summary>
    public static void ReduceSegments<TCurve, TAffine, TJacobian>(
        Index1D t, ArrayView<TJacobian> buckets, ArrayView<TJacobian> segmentSums, int windowBits, int segmentLength, int segmentsPerWindow)
        where TCurve : struct, IDeviceCurve<TAffine, TJacobian>
        where TAffine : unmanaged
        where TJacobian : unmanaged
    {
        TCurve curve = default;
        int window = t / segmentsPerWindow;
        int segment = t - window * segmentsPerWindow;
        int lo = segment * segmentLength;
        int hi = lo + segmentLength;
        if (lo < 1)
        {
            lo = 1; // digit 0 has no bucket
        }
        int baseKey = window << windowBits;
        TJacobian running = curve.Infinity();
        TJacobian acc = curve.Infinity();
        for (int d = hi - 1; d >= lo; d--)
        {
            TJacobian bucket = buckets[baseKey + d];
            curve.Add(in running, in bucket, out running);
            curve.Add(in acc, in running, out acc);
        }
        if (lo > 1)
        {
            MulSmall<TCurve, TAffine, TJacobian>(in running, lo - 1, out TJacobian shifted);
            curve.Add(in acc, in shifted, out acc);
        }
        segmentSums[t] = acc;
    }

    /// <summary>One thread per window: the sum of its segments.</summary>
    public static void SumWindows<TCurve, TAffine, TJacobian>(
        Index1D window, ArrayView<TJacobian> segmentSums, ArrayView<TJacobian> windowSums, int segmentsPerWindow)
        where TCurve : struct, IDeviceCurve<TAffine, TJacobian>
        where TAffine : unmanaged
        where TJacobian : unmanaged
    {
        TCurve curve = default;
        TJacobian acc = curve.Infinity();
        int first = window * segmentsPerWindow;
        for (int s = 0; s < segmentsPerWindow; s++)
        {
            TJacobian part = segmentSums[first + s];
            curve.Add(in acc, in part, out acc);
        }
        windowSums[window] = acc;
    }

    /// <summary>A single thread: Σ_w 2^(w·c)·windowSums[w] by Horner's rule, into result[0].</summary>
    public static void CombineWindows<TCurve, TAffine, TJacobian>(
        Index1D thread, ArrayView<TJacobian> windowSums, ArrayView<TJacobian> result, int windowBits, int windowCount)
        where TCurve : struct, IDeviceCurve<TAffine, TJacobian>
        where TAffine : unmanaged
        where TJacobian : unmanaged
    {
        TCurve curve = default;
        TJacobian acc = windowSums[windowCount - 1];
        for (int w = windowCount - 2; w >= 0; w--)
        {
            for (int b = 0; b < windowBits; b++)
            {
                curve.Double(in acc, out acc);
            }
            TJacobian part = windowSums[w];
            curve.Add(in acc, in part, out acc);
        }
        result[thread] = acc;
    }

    /// <summary>The c-bit digit of a canonical scalar starting at bitOffset (c ≤ 32).</summary>
    internal static int Digit(in Limbs256 s, int bitOffset, int bits)
    {
        int limb = bitOffset >> 6;
        int shift = bitOffset & 63;
        ulong v = s.Limb(limb) >> shift;
        if (shift + bits > 64 && limb < 3)
        {
            v |= s.Limb(limb + 1) << (64 - shift);
        }
        return (int)(v & ((1UL << bits) - 1));
    }

    /// <summary>r = k·p for a small non-negative k, by double-and-add from the top bit.</summary>
    private static void MulSmall<TCurve, TAffine, TJacobian>(in TJacobian p, int k, out TJacobian r)
        where TCurve : struct, IDeviceCurve<TAffine, TJacobian>
        where TAffine : unmanaged
        where TJacobian : unmanaged
    {
        TCurve curve = default;
        int top = 30;
        while (top >= 0 && ((k >> top) & 1) == 0)
        {
            top--;
        }
        TJacobian acc = top < 0 ? curve.Infinity() : p;
        for (int bit = top - 1; bit >= 0; bit--)
        {
            curve.Double(in acc, out acc);
            if (((k >> bit) & 1) != 0)
            {
                curve.Add(in acc, in p, out acc);
            }
        }
        r = acc;
    }
}
