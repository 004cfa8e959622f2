// SPDX-License-Identifier: MIT
using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Jobs;
using ZkOptions.Field;
using ZkOptions.Prover.Engines.Cpu;

namespace ZkOptions.Bench;

/// <summary>
/// G1 multi-scalar multiplication with the CPU engine on all cores, at the sizes of KZG commitments.
/// Points are random multiples of the generator made cheaply: a few start points, then chains of additions
/// of a few fixed steps, converted to affine with one batch inversion (no 2^20 scalar multiplications).
/// </summary>
[Config(typeof(MsmBenchConfig))]
public class MsmBenchmarks
{
    private G1Affine[] _points = [];
    private Fr[] _scalars = [];
    private CpuMsmEngine _engine = new();

    [Params(16, 18, 20)]
    public int LogN { get; set; }

    /// <summary>"vector": batch-affine flushes on the 8-lane Fq kernels (the default where AVX-512F runs); "scalar": the scalar Fq flush.</summary>
    [Params("scalar", "vector")]
    public string Field { get; set; } = "vector";

    [GlobalSetup]
    public void Setup()
    {
        int n = 1 << LogN;
        _points = RandomPoints(n, seed: 42);
        var rng = new Random(43);
        _scalars = new Fr[n];
        for (int i = 0; i < n; i++)
        {
            _scalars[i] = Fr.Random(rng);
        }
        _engine = new CpuMsmEngine(new Prover.Msm.MsmSettings { VectorisedField = Field == "vector" });
    }

    [Benchmark(Description = "G1 MSM (all cores)")]
    public G1Jacobian G1Msm() => _engine.MultiScalarMul(_points, _scalars);

    /// <summary>n random points: 64 chains, each from a random start adding one of 8 random steps in turn.</summary>
    internal static G1Affine[] RandomPoints(int n, int seed)
    {
        var rng = new Random(seed);
        G1Affine[] steps = new G1Affine[8];
        for (int s = 0; s < steps.Length; s++)
        {
            steps[s] = G1Jacobian.ScalarMul(G1Affine.Generator, Fr.Random(rng)).ToAffine();
        }
        const int chains = 64;
        int chainLength = (n + chains - 1) / chains;
        var starts = new G1Jacobian[chains];
        for (int c = 0; c < chains; c++)
        {
            starts[c] = G1Jacobian.ScalarMul(G1Affine.Generator, Fr.Random(rng));
        }
        var jacobian = new G1Jacobian[n];
        Parallel.For(0, chains, c =>
        {
            G1Jacobian acc = starts[c];
            int end = Math.Min(n, (c + 1) * chainLength);
            for (int i = c * chainLength; i < end; i++)
            {
                G1Jacobian.AddMixed(in acc, in steps[i & 7], out acc);
                jacobian[i] = acc;
            }
        });
        var points = new G1Affine[n];
        G1Jacobian.BatchToAffine(jacobian, points);
        return points;
    }
}

/// <summary>
/// Like <see cref="BenchConfig"/> but with fewer iterations: one 2^20 MSM takes seconds, and the engine uses
/// all cores (the job id says so).
/// </summary>
public sealed class MsmBenchConfig : ManualConfig
{
    public MsmBenchConfig()
    {
        AddJob(Job.Default.WithWarmupCount(2).WithIterationCount(7).WithId("all-cores"));
        AddColumn(BenchmarkDotNet.Columns.StatisticColumn.Median, BenchmarkDotNet.Columns.StatisticColumn.P95);
        WithOptions(ConfigOptions.DisableOptimizationsValidator);
    }
}
