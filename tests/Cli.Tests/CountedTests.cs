// SPDX-License-Identifier: MIT
using ZkOptions.Cli.Output;

namespace ZkOptions.Cli.Tests;

/// <summary>Counts read as English: "1 public input", not "1 public inputs".</summary>
public sealed class CountedTests
{
    [Theory]
    [InlineData(0, "0 public inputs")]
    [InlineData(1, "1 public input")]
    [InlineData(2, "2 public inputs")]
    public void A_count_takes_the_singular_only_for_one(long count, string expected) =>
        Assert.Equal(expected, Counted.Of(count, "public input"));

    [Fact]
    public void An_irregular_plural_and_a_format_are_used_when_given()
    {
        Assert.Equal("1 batch", Counted.Of(1, "batch", "batches"));
        Assert.Equal("3 batches", Counted.Of(3, "batch", "batches"));
        Assert.Equal("314,104 gates", Counted.Of(314_104, "gate", format: "N0"));
    }

    [Fact]
    public void Exporting_a_circuit_with_one_public_input_says_one_public_input()
    {
        string path = Path.Combine(Directory.CreateTempSubdirectory("zkoptions-counted-").FullName, "cubic.r1cs");
        try
        {
            var (exit, _, stderr) = CliRunner.Run("circuit", "export-r1cs", "cubic", "--out", path);
            Assert.Equal(ExitCodes.Ok, exit);
            Assert.Contains("3 constraints, 5 wires, 1 public input\n", stderr.ReplaceLineEndings("\n"));
        }
        finally
        {
            Directory.Delete(Path.GetDirectoryName(path)!, recursive: true);
        }
    }
}
