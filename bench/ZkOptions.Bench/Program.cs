// SPDX-License-Identifier: MIT
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Running;

// Run everything:   dotnet run -c Release --project bench/ZkOptions.Bench -- --filter '*'
// Run one suite:    dotnet run -c Release --project bench/ZkOptions.Bench -- --filter '*FieldBenchmarks*'
// v1 against v2:    bench/v2/run.sh (one phase a process: ZkOptions.Bench v1-v2 setup|prove CIRCUIT v1|v2 KEY)
if (args.Length > 0 && args[0] == "v1-v2")
{
    return ZkOptions.Bench.ProverComparison.Run(args[1..]);
}
BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args, DefaultConfig.Instance);
return 0;
