// SPDX-License-Identifier: MIT
using ZkOptions.Field;
using ZkOptions.Prover.Polynomials;

namespace ZkOptions.Prover.Engines.Cpu;

/// <summary>
/// The portable transform: bit-reversal permutation, then radix-2 decimation-in-time butterflies with the
/// scalar <see cref="Fr.Mul"/>. The first stages run block by block (a 2^12 block of Fr is 128 KiB and stays
/// in L2), the later ones split each stage into chunks of butterflies; both spread over the worker threads.
/// This is the reference the vector path is tested against, and the path for small sizes and for CPUs
/// without AVX-512.
/// </summary>
internal static unsafe class NttScalar
{
    private const int Log2BlockSize = 12;
    private const int ChunkButterflies = 1 << 12;

    /// <summary>In place: values[k] ← Σ_i values[i]·ω^(ik), with twiddles[j] = ω^j for j &lt; n/2.</summary>
    internal static void Transform(Fr* values, int log2n, ReadOnlySpan<Fr> twiddles, int threads)
    {
        int n = 1 << log2n;
        if (n == 1)
        {
            return;
        }
        BitReversal.Permute(new Span<Fr>(values, n));
        fixed (Fr* tw = twiddles)
        {
            Fr* twp = tw;
            int blockLog = Math.Min(Log2BlockSize, log2n);
            int blocks = n >> blockLog;
            NttParallel.For(blocks, threads, b => StagesWithinBlock(values + ((long)b << blockLog), blockLog, twp, log2n));
            for (int s = blockLog + 1; s <= log2n; s++)
            {
                int half = 1 << (s - 1);
                int stride = n >> s; // twiddle index step: ω_{2·half} = ω_n^(n / 2·half)
                int chunks = Math.Max(1, (n / 2) / ChunkButterflies);
                int per = (n / 2) / chunks;
                NttParallel.For(chunks, threads, c =>
                {
                    for (int b = c * per, end = b + per; b < end; b++)
                    {
                        int k = b >> (s - 1);
                        int j = b & (half - 1);
                        Fr* u = values + ((long)k << s) + j;
                        Butterfly(u, u + half, in twp[(long)j * stride]);
                    }
                });
            }
        }
    }

    /// <summary>values[i] ← values[i]·factor for all i.</summary>
    internal static void Scale(Fr* values, int n, Fr factor, int threads)
    {
        int chunks = Math.Max(1, n / (1 << 14));
        int per = n / chunks;
        NttParallel.For(chunks, threads, c =>
        {
            for (int i = c * per, end = i + per; i < end; i++)
            {
                Fr.Mul(in values[i], in factor, out values[i]);
            }
        });
    }

    /// <summary>values[i] ← values[i]·(factor·base^i) for all i.</summary>
    internal static void ScaleByPowers(Fr* values, int n, Fr factor, Fr @base, int threads)
    {
        int chunks = Math.Max(1, n / (1 << 14));
        int per = n / chunks;
        NttParallel.For(chunks, threads, c =>
        {
            int start = c * per;
            Fr.Pow(in @base, (ulong)start, out Fr power);
            Fr.Mul(in power, in factor, out power);
            for (int i = start, end = start + per; i < end; i++)
            {
                Fr.Mul(in values[i], in power, out values[i]);
                Fr.Mul(in power, in @base, out power);
            }
        });
    }

    private static void StagesWithinBlock(Fr* block, int blockLog, Fr* twiddles, int log2n)
    {
        int size = 1 << blockLog;
        for (int s = 1; s <= blockLog; s++)
        {
            int half = 1 << (s - 1);
            int stride = 1 << (log2n - s);
            for (int k = 0; k < size; k += 2 * half)
            {
                Fr* u = block + k;
                ButterflyByOne(u, u + half); // j = 0: ω^0 = 1, no product
                for (int j = 1; j < half; j++)
                {
                    Butterfly(u + j, u + j + half, in twiddles[(long)j * stride]);
                }
            }
        }
    }

    private static void ButterflyByOne(Fr* u, Fr* v)
    {
        Fr t = *v;
        Fr.Sub(in *u, in t, out *v);
        Fr.Add(in *u, in t, out *u);
    }

    private static void Butterfly(Fr* u, Fr* v, in Fr w)
    {
        Fr.Mul(in *v, in w, out Fr t);
        Fr.Sub(in *u, in t, out *v);
        Fr.Add(in *u, in t, out *u);
    }
}
