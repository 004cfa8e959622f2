// SPDX-License-Identifier: MIT
using ZkOptions.Field;

namespace ZkOptions.Prover.Engines.Gpu;

/// <summary>
/// Multi-scalar multiplication on an ILGPU accelerator with the bucket (Pippenger) method, for G1. G2 is not
/// implemented on the device: <see cref="MultiScalarMul(ReadOnlyMemory{G2Affine}, ReadOnlyMemory{Fr})"/> throws
/// <see cref="NotSupportedException"/> rather than quietly running on the host, so callers route G2 to the CPU
/// engine (PLONK proving commits only in G1). Owns its accelerator; calls are serialised.
/// </summary>
public sealed class IlgpuMsmEngine : IMsmEngine, IDisposable
{
    private readonly IlgpuDevice _device;
    private readonly DeviceMsmPipeline<G1DeviceCurve, DeviceG1Affine, DeviceG1Jacobian> _g1;
    private readonly Lock _gate = new();
    private bool _disposed;

    internal IlgpuMsmEngine(IlgpuDevice device)
    {
        _device = device;
        try
        {
            _g1 = new DeviceMsmPipeline<G1DeviceCurve, DeviceG1Affine, DeviceG1Jacobian>(device.Accelerator);
        }
        catch
        {
            device.Dispose();
            throw;
        }
    }

    /// <inheritdoc/>
    public string Name => _device.EngineName;

    /// <summary>Forces the window width in bits (1 … 16) instead of choosing it from n; null chooses. For tests.</summary>
    internal int? WindowBitsOverride { get; set; }

    /// <inheritdoc/>
    public G1Jacobian MultiScalarMul(ReadOnlyMemory<G1Affine> points, ReadOnlyMemory<Fr> scalars)
    {
        int n = scalars.Length;
        if (n > points.Length)
        {
            throw new ArgumentException($"{n} scalars but only {points.Length} points.", nameof(scalars));
        }
        ReadOnlySpan<G1Affine> hostPoints = points.Span[..n];
        ReadOnlySpan<Fr> hostScalars = scalars.Span;
        var devicePoints = new DeviceG1Affine[n];
        var deviceScalars = new Limbs256[n];
        bool anyTerm = false;
        for (int i = 0; i < n; i++)
        {
            // Infinity has no affine coordinates on the device: a zero scalar keeps it out of every bucket.
            if (!hostPoints[i].IsInfinity && !hostScalars[i].IsZero)
            {
                devicePoints[i] = DeviceG1Affine.FromHost(in hostPoints[i]);
                deviceScalars[i] = Limbs256.FromFr(in hostScalars[i]);
                anyTerm = true;
            }
        }
        if (!anyTerm)
        {
            return G1Jacobian.Infinity;
        }
        lock (_gate)
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            int windowBits = WindowBitsOverride ?? DeviceMsmPipeline<G1DeviceCurve, DeviceG1Affine, DeviceG1Jacobian>.ChooseWindowBits(n);
            return _g1.Run(devicePoints, deviceScalars, windowBits).ToHost();
        }
    }

    /// <summary>Not on the device: always throws <see cref="NotSupportedException"/>; use the CPU engine for G2.</summary>
    public G2Jacobian MultiScalarMul(ReadOnlyMemory<G2Affine> points, ReadOnlyMemory<Fr> scalars) =>
        throw new NotSupportedException("G2 MSM runs on the CPU engine; the ILGPU engine implements G1 only (PLONK proving commits in G1).");

    /// <summary>Releases the accelerator and its context.</summary>
    public void Dispose()
    {
        lock (_gate)
        {
            if (_disposed)
            {
                return;
            }
            _disposed = true;
            _device.Dispose();
        }
    }
}
