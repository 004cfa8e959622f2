// SPDX-License-Identifier: MIT
using System.Text.Json.Nodes;
using ZkOptions.Cli.Demo;

namespace ZkOptions.Cli.Tests;

/// <summary>
/// `zkoptions demo` end to end (one full run, about a minute on 2 cores): its PLONK v2 proof passes `zkoptions verify`
/// and fails it with a changed public signal, its exported verifier and calldata are what the export verbs make from
/// its files, and the figures it prints are the ones its files carry. The v2 verifier's gas model it quotes is held to
/// anvil in Solidity.Tests (EndToEndV2Tests). The output-directory rules are checked without a run.
/// </summary>
public sealed class DemoCommandTests : IDisposable
{
    private readonly string dir = Directory.CreateTempSubdirectory("zko-demo-").FullName;

    public void Dispose() => Directory.Delete(dir, recursive: true);

    [Fact]
    public void The_demo_proves_a_batch_of_trades_that_the_verifier_accepts_and_reports_what_its_files_carry()
    {
        string outDir = Path.Combine(dir, "demo");
        var (exit, report, err) = JsonOutputTests.RunJson("demo", "--out", outDir, "--device", "cpu");
        Assert.True(exit == ExitCodes.Ok, err);
        JsonOutputTests.AssertMatches("demo", report);

        // Every file is there, and nothing else (no proving key without --keep-key, no staging directory).
        Assert.Equal(DemoFiles.Names.Order(StringComparer.Ordinal), Directory.EnumerateFiles(outDir).Select(Path.GetFileName).Order(StringComparer.Ordinal));
        Assert.Equal([outDir], Directory.EnumerateFileSystemEntries(dir));
        string F(string name) => Path.Combine(outDir, name);

        // The session really had every part the demo claims.
        var byType = report["session"]!["byType"]!.AsObject();
        foreach (string type in new[] { "oracleUpdate", "trade", "liquidationStart", "liquidationBid", "liquidationEnd", "settle", "deposit", "withdraw" })
        {
            Assert.True(byType[type]?.GetValue<int>() > 0, $"the session has no {type}");
        }
        Assert.Equal(11, report["checkedTypes"]!.AsArray().Count);
        Assert.Equal("batch-6-1", report["circuit"]!.GetValue<string>());
        Assert.Equal("v2", report["system"]!.GetValue<string>());

        // The proof covers several of the session's trades, and the per-trade figures are the totals divided by them.
        int trades = report["provedTrades"]!.GetValue<int>();
        Assert.InRange(trades, 2, byType["trade"]!.GetValue<int>());
        int rows = report["rows"]!.GetValue<int>();
        Assert.Equal((int)Math.Round((double)rows / trades), report["rowsPerTrade"]!.GetValue<int>());
        long gas = report["expectedGas"]!.GetValue<long>();
        Assert.InRange(gas, 500_000, 560_000);
        Assert.Equal((long)Math.Round((double)gas / trades), report["gasPerTrade"]!.GetValue<long>());
        Assert.InRange(report["tradeSlotRows"]!.GetValue<int>(), 10_000, 25_000);

        // `zkoptions verify` accepts the proof and refuses it with another new state root.
        Assert.Equal(ExitCodes.Ok, CliRunner.Run("verify", "--vk", F("verification_key.json"), "--proof", F("proof.json"), "--public", F("public.json")).Exit);
        var publics = JsonNode.Parse(File.ReadAllText(F("public.json")))!.AsArray();
        Assert.Equal(report["publicSignals"]!.GetValue<int>(), publics.Count);
        Assert.Equal(report["newStateRoot"]!.GetValue<string>(), publics[1]!.GetValue<string>());
        publics[1] = (System.Numerics.BigInteger.Parse(publics[1]!.GetValue<string>(), System.Globalization.CultureInfo.InvariantCulture) + 1).ToString(System.Globalization.CultureInfo.InvariantCulture);
        File.WriteAllText(Path.Combine(dir, "forged.json"), publics.ToJsonString());
        Assert.Equal(ExitCodes.Rejected, CliRunner.Run("verify", "--vk", F("verification_key.json"), "--proof", F("proof.json"), "--public", Path.Combine(dir, "forged.json")).Exit);

        // The exported verifier and calldata are exactly what the export verbs make from the demo's files.
        Assert.Equal(0, CliRunner.Run("export", "solidity", "--vk", F("verification_key.json"), "--out", Path.Combine(dir, "v.sol")).Exit);
        Assert.Equal(File.ReadAllText(Path.Combine(dir, "v.sol")), File.ReadAllText(F("PlonkV2Verifier.sol")));
        var calldata = CliRunner.Run("export", "calldata", "--proof", F("proof.json"), "--public", F("public.json"), "--vk", F("verification_key.json"), "--format", "hex");
        Assert.Equal(calldata.Out, File.ReadAllText(F("calldata.hex")));
        int calldataBytes = (calldata.Out.Trim().Length - 2) / 2;
        Assert.Equal(calldataBytes, report["calldataBytes"]!.GetValue<int>());
        Assert.Equal(calldataBytes - 4 - 32 * publics.Count, report["proofBytes"]!.GetValue<int>());
    }

    [Fact]
    public void A_directory_with_other_files_is_refused_before_any_work()
    {
        File.WriteAllText(Path.Combine(dir, "notes.txt"), "mine");
        var run = CliRunner.Run("demo", "--out", dir);
        Assert.Equal(ExitCodes.BadInput, run.Exit);
        Assert.Contains("not a previous demo", run.Err);
        Assert.Equal("mine", File.ReadAllText(Path.Combine(dir, "notes.txt")));
    }

    [Fact]
    public void A_missing_parent_directory_is_refused()
    {
        var run = CliRunner.Run("demo", "--out", Path.Combine(dir, "no", "such"));
        Assert.Equal(ExitCodes.BadInput, run.Exit);
        Assert.Contains("does not exist", run.Err);
    }

    [Fact]
    public void A_previous_run_is_recognised_by_its_files_and_readme_only()
    {
        foreach (string name in DemoFiles.Names)
        {
            File.WriteAllText(Path.Combine(dir, name), "x");
        }
        Assert.False(DemoFiles.IsPreviousRun(dir)); // a README.txt that is not the demo's
        File.WriteAllText(Path.Combine(dir, DemoFiles.Marker), DemoFiles.ReadmeText(3, 5, "batch-6-1", null));
        Assert.True(DemoFiles.IsPreviousRun(dir));
        File.WriteAllText(Path.Combine(dir, "batch-6-1.v2.key"), "k");
        Assert.True(DemoFiles.IsPreviousRun(dir));
        File.WriteAllText(Path.Combine(dir, "extra.txt"), "x");
        Assert.False(DemoFiles.IsPreviousRun(dir));
    }
}
