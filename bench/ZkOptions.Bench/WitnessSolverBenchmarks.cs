// SPDX-License-Identifier: MIT
using BenchmarkDotNet.Attributes;
using ZkOptions.Circuit;
using ZkOptions.Circuit.Compiler;
using ZkOptions.Circuit.Solving;
using ZkOptions.Field;

namespace ZkOptions.Bench;

/// <summary>
/// Witness solving (inputs → every wire) on two circuit shapes of about 2^18 gates, single-threaded:
/// "arithmetic" is a chain of products and sums (one solver step per gate, no hints), "range checks" is a chain of
/// 64-bit range checks (a bit-decomposition hint per 128 gates, as the settlement circuits use). Gates per second
/// = gates / median time; the run prints the gate counts.
/// </summary>
[Config(typeof(BenchConfig))]
public class WitnessSolverBenchmarks
{
    private CompiledCircuit arithmetic = null!, rangeChecks = null!;
    private InputAssignment inputs = null!;

    [GlobalSetup]
    public void Setup()
    {
        arithmetic = CircuitCompiler.Compile(new ArithmeticChain(1 << 18));
        rangeChecks = CircuitCompiler.Compile(new RangeCheckChain(1 << 11));
        inputs = new InputAssignment().Set("x", Fr.FromUInt64(3)).Set("y", Fr.FromUInt64(5));
        Console.WriteLine($"// arithmetic: {arithmetic.GateCount} gates; range checks: {rangeChecks.GateCount} gates");
    }

    [Benchmark(Description = "solve: arithmetic chain, 2^18 gates")]
    public Fr[] Arithmetic() => arithmetic.Solve(inputs);

    [Benchmark(Description = "solve: 64-bit range-check chain, ~2^18 gates")]
    public Fr[] RangeChecks() => rangeChecks.Solve(inputs);

    /// <summary>x ← (x + i)·y, n times: one gate per step.</summary>
    public sealed class ArithmeticChain(int steps) : Circuit.Circuit
    {
        [Secret("x")] public Variable X;
        [Secret("y")] public Variable Y;

        public override void Define(Api api)
        {
            var x = X;
            for (int i = 0; i < steps; i++)
            {
                x = api.Mul(x + i, Y);
            }
            api.AssertNonZero(x);
        }
    }

    /// <summary>(x + i)·y range-checked to 64 bits, n times: 129 gates and one 64-output hint per step.</summary>
    public sealed class RangeCheckChain(int steps) : Circuit.Circuit
    {
        [Secret("x")] public Variable X;
        [Secret("y")] public Variable Y;

        public override void Define(Api api)
        {
            for (int i = 0; i < steps; i++)
            {
                api.RangeCheck(api.Mul(X + i, Y), 64);
            }
        }
    }
}
