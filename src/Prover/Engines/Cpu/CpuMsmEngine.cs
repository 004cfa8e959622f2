// SPDX-License-Identifier: MIT
using ZkOptions.Field;
using ZkOptions.Prover.Msm;

namespace ZkOptions.Prover.Engines.Cpu;

/// <summary>
/// Multi-scalar multiplication on the CPU: Pippenger's bucket method with signed-digit windows, batch-affine
/// buckets for G1 and all cores (or <c>maxThreads</c>) working on separate windows. Fewer than 32 terms go to
/// the curve code's Straus method.
/// </summary>
public sealed class CpuMsmEngine : IMsmEngine
{
    private readonly MsmSettings _settings;

    /// <summary>Creates the engine.</summary>
    /// <param name="maxThreads">Worker threads; 0 means <see cref="Environment.ProcessorCount"/>.</param>
    public CpuMsmEngine(int maxThreads = 0)
        : this(new MsmSettings { MaxThreads = maxThreads })
    {
        ArgumentOutOfRangeException.ThrowIfNegative(maxThreads);
    }

    /// <summary>Creates the engine with explicit bucket-method settings (tests, benchmarks).</summary>
    internal CpuMsmEngine(MsmSettings settings)
    {
        _settings = settings;
    }

    /// <inheritdoc />
    public string Name => "cpu";

    /// <summary>Worker threads the engine uses.</summary>
    public int MaxThreads => _settings.Threads;

    /// <inheritdoc />
    public G1Jacobian MultiScalarMul(ReadOnlyMemory<G1Affine> points, ReadOnlyMemory<Fr> scalars) =>
        G1Pippenger.MultiScalarMul(points, scalars, _settings);

    /// <inheritdoc />
    public G2Jacobian MultiScalarMul(ReadOnlyMemory<G2Affine> points, ReadOnlyMemory<Fr> scalars) =>
        G2Pippenger.MultiScalarMul(points, scalars, _settings);
}
