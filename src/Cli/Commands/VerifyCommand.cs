// SPDX-License-Identifier: MIT
using System.CommandLine;
using System.Text.Json.Nodes;
using ZkOptions.Cli.Output;
using ZkOptions.Prover.Formats;
using ZkOptions.Prover.Plonk;
using ZkOptions.Prover.PlonkV2;

namespace ZkOptions.Cli.Commands;

/// <summary>
/// <c>zkoptions verify --vk F --proof F --public F</c>: exit 0 and "OK" for a valid proof, 1 for an invalid one,
/// 2 when a file is malformed (a point off the curve, a value ≥ r, the wrong number of signals), naming it.
/// The protocol comes from the verification key's "protocol": "zkoptions-plonk-v2" for a PLONK v2 key (from
/// `zkoptions zkey export-vk` on a v2 key), else a snarkjs PLONK key; a proof of the other protocol is bad input.
/// With --json: {valid, system}, and error when the proof is invalid.
/// </summary>
internal static class VerifyCommand
{
    private const string Invalid = "the proof does not verify against this key and these public signals";

    public static Command Build()
    {
        var vk = FileOptions.Input("--vk", "The verification key (verification_key.json, snarkjs format, or a zkoptions PLONK v2 verifying key: its \"protocol\" says which).");
        var proof = FileOptions.Input("--proof", "The proof (proof.json, snarkjs format, or a PLONK v2 proof for a v2 key).");
        var publicIn = FileOptions.Input("--public", "The public signals (public.json).");
        var command = new Command("verify", "Verify a PLONK proof (snarkjs format, or PLONK v2 when the key's protocol is zkoptions-plonk-v2): exit 0 valid, 1 invalid, 2 bad input.") { vk, proof, publicIn };
        command.SetAction(parse =>
        {
            var run = CommandRun.Of(parse);
            string vkPath = FileOptions.ExistingFile(parse, vk);
            string proofPath = FileOptions.ExistingFile(parse, proof);
            string publicPath = FileOptions.ExistingFile(parse, publicIn);
            bool v2 = PlonkV2Keys.ProtocolOf(vkPath) == PlonkV2Keys.Protocol;
            bool valid;
            if (v2)
            {
                var key = PlonkV2VerifyingKey.Read(vkPath);
                RequireSameProtocol(vkPath, proofPath, v2);
                var p = PlonkV2Proof.Read(proofPath, key);
                var signals = PublicSignals.Read(publicPath, expectedCount: key.PublicCount);
                valid = PlonkV2Verifier.Verify(key, p, signals);
            }
            else
            {
                var key = PlonkVerificationKey.Read(vkPath);
                RequireSameProtocol(vkPath, proofPath, v2);
                var p = PlonkProof.Read(proofPath);
                var signals = PublicSignals.Read(publicPath, expectedCount: key.NPublic);
                valid = PlonkVerifier.Verify(key, p, signals);
            }
            string system = v2 ? "v2" : "v1";
            if (valid)
            {
                run.Out.WriteLine("OK: the proof is valid");
                run.Result.Succeeded(new JsonObject { ["valid"] = true, ["system"] = system });
                return ExitCodes.Ok;
            }
            run.Err.WriteLine($"INVALID: {Invalid}");
            run.Result.Rejected(Invalid, new JsonObject { ["valid"] = false, ["system"] = system });
            return ExitCodes.Rejected;
        });
        return command;
    }

    /// <summary>A v2 proof against a snarkjs key, or the reverse, is bad input naming the proof and both protocols.</summary>
    private static void RequireSameProtocol(string vkPath, string proofPath, bool v2)
    {
        string? proofProtocol = PlonkV2Keys.ProtocolOf(proofPath);
        if (proofProtocol is null || (proofProtocol == PlonkV2Keys.Protocol) == v2)
        {
            return; // the same protocol, or a file the proof reader will refuse with its own message
        }
        throw new InputFileException(proofPath, v2
            ? $"protocol is \"{proofProtocol}\", but the verification key {vkPath} is a PLONK v2 key (\"{PlonkV2Keys.Protocol}\"): a v2 key verifies only v2 proofs"
            : $"protocol is \"{PlonkV2Keys.Protocol}\" (a PLONK v2 proof), but the verification key {vkPath} is a snarkjs PLONK (v1) key; " +
              "verify it against the v2 key from `zkoptions zkey export-vk` on the v2 proving key");
    }
}
