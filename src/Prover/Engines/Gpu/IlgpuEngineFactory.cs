// SPDX-License-Identifier: MIT
using System.Diagnostics.CodeAnalysis;

namespace ZkOptions.Prover.Engines.Gpu;

/// <summary>
/// Creates the ILGPU engines on a chosen device: the ILGPU CPU accelerator (Name "ilgpu-cpu"; always available,
/// used by the tests) or the first CUDA device (Name "ilgpu-cuda"; only when ILGPU reports one). Each engine owns
/// its own context and accelerator and compiles its kernels once, on creation; dispose it when done. This is what a
/// <c>--device auto|cpu|gpu</c> option builds on: gpu without CUDA is an error, auto falls back.
/// </summary>
public static class IlgpuEngineFactory
{
    private static readonly Lazy<bool> CudaPresent = new(IlgpuDevice.ProbeCuda);

    /// <summary>True when ILGPU finds a CUDA device (driver loaded, at least one device). Probed once per process.</summary>
    public static bool HasCuda => CudaPresent.Value;

    /// <summary>An NTT engine on the ILGPU CPU accelerator.</summary>
    public static IlgpuNttEngine CreateNttOnCpu() => new(IlgpuDevice.CreateCpu());

    /// <summary>An MSM engine on the ILGPU CPU accelerator.</summary>
    public static IlgpuMsmEngine CreateMsmOnCpu() => new(IlgpuDevice.CreateCpu());

    /// <summary>An NTT engine on the first CUDA device; false (and null) when there is none.</summary>
    public static bool TryCreateNttOnCuda([NotNullWhen(true)] out IlgpuNttEngine? engine)
    {
        IlgpuDevice? device = HasCuda ? IlgpuDevice.TryCreateCuda() : null;
        engine = device is null ? null : new IlgpuNttEngine(device);
        return engine is not null;
    }

    /// <summary>An MSM engine on the first CUDA device; false (and null) when there is none.</summary>
    public static bool TryCreateMsmOnCuda([NotNullWhen(true)] out IlgpuMsmEngine? engine)
    {
        IlgpuDevice? device = HasCuda ? IlgpuDevice.TryCreateCuda() : null;
        engine = device is null ? null : new IlgpuMsmEngine(device);
        return engine is not null;
    }
}
