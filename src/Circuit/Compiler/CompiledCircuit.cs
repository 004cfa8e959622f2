// SPDX-License-Identifier: MIT
using ZkOptions.Circuit.Checking;
using ZkOptions.Circuit.Solving;
using ZkOptions.Field;
using ZkOptions.Prover.Plonk;

namespace ZkOptions.Circuit.Compiler;

/// <summary>
/// A compiled circuit: its PLONK gates with the origin of each, its inputs, and the program that solves a witness
/// from input values. Feed <see cref="ToPlonkCircuit"/> to setup, <see cref="Solve"/>'s witness to the prover.
/// </summary>
public sealed class CompiledCircuit
{
    private readonly ConstraintSystemBuilder system;
    private readonly Func<int, string> wireName;

    internal CompiledCircuit(string name, IReadOnlyList<CircuitInput> inputs, int publicCount, ConstraintSystemBuilder system, Func<int, string> wireName)
    {
        Name = name;
        Inputs = inputs;
        PublicCount = publicCount;
        this.system = system;
        this.wireName = wireName;
    }

    /// <summary>The circuit's name (its registry name or class name).</summary>
    public string Name { get; }

    /// <summary>Inputs in wire order (public first).</summary>
    public IReadOnlyList<CircuitInput> Inputs { get; }

    /// <summary>Number of public inputs (wires 1..PublicCount), the proof's public signals.</summary>
    public int PublicCount { get; }

    /// <summary>Number of wires, the constant-one wire 0 included (the witness length).</summary>
    public int WireCount => system.WireCount;

    /// <summary>Number of PLONK gates, the public-input gates included.</summary>
    public int GateCount => system.Gates.Count;

    internal IReadOnlyList<PlonkGate> Gates => system.Gates;
    internal IReadOnlyList<SolverStep> Steps => system.Steps;
    internal IReadOnlyList<HintCall> Hints => system.Hints;

    /// <summary>The origin of gate <paramref name="gate"/>.</summary>
    public ConstraintOrigin OriginOf(int gate) => system.Origins[system.GateOrigins[gate]];

    internal ConstraintOrigin OriginOfHint(int hint) => system.Origins[system.Hints[hint].Origin];

    /// <summary>The name a report uses for a wire: an input's name, "one" for wire 0, else "w{index}".</summary>
    public string WireName(int wire) => wireName(wire);

    /// <summary>The circuit for <see cref="PlonkSetup"/> (no addition wires: every wire is in the witness).</summary>
    public PlonkCircuit ToPlonkCircuit() => new(system.Gates, [], system.WireCount, PublicCount);

    /// <summary>Gate counts per scope path (public-input gates under "(public inputs)", top-level gates under "(top)").</summary>
    public IReadOnlyList<(string Scope, int Gates)> GatesByScope()
    {
        var counts = new Dictionary<string, int>();
        for (int g = 0; g < system.Gates.Count; g++)
        {
            string scope = g < PublicCount ? "(public inputs)" : OriginOf(g).Scope is { Length: > 0 } s ? s : "(top)";
            counts[scope] = counts.GetValueOrDefault(scope) + 1;
        }
        return counts.OrderByDescending(kv => kv.Value).ThenBy(kv => kv.Key, StringComparer.Ordinal).Select(kv => (kv.Key, kv.Value)).ToList();
    }

    /// <summary>Solves the full witness (wire 0 = 1) from input values; see <see cref="WitnessSolver"/>.</summary>
    public Fr[] Solve(InputAssignment inputs) => WitnessSolver.Solve(this, inputs, null);

    /// <summary>Every gate the witness breaks, with its origin and values (empty when satisfied).</summary>
    public IReadOnlyList<ConstraintFailure> Check(ReadOnlySpan<Fr> witness, int maxFailures = 100) =>
        ConstraintChecker.Check(this, witness, maxFailures);
}
