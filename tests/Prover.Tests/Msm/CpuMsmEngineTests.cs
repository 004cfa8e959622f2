// SPDX-License-Identifier: MIT
using ZkOptions.Field;
using ZkOptions.Prover.Engines;
using ZkOptions.Prover.Engines.Cpu;

namespace ZkOptions.Prover.Tests.Msm;

public class CpuMsmEngineTests
{
    [Fact]
    public void Name_and_thread_count()
    {
        IMsmEngine engine = new CpuMsmEngine();
        Assert.Equal("cpu", engine.Name);
        Assert.Equal(Environment.ProcessorCount, new CpuMsmEngine().MaxThreads);
        Assert.Equal(3, new CpuMsmEngine(3).MaxThreads);
        Assert.Throws<ArgumentOutOfRangeException>(() => new CpuMsmEngine(-1));
    }

    [Fact]
    public void Works_through_the_interface_on_slices()
    {
        G1TestSet set = G1TestSet.Random(120, seed: 1);
        Fr[] scalars = TestScalars.Random(120, seed: 2);
        IMsmEngine engine = new CpuMsmEngine(maxThreads: 1);
        // A slice of the points that does not start at 0, with a matching slice of the scalars.
        G1Jacobian expected = G1TestSet.Naive(set.Points.AsSpan(20, 70), scalars.AsSpan(10, 70));
        Assert.True(expected == engine.MultiScalarMul(set.Points.AsMemory(20, 100), scalars.AsMemory(10, 70)));
    }
}
