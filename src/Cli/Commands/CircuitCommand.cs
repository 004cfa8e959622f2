// SPDX-License-Identifier: MIT
using System.CommandLine;
using System.Diagnostics;
using System.Text.Json.Nodes;
using ZkOptions.Circuit.Catalog;
using ZkOptions.Circuit.Compiler;
using ZkOptions.Circuit.R1cs;
using ZkOptions.Circuit.Solving;
using ZkOptions.Cli.Output;
using ZkOptions.Constraints;
using ZkOptions.Prover.Formats;
using ZkOptions.Prover.Plonk;
using ZkOptions.Prover.PlonkV2;

namespace ZkOptions.Cli.Commands;

/// <summary>
/// <c>zkoptions circuit list|info|check|witness|export-r1cs</c>: the built-in DSL circuits (or, with --assembly,
/// those of the user's assembly), their gate counts by scope, the checker (which names every failed constraint with
/// its C# file:line and values; info and check also for the PLONK v2 layout with --system v2), witness solving to a snarkjs .wtns, and export to .r1cs for snarkjs tooling.
/// </summary>
internal static class CircuitCommand
{
    public static Command Build()
    {
        var command = new Command("circuit", "Inspect, check and export circuits written in the zkoptions DSL: the built-in ones, or your own with --assembly.");
        command.Add(List());
        command.Add(Info());
        command.Add(Check());
        command.Add(Witness());
        command.Add(ExportR1cs());
        return command;
    }

    private static Command List()
    {
        var assembly = new AssemblyOptions();
        assembly.Assembly.Description = "List the circuits of this .NET assembly (your class library built against ZkOptions.Circuit) instead of the built-in ones.";
        var command = new Command("list", "List the built-in circuits, or with --assembly the circuits of your assembly.") { assembly.Assembly };
        command.SetAction(parse =>
        {
            var run = CommandRun.Of(parse);
            var user = assembly.Open(parse);
            List<(string Name, string Description)> circuits = user is null
                ? [.. CircuitCatalog.All.Select(d => (d.Name, d.Description)), ("batch-N", BatchDescription)]
                : [.. user.Circuits.Select(c => (c.Name, c.Description))];
            run.Result.Succeeded(new JsonObject
            {
                ["circuits"] = new JsonArray([.. circuits.Select(c => (JsonNode)new JsonObject { ["name"] = c.Name, ["description"] = c.Description })]),
            });
            if (run.Json)
            {
                return ExitCodes.Ok;
            }
            int width = circuits.Max(c => c.Name.Length);
            foreach (var (circuitName, description) in circuits)
            {
                run.Out.WriteLine($"{circuitName.PadRight(width)}  {description}");
            }
            return ExitCodes.Ok;
        });
        return command;
    }

    private const string BatchDescription = "the settlement batch circuit with N transaction slots (docs/circuits-settlement.md); setup and prove take --parameters";

    /// <summary>Compiles a circuit, showing the phase on the progress line (a batch circuit takes seconds).</summary>
    private static CompiledCircuit Compile(CommandRun run, CircuitDescriptor descriptor, ProofSystem system = ProofSystem.V1)
    {
        run.Progress.Phase($"compiling {descriptor.Name}{(system == ProofSystem.V2 ? " for v2" : "")}");
        return CircuitOptions.Compile(descriptor, system);
    }

    private static Option<string> SystemOption() =>
        CircuitOptions.SystemOption("The proof system to compile for: v1 (snarkjs-compatible PLONK gates, the default) or v2 (PLONK v2 rows with custom gates and lookups).");

    private static Command Info()
    {
        var name = CircuitOptions.NameArgument();
        var assembly = new AssemblyOptions();
        var system = SystemOption();
        var command = new Command("info", "Gates (in total and by scope), wires and inputs of a circuit; with --system v2 its rows, domain and lookup tables.") { name, system };
        assembly.AddTo(command);
        command.SetAction(parse =>
        {
            var run = CommandRun.Of(parse);
            ProofSystem proofSystem = CircuitOptions.System(parse, system);
            var descriptor = assembly.Find(parse, parse.GetValue(name));
            var circuit = Compile(run, descriptor, proofSystem);
            if (proofSystem == ProofSystem.V2)
            {
                return InfoV2(run, descriptor, circuit);
            }
            int power = PlonkSetup.DomainPower(circuit.GateCount);
            var byScope = circuit.GatesByScope();
            run.Result.Succeeded(new JsonObject
            {
                ["name"] = circuit.Name,
                ["description"] = descriptor.Description,
                ["system"] = ProofSystem.V1.Name(),
                ["gates"] = circuit.GateCount,
                ["wires"] = circuit.WireCount,
                ["domainPower"] = power,
                ["publicInputs"] = Inputs(circuit.Inputs.Where(i => i.IsPublic)),
                ["secretInputs"] = Inputs(circuit.Inputs.Where(i => !i.IsPublic)),
                ["gatesByScope"] = new JsonArray([.. byScope.Select(s => (JsonNode)new JsonObject { ["scope"] = s.Scope, ["gates"] = s.Gates })]),
            });
            if (run.Json)
            {
                return ExitCodes.Ok;
            }
            var stdout = run.Out;
            stdout.WriteLine($"circuit   {circuit.Name}: {descriptor.Description}");
            stdout.WriteLine($"gates     {circuit.GateCount} PLONK gates (domain 2^{power}, a .ptau of power ≥ {power} is needed)");
            stdout.WriteLine($"wires     {circuit.WireCount}");
            stdout.WriteLine($"public    {Describe(circuit.Inputs.Where(i => i.IsPublic))}");
            stdout.WriteLine($"secret    {Describe(circuit.Inputs.Where(i => !i.IsPublic))}");
            stdout.WriteLine();
            stdout.WriteLine("gates by scope");
            int width = Math.Max(5, byScope.Max(s => s.Scope.Length));
            foreach (var (scope, gates) in byScope)
            {
                stdout.WriteLine($"  {scope.PadRight(width)}  {gates,9}  {100.0 * gates / circuit.GateCount,5:F1} %");
            }
            return ExitCodes.Ok;
        });
        return command;
    }

    /// <summary>
    /// circuit info --system v2: the rows in total and by scope, the domain (the rows, the padding row that pins the
    /// constant one, and the lookup tables, which share it) and the tables.
    /// </summary>
    private static int InfoV2(CommandRun run, CircuitDescriptor descriptor, CompiledCircuit circuit)
    {
        var wide = circuit.ToWideCircuit();
        int power = PlonkV2Setup.DomainPower(wide);
        var byScope = circuit.GatesByScope();
        run.Result.Succeeded(new JsonObject
        {
            ["name"] = circuit.Name,
            ["description"] = descriptor.Description,
            ["system"] = ProofSystem.V2.Name(),
            ["rows"] = circuit.RowCount,
            ["wires"] = circuit.WireCount,
            ["domainPower"] = power,
            ["publicInputs"] = Inputs(circuit.Inputs.Where(i => i.IsPublic)),
            ["secretInputs"] = Inputs(circuit.Inputs.Where(i => !i.IsPublic)),
            ["rowsByScope"] = new JsonArray([.. byScope.Select(s => (JsonNode)new JsonObject { ["scope"] = s.Scope, ["rows"] = s.Gates })]),
            ["tables"] = new JsonArray([.. wide.Tables.Select(t => (JsonNode)new JsonObject { ["name"] = t.Name, ["size"] = t.Values.Count })]),
        });
        if (run.Json)
        {
            return ExitCodes.Ok;
        }
        var stdout = run.Out;
        int keySize = new QuotientLayout(power, ZkOptions.Constraints.V2.WideGates.All).CommitmentKeySize;
        stdout.WriteLine($"circuit   {circuit.Name}: {descriptor.Description}");
        stdout.WriteLine($"system    v2 (PLONK v2: 5 wires a row, custom gates, lookups)");
        stdout.WriteLine($"rows      {circuit.RowCount} (domain 2^{power}: the rows, one padding row and {Counted.Of(wide.TableSize, "table entry", "table entries")}; " +
                         $"a .ptau with ≥ {keySize} powers of tau in G1 is needed)");
        stdout.WriteLine($"wires     {circuit.WireCount}");
        stdout.WriteLine($"public    {Describe(circuit.Inputs.Where(i => i.IsPublic))}");
        stdout.WriteLine($"secret    {Describe(circuit.Inputs.Where(i => !i.IsPublic))}");
        stdout.WriteLine($"tables    {(wide.Tables.Count == 0 ? "(none)" : string.Join(", ", wide.Tables.Select(t => $"{t.Name} ({t.Values.Count})")))}");
        stdout.WriteLine();
        stdout.WriteLine("rows by scope");
        int width = Math.Max(5, byScope.Max(s => s.Scope.Length));
        foreach (var (scope, rows) in byScope)
        {
            stdout.WriteLine($"  {scope.PadRight(width)}  {rows,9}  {100.0 * rows / circuit.RowCount,5:F1} %");
        }
        return ExitCodes.Ok;
    }

    private static JsonArray Inputs(IEnumerable<CircuitInput> inputs) =>
        new([.. inputs.Select(i => (JsonNode)new JsonObject { ["name"] = i.Name, ["length"] = i.Length })]);

    private static string Describe(IEnumerable<CircuitInput> inputs)
    {
        var list = inputs.Select(i => i.Length is int n ? $"{i.Name}[{n}]" : i.Name).ToList();
        return list.Count == 0 ? "(none)" : string.Join(", ", list);
    }

    private static Command Check()
    {
        var name = CircuitOptions.NameArgument();
        var input = FileOptions.Input("--input", "Input values as JSON: {\"name\": \"value\" or [values], …}.");
        var system = SystemOption();
        var command = new Command("check",
            "Solve the witness from the inputs and check every constraint (v1 gates, or with --system v2 rows and lookups); exit 1 with a report naming each failed one.") { name, input, system };
        var assembly = new AssemblyOptions();
        assembly.AddTo(command);
        command.SetAction(parse =>
        {
            var run = CommandRun.Of(parse);
            ProofSystem proofSystem = CircuitOptions.System(parse, system);
            var descriptor = assembly.Find(parse, parse.GetValue(name));
            string inputPath = FileOptions.ExistingFile(parse, input);
            var circuit = Compile(run, descriptor, proofSystem);
            bool v2 = proofSystem == ProofSystem.V2;
            var inputs = InputAssignment.ReadFile(inputPath);
            run.Progress.Phase($"solving and checking the witness of {circuit.Name}");
            var failures = circuit.Check(circuit.Solve(inputs));
            var outcome = new JsonObject
            {
                ["circuit"] = circuit.Name,
                ["satisfied"] = failures.Count == 0,
                ["system"] = proofSystem.Name(),
                [v2 ? "rows" : "gates"] = circuit.Size,
                ["failures"] = ConstraintFailureJson.Of(failures),
            };
            if (failures.Count == 0)
            {
                run.Result.Succeeded(outcome);
                if (!run.Json)
                {
                    run.Out.WriteLine($"satisfied: all {Counted.Of(circuit.Size, v2 ? "row" : "gate")} of {circuit.Name}{(v2 ? " (v2, lookups included)" : "")} hold");
                }
                return ExitCodes.Ok;
            }
            // The checker stops at its default limit of 100 failures.
            string summary = ConstraintFailureJson.Summary(failures.Count, circuit.Name, truncated: failures.Count == 100);
            run.Result.Rejected(summary, outcome);
            if (!run.Json)
            {
                run.Out.WriteLine($"unsatisfied: {summary}");
                foreach (var failure in failures)
                {
                    run.Out.WriteLine($"  {failure}");
                }
            }
            return ExitCodes.Rejected;
        });
        return command;
    }

    private static Command Witness()
    {
        var name = CircuitOptions.NameArgument();
        var input = FileOptions.Input("--input", "Input values as JSON.");
        var output = FileOptions.Output("--out", "Where to write the witness (.wtns, snarkjs format).");
        var command = new Command("witness",
            "Solve the full witness from the inputs, check it, and write it as a .wtns (for `zkoptions prove --witness` or snarkjs).") { name, input, output };
        var assembly = new AssemblyOptions();
        assembly.AddTo(command);
        command.SetAction(parse =>
        {
            var run = CommandRun.Of(parse);
            var descriptor = assembly.Find(parse, parse.GetValue(name));
            string inputPath = FileOptions.ExistingFile(parse, input);
            string outPath = FileOptions.OutputFile(parse, output);
            var clock = Stopwatch.StartNew();
            var circuit = Compile(run, descriptor);
            run.Progress.Phase($"solving and checking the witness of {circuit.Name}");
            var witness = circuit.Solve(InputAssignment.ReadFile(inputPath));
            var failures = circuit.Check(witness, maxFailures: 10);
            if (failures.Count > 0)
            {
                string reason = $"{inputPath} does not satisfy {circuit.Name}";
                run.Err.WriteLine($"zkoptions: {reason}; no witness written:");
                foreach (var failure in failures)
                {
                    run.Err.WriteLine($"  {failure}");
                }
                run.Result.Rejected(reason, new JsonObject { ["circuit"] = circuit.Name, ["failures"] = ConstraintFailureJson.Of(failures) });
                return ExitCodes.Rejected;
            }
            WitnessFile.Write(outPath, witness);
            run.Err.WriteLine($"zkoptions: solved {witness.Length} wires of {circuit.Name} in {clock.Elapsed.TotalMilliseconds:F0} ms; wrote {outPath}");
            run.Result.Succeeded(new JsonObject { ["circuit"] = circuit.Name, ["out"] = outPath, ["wires"] = witness.Length });
            return ExitCodes.Ok;
        });
        return command;
    }

    private static Command ExportR1cs()
    {
        var name = CircuitOptions.NameArgument();
        var output = FileOptions.Output("--out", "Where to write the .r1cs.");
        var command = new Command("export-r1cs",
            "Write the circuit as an iden3 .r1cs (one constraint per PLONK gate), for `snarkjs plonk setup` and other circom tools.") { name, output };
        var assembly = new AssemblyOptions();
        assembly.AddTo(command);
        command.SetAction(parse =>
        {
            var run = CommandRun.Of(parse);
            var descriptor = assembly.Find(parse, parse.GetValue(name));
            string outPath = FileOptions.OutputFile(parse, output);
            var circuit = Compile(run, descriptor);
            R1csExporter.Write(circuit, outPath);
            int constraints = circuit.GateCount - circuit.PublicCount;
            run.Err.WriteLine($"zkoptions: wrote {outPath}: {Counted.Of(constraints, "constraint")}, {Counted.Of(circuit.WireCount, "wire")}, {Counted.Of(circuit.PublicCount, "public input")}");
            run.Result.Succeeded(new JsonObject
            {
                ["circuit"] = circuit.Name,
                ["out"] = outPath,
                ["constraints"] = constraints,
                ["wires"] = circuit.WireCount,
                ["publicInputs"] = circuit.PublicCount,
            });
            return ExitCodes.Ok;
        });
        return command;
    }
}
