// SPDX-License-Identifier: MIT
using System.CommandLine;
using System.Diagnostics;
using System.Text.Json.Nodes;
using ZkOptions.Circuit.Catalog;
using ZkOptions.Circuit.Compiler;
using ZkOptions.Circuit.R1cs;
using ZkOptions.Circuit.Solving;
using ZkOptions.Cli.Output;
using ZkOptions.Prover.Formats;
using ZkOptions.Prover.Plonk;

namespace ZkOptions.Cli.Commands;

/// <summary>
/// <c>zkoptions circuit list|info|check|witness|export-r1cs</c>: the built-in DSL circuits (or, with --assembly,
/// those of the user's assembly), their gate counts by scope, the checker (which names every failed constraint with
/// its C# file:line and values), witness solving to a snarkjs .wtns, and export to .r1cs for snarkjs tooling.
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
    private static CompiledCircuit Compile(CommandRun run, CircuitDescriptor descriptor)
    {
        run.Progress.Phase($"compiling {descriptor.Name}");
        return CircuitOptions.Compile(descriptor);
    }

    private static Command Info()
    {
        var name = CircuitOptions.NameArgument();
        var assembly = new AssemblyOptions();
        var command = new Command("info", "Gates (in total and by scope), wires and inputs of a circuit.") { name };
        assembly.AddTo(command);
        command.SetAction(parse =>
        {
            var run = CommandRun.Of(parse);
            var descriptor = assembly.Find(parse, parse.GetValue(name));
            var circuit = Compile(run, descriptor);
            int power = PlonkSetup.DomainPower(circuit.GateCount);
            var byScope = circuit.GatesByScope();
            run.Result.Succeeded(new JsonObject
            {
                ["name"] = circuit.Name,
                ["description"] = descriptor.Description,
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
        var command = new Command("check",
            "Solve the witness from the inputs and check every constraint; exit 1 with a report naming each failed one.") { name, input };
        var assembly = new AssemblyOptions();
        assembly.AddTo(command);
        command.SetAction(parse =>
        {
            var run = CommandRun.Of(parse);
            var descriptor = assembly.Find(parse, parse.GetValue(name));
            string inputPath = FileOptions.ExistingFile(parse, input);
            var circuit = Compile(run, descriptor);
            var inputs = InputAssignment.ReadFile(inputPath);
            run.Progress.Phase($"solving and checking the witness of {circuit.Name}");
            var failures = circuit.Check(circuit.Solve(inputs));
            var outcome = new JsonObject
            {
                ["circuit"] = circuit.Name,
                ["satisfied"] = failures.Count == 0,
                ["gates"] = circuit.GateCount,
                ["failures"] = ConstraintFailureJson.Of(failures),
            };
            if (failures.Count == 0)
            {
                run.Result.Succeeded(outcome);
                if (!run.Json)
                {
                    run.Out.WriteLine($"satisfied: all {circuit.GateCount} gates of {circuit.Name} hold");
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
