// SPDX-License-Identifier: MIT
using System.CommandLine;
using System.Text.Json.Nodes;
using ZkOptions.Cli.Output;
using ZkOptions.Prover.Formats;
using ZkOptions.Prover.Solidity;

namespace ZkOptions.Cli.Commands;

/// <summary>
/// <c>zkoptions export solidity --vk F --out F [--contract-name N]</c>: the Solidity verifier of a PLONK verifying key;
/// <c>zkoptions export calldata --proof F --public F [--format snarkjs|hex]</c>: the arguments of its verifyProof call.
/// With --json: {out, contractName, nPublic} and {format, calldata}.
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
        var vk = FileOptions.Input("--vk", "The verification key (verification_key.json, snarkjs format).");
        var output = FileOptions.Output("--out", "Where to write the verifier (.sol).");
        var name = new Option<string>("--contract-name")
        {
            Description = "The contract's name.",
            DefaultValueFactory = _ => PlonkSolidityVerifier.DefaultContractName,
        };
        var command = new Command("solidity",
            "Write the Solidity verifier of a PLONK verification key: snarkjs's ABI (verifyProof(uint256[24], uint256[nPublic]) " +
            "returns (bool)), returns false for every invalid proof or input, and the same bytes for the same key.")
        { vk, output, name };
        command.SetAction(parse =>
        {
            string vkPath = FileOptions.ExistingFile(parse, vk);
            string outPath = FileOptions.OutputFile(parse, output);
            string contractName = parse.GetValue(name)!;
            try
            {
                // The flag first, so a typo costs nothing and the message names the flag.
                PlonkSolidityVerifier.CheckContractName(contractName);
            }
            catch (ArgumentException e)
            {
                throw new UsageException($"--contract-name: {e.Message}");
            }
            var key = PlonkVerificationKey.Read(vkPath);
            string source;
            try
            {
                source = PlonkSolidityVerifier.Generate(key, contractName);
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
                ["nPublic"] = key.NPublic,
            });
            return ExitCodes.Ok;
        });
        return command;
    }

    private static Command Calldata()
    {
        var proof = FileOptions.Input("--proof", "The proof (proof.json, snarkjs format).");
        var publicIn = FileOptions.Input("--public", "The public signals (public.json).");
        var format = new Option<string>("--format")
        {
            Description = "snarkjs: the two arrays as `snarkjs zkey export soliditycalldata` prints them; " +
                "hex: the whole ABI-encoded call (selector and arguments) as one 0x string, for eth_call or `cast call --data`.",
            DefaultValueFactory = _ => "snarkjs",
        };
        format.AcceptOnlyFromAmong("snarkjs", "hex");
        var command = new Command("calldata", "Print the arguments of the verifier's verifyProof call for a proof and its public signals.")
        {
            proof, publicIn, format,
        };
        command.SetAction(parse =>
        {
            string proofPath = FileOptions.ExistingFile(parse, proof);
            string publicPath = FileOptions.ExistingFile(parse, publicIn);
            var p = PlonkProof.Read(proofPath);
            var signals = PublicSignals.Read(publicPath);
            if (signals.Length < 1)
            {
                throw new UsageException($"{publicPath}: no public signals; the verifier's ABI needs at least one.");
            }
            string form = parse.GetValue(format)!;
            string text = form == "hex"
                ? "0x" + Convert.ToHexStringLower(PlonkCalldata.Encode(p, signals))
                : PlonkCalldata.SnarkjsText(p, signals);
            var run = CommandRun.Of(parse);
            run.Result.Succeeded(new JsonObject { ["format"] = form, ["calldata"] = text });
            if (!run.Json)
            {
                run.Out.WriteLine(text);
            }
            return ExitCodes.Ok;
        });
        return command;
    }
}
