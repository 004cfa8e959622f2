// SPDX-License-Identifier: MIT
using ILGPU;

namespace ZkOptions.Prover.Engines.Gpu;

/// <summary>
/// Kernels of the radix-2 NTT: a bit-reversal permutation, then log2 n decimation-in-time butterfly stages that
/// read a twiddle table ω^j (j &lt; n/2) with a stride, so natural order goes in and comes out. Powers
/// factor·base^i (twiddles, coset shifts) come from two small tables, low[i mod 2^k]·high[i / 2^k], so the host
/// computes about 2√n powers instead of n.
/// </summary>
internal static class NttKernels
{
    /// <summary>dst[bitreverse(i, logN)] = src[i], for logN ≥ 1.</summary>
    public static void BitReverse(Index1D i, ArrayView<Limbs256> source, ArrayView<Limbs256> destination, int logN)
    {
        destination[(int)(ReverseBits((uint)i.X) >> (32 - logN))] = source[i];
    }

    /// <summary>
    /// One butterfly of the stage with half-size m = 2^halfLog: pairs (i0, i0 + m) inside blocks of 2m, twiddle
    /// ω_{2m}^j = table[j·2^twiddleShift] (the table holds ω_n^j).
    /// </summary>
    public static void Butterfly(Index1D t, ArrayView<Limbs256> values, ArrayView<Limbs256> twiddles, int halfLog, int twiddleShift)
    {
        int m = 1 << halfLog;
        int j = t & (m - 1);
        int i0 = ((t >> halfLog) << (halfLog + 1)) | j;
        int i1 = i0 + m;
        Limbs256 w = twiddles[j << twiddleShift];
        Limbs256 u = values[i0];
        Limbs256 x = values[i1];
        DeviceFr.Mul(in x, in w, out Limbs256 v);
        DeviceFr.Add(in u, in v, out Limbs256 sum);
        DeviceFr.Sub(in u, in v, out Limbs256 difference);
        values[i0] = sum;
        values[i1] = difference;
    }

    /// <summary>values[i] = values[i]·factor.</summary>
    public static void Scale(Index1D i, ArrayView<Limbs256> values, Limbs256 factor)
    {
        Limbs256 a = values[i];
        DeviceFr.Mul(in a, in factor, out Limbs256 r);
        values[i] = r;
    }

    /// <summary>destination[i] = low[i mod 2^lowBits]·high[i >> lowBits].</summary>
    public static void FillPowers(Index1D i, ArrayView<Limbs256> destination, ArrayView<Limbs256> low, ArrayView<Limbs256> high, int lowBits)
    {
        Limbs256 a = low[i & ((1 << lowBits) - 1)];
        Limbs256 b = high[i >> lowBits];
        DeviceFr.Mul(in a, in b, out Limbs256 r);
        destination[i] = r;
    }

    /// <summary>values[i] = values[i]·low[i mod 2^lowBits]·high[i >> lowBits].</summary>
    public static void MulByPowers(Index1D i, ArrayView<Limbs256> values, ArrayView<Limbs256> low, ArrayView<Limbs256> high, int lowBits)
    {
        Limbs256 a = low[i & ((1 << lowBits) - 1)];
        Limbs256 b = high[i >> lowBits];
        DeviceFr.Mul(in a, in b, out Limbs256 power);
        Limbs256 x = values[i];
        DeviceFr.Mul(in x, in power, out Limbs256 r);
        values[i] = r;
    }

    /// <summary>The 32-bit reversal of x (swaps of halves, bytes, nibbles, pairs, bits).</summary>
    internal static uint ReverseBits(uint x)
    {
        x = (x >> 16) | (x << 16);
        x = ((x & 0xFF00FF00u) >> 8) | ((x & 0x00FF00FFu) << 8);
        x = ((x & 0xF0F0F0F0u) >> 4) | ((x & 0x0F0F0F0Fu) << 4);
        x = ((x & 0xCCCCCCCCu) >> 2) | ((x & 0x33333333u) << 2);
        x = ((x & 0xAAAAAAAAu) >> 1) | ((x & 0x55555555u) << 1);
        return x;
    }
}
