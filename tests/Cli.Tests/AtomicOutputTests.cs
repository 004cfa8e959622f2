// SPDX-License-Identifier: MIT
using ZkOptions.Cli.Commands;
using ZkOptions.Cli.Tests.Support;

namespace ZkOptions.Cli.Tests;

/// <summary>
/// Outputs appear whole or not at all: a run that fails, before or during writing, leaves neither its output nor a
/// temporary file (<c>.NAME.*.tmp</c>) behind.
/// </summary>
public sealed class AtomicOutputTests : IDisposable
{
    private readonly string dir = Directory.CreateTempSubdirectory("zko-atomic-").FullName;

    public void Dispose() => Directory.Delete(dir, recursive: true);

    private string P(string name) => Path.Combine(dir, name);

    private static string V(string name) => PipelineInputs.Vector(name);

    private string Input(string name, string text)
    {
        string path = P("input-" + name);
        File.WriteAllText(path, text);
        return path;
    }

    /// <summary>Everything in the directory except the inputs the test wrote.</summary>
    private void AssertNothingWritten()
    {
        var left = Directory.EnumerateFileSystemEntries(dir).Select(Path.GetFileName).Where(n => !n!.StartsWith("input-", StringComparison.Ordinal)).ToList();
        Assert.True(left.Count == 0, "left behind: " + string.Join(", ", left));
    }

    [Fact]
    public void Prove_with_an_unsatisfied_input_writes_neither_output()
    {
        var r = CliRunner.Run("prove", "--zkey", V("public_inputs.plonk.zkey"), "--circuit", "cubic", "--input", Input("bad.json", """{"x": "3", "y": "36"}"""),
            "--proof", P("proof.json"), "--public", P("public.json"));
        Assert.Equal(ExitCodes.Rejected, r.Exit);
        AssertNothingWritten();
    }

    [Fact]
    public void Prove_with_a_witness_that_fails_a_gate_writes_neither_output()
    {
        var witness = ZkOptions.Prover.Formats.WitnessFile.Read(V("public_inputs.wtns"));
        witness[^1] += ZkOptions.Field.Fr.One;
        string path = P("input-other.wtns");
        ZkOptions.Prover.Formats.WitnessFile.Write(path, witness);
        var r = CliRunner.Run("prove", "--zkey", V("public_inputs.plonk.zkey"), "--witness", path, "--proof", P("proof.json"), "--public", P("public.json"));
        Assert.Equal(ExitCodes.BadInput, r.Exit);
        AssertNothingWritten();
    }

    [Fact]
    public void Circuit_witness_with_an_unsatisfied_input_writes_nothing()
    {
        var r = CliRunner.Run("circuit", "witness", "cubic", "--input", Input("bad.json", """{"x": "3", "y": "36"}"""), "--out", P("w.wtns"));
        Assert.Equal(ExitCodes.Rejected, r.Exit);
        AssertNothingWritten();
    }

    [Fact]
    public void Setup_with_a_ptau_too_small_writes_no_key()
    {
        // price-band has more gates than pot8's 2^8 points can commit to; the mismatch is found after the circuit is compiled.
        var r = CliRunner.Run("setup", "--circuit", "price-band", "--ptau", V("pot8_final.ptau"), "--zkey", P("k.zkey"));
        Assert.Equal(ExitCodes.BadInput, r.Exit);
        Assert.Contains("pot8_final.ptau", r.Err);
        AssertNothingWritten();
    }

    [Fact]
    public void Oracle_epoch_with_a_market_that_fails_validation_writes_nothing()
    {
        string market = Input("market.json", """{"id": 1}""");
        var r = CliRunner.Run("oracle", "epoch", "--market", market, "--out", P("epoch.json"));
        Assert.Equal(ExitCodes.BadInput, r.Exit);
        AssertNothingWritten();
    }

    [Fact]
    public void Simulate_with_a_scenario_that_fails_mid_way_writes_no_directory()
    {
        string scenario = Input("scenario.json", """{"days": [{"spot": "95000"}, {"spot": "-3"}]}""");
        var r = CliRunner.Run("simulate", "--scenario", scenario, "--out", P("run"));
        Assert.Equal(ExitCodes.BadInput, r.Exit);
        AssertNothingWritten();
    }

    [Fact]
    public void Outputs_written_together_vanish_when_a_later_writer_fails()
    {
        var e = Assert.Throws<InvalidOperationException>(() => OutputFiles.WriteTogether(
            (P("proof.json"), path => File.WriteAllText(path, "{}")),
            (P("public.json"), _ => throw new InvalidOperationException("disk full, say"))));
        Assert.Equal("disk full, say", e.Message);
        AssertNothingWritten();
    }

    [Fact]
    public void Outputs_written_together_vanish_when_a_rename_fails()
    {
        // The second target is a non-empty directory, so its rename fails after the first output is in place.
        Directory.CreateDirectory(P("input-public.json"));
        File.WriteAllText(Path.Combine(P("input-public.json"), "x"), "x");
        Assert.ThrowsAny<IOException>(() => OutputFiles.WriteTogether(
            (P("proof.json"), path => File.WriteAllText(path, "{}")),
            (P("input-public.json"), path => File.WriteAllText(path, "[]"))));
        Assert.False(File.Exists(P("proof.json")), "the first output must be taken back when the second cannot be renamed");
        AssertNothingWritten();
    }

    [Fact]
    public void An_output_directory_vanishes_when_filling_it_fails_mid_way()
    {
        Assert.Throws<InvalidOperationException>(() => OutputDirectory.Write(P("run"), staging =>
        {
            File.WriteAllText(Path.Combine(staging, "batch-0001.json"), "{}");
            throw new InvalidOperationException("the second batch could not be written");
        }));
        AssertNothingWritten();
    }

    [Fact]
    public void An_output_directory_appears_complete()
    {
        Directory.CreateDirectory(P("run")); // an empty target is allowed
        OutputDirectory.Write(P("run"), staging =>
        {
            File.WriteAllText(Path.Combine(staging, "a.json"), "1");
            File.WriteAllText(Path.Combine(staging, "b.json"), "2");
        });
        Assert.Equal(["a.json", "b.json"], Directory.GetFiles(P("run")).Select(Path.GetFileName).Order(StringComparer.Ordinal));
        Assert.Equal(["run"], Directory.GetFileSystemEntries(dir).Select(Path.GetFileName));
    }

    [Fact]
    public void Eddsa_keygen_never_replaces_an_existing_key()
    {
        string key = P("input-alice.key");
        File.WriteAllText(key, "keep me");
        var r = CliRunner.Run("eddsa", "keygen", "--out", key);
        Assert.Equal(ExitCodes.BadInput, r.Exit);
        Assert.Equal("keep me", File.ReadAllText(key));
        AssertNothingWritten();
    }
}
