// SPDX-License-Identifier: MIT
using System.Text.Json.Nodes;

namespace ZkOptions.Cli.Tests;

public sealed class SettlementCommandTests : IDisposable
{
    private readonly string dir = Directory.CreateTempSubdirectory("zko-sim-").FullName;

    public void Dispose() => Directory.Delete(dir, recursive: true);

    [Fact]
    public void SimulateWritesTheBatchesAndMarginReadsTheState()
    {
        string outDir = Path.Combine(dir, "run");
        var (exit, stdout, stderr) = CliRunner.Run("simulate", "--out", outDir, "--json");
        Assert.True(exit == 0, stderr);
        JsonObject summary = JsonNode.Parse(stdout)!.AsObject();
        Assert.Equal(11, summary["byType"]!.AsObject().Count);
        int batches = (int)summary["batches"]!;
        Assert.Equal(batches, Directory.GetFiles(outDir, "batch-*.json").Length);
        JsonObject first = JsonNode.Parse(File.ReadAllText(Path.Combine(outDir, "batch-0001.json")))!.AsObject();
        Assert.Equal("zkoptions-batch", (string)first["format"]!);
        Assert.Equal(8, first["publicInputs"]!.AsObject().Count);

        var (mExit, mOut, mErr) = CliRunner.Run("margin", "--state", Path.Combine(outDir, "state.json"), "--account", "3");
        Assert.True(mExit == 0, mErr);
        Assert.Contains("maintenance     MM = Worst + Cont", mOut);
        Assert.Contains("← worst", mOut);
        var (jExit, jOut, _) = CliRunner.Run("margin", "--state", Path.Combine(outDir, "state.json"), "--account", "3", "--json");
        Assert.Equal(0, jExit);
        Assert.Equal("3", (string)JsonNode.Parse(jOut)!["account"]!);
    }

    [Fact]
    public void SimulateRefusesABadScenarioAndWritesNothing()
    {
        string scenario = Path.Combine(dir, "bad.json");
        File.WriteAllText(scenario, """{"days": [{"spot": "95000"}, {"spot": "-3"}]}""");
        string outDir = Path.Combine(dir, "out");
        var (exit, _, stderr) = CliRunner.Run("simulate", "--scenario", scenario, "--out", outDir);
        Assert.Equal(2, exit);
        Assert.Contains("bad.json: days[1].spot must be positive", stderr);
        Assert.False(Directory.Exists(outDir));
        Assert.DoesNotContain(Directory.GetFileSystemEntries(dir), e => e.Contains(".tmp-", StringComparison.Ordinal));
    }

    [Fact]
    public void SimulateRefusesToOverwrite()
    {
        File.WriteAllText(Path.Combine(dir, "keep.txt"), "x");
        var (exit, _, stderr) = CliRunner.Run("simulate", "--out", dir);
        Assert.Equal(2, exit);
        Assert.Contains("refusing to overwrite", stderr);
    }

    [Theory]
    [InlineData("""{"format": "zkoptions-state"}""", "parameters is missing")]
    [InlineData("""not json""", "not valid JSON")]
    [InlineData("""{"format": "other"}""", "not a zkoptions state file")]
    public void MarginRefusesABadStateFile(string text, string message)
    {
        string path = Path.Combine(dir, "state.json");
        File.WriteAllText(path, text);
        var (exit, stdout, stderr) = CliRunner.Run("margin", "--state", path, "--account", "1");
        Assert.Equal(2, exit);
        Assert.Contains($"{path}: ", stderr);
        Assert.Contains(message, stderr);
        Assert.Equal("", stdout);
    }
}
