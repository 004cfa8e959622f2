// SPDX-License-Identifier: MIT
using System.CommandLine;
using System.Text.Json.Nodes;
using ZkOptions.Cli.Output;
using ZkOptions.Field;
using ZkOptions.Field.Hashing;

namespace ZkOptions.Cli.Commands;

/// <summary>
/// <c>zkoptions hash poseidon X1 [X2 …]</c>: circomlib's Poseidon of 1 … 16 field elements, printed in decimal, the
/// value circomlibjs's <c>poseidon([X1, …])</c> and circomlib's <c>Poseidon(n)</c> template give. With --json:
/// {hash, inputs}, every number in decimal.
/// </summary>
internal static class HashCommand
{
    public static Command Build() => new("hash", "Hash field elements as circomlib does.") { Poseidon() };

    private static Command Poseidon()
    {
        var inputs = new Argument<string[]>("inputs")
        {
            Description = $"{PoseidonParameters.MinInputs} to {PoseidonParameters.MaxInputs} field elements, each a decimal or 0x-hex integer below r.",
            Arity = ArgumentArity.OneOrMore,
        };
        var command = new Command("poseidon",
            "Print Poseidon(X1, …, Xn) in decimal, with circomlib's parameters (as circomlibjs poseidon and circomlib's Poseidon(n)).")
        {
            inputs,
        };
        command.SetAction(parse =>
        {
            string[] texts = parse.GetValue(inputs) ?? [];
            if (texts.Length < PoseidonParameters.MinInputs || texts.Length > PoseidonParameters.MaxInputs)
            {
                throw new UsageException(
                    $"hash poseidon: takes {PoseidonParameters.MinInputs} to {PoseidonParameters.MaxInputs} inputs (circomlib's parameters); got {texts.Length}.");
            }
            var values = new Fr[texts.Length];
            for (int i = 0; i < texts.Length; i++)
            {
                values[i] = FieldInput.Parse(texts[i], $"hash poseidon: input {i + 1}");
            }
            string hash = ZkOptions.Field.Hashing.Poseidon.Hash(values).ToString();
            var run = CommandRun.Of(parse);
            run.Result.Succeeded(new JsonObject
            {
                ["hash"] = hash,
                ["inputs"] = new JsonArray([.. values.Select(v => (JsonNode)v.ToString())]),
            });
            if (!run.Json)
            {
                run.Out.WriteLine(hash);
            }
            return ExitCodes.Ok;
        });
        return command;
    }
}
