// SPDX-License-Identifier: MIT
using ZkOptions.Circuit.Compiler;
using ZkOptions.Circuit.Solving;
using ZkOptions.Circuit.Testing;
using ZkOptions.Field;

namespace ZkOptions.Circuit.Tests.Support;

/// <summary>
/// gnark's CheckCircuit in small: a valid assignment must pass the test engine and the compiled checker; an invalid
/// one must fail both, and the failure must name the expected rule (scope or operation text).
/// </summary>
public static class CircuitAssert
{
    public static CompiledCircuit Satisfied(Func<Circuit> create, InputAssignment inputs)
    {
        var failure = TestEngine.FirstFailure(create(), inputs);
        Assert.True(failure is null, $"test engine: {failure}");
        var compiled = CircuitCompiler.Compile(create());
        var witness = compiled.Solve(inputs);
        var failures = compiled.Check(witness);
        Assert.True(failures.Count == 0, "checker: " + string.Join("\n", failures));
        return compiled;
    }

    /// <summary>Asserts the assignment fails in both engines and every report mentions <paramref name="rule"/>.</summary>
    public static IReadOnlyList<ConstraintFailure> Fails(Func<Circuit> create, InputAssignment inputs, string rule)
    {
        var failure = TestEngine.FirstFailure(create(), inputs);
        Assert.True(failure is not null, "the test engine accepted an invalid assignment");
        Assert.Contains(rule, failure!.ToString());
        var compiled = CircuitCompiler.Compile(create());
        var failures = compiled.Check(compiled.Solve(inputs));
        Assert.NotEmpty(failures);
        Assert.Contains(rule, failures[0].ToString());
        return failures;
    }

    /// <summary>Solves honestly except that <paramref name="tamper"/> rewrites hint outputs, as a malicious prover would.</summary>
    public static IReadOnlyList<ConstraintFailure> FailsWithTamperedHint(Func<Circuit> create, InputAssignment inputs, string hintName, Action<Span<Fr>> tamper)
    {
        var compiled = CircuitCompiler.Compile(create());
        int tampered = 0;
        var witness = WitnessSolver.Solve(compiled, inputs, (name, origin, outputs) =>
        {
            if (name == hintName)
            {
                tamper(outputs);
                tampered++;
            }
        });
        Assert.True(tampered > 0, $"no hint named '{hintName}' ran");
        return compiled.Check(witness);
    }

    public static InputAssignment Inputs(params (string Name, object Value)[] values)
    {
        var inputs = new InputAssignment();
        foreach (var (name, value) in values)
        {
            switch (value)
            {
                case Fr f: inputs.Set(name, f); break;
                case long l: inputs.Set(name, Field(l)); break;
                case int i: inputs.Set(name, Field(i)); break;
                case string s: inputs.Set(name, Parse(s)); break;
                case IEnumerable<long> ls: inputs.Set(name, ls.Select(Field)); break;
                case IEnumerable<Fr> fs: inputs.Set(name, fs); break;
                default: throw new ArgumentException($"unsupported value type {value.GetType()}");
            }
        }
        return inputs;
    }

    /// <summary>A test circuit over n secret inputs "x" with the given rules.</summary>
    public static Func<Circuit> C(int n, Action<Api, Variable[]> body) => () => new TestCircuit(n, body);

    /// <summary>Values for the inputs "x" of a <see cref="TestCircuit"/>.</summary>
    public static InputAssignment X(params long[] values) => Inputs(("x", values));

    public static Fr Field(long v) => v >= 0 ? Fr.FromUInt64((ulong)v) : -Fr.FromUInt64((ulong)(-v));

    private static Fr Parse(string s) => InputAssignment.TryParseValue(s, out var f) ? f : throw new ArgumentException(s);
}
