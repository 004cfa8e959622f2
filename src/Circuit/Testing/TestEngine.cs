// SPDX-License-Identifier: MIT
using ZkOptions.Circuit.Compiler;

namespace ZkOptions.Circuit.Testing;

/// <summary>
/// Runs a circuit's <c>Define</c> directly on the constant values its inputs hold (gnark's test engine): no
/// compilation, no gates, every operation folds to a value and every assertion is checked as it is made. The
/// first one that fails is reported with its scope, C# file:line and values. For fast unit tests of rules; the
/// compiled path (<see cref="CompiledCircuit.Check"/>) is what a proof relies on.
/// </summary>
public static class TestEngine
{
    /// <summary>Runs the circuit; throws <see cref="ConstraintViolationException"/> at the first failed assertion.</summary>
    public static void Run(Circuit circuit)
    {
        ArgumentNullException.ThrowIfNull(circuit);
        var binding = new CircuitInputBinding(circuit);
        var layout = binding.Layout();
        foreach (var (input, index, value) in binding.Values(layout))
        {
            if (!value.IsConstant)
            {
                throw new ArgumentException($"input '{input.ElementName(index)}' is not a constant (was the object compiled?); assign values to run the test engine", nameof(circuit));
            }
        }
        var api = new Api(new ConstraintSystemBuilder(0), testEngine: true, wire => $"w{wire}");
        circuit.Define(api);
    }

    /// <summary>Assigns <paramref name="inputs"/> to the circuit's inputs as constants, then runs it.</summary>
    public static void Run(Circuit circuit, Solving.InputAssignment inputs)
    {
        ArgumentNullException.ThrowIfNull(circuit);
        var binding = new CircuitInputBinding(circuit);
        var layout = binding.Layout();
        inputs.CheckNoExtra(layout);
        binding.Assign(layout, (input, j) => new Variable(inputs.ValuesFor(input)[j]));
        Run(circuit);
    }

    /// <summary>Runs the circuit on <paramref name="inputs"/> and returns the first failure, or null when every assertion holds.</summary>
    public static ConstraintFailure? FirstFailure(Circuit circuit, Solving.InputAssignment inputs)
    {
        try
        {
            Run(circuit, inputs);
            return null;
        }
        catch (ConstraintViolationException e)
        {
            return e.Failure;
        }
    }
}
