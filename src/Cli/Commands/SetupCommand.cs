// SPDX-License-Identifier: MIT
using System.CommandLine;
using System.Diagnostics;
using System.Text.Json.Nodes;
using ZkOptions.Constraints;
using ZkOptions.Constraints.V1;
using ZkOptions.Constraints.V2;
using ZkOptions.Cli.Output;
using ZkOptions.Prover.Formats;
using ZkOptions.Prover.Plonk;
using ZkOptions.Prover.PlonkV2;

namespace ZkOptions.Cli.Commands;

/// <summary>
/// <c>zkoptions setup --r1cs F --ptau F --zkey OUT</c>: the drop-in for `snarkjs plonk setup`; the key it writes is
/// the one snarkjs writes for the same inputs, byte for byte. <c>--circuit NAME</c> instead takes a built-in DSL
/// circuit (or, with --assembly, a class of the user's assembly), compiled straight to gates. <c>--system v2</c>
/// compiles that circuit to PLONK v2 rows and writes the v2 binary proving key ("ZKPLONK2") to --zkey. With --json:
/// {zkey, system, gates and additions (v1) or rows (v2), domainPower, nPublic, insecureDevSrs, device, seconds}.
/// </summary>
internal static class SetupCommand
{
    public static Command Build()
    {
        var r1cs = new Option<string>("--r1cs") { Description = "The circuit (.r1cs from circom or `zkoptions circuit export-r1cs`). Give this or --circuit (or --assembly)." };
        var circuitName = CircuitOptions.NameOption(required: false);
        var assembly = new AssemblyOptions();
        var ptau = new Option<string>("--ptau") { Description = "Powers of tau (.ptau, e.g. from a ceremony or `snarkjs powersoftau`). Give this or --insecure-dev-srs." };
        var devSrs = new Option<ulong?>("--insecure-dev-srs") { Description = "INSECURE: instead of a .ptau, a structured reference string from this seed (anyone who knows it can forge proofs). For development and benchmarks only.", HelpName = "SEED" };
        var parameters = CircuitOptions.ParametersOption();
        var zkey = FileOptions.Output("--zkey", "Where to write the PLONK proving key: a snarkjs .zkey for v1, the zkoptions PLONK v2 binary proving key for --system v2.");
        var system = CircuitOptions.SystemOption("The proof system: v1 (snarkjs-compatible PLONK, the default) or v2 (zkoptions PLONK v2: wide rows, custom gates and lookups; for DSL circuits only, not --r1cs).");
        var engines = new EngineOptions();
        var command = new Command("setup", "Make a PLONK proving key (.zkey) from a circuit (.r1cs, a built-in DSL circuit, or one of your assembly) and powers of tau (.ptau); with --system v2, a PLONK v2 key for a DSL circuit.")
            { r1cs, circuitName, assembly.Assembly, assembly.Type, parameters, system, ptau, devSrs, zkey };
        engines.AddTo(command);
        command.SetAction(parse =>
        {
            var run = CommandRun.Of(parse);
            using var threads = engines.LimitThreads(parse);
            string? name = parse.GetValue(circuitName);
            bool fromCircuit = name is not null || assembly.Given(parse);
            if (fromCircuit == (parse.GetValue(r1cs) is not null))
            {
                throw new UsageException("give exactly one of --r1cs FILE and --circuit NAME (or --assembly PATH.dll)");
            }
            if ((parse.GetValue(ptau) is null) == (parse.GetValue(devSrs) is null))
            {
                throw new UsageException("give exactly one of --ptau FILE and --insecure-dev-srs SEED");
            }
            ProofSystem proofSystem = CircuitOptions.System(parse, system);
            if (proofSystem == ProofSystem.V2 && !fromCircuit)
            {
                throw new UsageException("--r1cs applies only to --system v1: v2 keys are made from DSL circuits (give --circuit NAME, or --assembly PATH.dll)");
            }
            bool batch = !assembly.Given(parse) && name is not null && CircuitOptions.BatchLayoutOf(name) is not null;
            if (parse.GetValue(parameters) is not null && !batch)
            {
                throw new UsageException("--parameters applies only to --circuit batch-N");
            }
            string? r1csPath = fromCircuit ? null : FileOptions.ExistingFile(parse, r1cs);
            string? ptauPath = parse.GetValue(ptau) is null ? null : FileOptions.ExistingFile(parse, ptau);
            var exchange = batch ? CircuitOptions.Parameters(parse, parameters) : null;
            var descriptor = fromCircuit ? assembly.Find(parse, name, exchange) : null;
            string zkeyPath = FileOptions.OutputFile(parse, zkey);
            TextWriter stderr = run.Err;
            var clock = Stopwatch.StartNew();

            ulong? seed = parse.GetValue(devSrs);
            if (seed is not null)
            {
                stderr.WriteLine($"zkoptions: WARNING: --insecure-dev-srs {seed}: τ is derived from the seed, so anyone can forge proofs for this key; never deploy it");
            }
            if (proofSystem == ProofSystem.V2)
            {
                return SetupV2(run, engines, parse, descriptor!, ptauPath, seed, zkeyPath, clock);
            }
            run.Progress.Phase(descriptor is null ? $"reading {Path.GetFileName(r1csPath)} and converting it to PLONK gates" : $"compiling {descriptor.Name}");
            var circuit = descriptor is null ? R1csToPlonk.Convert(R1csFile.Read(r1csPath!)) : CircuitOptions.Compile(descriptor).ToPlonkCircuit();
            using var scope = engines.Create(parse);
            var setup = new PlonkSetup(scope.Ntt, scope.Msm);
            PlonkZkeyHeader header;
            if (ptauPath is not null)
            {
                using var tau = PowersOfTau.Open(ptauPath);
                header = setup.Write(circuit, tau, zkeyPath, run.Progress);
            }
            else
            {
                run.Progress.Phase("making the insecure development reference string");
                var srs = DevPowersOfTau.Create((1 << PlonkSetup.DomainPower(circuit.Gates.Count)) + 6, seed!.Value);
                header = setup.Write(circuit, srs.TauG1, srs.TauG2, zkeyPath, run.Progress);
            }
            double seconds = clock.Elapsed.TotalSeconds;
            stderr.WriteLine($"zkoptions: {Counted.Of(header.NConstraints, "PLONK gate")} ({Counted.Of(header.NAdditions, "addition wire")}), domain 2^{header.Power}, " +
                             $"{Counted.Of(header.NPublic, "public signal")}; wrote {zkeyPath} in {seconds:F2} s");
            run.Result.Succeeded(new JsonObject
            {
                ["zkey"] = zkeyPath,
                ["system"] = ProofSystem.V1.Name(),
                ["gates"] = header.NConstraints,
                ["additions"] = header.NAdditions,
                ["domainPower"] = header.Power,
                ["nPublic"] = header.NPublic,
                ["insecureDevSrs"] = seed is not null,
                ["device"] = scope.Device,
                ["seconds"] = Math.Round(seconds, 3),
            });
            return ExitCodes.Ok;
        });
        return command;
    }

    /// <summary>--system v2: the circuit compiled to v2 rows, its v2 proving key written to <paramref name="zkeyPath"/>.</summary>
    private static int SetupV2(CommandRun run, EngineOptions engines, ParseResult parse, ZkOptions.Circuit.Catalog.CircuitDescriptor descriptor,
                               string? ptauPath, ulong? seed, string zkeyPath, Stopwatch clock)
    {
        run.Progress.Phase($"compiling {descriptor.Name} for v2");
        var compiled = CircuitOptions.Compile(descriptor, ProofSystem.V2);
        WideCircuit circuit = compiled.ToWideCircuit();
        int power = PlonkV2Setup.DomainPower(circuit);
        using var scope = engines.Create(parse);
        var setup = new PlonkV2Setup(scope.Ntt, scope.Msm);
        PlonkV2ProvingKey key;
        if (ptauPath is not null)
        {
            run.Progress.Phase($"reading and checking {Path.GetFileName(ptauPath)}");
            using var tau = PowersOfTau.Open(ptauPath);
            run.Progress.Phase($"computing the v2 proving key (domain 2^{power})");
            key = setup.Create(circuit, tau);
        }
        else
        {
            run.Progress.Phase("making the insecure development reference string");
            var srs = DevPowersOfTau.Create(new QuotientLayout(power, WideGates.All).CommitmentKeySize, seed!.Value);
            run.Progress.Phase($"computing the v2 proving key (domain 2^{power}; commitments evaluated at the known τ)");
            key = setup.Create(circuit, srs);
        }
        PlonkV2ProvingKeyFile.Write(key, zkeyPath);
        double seconds = clock.Elapsed.TotalSeconds;
        run.Err.WriteLine($"zkoptions: v2: {Counted.Of(compiled.RowCount, "row")}, domain 2^{power}, {Counted.Of(compiled.PublicCount, "public signal")}; " +
                          $"wrote {zkeyPath} in {seconds:F2} s");
        run.Result.Succeeded(new JsonObject
        {
            ["zkey"] = zkeyPath,
            ["system"] = ProofSystem.V2.Name(),
            ["rows"] = compiled.RowCount,
            ["domainPower"] = power,
            ["nPublic"] = compiled.PublicCount,
            ["insecureDevSrs"] = seed is not null,
            ["device"] = scope.Device,
            ["seconds"] = Math.Round(seconds, 3),
        });
        return ExitCodes.Ok;
    }
}
