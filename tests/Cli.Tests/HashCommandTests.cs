// SPDX-License-Identifier: MIT
using System.Numerics;
using System.Text.Json;
using ZkOptions.Field;

namespace ZkOptions.Cli.Tests;

/// <summary><c>zkoptions hash poseidon</c> against circomlibjs (vectors/circomlib/poseidon.json) and on bad input.</summary>
public sealed class HashCommandTests
{
    private static readonly JsonElement Vectors =
        JsonDocument.Parse(File.ReadAllText(CliRunner.RepoFile("vectors", "circomlib", "poseidon.json"))).RootElement;

    [Fact]
    public void Every_circomlibjs_vector_in_decimal()
    {
        int count = 0;
        foreach (var c in Vectors.GetProperty("cases").EnumerateArray())
        {
            string[] inputs = c.GetProperty("inputs").EnumerateArray().Select(e => e.GetString()!).ToArray();
            var (exit, stdout, stderr) = CliRunner.Run(["hash", "poseidon", .. inputs]);
            Assert.True(exit == ExitCodes.Ok, stderr);
            Assert.Equal(c.GetProperty("output").GetString() + Environment.NewLine, stdout);
            count++;
        }
        Assert.True(count >= 96, $"{count} cases");
    }

    [Fact]
    public void Hex_inputs_give_the_same_hash_as_decimal()
    {
        foreach (var c in Vectors.GetProperty("cases").EnumerateArray().Where(c => c.GetProperty("label").GetString() == "random").Take(6))
        {
            string[] hex = c.GetProperty("inputs").EnumerateArray()
                .Select((e, i) => (i % 2 == 0 ? "0x" : "0X") + BigInteger.Parse(e.GetString()!).ToString("x")).ToArray();
            var (exit, stdout, _) = CliRunner.Run(["hash", "poseidon", .. hex]);
            Assert.Equal(ExitCodes.Ok, exit);
            Assert.Equal(c.GetProperty("output").GetString(), stdout.Trim());
        }
        Assert.Equal(CliRunner.Run("hash", "poseidon", "1", "2").Out, CliRunner.Run("hash", "poseidon", "0x01", "000002").Out);
    }

    [Theory]
    [InlineData("abc", "input 2 \"abc\" is not a decimal or 0x-hex integer")]
    [InlineData("0x", "input 2 \"0x\" is not a decimal or 0x-hex integer")]
    [InlineData("0xg1", "input 2 \"0xg1\" is not a decimal or 0x-hex integer")]
    [InlineData("1.5", "input 2 \"1.5\" is not a decimal or 0x-hex integer")]
    [InlineData("21888242871839275222246405745257275088548364400416034343698204186575808495617", "input 2 \"21888242871839275222246405745257275088548364400416034343698204186575808495617\" is ≥ r")]
    [InlineData("0x30644e72e131a029b85045b68181585d2833e84879b9709143e1f593f0000001", "is ≥ r")]
    public void A_bad_input_is_exit_2_naming_the_argument(string bad, string message)
    {
        var (exit, stdout, stderr) = CliRunner.Run("hash", "poseidon", "1", bad, "3");
        Assert.Equal(ExitCodes.BadInput, exit);
        Assert.Empty(stdout);
        Assert.Contains(message, stderr);
        Assert.DoesNotContain("   at ", stderr);
    }

    [Fact]
    public void R_minus_1_is_accepted_and_r_is_not()
    {
        Assert.Equal(ExitCodes.Ok, CliRunner.Run("hash", "poseidon", (Fr.Modulus - 1).ToString()).Exit);
        Assert.Equal(ExitCodes.BadInput, CliRunner.Run("hash", "poseidon", Fr.Modulus.ToString()).Exit);
    }

    [Fact]
    public void Zero_or_seventeen_inputs_are_exit_2()
    {
        var none = CliRunner.Run("hash", "poseidon");
        Assert.Equal(ExitCodes.BadInput, none.Exit);
        Assert.Contains("inputs", none.Err);
        var many = CliRunner.Run(["hash", "poseidon", .. Enumerable.Range(1, 17).Select(i => i.ToString())]);
        Assert.Equal(ExitCodes.BadInput, many.Exit);
        Assert.Contains("takes 1 to 16 inputs", many.Err);
        Assert.Contains("got 17", many.Err);
        Assert.Equal(ExitCodes.Ok, CliRunner.Run(["hash", "poseidon", .. Enumerable.Range(1, 16).Select(i => i.ToString())]).Exit);
    }

    [Fact]
    public void Help_describes_the_verb()
    {
        var (exit, stdout, _) = CliRunner.Run("hash", "poseidon", "--help");
        Assert.Equal(ExitCodes.Ok, exit);
        Assert.Contains("circomlib", stdout);
        Assert.Contains("hash", CliRunner.Run("--help").Out);
    }
}
