// SPDX-License-Identifier: MIT
using System.Text.Json;

namespace ZkOptions.Cli.Tests;

public sealed class PrecompileCommandTests
{
    private const string G1Generator =
        "0000000000000000000000000000000000000000000000000000000000000001" +
        "0000000000000000000000000000000000000000000000000000000000000002";

    [Fact]
    public void The_readme_pairing_example_prints_one()
    {
        var (exit, stdout, stderr) = CliRunner.Run("precompile", "ecpairing", "--input-file", CliRunner.RepoFile("vectors", "examples", "pairing-generators.hex"));
        Assert.True(exit == ExitCodes.Ok, stderr);
        Assert.Equal(new string('0', 63) + "1", stdout.Trim());
    }

    [Fact]
    public void Ecadd_doubles_the_generator_and_json_has_the_documented_fields()
    {
        var (exit, stdout, _) = CliRunner.Run("precompile", "ecadd", "--input", "0x" + G1Generator + G1Generator, "--json");
        Assert.Equal(ExitCodes.Ok, exit);
        using var doc = JsonDocument.Parse(stdout);
        Assert.Equal("ecadd", doc.RootElement.GetProperty("precompile").GetString());
        // 2·G1 from EIP-196's reference implementations.
        Assert.Equal(
            "030644e72e131a029b85045b68181585d97816a916871ca8d3c208c16d87cfd3" +
            "15ed738c0e0a7c92e7845f96b2ae9c0a68a6a449e3538fc7ff3ebf7a5a18a2c4",
            doc.RootElement.GetProperty("output").GetString());
    }

    [Fact]
    public void A_point_off_the_curve_is_bad_input_with_exit_2_and_no_stack_trace()
    {
        string offCurve = new string('0', 63) + "1" + new string('0', 63) + "3";
        var (exit, stdout, stderr) = CliRunner.Run("precompile", "ecmul", "--input", offCurve);
        Assert.Equal(ExitCodes.BadInput, exit);
        Assert.Empty(stdout);
        Assert.Contains("not on the curve", stderr);
        Assert.DoesNotContain("   at ", stderr);
    }

    [Fact]
    public void A_pairing_input_of_the_wrong_length_is_bad_input()
    {
        var (exit, _, stderr) = CliRunner.Run("precompile", "ecpairing", "--input", "00");
        Assert.Equal(ExitCodes.BadInput, exit);
        Assert.Contains("multiple of 192", stderr);
    }

    [Theory]
    [InlineData("0xabc", "odd number")]
    [InlineData("zz", "not a hex digit")]
    public void Malformed_hex_is_bad_input(string hex, string message)
    {
        var (exit, _, stderr) = CliRunner.Run("precompile", "ecadd", "--input", hex);
        Assert.Equal(ExitCodes.BadInput, exit);
        Assert.Contains(message, stderr);
    }

    [Fact]
    public void A_missing_input_file_is_bad_input_naming_the_file()
    {
        var (exit, _, stderr) = CliRunner.Run("precompile", "ecadd", "--input-file", "/no/such/file.hex");
        Assert.Equal(ExitCodes.BadInput, exit);
        Assert.Contains("/no/such/file.hex", stderr);
    }

    [Fact]
    public void Giving_both_or_neither_input_is_a_usage_error()
    {
        Assert.Equal(ExitCodes.BadInput, CliRunner.Run("precompile", "ecadd").Exit);
        Assert.Equal(ExitCodes.BadInput, CliRunner.Run("precompile", "ecadd", "--input", "00", "--input-file", "x").Exit);
    }
}
