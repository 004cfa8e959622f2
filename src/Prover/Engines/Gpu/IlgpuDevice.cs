// SPDX-License-Identifier: MIT
using ILGPU;
using ILGPU.Runtime;
using ILGPU.Runtime.CPU;
using ILGPU.Runtime.Cuda;

namespace ZkOptions.Prover.Engines.Gpu;

/// <summary>
/// One ILGPU context with one accelerator on it, owned by one engine and released with it. Either the ILGPU CPU
/// accelerator (runs kernels on host threads: for tests and machines without a GPU) or the first CUDA device.
/// </summary>
internal sealed class IlgpuDevice : IDisposable
{
    private IlgpuDevice(Context context, Accelerator accelerator, string engineName)
    {
        Context = context;
        Accelerator = accelerator;
        EngineName = engineName;
    }

    public Context Context { get; }

    public Accelerator Accelerator { get; }

    /// <summary>"ilgpu-cpu" or "ilgpu-cuda", the engines' <c>Name</c>.</summary>
    public string EngineName { get; }

    /// <summary>The ILGPU CPU accelerator, running kernels in parallel on host threads.</summary>
    public static IlgpuDevice CreateCpu()
    {
        Context context = Context.Create(builder => builder.DefaultCPU());
        try
        {
            Accelerator accelerator = context.CreateCPUAccelerator(0, CPUAcceleratorMode.Parallel);
            return new IlgpuDevice(context, accelerator, "ilgpu-cpu");
        }
        catch
        {
            context.Dispose();
            throw;
        }
    }

    /// <summary>The first CUDA device, or null when ILGPU finds none (no driver, no device).</summary>
    public static IlgpuDevice? TryCreateCuda()
    {
        Context? context = null;
        try
        {
            context = Context.Create(builder => builder.Cuda());
            if (context.GetCudaDevices().Count == 0)
            {
                context.Dispose();
                return null;
            }
            Accelerator accelerator = context.CreateCudaAccelerator(0);
            return new IlgpuDevice(context, accelerator, "ilgpu-cuda");
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            // A missing or broken driver surfaces as various exceptions (DllNotFound, CudaException, TypeInitialization):
            // all of them mean "no usable CUDA device" to the caller, who falls back or reports it.
            context?.Dispose();
            return null;
        }
    }

    /// <summary>True when ILGPU reports at least one CUDA device (probes without creating an accelerator).</summary>
    public static bool ProbeCuda()
    {
        try
        {
            using Context context = Context.Create(builder => builder.Cuda());
            return context.GetCudaDevices().Count > 0;
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            return false;
        }
    }

    public void Dispose()
    {
        Accelerator.Dispose();
        Context.Dispose();
    }
}
