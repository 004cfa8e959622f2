// SPDX-License-Identifier: MIT
using ZkOptions.Constraints;
using ZkOptions.Constraints.V1;
using ZkOptions.Constraints.V2;
using ZkOptions.Circuit.Checking;
using ZkOptions.Circuit.Solving;
using ZkOptions.Field;

namespace ZkOptions.Circuit.Compiler;

/// <summary>
/// A compiled circuit: its constraints in the layout of one proof system (v1 gates or v2 rows) with the origin of
/// each, its inputs, and the program that solves a witness from input values. Feed <see cref="ToPlonkCircuit"/> (v1)
/// or <see cref="ToWideCircuit"/> (v2) to setup, <see cref="Solve"/>'s witness to the prover.
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

    /// <summary>The proof system whose layout the constraints are in.</summary>
    public ProofSystem System => system.System;

    /// <summary>Number of v1 PLONK gates, the public-input gates included.</summary>
    public int GateCount => System == ProofSystem.V1 ? system.Gates.Count
        : throw new InvalidOperationException($"{Name} is compiled for v2, which counts rows ({nameof(RowCount)}), not gates");

    /// <summary>Number of v2 rows, the public-input rows included.</summary>
    public int RowCount => System == ProofSystem.V2 ? system.Rows.Count
        : throw new InvalidOperationException($"{Name} is compiled for v1, which counts gates ({nameof(GateCount)}), not rows");

    /// <summary>Gates (v1) or rows (v2), the unit the circuit's size is counted in.</summary>
    public int Size => system.ConstraintCount;

    /// <summary>"gate" (v1) or "row" (v2).</summary>
    public string SizeUnit => System == ProofSystem.V1 ? "gate" : "row";

    internal IReadOnlyList<PlonkGate> Gates => system.Gates;
    internal IReadOnlyList<WideRow> Rows => system.Rows;
    internal IReadOnlyList<SolverStep> Steps => system.Steps;
    internal IReadOnlyList<HintCall> Hints => system.Hints;

    /// <summary>The origin of gate (v1) or row (v2) <paramref name="gate"/>.</summary>
    public ConstraintOrigin OriginOf(int gate) => system.Origins[system.GateOrigins[gate]];

    /// <summary>The registration order of gate or row <paramref name="gate"/>'s origin: the order of the API calls.</summary>
    internal int OriginIndexOf(int gate) => system.GateOrigins[gate];

    internal ConstraintOrigin OriginOfHint(int hint) => system.Origins[system.Hints[hint].Origin];

    /// <summary>The name a report uses for a wire: an input's name, "one" for wire 0, else "w{index}".</summary>
    public string WireName(int wire) => wireName(wire);

    /// <summary>The v1 circuit for PLONK setup (no addition wires: every wire is in the witness).</summary>
    public PlonkCircuit ToPlonkCircuit() => System == ProofSystem.V1 ? new(system.Gates, [], system.WireCount, PublicCount)
        : throw new InvalidOperationException($"{Name} is compiled for v2: use {nameof(ToWideCircuit)}");

    /// <summary>The v2 circuit for PLONK v2 setup.</summary>
    public WideCircuit ToWideCircuit() => System == ProofSystem.V2 ? new(system.Rows, system.WireCount, PublicCount, system.Tables)
        : throw new InvalidOperationException($"{Name} is compiled for v1: use {nameof(ToPlonkCircuit)}");

    /// <summary>
    /// Gates (v1) or rows (v2) per scope path (public-input gates under "(public inputs)", top-level ones under
    /// "(top)").
    /// </summary>
    public IReadOnlyList<(string Scope, int Gates)> GatesByScope()
    {
        var counts = new Dictionary<string, int>();
        for (int g = 0; g < system.ConstraintCount; g++)
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
