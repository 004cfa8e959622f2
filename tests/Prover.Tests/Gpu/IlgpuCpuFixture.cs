// SPDX-License-Identifier: MIT
using ZkOptions.Prover.Engines.Gpu;

namespace ZkOptions.Prover.Tests.Gpu;

/// <summary>
/// Engines on the ILGPU CPU accelerator, created once for all GPU tests (kernel compilation takes seconds). The
/// collection runs its tests one after another; the accelerator itself uses every core.
/// </summary>
public sealed class IlgpuCpuFixture : IDisposable
{
    public IlgpuNttEngine Ntt { get; } = IlgpuEngineFactory.CreateNttOnCpu();

    public IlgpuMsmEngine Msm { get; } = IlgpuEngineFactory.CreateMsmOnCpu();

    public void Dispose()
    {
        Ntt.Dispose();
        Msm.Dispose();
    }
}

[CollectionDefinition(Name)]
public sealed class IlgpuCpuCollection : ICollectionFixture<IlgpuCpuFixture>
{
    public const string Name = "ilgpu-cpu";
}
