// SPDX-License-Identifier: MIT
using System.CommandLine;
using System.Diagnostics;
using ZkOptions.Prover.Formats;
using ZkOptions.Prover.Plonk;

namespace ZkOptions.Cli.Commands;

/// <summary>
/// <c>zkoptions setup --r1cs F --ptau F --zkey OUT</c>: the drop-in for `snarkjs plonk setup`; the key it writes is
/// the one snarkjs writes for the same inputs, byte for byte.
/// </summary>
internal static class SetupCommand
{
    public static Command Build()
    {
        var r1cs = FileOptions.Input("--r1cs", "The circuit (.r1cs from circom).");
        var ptau = FileOptions.Input("--ptau", "Powers of tau prepared for phase 2 (.ptau; `snarkjs powersoftau prepare phase2`).");
        var zkey = FileOptions.Output("--zkey", "Where to write the PLONK proving key.");
        var engines = new EngineOptions();
        var command = new Command("setup", "Make a PLONK proving key (.zkey) from a circuit (.r1cs) and powers of tau (.ptau).") { r1cs, ptau, zkey };
        engines.AddTo(command);
        command.SetAction(parse =>
        {
            string r1csPath = FileOptions.ExistingFile(parse, r1cs);
            string ptauPath = FileOptions.ExistingFile(parse, ptau);
            string zkeyPath = FileOptions.OutputFile(parse, zkey);
            TextWriter stderr = parse.InvocationConfiguration.Error;
            var clock = Stopwatch.StartNew();

            var circuit = R1csToPlonk.Convert(R1csFile.Read(r1csPath));
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
