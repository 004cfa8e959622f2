// SPDX-License-Identifier: MIT
using System.CommandLine;
using System.Text.Json.Nodes;
using ZkOptions.Cli.Output;
using ZkOptions.Field;

namespace ZkOptions.Cli.Commands;

/// <summary>
/// <c>zkoptions precompile ecadd|ecmul|ecpairing</c>: runs Ethereum's BN254 precompiles (0x06, 0x07, 0x08) on
/// hex input, so an auditor can reproduce what a contract's call would return. With --json: {precompile, input, output}.
/// </summary>
internal static class PrecompileCommand
{
    public static Command Build()
    {
        var command = new Command("precompile", "Run Ethereum's BN254 precompiles (EIP-196/197) on hex input and print the output hex.");
        command.Add(Verb("ecadd", "0x06: add two G1 points (128-byte input: x1‖y1‖x2‖y2, big-endian).", input => Precompiles.EcAdd(input)));
        command.Add(Verb("ecmul", "0x07: multiply a G1 point by a 256-bit scalar (96-byte input: x‖y‖s).", input => Precompiles.EcMul(input)));
        command.Add(Verb("ecpairing", "0x08: check that a product of pairings is one (192 bytes per pair: G1‖G2, G2 imaginary part first).", input => Precompiles.EcPairing(input)));
        return command;
    }

    private static Command Verb(string name, string description, Func<byte[], byte[]> precompile)
    {
        var input = new Option<string?>("--input", "-i") { Description = "Input bytes as hex (0x prefix optional)." };
        var inputFile = new Option<string?>("--input-file") { Description = "Read the hex input from this file instead." };
        var verb = new Command(name, description) { input, inputFile };
        verb.SetAction(parse =>
        {
            string? hex = parse.GetValue(input);
            string? file = parse.GetValue(inputFile);
            if ((hex is null) == (file is null))
            {
                throw new UsageException($"precompile {name}: give exactly one of --input HEX or --input-file FILE.");
            }
            byte[] bytes = file is null ? HexInput.Parse(hex!, "--input") : HexInput.FromFile(file);
            byte[] output;
            try
            {
                output = precompile(bytes);
            }
            catch (PrecompileException e)
            {
                // Ethereum would reject this input; say which input, as every other bad-input message does.
                throw new UsageException($"{file ?? "--input"}: {e.Message}");
            }
            var run = CommandRun.Of(parse);
            string outHex = Convert.ToHexStringLower(output);
            run.Result.Succeeded(new JsonObject
            {
                ["precompile"] = name,
                ["input"] = Convert.ToHexStringLower(bytes),
                ["output"] = outHex,
            });
            if (!run.Json)
            {
                run.Out.WriteLine(outHex);
            }
            return ExitCodes.Ok;
        });
        return verb;
    }
}
