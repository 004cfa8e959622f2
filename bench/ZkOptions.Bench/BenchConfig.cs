// SPDX-License-Identifier: MIT
using BenchmarkDotNet.Columns;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Jobs;

namespace ZkOptions.Bench;

/// <summary>
/// One job, single-threaded, with the median reported: these machines are shared and noisy, so
/// docs/BENCHMARKS.md quotes medians. Warm-up and iteration counts are kept modest so a full run fits in minutes.
/// </summary>
public sealed class BenchConfig : ManualConfig
{
    public BenchConfig()
    {
        AddJob(Job.Default.WithWarmupCount(4).WithIterationCount(15).WithId("single-thread"));
        AddColumn(StatisticColumn.Median, StatisticColumn.P95);
        WithOptions(ConfigOptions.DisableOptimizationsValidator);
    }
}
