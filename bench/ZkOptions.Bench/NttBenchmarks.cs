// SPDX-License-Identifier: MIT
using BenchmarkDotNet.Attributes;
using ZkOptions.Field;
using ZkOptions.Prover.Engines.Cpu;

namespace ZkOptions.Bench;

/// <summary>
/// Forward NTT in place over Fr (natural order in and out), one whole transform per operation. "all cores" uses
/// Environment.ProcessorCount threads; the scalar rows turn the AVX-512 path off for comparison.
/// </summary>
[Config(typeof(BenchConfig))]
public class NttBenchmarks
{
    private readonly Dictionary<int, Fr[]> _inputs = [];
    private readonly CpuNttEngine _allCores = new();
    private readonly CpuNttEngine _oneThread = new(maxThreads: 1);
    private readonly CpuNttEngine _scalarAllCores = new() { UseVectorPath = false };

    [GlobalSetup]
    public void Setup()
    {
        var rng = new Random(42);
        foreach (int log2n in new[] { 16, 20, 22 })
        {
            _inputs[log2n] = Enumerable.Range(0, 1 << log2n).Select(_ => Fr.Random(rng)).ToArray();
        }
    }

    [Benchmark(Description = "forward 2^16, all cores")]
    public void Forward16() => _allCores.Forward(_inputs[16]);

    [Benchmark(Description = "forward 2^20, all cores")]
    public void Forward20() => _allCores.Forward(_inputs[20]);

    [Benchmark(Description = "forward 2^22, all cores")]
    public void Forward22() => _allCores.Forward(_inputs[22]);

    [Benchmark(Description = "forward 2^20, one thread")]
    public void Forward20OneThread() => _oneThread.Forward(_inputs[20]);

    [Benchmark(Description = "forward 2^20, all cores, scalar path")]
    public void Forward20Scalar() => _scalarAllCores.Forward(_inputs[20]);
}
