// SPDX-License-Identifier: MIT
using ZkOptions.Field;
using G1Pipeline = ZkOptions.Prover.Engines.Gpu.DeviceMsmPipeline<
    ZkOptions.Prover.Engines.Gpu.JacobianCurve<ZkOptions.Prover.Engines.Gpu.FqDeviceField, ZkOptions.Prover.Engines.Gpu.Limbs256>,
    ZkOptions.Prover.Engines.Gpu.DeviceAffine<ZkOptions.Prover.Engines.Gpu.Limbs256>,
    ZkOptions.Prover.Engines.Gpu.DeviceJacobian<ZkOptions.Prover.Engines.Gpu.Limbs256>>;
using G2Pipeline = ZkOptions.Prover.Engines.Gpu.DeviceMsmPipeline<
    ZkOptions.Prover.Engines.Gpu.JacobianCurve<ZkOptions.Prover.Engines.Gpu.Fq2DeviceField, ZkOptions.Prover.Engines.Gpu.Fq2Limbs>,
    ZkOptions.Prover.Engines.Gpu.DeviceAffine<ZkOptions.Prover.Engines.Gpu.Fq2Limbs>,
    ZkOptions.Prover.Engines.Gpu.DeviceJacobian<ZkOptions.Prover.Engines.Gpu.Fq2Limbs>>;

namespace ZkOptions.Prover.Engines.Gpu;

/// <summary>
/// Multi-scalar multiplication on an ILGPU accelerator with the bucket (Pippenger) method of
/// <see cref="MsmKernels"/>, for G1 and G2 (the same kernels, specialised per curve). G1 kernels are compiled when
/// the engine is created, G2 kernels on the first G2 call. Owns its accelerator; calls are serialised.
/// </summary>
public sealed class IlgpuMsmEngine : IMsmEngine, IDisposable
{
    private readonly IlgpuDevice _device;
    private readonly G1Pipeline _g1;
    private G2Pipeline? _g2;
    private readonly Lock _gate = new();
    private bool _disposed;

    internal IlgpuMsmEngine(IlgpuDevice device)
    {
        _device = device;
        try
        {
            _g1 = new G1Pipeline(device.Accelerator);
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
        if (!TryPrepare(points.Span, scalars.Span, static p => p.IsInfinity, static p => DevicePointConversions.ToDevice(in p),
                out DeviceAffine<Limbs256>[] devicePoints, out Limbs256[] deviceScalars))
        {
            return G1Jacobian.Infinity;
        }
        lock (_gate)
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            var sum = _g1.Run(devicePoints, deviceScalars, WindowBits(devicePoints.Length));
            return DevicePointConversions.ToG1(in sum);
        }
    }

    /// <inheritdoc/>
    public G2Jacobian MultiScalarMul(ReadOnlyMemory<G2Affine> points, ReadOnlyMemory<Fr> scalars)
    {
        if (!TryPrepare(points.Span, scalars.Span, static p => p.IsInfinity, static p => DevicePointConversions.ToDevice(in p),
                out DeviceAffine<Fq2Limbs>[] devicePoints, out Limbs256[] deviceScalars))
        {
            return G2Jacobian.Infinity;
        }
        lock (_gate)
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            _g2 ??= new G2Pipeline(_device.Accelerator);
            var sum = _g2.Run(devicePoints, deviceScalars, WindowBits(devicePoints.Length));
            return DevicePointConversions.ToG2(in sum);
        }
    }

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

    private int WindowBits(int n) => WindowBitsOverride ?? G1Pipeline.ChooseWindowBits(n);

    /// <summary>
    /// The device inputs for the first scalars.Length points. Infinity has no affine coordinates on the device, so
    /// an infinity point gets a zero scalar, which keeps it out of every bucket. False when no term is left.
    /// </summary>
    private static bool TryPrepare<THost, TDevice>(
        ReadOnlySpan<THost> points, ReadOnlySpan<Fr> scalars, Func<THost, bool> isInfinity, Func<THost, TDevice> toDevice,
        out TDevice[] devicePoints, out Limbs256[] deviceScalars)
        where TDevice : unmanaged
    {
        int n = scalars.Length;
        if (n > points.Length)
        {
            throw new ArgumentException($"{n} scalars but only {points.Length} points.", nameof(scalars));
        }
        devicePoints = new TDevice[n];
        deviceScalars = new Limbs256[n];
        bool anyTerm = false;
        for (int i = 0; i < n; i++)
        {
            if (!isInfinity(points[i]) && !scalars[i].IsZero)
            {
                devicePoints[i] = toDevice(points[i]);
                deviceScalars[i] = Limbs256.FromFr(in scalars[i]);
                anyTerm = true;
            }
        }
        return anyTerm;
    }
}
