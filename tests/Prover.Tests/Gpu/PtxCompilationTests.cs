// SPDX-License-Identifier: MIT
using System.Reflection;
using ILGPU;
using ILGPU.Backends.EntryPoints;
using ILGPU.Backends.PTX;
using ILGPU.Runtime;
using ILGPU.Runtime.CPU;
using ILGPU.Runtime.Cuda;
using ZkOptions.Prover.Engines.Gpu;

namespace ZkOptions.Prover.Tests.Gpu;

/// <summary>
/// There is no GPU on the build machines, so the CUDA path cannot run here; this at least compiles every kernel
/// through ILGPU's PTX backend (no driver needed), which catches constructs that the CPU accelerator accepts but
/// CUDA code generation rejects.
/// </summary>
public sealed class PtxCompilationTests
{
    public static TheoryData<string> Kernels =>
    [
        nameof(NttKernels.BitReverse), nameof(NttKernels.Butterfly), nameof(NttKernels.Scale), nameof(NttKernels.FillPowers),
        nameof(NttKernels.MulByPowers), nameof(MsmKernels.ToCanonical), nameof(MsmKernels.CountDigits), nameof(MsmKernels.ScatterDigits),
        nameof(MsmKernels.AccumulateBuckets), nameof(MsmKernels.ReduceSegments), nameof(MsmKernels.SumWindows),
        nameof(MsmKernels.CombineWindows),
    ];

    [Theory]
    [MemberData(nameof(Kernels))]
    public void KernelCompilesToPtx(string name)
    {
        MethodInfo method = typeof(NttKernels).GetMethod(name, BindingFlags.Public | BindingFlags.Static)
            ?? typeof(MsmKernels).GetMethod(name, BindingFlags.Public | BindingFlags.Static)
            ?? throw new InvalidOperationException(name);
        if (method.IsGenericMethodDefinition)
        {
            method = method.MakeGenericMethod(typeof(G1DeviceCurve), typeof(DeviceG1Affine), typeof(DeviceG1Jacobian));
        }
        using Context context = Context.Create(builder => builder.DefaultCPU());
        using var backend = new PTXBackend(context, CudaArchitecture.SM_75, CudaInstructionSet.ISA_75, null!);
        var entry = EntryPointDescription.FromImplicitlyGroupedKernel(method);
        var kernel = (PTXCompiledKernel)backend.Compile(entry, KernelSpecialization.Empty);
        Assert.Contains(".entry", kernel.PTXAssembly);
    }
}
