// SPDX-License-Identifier: MIT
using System.Text.Json.Nodes;
using ZkOptions.Cli.Demo;
using ZkOptions.Prover.Tests.Interop;

namespace ZkOptions.Cli.Tests;

/// <summary>
/// `zkoptions demo` end to end (one full run, about 1.5 minutes on 2 cores): its proof passes `snarkjs plonk verify`
/// and fails it with a changed public signal, its exported verifier and calldata are what the export verbs make from
/// its files, and the figures it prints are the ones its files carry. The output-directory rules are checked
/// without a run.
/// </summary>
public sealed class DemoCommandTests : IDisposable
{
    private readonly string dir = Directory.CreateTempSubdirectory("zko-demo-").FullName;

    public void Dispose() => Directory.Delete(dir, recursive: true);

    [Fact]
    public void The_demo_proves_a_batch_that_snarkjs_accepts_and_reports_what_its_files_carry()
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
        Assert.True(report["checkedTypes"]!.AsArray().Count >= 8);
        Assert.Equal("batch-1", report["circuit"]!.GetValue<string>());

        // External oracle: snarkjs accepts the proof, and refuses it with another new state root.
        var verify = CircomSet.Snarkjs("plonk", "verify", F("verification_key.json"), F("public.json"), F("proof.json"));
        Assert.True(verify.Exit == 0 && verify.Stdout.Contains("OK!"), verify.Stdout + verify.Stderr);
        var publics = JsonNode.Parse(File.ReadAllText(F("public.json")))!.AsArray();
        Assert.Equal(report["publicSignals"]!.GetValue<int>(), publics.Count);
        Assert.Equal(report["newStateRoot"]!.GetValue<string>(), publics[1]!.GetValue<string>());
        publics[1] = (System.Numerics.BigInteger.Parse(publics[1]!.GetValue<string>(), System.Globalization.CultureInfo.InvariantCulture) + 1).ToString(System.Globalization.CultureInfo.InvariantCulture);
        File.WriteAllText(Path.Combine(dir, "forged.json"), publics.ToJsonString());
        var forged = CircomSet.Snarkjs("plonk", "verify", F("verification_key.json"), Path.Combine(dir, "forged.json"), F("proof.json"));
        Assert.DoesNotContain("OK!", forged.Stdout);

        // The exported verifier and calldata are exactly what the export verbs make from the demo's files.
        Assert.Equal(0, CliRunner.Run("export", "solidity", "--vk", F("verification_key.json"), "--out", Path.Combine(dir, "v.sol")).Exit);
        Assert.Equal(File.ReadAllText(Path.Combine(dir, "v.sol")), File.ReadAllText(F("PlonkVerifier.sol")));
        var calldata = CliRunner.Run("export", "calldata", "--proof", F("proof.json"), "--public", F("public.json"), "--format", "hex");
        Assert.Equal(calldata.Out, File.ReadAllText(F("calldata.hex")));
        int calldataBytes = (calldata.Out.Trim().Length - 2) / 2;
        Assert.Equal(calldataBytes, report["calldataBytes"]!.GetValue<int>());
        Assert.Equal(768, report["proofBytes"]!.GetValue<int>());
        long gas = report["expectedGas"]!.GetValue<long>();
        Assert.InRange(gas, 250_000, 300_000);
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
        File.WriteAllText(Path.Combine(dir, DemoFiles.Marker), DemoFiles.ReadmeText(3, "batch-1", null));
        Assert.True(DemoFiles.IsPreviousRun(dir));
        File.WriteAllText(Path.Combine(dir, "batch-1.zkey"), "k");
        Assert.True(DemoFiles.IsPreviousRun(dir));
        File.WriteAllText(Path.Combine(dir, "extra.txt"), "x");
        Assert.False(DemoFiles.IsPreviousRun(dir));
    }
}
