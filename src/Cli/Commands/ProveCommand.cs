// SPDX-License-Identifier: MIT
using System.CommandLine;
using System.Diagnostics;
using System.Text.Json.Nodes;
using ZkOptions.Cli.Output;
using ZkOptions.Constraints;
using ZkOptions.Prover.Formats;
using ZkOptions.Prover.Plonk;
using ZkOptions.Prover.PlonkV2;

namespace ZkOptions.Cli.Commands;

/// <summary>
/// <c>zkoptions prove --zkey F --witness F --proof OUT --public OUT</c>: the drop-in for `snarkjs plonk prove`.
/// The witness is checked gate by gate before any heavy work; both outputs appear together or not at all. A PLONK v2
/// proving key (told by its magic "ZKPLONK2") takes --circuit/--assembly with --input, or --batch, and writes the v2
/// proof JSON. With --json: {proof, public, publicSignals, system, gates (v1) or rows (v2), domainPower, device,
/// seconds}, or, when the input does not satisfy the circuit (exit 1), {error, failures}.
/// </summary>
internal static class ProveCommand
{
    public static Command Build()
    {
        var zkey = FileOptions.Input("--zkey", "The PLONK proving key (.zkey from `zkoptions setup` or `snarkjs plonk setup`, or a v2 key from `zkoptions setup --system v2`; told apart by the file's first bytes).");
        var witness = new Option<string>("--witness") { Description = "The witness (.wtns, e.g. from `snarkjs wtns calculate`). Give this, or --circuit (or --assembly) with --input." };
        var circuitName = CircuitOptions.NameOption(required: false);
        var assembly = new AssemblyOptions();
        var input = new Option<string>("--input") { Description = "With --circuit or --assembly: the input values as JSON; the witness is solved and checked first." };
        var batch = new Option<string>("--batch") { Description = "A settlement batch file (batch-NNNN.json from `zkoptions simulate`): its witness is built for the batch-N circuit of the key (or --circuit batch-N), solved and checked first." };
        var parameters = CircuitOptions.ParametersOption();
        var proof = FileOptions.Output("--proof", "Where to write proof.json (snarkjs format; the zkoptions-plonk-v2 proof JSON for a v2 key).");
        var publicOut = FileOptions.Output("--public", "Where to write public.json (snarkjs format).");
        var verbose = new Option<bool>("--verbose", "-v") { Description = "Print the time of each proving stage on stderr." };
        var engines = new EngineOptions();
        var command = new Command("prove", "Make a PLONK proof from a .zkey and a .wtns, a DSL circuit (built-in or of your assembly) and its input JSON, or a settlement batch file (snarkjs-compatible output; with a v2 key, a PLONK v2 proof).")
            { zkey, witness, circuitName, assembly.Assembly, assembly.Type, input, batch, parameters, proof, publicOut, verbose };
        engines.AddTo(command);
        command.SetAction(parse =>
        {
            var run = CommandRun.Of(parse);
            using var threads = engines.LimitThreads(parse);
            string zkeyPath = FileOptions.ExistingFile(parse, zkey);
            string? name = parse.GetValue(circuitName);
            bool fromAssembly = assembly.Given(parse);
            bool namesCircuit = name is not null || fromAssembly;
            bool fromBatch = parse.GetValue(batch) is not null;
            bool fromWitness = parse.GetValue(witness) is not null;
            bool fromInput = parse.GetValue(input) is not null;
            if ((fromBatch ? 1 : 0) + (fromWitness ? 1 : 0) + (fromInput ? 1 : 0) != 1
                || (fromInput && !namesCircuit) || (fromWitness && namesCircuit)
                || (fromBatch && (fromAssembly || (name is not null && CircuitOptions.BatchLayoutOf(name) is null))))
            {
                throw new UsageException("give one of: --witness FILE; --circuit NAME (or --assembly PATH.dll) with --input FILE; --batch FILE (optionally with --circuit batch-N and --parameters FILE)");
            }
            if (parse.GetValue(parameters) is not null && !fromBatch)
            {
                throw new UsageException("--parameters applies only to --batch");
            }
            string? witnessPath = fromWitness ? FileOptions.ExistingFile(parse, witness) : null;
            string? inputPath = fromInput ? FileOptions.ExistingFile(parse, input) : null;
            string? batchPath = fromBatch ? FileOptions.ExistingFile(parse, batch) : null;
            var descriptor = fromInput ? assembly.Find(parse, name) : null;
            string proofPath = FileOptions.OutputFile(parse, proof);
            string publicPath = FileOptions.OutputFile(parse, publicOut);
            TextWriter stderr = run.Err;

            var clock = Stopwatch.StartNew();
            if (PlonkV2Keys.IsV2Key(zkeyPath))
            {
                if (witnessPath is not null)
                {
                    throw new UsageException($"{zkeyPath} is a PLONK v2 key, which proves DSL circuits: give --circuit NAME (or --assembly PATH.dll) with --input FILE, or --batch FILE, instead of --witness");
                }
                return ProveV2(parse, engines, run, zkeyPath, descriptor, inputPath, batchPath, name, parameters, proofPath, publicPath, clock,
                               parse.GetValue(verbose));
            }
            using var key = PlonkZkeyFile.Open(zkeyPath);
            CheckedWitness values;
            if (witnessPath is not null)
            {
                run.Progress.Phase($"reading {Path.GetFileName(witnessPath)}");
                values = CheckedWitness.Satisfied(WitnessFile.Read(witnessPath));
            }
            else if (inputPath is not null)
            {
                values = SolveChecked(descriptor!, inputPath, run);
            }
            else
            {
                values = BatchProving.SolveChecked(batchPath!, CircuitOptions.Parameters(parse, parameters), name,
                                                   new BatchKey(zkeyPath, ProofSystem.V1, key.Header.NConstraints, null), run);
            }
            if (values.Witness is null)
            {
                return Reject(run, values);
            }
            using var scope = engines.Create(parse);
            PlonkProofResult result;
            try
            {
                Action<string>? log = parse.GetValue(verbose) ? line => stderr.WriteLine($"zkoptions: {line}") : null;
                result = new PlonkProver(scope.Ntt, scope.Msm).Prove(key, values.Witness, log: log, progress: run.Progress);
            }
            catch (InvalidWitnessException e)
            {
                throw new InputFileException(witnessPath ?? inputPath ?? batchPath!, $"{e.Message} (proving key {zkeyPath}{(descriptor is null ? "" : $"; was it made for circuit {descriptor.Name}?")})");
            }
            OutputFiles.WriteTogether(
                (proofPath, path => result.Proof.Write(path)),
                (publicPath, path => PublicSignals.Write(path, result.PublicSignals)));
            double seconds = clock.Elapsed.TotalSeconds;
            stderr.WriteLine($"zkoptions: proved {key.Header.NConstraints} gates (domain 2^{key.Header.Power}) in {seconds:F2} s");
            run.Result.Succeeded(new JsonObject
            {
                ["proof"] = proofPath,
                ["public"] = publicPath,
                ["publicSignals"] = new JsonArray([.. result.PublicSignals.Select(v => (JsonNode)v.ToString())]),
                ["system"] = ProofSystem.V1.Name(),
                ["gates"] = key.Header.NConstraints,
                ["domainPower"] = key.Header.Power,
                ["device"] = scope.Device,
                ["seconds"] = Math.Round(seconds, 3),
            });
            return ExitCodes.Ok;
        });
        return command;
    }

    /// <summary>Exit 1, nothing written: the input breaks the circuit's rules, each failed one named.</summary>
    private static int Reject(CommandRun run, CheckedWitness values)
    {
        run.Err.WriteLine($"zkoptions: {values.Rejection}; no proof written:");
        foreach (var failure in values.Failures)
        {
            run.Err.WriteLine($"  {failure}");
        }
        run.Result.Rejected(values.Rejection!, new JsonObject { ["failures"] = ConstraintFailureJson.Of(values.Failures) });
        return ExitCodes.Rejected;
    }

    /// <summary>
    /// A v2 key: the circuit (named, or the batch-N circuit of the key) compiled for v2, the key checked against it,
    /// the witness solved and checked, then the v2 proof and public.json written together.
    /// </summary>
    private static int ProveV2(ParseResult parse, EngineOptions engines, CommandRun run, string zkeyPath, ZkOptions.Circuit.Catalog.CircuitDescriptor? descriptor,
                               string? inputPath, string? batchPath, string? name, Option<string> parameters, string proofPath, string publicPath, Stopwatch clock,
                               bool verbose)
    {
        run.Progress.Phase($"reading the v2 proving key {Path.GetFileName(zkeyPath)}");
        using PlonkV2ProvingKey key = PlonkV2ProvingKeyFile.Read(zkeyPath);
        CheckedWitness values;
        if (inputPath is not null)
        {
            values = SolveChecked(descriptor!, inputPath, run, ProofSystem.V2, compiled => PlonkV2Keys.RequireFor(key, zkeyPath, compiled, $"for input {inputPath}"));
        }
        else
        {
            values = BatchProving.SolveChecked(batchPath!, CircuitOptions.Parameters(parse, parameters), name,
                                               new BatchKey(zkeyPath, ProofSystem.V2, key.WireCount, (compiled, source) => PlonkV2Keys.RequireFor(key, zkeyPath, compiled, source)), run);
        }
        if (values.Witness is null)
        {
            return Reject(run, values);
        }
        using var scope = engines.Create(parse);
        PlonkV2ProofResult result;
        run.Progress.Phase($"proving (v2, domain 2^{key.VerifyingKey.Power})");
        try
        {
            Action<string>? log = verbose ? line => run.Err.WriteLine($"zkoptions: {line}") : null;
            result = new PlonkV2Prover(scope.Ntt, scope.Msm).Prove(key, values.Witness, log: log);
        }
        catch (InvalidWitnessException e)
        {
            throw new InputFileException(inputPath ?? batchPath!, $"{e.Message} (v2 proving key {zkeyPath}; was it made for {values.Circuit!.Name}?)");
        }
        OutputFiles.WriteTogether(
            (proofPath, path => result.Proof.Write(path)),
            (publicPath, path => PublicSignals.Write(path, result.PublicInputs)));
        double seconds = clock.Elapsed.TotalSeconds;
        int rows = values.Circuit!.RowCount;
        run.Err.WriteLine($"zkoptions: proved {Counted.Of(rows, "row")} of {values.Circuit.Name} with PLONK v2 (domain 2^{key.VerifyingKey.Power}) in {seconds:F2} s");
        run.Result.Succeeded(new JsonObject
        {
            ["proof"] = proofPath,
            ["public"] = publicPath,
            ["publicSignals"] = new JsonArray([.. result.PublicInputs.Select(v => (JsonNode)v.ToString())]),
            ["system"] = ProofSystem.V2.Name(),
            ["rows"] = rows,
            ["domainPower"] = key.VerifyingKey.Power,
            ["device"] = scope.Device,
            ["seconds"] = Math.Round(seconds, 3),
        });
        return ExitCodes.Ok;
    }

    /// <summary>
    /// The witness of a DSL circuit, solved from its input and checked constraint by constraint; <paramref name="require"/>
    /// first checks the compiled circuit against the key.
    /// </summary>
    private static CheckedWitness SolveChecked(ZkOptions.Circuit.Catalog.CircuitDescriptor descriptor, string inputPath, CommandRun run,
                                               ProofSystem system = ProofSystem.V1, Action<ZkOptions.Circuit.Compiler.CompiledCircuit>? require = null)
    {
        run.Progress.Phase($"compiling {descriptor.Name}{(system == ProofSystem.V2 ? " for v2" : "")}");
        var circuit = CircuitOptions.Compile(descriptor, system);
        require?.Invoke(circuit);
        run.Progress.Phase($"solving and checking the witness of {descriptor.Name}");
        var witness = circuit.Solve(ZkOptions.Circuit.Solving.InputAssignment.ReadFile(inputPath));
        var failures = circuit.Check(witness, maxFailures: 10);
        return (failures.Count == 0 ? CheckedWitness.Satisfied(witness) : CheckedWitness.Unsatisfied($"{inputPath} does not satisfy {descriptor.Name}", failures))
            with { Circuit = circuit };
    }
}
