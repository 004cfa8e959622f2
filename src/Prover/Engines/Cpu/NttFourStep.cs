// SPDX-License-Identifier: MIT
using System.Buffers;
using System.Runtime.Intrinsics.X86;
using ZkOptions.Field;
using ZkOptions.Prover.Polynomials;
using V = System.Runtime.Intrinsics.Vector512<ulong>;

namespace ZkOptions.Prover.Engines.Cpu;

/// <summary>
/// The AVX-512 transform: a four-step ("Bailey") decomposition n = n1·n2 whose short transforms run eight at a
/// time, one per lane, so that no butterfly ever mixes lanes. With input index i = n2·i1 + i2 and output index
/// k = k1 + n1·k2:
/// <code>
///   X[k1 + n1·k2] = Σ_i2 ω_n2^(i2·k2) · ω_n^(i2·k1) · Σ_i1 ω_n1^(i1·k1) · x[n2·i1 + i2]
/// </code>
/// Step A takes eight adjacent columns i2 (eight consecutive elements per row), transforms them down the rows
/// (size n1), multiplies by ω_n^(i2·k1) and writes them to a scratch array in the same places. Step B takes
/// eight adjacent rows k1 (eight strided loads per column), transforms along the columns (size n2), and the
/// results for eight consecutive k1 are eight consecutive outputs. Each block lives in a per-thread buffer of
/// at most 2^14 groups (for n ≤ 2^28), in L2 for the common sizes; the data crosses memory four times.
/// The coset and 1/n scalings ride along in the loads and stores.
/// </summary>
internal static unsafe class NttFourStep
{
    /// <summary>The smallest size handled here: both factors must be at least 8, one per lane.</summary>
    internal const int MinLog2Size = 6;

    private const int GroupVectors = NttVectorField.Limbs;
    private static readonly nuint GroupBytes = (nuint)(GroupVectors * sizeof(V));

    /// <summary>
    /// In place: values ← DFT(values·inputPowers) · outputFactor·outputPowers^k, where the transform uses the
    /// root ω_n (or ω_n⁻¹ when <paramref name="inverse"/>), input i is first multiplied by
    /// <paramref name="inputPowersBase"/>^i when given, and output k by outputFactor·<paramref name="outputPowersBase"/>^k.
    /// </summary>
    internal static void Transform(Fr* values, int log2n, bool inverse, Fr? inputPowersBase, Fr outputFactor,
        Fr? outputPowersBase, int threads)
    {
        int log2n1 = log2n / 2, log2n2 = log2n - log2n1;
        int n = 1 << log2n, n1 = 1 << log2n1, n2 = 1 << log2n2;
        EvaluationDomain domain = EvaluationDomain.Get(log2n);
        Fr root = inverse ? domain.GeneratorInverse : domain.Generator;
        ulong[] twiddles1 = NttVectorTwiddles.ForSize(log2n1, inverse);
        ulong[] twiddles2 = NttVectorTwiddles.ForSize(log2n2, inverse);
        Fr[] scratchArray = ArrayPool<Fr>.Shared.Rent(n);
        try
        {
            fixed (Fr* scratchPinned = scratchArray)
            fixed (ulong* tw1Pinned = twiddles1)
            fixed (ulong* tw2Pinned = twiddles2)
            {
                Fr* scratch = scratchPinned;
                ulong* tw1 = tw1Pinned, tw2 = tw2Pinned;
                // Two extra groups: a running factor and its step.
                nuint buffer1 = (nuint)(n1 + 4) * GroupBytes, buffer2 = (nuint)(n2 + 4) * GroupBytes;
                NttParallel.ForWithBuffer(n2 / 8, threads, buffer1, (block, work) =>
                    ColumnsStep(values, scratch, (V*)work, block, log2n1, log2n2, root, inputPowersBase, tw1));
                NttParallel.ForWithBuffer(n1 / 8, threads, buffer2, (block, work) =>
                    RowsStep(scratch, values, (V*)work, block, log2n1, log2n2, outputFactor, outputPowersBase, tw2));
            }
        }
        finally
        {
            ArrayPool<Fr>.Shared.Return(scratchArray);
        }
    }

    /// <summary>Step A for columns 8·block … 8·block + 7.</summary>
    private static void ColumnsStep(Fr* values, Fr* scratch, V* work, int block, int log2n1, int log2n2, Fr root,
        Fr? inputPowersBase, ulong* twiddles)
    {
        int n1 = 1 << log2n1, n2 = 1 << log2n2;
        int firstColumn = 8 * block;
        V* factor = work + (long)n1 * GroupVectors;
        V* step = factor + GroupVectors;
        V* temp = step + GroupVectors;
        Span<Fr> lanes = stackalloc Fr[8];

        // Load in bit-reversed row order (the decimation-in-time transform then yields natural order).
        if (inputPowersBase is Fr g)
        {
            // x[n2·i1 + i2] · g^(n2·i1 + i2): lane factors g^i2, advanced by g^n2 per row.
            LanePowers(g, firstColumn, lanes);
            NttVectorField.LaneFactors(lanes, factor);
            Fr.Pow(in g, (ulong)n2, out Fr rowStep);
            NttVectorField.BroadcastFactor(in rowStep, step);
            for (int i1 = 0; i1 < n1; i1++)
            {
                NttVectorField.Load(values + ((long)i1 << log2n2) + firstColumn, temp);
                NttVectorField.MulLanes(temp, factor, work + (long)BitReversal.Reverse(i1, log2n1) * GroupVectors);
                NttVectorField.MulLanes(factor, step, factor);
            }
        }
        else
        {
            for (int i1 = 0; i1 < n1; i1++)
            {
                Prefetch(values + ((long)Math.Min(i1 + PrefetchRows, n1 - 1) << log2n2) + firstColumn);
                NttVectorField.Load(values + ((long)i1 << log2n2) + firstColumn,
                    work + (long)BitReversal.Reverse(i1, log2n1) * GroupVectors);
            }
        }

        LaneTransform(work, log2n1, twiddles);

        // Twiddle ω_n^(i2·k1) (lane factors start at 1 and advance by ω_n^i2 per row) and store below 3q.
        LanePowers(root, firstColumn, lanes);
        NttVectorField.LaneFactors(lanes, step);
        lanes.Fill(Fr.One);
        NttVectorField.LaneFactors(lanes, factor);
        for (int k1 = 0; k1 < n1; k1++)
        {
            V* group = work + (long)k1 * GroupVectors;
            NttVectorField.MulLanes(group, factor, group);
            NttVectorField.Store(group, scratch + ((long)k1 << log2n2) + firstColumn);
            NttVectorField.MulLanes(factor, step, factor);
        }
    }

    /// <summary>Step B for rows 8·block … 8·block + 7.</summary>
    private static void RowsStep(Fr* scratch, Fr* values, V* work, int block, int log2n1, int log2n2,
        Fr outputFactor, Fr? outputPowersBase, ulong* twiddles)
    {
        int n1 = 1 << log2n1, n2 = 1 << log2n2;
        int firstRow = 8 * block;
        Fr* rows = scratch + ((long)firstRow << log2n2);
        for (int i2 = 0; i2 < n2; i2++)
        {
            NttVectorField.LoadStrided(rows + i2, n2, work + (long)BitReversal.Reverse(i2, log2n2) * GroupVectors);
        }

        LaneTransform(work, log2n2, twiddles);

        // Output k = k1 + n1·k2 with k1 = firstRow + lane: scale, reduce to canonical, store 8 consecutive.
        V* factor = work + (long)n2 * GroupVectors;
        V* step = factor + GroupVectors;
        Span<Fr> lanes = stackalloc Fr[8];
        if (outputPowersBase is Fr h)
        {
            LanePowers(h, firstRow, lanes);
            for (int l = 0; l < 8; l++)
            {
                lanes[l] *= outputFactor;
            }
            NttVectorField.LaneFactors(lanes, factor);
            Fr.Pow(in h, (ulong)n1, out Fr columnStep);
            NttVectorField.BroadcastFactor(in columnStep, step);
        }
        else
        {
            NttVectorField.BroadcastFactor(in outputFactor, factor);
        }
        bool scaled = outputPowersBase is not null || !outputFactor.IsOne;
        for (int k2 = 0; k2 < n2; k2++)
        {
            V* group = work + (long)k2 * GroupVectors;
            if (scaled)
            {
                NttVectorField.MulLanes(group, factor, group);
                NttVectorField.ToCanonical(group);
            }
            else
            {
                NttVectorField.Reduce(group); // a plain forward transform: no product needed
            }
            NttVectorField.Store(group, values + ((long)k2 << log2n1) + firstRow);
            if (outputPowersBase is not null)
            {
                NttVectorField.MulLanes(factor, step, factor);
            }
        }
    }

    /// <summary>
    /// Eight radix-2 decimation-in-time transforms of size 2^log2m side by side, bit-reversed input order,
    /// natural output order. Bounds (inputs below 3q): the first stage needs no product (twiddle one) and
    /// leaves values below 7q; the second stage's j = 0 butterflies likewise, below 15q; every later stage adds
    /// at most 4q (its j = 0 butterflies reduce v below 2q instead of multiplying by one), so for log2m ≤ 14 all
    /// values stay below 63q &lt; 2^260 and every product input below 2^261.
    /// </summary>
    private static void LaneTransform(V* work, int log2m, ulong* twiddles)
    {
        int m = 1 << log2m;
        const int G = GroupVectors;
        for (int k = 0; k < m; k += 2)
        {
            NttVectorField.ButterflyByOne4Q(work + (long)k * G, work + (long)(k + 1) * G);
        }
        if (m >= 4)
        {
            ulong* w1 = twiddles + (2 - 1 + 1) * NttVectorField.Limbs; // ω_4^1
            for (int k = 0; k < m; k += 4)
            {
                NttVectorField.ButterflyByOne8Q(work + (long)k * G, work + (long)(k + 2) * G);
                NttVectorField.Butterfly(work + (long)(k + 1) * G, work + (long)(k + 3) * G, w1);
            }
        }
        for (int half = 4; half < m; half <<= 1)
        {
            ulong* stage = twiddles + (long)(half - 1) * NttVectorField.Limbs;
            for (int k = 0; k < m; k += 2 * half)
            {
                V* u = work + (long)k * G;
                V* v = u + (long)half * G;
                // j = 0 has twiddle one: a cheap reduction of v below 2q replaces the product.
                NttVectorField.ReduceBelow2Q(v);
                NttVectorField.ButterflyByOne4Q(u, v);
                for (int j = 1; j < half; j++)
                {
                    NttVectorField.Butterfly(u + (long)j * G, v + (long)j * G, stage + (long)j * NttVectorField.Limbs);
                }
            }
        }
    }

    /// <summary>How many rows ahead step A prefetches: its rows are n2·32 bytes apart, too far for the hardware prefetcher.</summary>
    private const int PrefetchRows = 8;

    /// <summary>Prefetches the 256 bytes (four cache lines) of eight elements.</summary>
    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveInlining)]
    private static void Prefetch(Fr* eight)
    {
        if (Sse.IsSupported)
        {
            byte* p = (byte*)eight;
            Sse.Prefetch0(p);
            Sse.Prefetch0(p + 64);
            Sse.Prefetch0(p + 128);
            Sse.Prefetch0(p + 192);
        }
    }

    /// <summary>lanes[l] = base^(first + l).</summary>
    private static void LanePowers(Fr @base, int first, Span<Fr> lanes)
    {
        Fr.Pow(in @base, (ulong)first, out Fr power);
        for (int l = 0; l < 8; l++)
        {
            lanes[l] = power;
            Fr.Mul(in power, in @base, out power);
        }
    }
}
