// SPDX-License-Identifier: MIT
using ZkOptions.Constraints;
using ZkOptions.Constraints.V1;
using ZkOptions.Field;

namespace ZkOptions.Circuit.Compiler;

/// <summary>
/// Compiles a circuit to v1 PLONK gates (snarkjs's gate shape) or v2 rows: one gate (row) per public input first, as
/// snarkjs lays them out, then the gates <c>Define</c> adds, with wires 1..nPublic the public inputs, then the secret inputs, then
/// internal wires. The circuit object's inputs are overwritten with the wires.
/// </summary>
public static class CircuitCompiler
{
    /// <summary>Compiles <paramref name="circuit"/> to the layout of <paramref name="system"/>.</summary>
    public static CompiledCircuit Compile(Circuit circuit, string? name = null, ProofSystem system = ProofSystem.V1)
    {
        ArgumentNullException.ThrowIfNull(circuit);
        var binding = new CircuitInputBinding(circuit);
        var inputs = binding.Layout();
        int inputWires = inputs.Sum(i => i.Count);
        int publicCount = inputs.Where(i => i.IsPublic).Sum(i => i.Count);
        var names = new Dictionary<int, string>();
        foreach (var input in inputs)
        {
            for (int j = 0; j < input.Count; j++)
            {
                names[input.FirstWire + j] = input.ElementName(j);
            }
        }
        string WireName(int wire) => wire == 0 ? "one" : names.TryGetValue(wire, out var n) ? n : $"w{wire}";

        var builder = new ConstraintSystemBuilder(inputWires, system);
        for (int s = 1; s <= publicCount; s++)
        {
            int origin = builder.AddOrigin(new ConstraintOrigin("", "", 0, $"public input {WireName(s)}", []));
            builder.AddGate(new PlonkGate((uint)s, 0, 0, Fr.Zero, Fr.One, Fr.Zero, Fr.Zero, Fr.Zero), origin);
        }
        binding.Assign(inputs, (input, j) => Variable.FromWire(input.FirstWire + j));
        var api = new Api(builder, testEngine: false, WireName);
        circuit.Define(api);
        api.FinishRangeChecks();
        if (api.CurrentScope.Length != 0)
        {
            throw new CircuitDefinitionException($"{circuit.GetType().Name}.Define returned with scope '{api.CurrentScope}' still open");
        }
        return new CompiledCircuit(name ?? circuit.GetType().Name, inputs, publicCount, builder, WireName);
    }
}
