// SPDX-License-Identifier: MIT
using System.CommandLine;
using System.Diagnostics;
using ZkOptions.Prover.Formats;
using ZkOptions.Prover.Plonk;

namespace ZkOptions.Cli.Commands;

/// <summary>
/// <c>zkoptions prove --zkey F --witness F --proof OUT --public OUT</c>: the drop-in for `snarkjs plonk prove`.
/// The witness is checked gate by gate before any heavy work; both outputs appear together or not at all.
/// </summary>
internal static class ProveCommand
{
    public static Command Build()
    {
        var zkey = FileOptions.Input("--zkey", "The PLONK proving key (.zkey from `zkoptions setup` or `snarkjs plonk setup`).");
        var witness = FileOptions.Input("--witness", "The witness (.wtns, e.g. from `snarkjs wtns calculate`).");
        var proof = FileOptions.Output("--proof", "Where to write proof.json (snarkjs format).");
        var publicOut = FileOptions.Output("--public", "Where to write public.json (snarkjs format).");
        var verbose = new Option<bool>("--verbose", "-v") { Description = "Print the time of each proving stage on stderr." };
        var engines = new EngineOptions();
        var command = new Command("prove", "Make a PLONK proof from a .zkey and a .wtns (snarkjs-compatible output).") { zkey, witness, proof, publicOut, verbose };
        engines.AddTo(command);
        command.SetAction(parse =>
        {
            string zkeyPath = FileOptions.ExistingFile(parse, zkey);
            string witnessPath = FileOptions.ExistingFile(parse, witness);
            string proofPath = FileOptions.OutputFile(parse, proof);
            string publicPath = FileOptions.OutputFile(parse, publicOut);
            TextWriter stderr = parse.InvocationConfiguration.Error;

            var clock = Stopwatch.StartNew();
            using var key = PlonkZkeyFile.Open(zkeyPath);
            var values = WitnessFile.Read(witnessPath);
            using var scope = engines.Create(parse);
            PlonkProofResult result;
            try
            {
                Action<string>? log = parse.GetValue(verbose) ? line => stderr.WriteLine($"zkoptions: {line}") : null;
                result = new PlonkProver(scope.Ntt, scope.Msm).Prove(key, values, log: log);
            }
            catch (InvalidWitnessException e)
            {
                throw new InputFileException(witnessPath, $"{e.Message} (proving key {zkeyPath})");
            }
            OutputFiles.WriteTogether(
                (proofPath, path => result.Proof.Write(path)),
                (publicPath, path => PublicSignals.Write(path, result.PublicSignals)));
            stderr.WriteLine($"zkoptions: proved {key.Header.NConstraints} gates (domain 2^{key.Header.Power}) in {clock.Elapsed.TotalSeconds:F2} s");
            return ExitCodes.Ok;
        });
        return command;
    }
}
