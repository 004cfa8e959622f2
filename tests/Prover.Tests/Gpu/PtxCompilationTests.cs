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
    private static readonly string[] CurveKernels =
    [
        nameof(MsmKernels.AccumulateBuckets), nameof(MsmKernels.ReduceSegments), nameof(MsmKernels.SumWindows),
        nameof(MsmKernels.CombineWindows),
    ];

    public static TheoryData<string, string> Kernels()
    {
        var data = new TheoryData<string, string>();
        foreach (string name in new[]
        {
            nameof(NttKernels.BitReverse), nameof(NttKernels.Butterfly), nameof(NttKernels.Scale), nameof(NttKernels.FillPowers),
            nameof(NttKernels.MulByPowers), nameof(MsmKernels.ToCanonical), nameof(MsmKernels.CountDigits),
            nameof(MsmKernels.ScatterDigits),
        })
        {
            data.Add(name, "");
        }
        foreach (string name in CurveKernels)
        {
            data.Add(name, "G1");
            data.Add(name, "G2");
        }
        return data;
    }

    [Theory]
    [MemberData(nameof(Kernels))]
    public void KernelCompilesToPtx(string name, string curve)
    {
        MethodInfo method = typeof(NttKernels).GetMethod(name, BindingFlags.Public | BindingFlags.Static)
            ?? typeof(MsmKernels).GetMethod(name, BindingFlags.Public | BindingFlags.Static)
            ?? throw new InvalidOperationException(name);
        if (curve == "G1")
        {
            method = method.MakeGenericMethod(
                typeof(JacobianCurve<FqDeviceField, Limbs256>), typeof(DeviceAffine<Limbs256>), typeof(DeviceJacobian<Limbs256>));
        }
        else if (curve == "G2")
        {
            method = method.MakeGenericMethod(
                typeof(JacobianCurve<Fq2DeviceField, Fq2Limbs>), typeof(DeviceAffine<Fq2Limbs>), typeof(DeviceJacobian<Fq2Limbs>));
        }
        using Context context = Context.Create(builder => builder.DefaultCPU());
        using var backend = new PTXBackend(context, CudaArchitecture.SM_75, CudaInstructionSet.ISA_75, null!);
        var entry = EntryPointDescription.FromImplicitlyGroupedKernel(method);
        var kernel = (PTXCompiledKernel)backend.Compile(entry, KernelSpecialization.Empty);
        Assert.Contains(".entry", kernel.PTXAssembly);
    }
}
