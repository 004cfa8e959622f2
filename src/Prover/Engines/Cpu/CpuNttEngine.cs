// SPDX-License-Identifier: MIT
using System.Buffers;
using ZkOptions.Field;
using ZkOptions.Prover.Polynomials;

namespace ZkOptions.Prover.Engines.Cpu;

/// <summary>
/// Number-theoretic transforms on the CPU, spread over up to <see cref="MaxThreads"/> threads. On CPUs with
/// AVX-512 sizes from 2^6 up run the eight-lane four-step transform (<see cref="NttFourStep"/>); smaller sizes
/// and other CPUs run the scalar radix-2 transform (<see cref="NttScalar"/>). Both give bit-identical results.
/// Instances hold no state besides their settings and may be shared between threads.
/// </summary>
public sealed unsafe class CpuNttEngine : INttEngine
{
    /// <summary>Turns the vector path off for engines created afterwards (tests, diagnosis).</summary>
    internal static bool VectorPathDisabled { get; set; }

    /// <summary>Sizes below this run on one thread: thread hand-off costs more than the work.</summary>
    private const int MinLog2SizeForThreads = 12;

    /// <summary>Creates an engine; <paramref name="maxThreads"/> = 0 uses <see cref="Environment.ProcessorCount"/>.</summary>
    public CpuNttEngine(int maxThreads = 0)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(maxThreads);
        MaxThreads = maxThreads == 0 ? Environment.ProcessorCount : maxThreads;
        UseVectorPath = NttVectorField.IsSupported && !VectorPathDisabled;
    }

    /// <inheritdoc />
    public string Name => "cpu";

    /// <summary>The most threads one transform uses.</summary>
    public int MaxThreads { get; }

    /// <summary>Whether this engine uses the AVX-512 path; tests clear it to reach the scalar path.</summary>
    internal bool UseVectorPath { get; set; }

    /// <inheritdoc />
    public void Forward(Memory<Fr> values) => Run(values, inverse: false, shift: null);

    /// <inheritdoc />
    public void Inverse(Memory<Fr> values) => Run(values, inverse: true, shift: null);

    /// <inheritdoc />
    public void ForwardCoset(Memory<Fr> values, Fr shift) => Run(values, inverse: false, shift);

    /// <inheritdoc />
    public void InverseCoset(Memory<Fr> values, Fr shift) => Run(values, inverse: true, shift);

    private void Run(Memory<Fr> values, bool inverse, Fr? shift)
    {
        EvaluationDomain domain = EvaluationDomain.ForSize(values.Length);
        int log2n = domain.Log2Size;
        int threads = log2n >= MinLog2SizeForThreads ? MaxThreads : 1;
        // Inverse coset: coefficients c_i = n⁻¹·shift^(−i)·(inverse DFT)_i.
        Fr? shiftInverse = null;
        if (inverse && shift is Fr s)
        {
            if (s.IsZero)
            {
                throw new ArgumentException("a coset shift must be non-zero", nameof(shift));
            }
            Fr.Inverse(in s, out Fr si);
            shiftInverse = si;
        }
        using MemoryHandle pin = values.Pin();
        Fr* p = (Fr*)pin.Pointer;
        if (UseVectorPath && log2n >= NttFourStep.MinLog2Size)
        {
            if (inverse)
            {
                NttFourStep.Transform(p, log2n, inverse: true, null, domain.SizeInverse, shiftInverse, threads);
            }
            else
            {
                NttFourStep.Transform(p, log2n, inverse: false, shift, Fr.One, null, threads);
            }
            return;
        }
        if (inverse)
        {
            NttScalar.Transform(p, log2n, domain.InverseTwiddles, threads);
            if (shiftInverse is Fr si)
            {
                NttScalar.ScaleByPowers(p, domain.Size, domain.SizeInverse, si, threads);
            }
            else
            {
                NttScalar.Scale(p, domain.Size, domain.SizeInverse, threads);
            }
        }
        else
        {
            if (shift is Fr g)
            {
                NttScalar.ScaleByPowers(p, domain.Size, Fr.One, g, threads);
            }
            NttScalar.Transform(p, log2n, domain.Twiddles, threads);
        }
    }
}
