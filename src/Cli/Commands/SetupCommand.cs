// SPDX-License-Identifier: MIT
using System.CommandLine;
using System.Diagnostics;
using System.Text.Json.Nodes;
using ZkOptions.Constraints.V1;
using ZkOptions.Cli.Output;
using ZkOptions.Prover.Formats;
using ZkOptions.Prover.Plonk;

namespace ZkOptions.Cli.Commands;

/// <summary>
/// <c>zkoptions setup --r1cs F --ptau F --zkey OUT</c>: the drop-in for `snarkjs plonk setup`; the key it writes is
/// the one snarkjs writes for the same inputs, byte for byte. <c>--circuit NAME</c> instead takes a built-in DSL
/// circuit (or, with --assembly, a class of the user's assembly), compiled straight to gates. With --json: {zkey, gates, additions, domainPower, nPublic, insecureDevSrs,
/// device, seconds}.
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
        var zkey = FileOptions.Output("--zkey", "Where to write the PLONK proving key.");
        var engines = new EngineOptions();
        var command = new Command("setup", "Make a PLONK proving key (.zkey) from a circuit (.r1cs, a built-in DSL circuit, or one of your assembly) and powers of tau (.ptau).")
            { r1cs, circuitName, assembly.Assembly, assembly.Type, parameters, ptau, devSrs, zkey };
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
            bool batch = !assembly.Given(parse) && name is not null && CircuitOptions.BatchSlots(name) is not null;
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

            run.Progress.Phase(descriptor is null ? $"reading {Path.GetFileName(r1csPath)} and converting it to PLONK gates" : $"compiling {descriptor.Name}");
            var circuit = descriptor is null ? R1csToPlonk.Convert(R1csFile.Read(r1csPath!)) : CircuitOptions.Compile(descriptor).ToPlonkCircuit();
            using var scope = engines.Create(parse);
            var setup = new PlonkSetup(scope.Ntt, scope.Msm);
            PlonkZkeyHeader header;
            ulong? seed = parse.GetValue(devSrs);
            if (ptauPath is not null)
            {
                using var tau = PowersOfTau.Open(ptauPath);
                header = setup.Write(circuit, tau, zkeyPath, run.Progress);
            }
            else
            {
                stderr.WriteLine($"zkoptions: WARNING: --insecure-dev-srs {seed}: τ is derived from the seed, so anyone can forge proofs for this key; never deploy it");
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
}
