// SPDX-License-Identifier: MIT
using ZkOptions.Prover.Engines.Gpu;

namespace ZkOptions.Prover.Tests.Gpu;

[Collection(IlgpuCpuCollection.Name)]
public sealed class IlgpuEngineFactoryTests(IlgpuCpuFixture fixture)
{
    [Fact]
    public void CpuEnginesAreNamedIlgpuCpu()
    {
        Assert.Equal("ilgpu-cpu", fixture.Ntt.Name);
        Assert.Equal("ilgpu-cpu", fixture.Msm.Name);
    }

    [Fact]
    public void CudaEnginesExistExactlyWhenCudaIsReported()
    {
        bool ntt = IlgpuEngineFactory.TryCreateNttOnCuda(out IlgpuNttEngine? nttEngine);
        bool msm = IlgpuEngineFactory.TryCreateMsmOnCuda(out IlgpuMsmEngine? msmEngine);
        try
        {
            Assert.Equal(IlgpuEngineFactory.HasCuda, ntt);
            Assert.Equal(IlgpuEngineFactory.HasCuda, msm);
            Assert.Equal(ntt, nttEngine is not null);
            Assert.Equal(msm, msmEngine is not null);
            if (ntt)
            {
                Assert.Equal("ilgpu-cuda", nttEngine!.Name);
                Assert.Equal("ilgpu-cuda", msmEngine!.Name);
            }
        }
        finally
        {
            nttEngine?.Dispose();
            msmEngine?.Dispose();
        }
    }

    [Fact]
    public void DisposedEnginesRefuseWorkAndDisposeTwiceQuietly()
    {
        var engine = IlgpuEngineFactory.CreateNttOnCpu();
        engine.Dispose();
        engine.Dispose();
        Assert.Throws<ObjectDisposedException>(() => engine.Forward(new ZkOptions.Field.Fr[4]));
    }
}
