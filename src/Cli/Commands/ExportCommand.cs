// SPDX-License-Identifier: MIT
using System.CommandLine;
using System.Text.Json.Nodes;
using ZkOptions.Cli.Output;
using ZkOptions.Field;
using ZkOptions.Prover.Formats;
using ZkOptions.Prover.PlonkV2;
using ZkOptions.Prover.Solidity;
using ZkOptions.Prover.Solidity.V2;

namespace ZkOptions.Cli.Commands;

/// <summary>
/// <c>zkoptions export solidity --vk F --out F [--contract-name N]</c>: the Solidity verifier of a PLONK verifying key,
/// v1 (snarkjs) or v2 by the key's "protocol"; <c>zkoptions export calldata --proof F --public F [--vk F] [--hex]</c>:
/// the arguments of its verifyProof call, or with --hex the whole call data. With --json: {out, contractName, nPublic,
/// protocol} and {format, calldata}.
/// </summary>
internal static class ExportCommand
{
    public static Command Build() => new("export", "Export what an Ethereum contract needs: the Solidity verifier and the calldata of a proof.")
    {
        Solidity(),
        Calldata(),
    };

    private static Command Solidity()
    {
        var vk = FileOptions.Input("--vk", "The verification key: snarkjs's verification_key.json, or a zkoptions PLONK v2 verifying key (its \"protocol\" says which).");
        var output = FileOptions.Output("--out", "Where to write the verifier (.sol).");
        var name = new Option<string>("--contract-name")
        {
            Description = "The contract's name (default PlonkVerifier, or PlonkV2Verifier for a v2 key).",
        };
        var command = new Command("solidity",
            "Write the Solidity verifier of a PLONK verification key: for a snarkjs key snarkjs's ABI (verifyProof(uint256[24], " +
            "uint256[nPublic]) returns (bool)), for a PLONK v2 key verifyProof(uint256[P], uint256[nPublic]) returns (bool); it " +
            "returns false for every invalid proof or input, and the same bytes for the same key.")
        { vk, output, name };
        command.SetAction(parse =>
        {
            string vkPath = FileOptions.ExistingFile(parse, vk);
            string outPath = FileOptions.OutputFile(parse, output);
            bool v2 = PlonkV2Keys.ProtocolOf(vkPath) == PlonkV2Keys.Protocol;
            string contractName = parse.GetValue(name)
                ?? (v2 ? PlonkV2SolidityVerifier.DefaultContractName : PlonkSolidityVerifier.DefaultContractName);
            try
            {
                // The flag first, so a typo costs nothing and the message names the flag.
                PlonkSolidityVerifier.CheckContractName(contractName);
            }
            catch (ArgumentException e)
            {
                throw new UsageException($"--contract-name: {e.Message}");
            }
            string source;
            int publicCount;
            try
            {
                if (v2)
                {
                    var key = PlonkV2VerifyingKey.Read(vkPath);
                    publicCount = key.PublicCount;
                    source = PlonkV2SolidityVerifier.Generate(key, contractName);
                }
                else
                {
                    var key = PlonkVerificationKey.Read(vkPath);
                    publicCount = key.NPublic;
                    source = PlonkSolidityVerifier.Generate(key, contractName);
                }
            }
            catch (ArgumentException e)
            {
                // The name has passed, so what the generator refuses is the key.
                throw new UsageException($"{vkPath}: {e.Message}");
            }
            AtomicFile.WriteAllText(outPath, source);
            CommandRun.Of(parse).Result.Succeeded(new JsonObject
            {
                ["out"] = outPath,
                ["contractName"] = contractName,
                ["nPublic"] = publicCount,
                ["protocol"] = v2 ? PlonkV2Keys.Protocol : "plonk",
            });
            return ExitCodes.Ok;
        });
        return command;
    }

    private static Command Calldata()
    {
        var proof = FileOptions.Input("--proof", "The proof: snarkjs's proof.json, or a zkoptions PLONK v2 proof (its \"protocol\" says which).");
        var publicIn = FileOptions.Input("--public", "The public signals (public.json).");
        var vk = new Option<string>("--vk")
        {
            Description = "The PLONK v2 verifying key the proof is for (needed for a v2 proof: it fixes the proof's shape).",
        };
        var hex = new Option<bool>("--hex")
        {
            Description = "Print the complete call data (the verifyProof selector and the ABI-encoded arguments) as one 0x string, " +
                "for eth_call, eth_sendTransaction or `cast call --data`, v1 and v2 alike.",
        };
        var format = new Option<string>("--format")
        {
            Description = "snarkjs (default): the two arguments as arrays, for v1 exactly as `snarkjs zkey export soliditycalldata` " +
                "prints them; hex: the same as --hex.",
            DefaultValueFactory = _ => "snarkjs",
        };
        format.AcceptOnlyFromAmong("snarkjs", "hex");
        var command = new Command("calldata",
            "Print the arguments of the verifier's verifyProof call for a proof and its public signals (v1 or PLONK v2), or with --hex the whole call data.")
        {
            proof, publicIn, vk, hex, format,
        };
        command.SetAction(parse =>
        {
            string proofPath = FileOptions.ExistingFile(parse, proof);
            string publicPath = FileOptions.ExistingFile(parse, publicIn);
            bool v2 = PlonkV2Keys.ProtocolOf(proofPath) == PlonkV2Keys.Protocol;
            bool asHex = parse.GetValue(hex) || parse.GetValue(format) == "hex";
            Fr[] signals;
            string text;
            if (v2)
            {
                if (parse.GetValue(vk) is null)
                {
                    throw new UsageException($"{proofPath} is a PLONK v2 proof: give its verifying key with --vk (it fixes the proof's shape).");
                }
                var key = PlonkV2VerifyingKey.Read(FileOptions.RequireFile(vk.Name, parse.GetValue(vk)!));
                var p = PlonkV2Proof.Read(proofPath, key);
                signals = PublicSignals.Read(publicPath, key.PublicCount);
                RequireSignals(publicPath, signals);
                text = asHex
                    ? "0x" + Convert.ToHexStringLower(PlonkV2Calldata.Encode(p, signals))
                    : Arrays(PlonkV2Calldata.ProofWords(p), PlonkCalldata.PublicWords(signals));
            }
            else
            {
                var p = PlonkProof.Read(proofPath);
                signals = PublicSignals.Read(publicPath);
                RequireSignals(publicPath, signals);
                text = asHex ? "0x" + Convert.ToHexStringLower(PlonkCalldata.Encode(p, signals)) : PlonkCalldata.SnarkjsText(p, signals);
            }
            var run = CommandRun.Of(parse);
            run.Result.Succeeded(new JsonObject { ["format"] = asHex ? "hex" : "snarkjs", ["calldata"] = text });
            if (!run.Json)
            {
                run.Out.WriteLine(text);
            }
            return ExitCodes.Ok;
        });
        return command;
    }

    private static void RequireSignals(string publicPath, Fr[] signals)
    {
        if (signals.Length < 1)
        {
            throw new UsageException($"{publicPath}: no public signals; the verifier's ABI needs at least one.");
        }
    }

    /// <summary>The two arguments as JSON-style arrays of quoted 0x words: <c>["0x…",…]["0x…",…]</c>.</summary>
    private static string Arrays(System.Numerics.BigInteger[] proofWords, System.Numerics.BigInteger[] publicWords)
    {
        static string Word(System.Numerics.BigInteger w) => $"\"0x{w.ToString("x64")}\"";
        return "[" + string.Join(",", proofWords.Select(Word)) + "][" + string.Join(",", publicWords.Select(Word)) + "]";
    }
}
