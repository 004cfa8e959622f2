// SPDX-License-Identifier: MIT
using System.CommandLine;
using System.Diagnostics;
using ZkOptions.Prover.Formats;
using ZkOptions.Prover.Plonk;

namespace ZkOptions.Cli.Commands;

/// <summary>
/// <c>zkoptions setup --r1cs F --ptau F --zkey OUT</c>: the drop-in for `snarkjs plonk setup`; the key it writes is
/// the one snarkjs writes for the same inputs, byte for byte. <c>--circuit NAME</c> instead takes a built-in DSL
/// circuit, compiled straight to gates.
/// </summary>
internal static class SetupCommand
{
    public static Command Build()
    {
        var r1cs = new Option<string>("--r1cs") { Description = "The circuit (.r1cs from circom or `zkoptions circuit export-r1cs`). Give this or --circuit." };
        var circuitName = CircuitOptions.NameOption(required: false);
        var ptau = FileOptions.Input("--ptau", "Powers of tau prepared for phase 2 (.ptau; `snarkjs powersoftau prepare phase2`).");
        var zkey = FileOptions.Output("--zkey", "Where to write the PLONK proving key.");
        var engines = new EngineOptions();
        var command = new Command("setup", "Make a PLONK proving key (.zkey) from a circuit (.r1cs, or a built-in DSL circuit) and powers of tau (.ptau).") { r1cs, circuitName, ptau, zkey };
        engines.AddTo(command);
        command.SetAction(parse =>
        {
            string? name = parse.GetValue(circuitName);
            if ((name is null) == (parse.GetValue(r1cs) is null))
            {
                throw new UsageException("give exactly one of --r1cs FILE and --circuit NAME");
            }
            string? r1csPath = name is null ? FileOptions.ExistingFile(parse, r1cs) : null;
            string ptauPath = FileOptions.ExistingFile(parse, ptau);
            string zkeyPath = FileOptions.OutputFile(parse, zkey);
            TextWriter stderr = parse.InvocationConfiguration.Error;
            var clock = Stopwatch.StartNew();

            var circuit = name is null ? R1csToPlonk.Convert(R1csFile.Read(r1csPath!)) : CircuitOptions.Compile(name).ToPlonkCircuit();
            using var tau = PowersOfTau.Open(ptauPath);
            using var scope = engines.Create(parse);
            var header = new PlonkSetup(scope.Ntt, scope.Msm).Write(circuit, tau, zkeyPath);
            stderr.WriteLine($"zkoptions: {header.NConstraints} PLONK gates ({header.NAdditions} addition wires), domain 2^{header.Power}, " +
                             $"{header.NPublic} public signals; wrote {zkeyPath} in {clock.Elapsed.TotalSeconds:F2} s");
            return ExitCodes.Ok;
        });
        return command;
    }
}
