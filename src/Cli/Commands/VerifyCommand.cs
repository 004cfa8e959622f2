// SPDX-License-Identifier: MIT
using System.CommandLine;
using System.Text.Json.Nodes;
using ZkOptions.Cli.Output;
using ZkOptions.Prover.Formats;
using ZkOptions.Prover.Plonk;

namespace ZkOptions.Cli.Commands;

/// <summary>
/// <c>zkoptions verify --vk F --proof F --public F</c>: exit 0 and "OK" for a valid proof, 1 for an invalid one,
/// 2 when a file is malformed (a point off the curve, a value ≥ r, the wrong number of signals), naming it.
/// With --json: {valid}, and error when the proof is invalid.
/// </summary>
internal static class VerifyCommand
{
    private const string Invalid = "the proof does not verify against this key and these public signals";

    public static Command Build()
    {
        var vk = FileOptions.Input("--vk", "The verification key (verification_key.json, snarkjs format).");
        var proof = FileOptions.Input("--proof", "The proof (proof.json, snarkjs format).");
        var publicIn = FileOptions.Input("--public", "The public signals (public.json).");
        var command = new Command("verify", "Verify a snarkjs-format PLONK proof: exit 0 valid, 1 invalid, 2 bad input.") { vk, proof, publicIn };
        command.SetAction(parse =>
        {
            var run = CommandRun.Of(parse);
            string vkPath = FileOptions.ExistingFile(parse, vk);
            string proofPath = FileOptions.ExistingFile(parse, proof);
            string publicPath = FileOptions.ExistingFile(parse, publicIn);
            var key = PlonkVerificationKey.Read(vkPath);
            var p = PlonkProof.Read(proofPath);
            var signals = PublicSignals.Read(publicPath, expectedCount: key.NPublic);
            if (PlonkVerifier.Verify(key, p, signals))
            {
                run.Out.WriteLine("OK: the proof is valid");
                run.Result.Succeeded(new JsonObject { ["valid"] = true });
                return ExitCodes.Ok;
            }
            run.Err.WriteLine($"INVALID: {Invalid}");
            run.Result.Rejected(Invalid, new JsonObject { ["valid"] = false });
            return ExitCodes.Rejected;
        });
        return command;
    }
}
