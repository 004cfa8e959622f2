// SPDX-License-Identifier: MIT
using System.CommandLine;
using System.Diagnostics;
using System.Text.Json;
using ZkOptions.Circuit.Catalog;
using ZkOptions.Circuit.Compiler;
using ZkOptions.Circuit.R1cs;
using ZkOptions.Circuit.Solving;
using ZkOptions.Prover.Formats;
using ZkOptions.Prover.Plonk;

namespace ZkOptions.Cli.Commands;

/// <summary>
/// <c>zkoptions circuit list|info|check|witness|export-r1cs</c>: the built-in DSL circuits, their gate counts by
/// scope, the checker (which names every failed constraint with its C# file:line and values), witness solving to a
/// snarkjs .wtns, and export to .r1cs for snarkjs tooling.
/// </summary>
internal static class CircuitCommand
{
    public static Command Build()
    {
        var command = new Command("circuit", "Inspect, check and export the built-in circuits written in the zkoptions DSL.");
        command.Add(List());
        command.Add(Info());
        command.Add(Check());
        command.Add(Witness());
        command.Add(ExportR1cs());
        return command;
    }

    private static Command List()
    {
        var json = new Option<bool>("--json") { Description = "Print one JSON object instead of a table." };
        var command = new Command("list", "List the built-in circuits.") { json };
        command.SetAction(parse =>
        {
            var stdout = parse.InvocationConfiguration.Output;
            if (parse.GetValue(json))
            {
                stdout.WriteLine(JsonSerializer.Serialize(new
                {
                    circuits = CircuitCatalog.All.Select(d => new { name = d.Name, description = d.Description })
                        .Append(new { name = "batch-N", description = BatchDescription }),
                }));
                return ExitCodes.Ok;
            }
            int width = CircuitCatalog.All.Max(d => d.Name.Length);
            foreach (var d in CircuitCatalog.All)
            {
                stdout.WriteLine($"{d.Name.PadRight(width)}  {d.Description}");
            }
            stdout.WriteLine($"{"batch-N".PadRight(width)}  {BatchDescription}");
            return ExitCodes.Ok;
        });
        return command;
    }

    private const string BatchDescription = "the settlement batch circuit with N transaction slots (DESIGN.md §4); setup and prove take --parameters";

    private static Command Info()
    {
        var name = CircuitOptions.NameArgument();
        var json = new Option<bool>("--json") { Description = "Print one JSON object instead of text." };
        var command = new Command("info", "Gates (in total and by scope), wires and inputs of a circuit.") { name, json };
        command.SetAction(parse =>
        {
            var descriptor = CircuitOptions.Find(parse.GetValue(name)!);
            var circuit = CircuitCompiler.Compile(descriptor.Create(), descriptor.Name);
            var stdout = parse.InvocationConfiguration.Output;
            int power = PlonkSetup.DomainPower(circuit.GateCount);
            var byScope = circuit.GatesByScope();
            if (parse.GetValue(json))
            {
                stdout.WriteLine(JsonSerializer.Serialize(new
                {
                    name = circuit.Name,
                    description = descriptor.Description,
                    gates = circuit.GateCount,
                    wires = circuit.WireCount,
                    domainPower = power,
                    publicInputs = circuit.Inputs.Where(i => i.IsPublic).Select(i => new { name = i.Name, length = i.Length }),
                    secretInputs = circuit.Inputs.Where(i => !i.IsPublic).Select(i => new { name = i.Name, length = i.Length }),
                    gatesByScope = byScope.Select(s => new { scope = s.Scope, gates = s.Gates }),
                }));
                return ExitCodes.Ok;
            }
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

    private static string Describe(IEnumerable<CircuitInput> inputs)
    {
        var list = inputs.Select(i => i.Length is int n ? $"{i.Name}[{n}]" : i.Name).ToList();
        return list.Count == 0 ? "(none)" : string.Join(", ", list);
    }

    private static Command Check()
    {
        var name = CircuitOptions.NameArgument();
        var input = FileOptions.Input("--input", "Input values as JSON: {\"name\": \"value\" or [values], …}.");
        var json = new Option<bool>("--json") { Description = "Print one JSON object instead of text." };
        var command = new Command("check",
            "Solve the witness from the inputs and check every constraint; exit 1 with a report naming each failed one.") { name, input, json };
        command.SetAction(parse =>
        {
            var circuit = CircuitOptions.Compile(parse.GetValue(name)!);
            var inputs = InputAssignment.ReadFile(FileOptions.ExistingFile(parse, input));
            var failures = circuit.Check(circuit.Solve(inputs));
            var stdout = parse.InvocationConfiguration.Output;
            if (parse.GetValue(json))
            {
                stdout.WriteLine(JsonSerializer.Serialize(new
                {
                    circuit = circuit.Name,
                    satisfied = failures.Count == 0,
                    gates = circuit.GateCount,
                    failures = failures.Select(f => new
                    {
                        gate = f.Gate, scope = f.Origin.Scope, file = Path.GetFileName(f.Origin.File), line = f.Origin.Line,
                        operation = f.Origin.Operation, values = f.Values,
                    }),
                }));
            }
            else if (failures.Count == 0)
            {
                stdout.WriteLine($"satisfied: all {circuit.GateCount} gates of {circuit.Name} hold");
            }
            else
            {
                stdout.WriteLine($"unsatisfied: {failures.Count} failed constraint{(failures.Count == 1 ? "" : "s")} in {circuit.Name}{(failures.Count == 100 ? " (first 100)" : "")}");
                foreach (var failure in failures)
                {
                    stdout.WriteLine($"  {failure}");
                }
            }
            return failures.Count == 0 ? ExitCodes.Ok : ExitCodes.Rejected;
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
        command.SetAction(parse =>
        {
            var circuit = CircuitOptions.Compile(parse.GetValue(name)!);
            string inputPath = FileOptions.ExistingFile(parse, input);
            string outPath = FileOptions.OutputFile(parse, output);
            var clock = Stopwatch.StartNew();
            var witness = circuit.Solve(InputAssignment.ReadFile(inputPath));
            var failures = circuit.Check(witness, maxFailures: 10);
            if (failures.Count > 0)
            {
                var stderr = parse.InvocationConfiguration.Error;
                stderr.WriteLine($"zkoptions: {inputPath} does not satisfy {circuit.Name}; no witness written:");
                foreach (var failure in failures)
                {
                    stderr.WriteLine($"  {failure}");
                }
                return ExitCodes.Rejected;
            }
            WitnessFile.Write(outPath, witness);
            parse.InvocationConfiguration.Error.WriteLine(
                $"zkoptions: solved {witness.Length} wires of {circuit.Name} in {clock.Elapsed.TotalMilliseconds:F0} ms; wrote {outPath}");
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
        command.SetAction(parse =>
        {
            var circuit = CircuitOptions.Compile(parse.GetValue(name)!);
            string outPath = FileOptions.OutputFile(parse, output);
            R1csExporter.Write(circuit, outPath);
            parse.InvocationConfiguration.Error.WriteLine(
                $"zkoptions: wrote {outPath}: {circuit.GateCount - circuit.PublicCount} constraints, {circuit.WireCount} wires, {circuit.PublicCount} public inputs");
            return ExitCodes.Ok;
        });
        return command;
    }
}
