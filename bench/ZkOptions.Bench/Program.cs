// SPDX-License-Identifier: MIT
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Running;

// Run everything:   dotnet run -c Release --project bench/ZkOptions.Bench -- --filter '*'
// Run one suite:    dotnet run -c Release --project bench/ZkOptions.Bench -- --filter '*FieldBenchmarks*'
BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args, DefaultConfig.Instance);
