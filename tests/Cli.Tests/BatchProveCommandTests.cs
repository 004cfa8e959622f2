// SPDX-License-Identifier: MIT
using System.Text.Json.Nodes;

namespace ZkOptions.Cli.Tests;

/// <summary>
/// The settlement path through the CLI: <c>simulate --max-batch</c>, <c>setup --circuit batch-N</c> and
/// <c>prove --batch</c>, and the bad inputs each refuses before any heavy work (exit 2, nothing written).
/// </summary>
public sealed class BatchProveCommandTests : IDisposable
{
    private readonly string dir = Directory.CreateTempSubdirectory("zko-batch-").FullName;

    public void Dispose() => Directory.Delete(dir, recursive: true);

    private string P(string name) => Path.Combine(dir, name);

    private static JsonObject Simulate(string outDir, params string[] extra)
    {
        var (exit, stdout, stderr) = CliRunner.Run(["simulate", "--out", outDir, "--json", .. extra]);
        Assert.True(exit == 0, stderr);
        return JsonNode.Parse(stdout)!.AsObject();
    }

    [Fact]
    public void MaxBatchSplitsBatchesWithoutChangingTheOutcome()
    {
        JsonObject whole = Simulate(P("whole"));
        JsonObject split = Simulate(P("split"), "--max-batch", "3");
        Assert.Equal((string)whole["finalRoot"]!, (string)split["finalRoot"]!);
        Assert.Equal((int)whole["transactions"]!, (int)split["transactions"]!);
        Assert.True((int)split["batches"]! > (int)whole["batches"]!);
        string? previousRoot = null;
        foreach (string file in Directory.GetFiles(P("split"), "batch-*.json").Order(StringComparer.Ordinal))
        {
            JsonObject b = JsonNode.Parse(File.ReadAllText(file))!.AsObject();
            Assert.InRange(b["transactions"]!.AsArray().Count, 1, 3);
            if (previousRoot is not null)
            {
                Assert.Equal(previousRoot, (string)b["publicInputs"]!["oldStateRoot"]!);
            }
            previousRoot = (string)b["publicInputs"]!["newStateRoot"]!;
        }
        Assert.Equal((string)whole["finalRoot"]!, previousRoot);
        JsonObject parameters = JsonNode.Parse(File.ReadAllText(P("split/parameters.json")))!.AsObject();
        Assert.Equal((string)split["parametersHash"]!, (string)parameters["hash"]!);
    }

    [Fact]
    public void LayoutCutsBatchesThatFitTheTradeSlotCircuit()
    {
        JsonObject whole = Simulate(P("whole"));
        JsonObject laidOut = Simulate(P("laid-out"), "--layout", "batch-4-2");
        Assert.Equal((string)whole["finalRoot"]!, (string)laidOut["finalRoot"]!);
        Assert.Equal((int)whole["transactions"]!, (int)laidOut["transactions"]!);
        // batch-4-2 is G..G..: at most two transactions other than trades, the second after the third slot.
        foreach (string file in Directory.GetFiles(P("laid-out"), "batch-*.json"))
        {
            var types = JsonNode.Parse(File.ReadAllText(file))!["transactions"]!.AsArray().Select(t => (string)t!["type"]!).ToList();
            Assert.InRange(types.Count, 1, 6);
            Assert.InRange(types.Count(t => t != "trade" && t != "noop"), 0, 2);
        }

        var (exit, stdout, stderr) = CliRunner.Run(["circuit", "info", "batch-2-1", "--system", "v2"]);
        Assert.True(exit == 0, stderr);
        Assert.Contains("2 trade slots and 1 general slot", stdout + stderr);
        Assert.Contains("trade slot 1 › account update", stdout + stderr);
        Assert.Contains("slot 0 › liquidationBid", stdout + stderr);
    }

    [Theory]
    [InlineData(new[] { "simulate", "--max-batch", "0" }, "--max-batch: 0 is outside 1 to 4096")]
    [InlineData(new[] { "simulate", "--layout", "batch-4-0" }, "--layout: batch-4-0 has no general slot")]
    [InlineData(new[] { "simulate", "--layout", "trades" }, "--layout: 'trades' is not batch-N or batch-T-G")]
    [InlineData(new[] { "setup", "--circuit", "batch-4000-100", "--insecure-dev-srs", "1" }, "circuit 'batch-4000-100': the slot count must be 1 to 4096")]
    [InlineData(new[] { "setup", "--circuit", "batch-0", "--insecure-dev-srs", "1" }, "circuit 'batch-0': the slot count must be 1 to 4096")]
    [InlineData(new[] { "setup", "--circuit", "batch-1" }, "give exactly one of --ptau FILE and --insecure-dev-srs SEED")]
    [InlineData(new[] { "setup", "--circuit", "price-band", "--parameters", "x.json", "--insecure-dev-srs", "1" }, "--parameters applies only to --circuit batch-N")]
    [InlineData(new[] { "prove", "--batch", "b.json", "--circuit", "price-band" }, "give one of: --witness FILE")]
    public void UsageErrorsExitTwo(string[] args, string message)
    {
        string[] withOutputs = args[0] switch
        {
            "simulate" => [.. args, "--out", P("never")],
            "setup" => [.. args, "--zkey", P("never.zkey")],
            _ => [.. args, "--zkey", P("missing.zkey"), "--proof", P("proof.json"), "--public", P("public.json")],
        };
        File.WriteAllText(P("missing.zkey"), "");
        var (exit, _, stderr) = CliRunner.Run(withOutputs);
        Assert.Equal(2, exit);
        Assert.Contains(message, stderr);
        Assert.False(File.Exists(P("never.zkey")));
        Assert.False(Directory.Exists(P("never")));
        Assert.False(File.Exists(P("proof.json")));
    }

    [Fact]
    public void EditedParametersAreRefusedNamingTheFile()
    {
        Simulate(P("run"), "--max-batch", "1");
        JsonObject parameters = JsonNode.Parse(File.ReadAllText(P("run/parameters.json")))!.AsObject();
        parameters["makerFeeRate"] = "3000";
        File.WriteAllText(P("edited.json"), parameters.ToJsonString());
        var (exit, _, stderr) = CliRunner.Run("setup", "--circuit", "batch-1", "--parameters", P("edited.json"), "--insecure-dev-srs", "1", "--zkey", P("k.zkey"));
        Assert.Equal(2, exit);
        Assert.Contains("edited.json: hash: does not match the parameters in the file", stderr);
        Assert.False(File.Exists(P("k.zkey")));
    }

    /// <summary>
    /// One batch-1 key (a 2^19 domain: about a minute of setup and one of proving on two cores) serves the happy
    /// path and every refusal that needs a real key.
    /// </summary>
    [Fact]
    public void ProvesASimulatedBatchAndRefusesBatchesTheKeyCannotProve()
    {
        Simulate(P("run"), "--max-batch", "1");
        Simulate(P("whole"));
        string parameters = P("run/parameters.json");
        var (sExit, _, sErr) = CliRunner.Run("setup", "--circuit", "batch-1", "--parameters", parameters, "--insecure-dev-srs", "11", "--zkey", P("b1.zkey"));
        Assert.True(sExit == 0, sErr);
        Assert.Contains("WARNING: --insecure-dev-srs 11", sErr);
        Assert.Contains("301644 PLONK gates", sErr);

        // The slot count is found from the key: no --circuit.
        var (pExit, _, pErr) = CliRunner.Run("prove", "--batch", P("run/batch-0002.json"), "--parameters", parameters, "--zkey", P("b1.zkey"),
            "--proof", P("proof.json"), "--public", P("public.json"));
        Assert.True(pExit == 0, pErr);
        JsonObject batch = JsonNode.Parse(File.ReadAllText(P("run/batch-0002.json")))!.AsObject();
        JsonArray signals = JsonNode.Parse(File.ReadAllText(P("public.json")))!.AsArray();
        Assert.Equal((string)batch["publicInputs"]!["oldStateRoot"]!, (string)signals[0]!);
        Assert.Equal((string)batch["publicInputs"]!["newStateRoot"]!, (string)signals[1]!);
        Assert.Equal(0, CliRunner.Run("zkey", "export-vk", "--zkey", P("b1.zkey"), "--vk", P("vk.json")).Exit);
        var (vExit, vOut, vErr) = CliRunner.Run("verify", "--vk", P("vk.json"), "--proof", P("proof.json"), "--public", P("public.json"));
        Assert.True(vExit == 0, vOut + vErr);

        // Another batch's public inputs do not verify with this proof.
        File.WriteAllText(P("public-other.json"), new JsonArray([.. signals.Select((s, i) => (JsonNode?)JsonValue.Create(i == 1 ? (string)batch["publicInputs"]!["oldStateRoot"]! : (string)s!))]).ToJsonString());
        Assert.Equal(1, CliRunner.Run("verify", "--vk", P("vk.json"), "--proof", P("proof.json"), "--public", P("public-other.json")).Exit);

        // An uncapped batch has more transactions than the key's one slot.
        string big = Directory.GetFiles(P("whole"), "batch-*.json").First(f => JsonNode.Parse(File.ReadAllText(f))!["transactions"]!.AsArray().Count > 1);
        var (bigExit, _, bigErr) = CliRunner.Run("prove", "--batch", big, "--parameters", P("whole/parameters.json"), "--zkey", P("b1.zkey"),
            "--proof", P("big-proof.json"), "--public", P("big-public.json"));
        Assert.Equal(2, bigExit);
        Assert.Contains("transactions, but the key is for batch-1 (1 slot); run the simulator with --max-batch 1", bigErr);

        // Default parameters are not the simulation's (its oracle key): the batch file names the mismatch.
        var (dExit, _, dErr) = CliRunner.Run("prove", "--batch", P("run/batch-0002.json"), "--zkey", P("b1.zkey"),
            "--proof", P("big-proof.json"), "--public", P("big-public.json"));
        Assert.Equal(2, dExit);
        Assert.Contains("batch-0002.json", dErr);

        // A key for another circuit.
        var (kExit, _, kErr) = CliRunner.Run("prove", "--batch", P("run/batch-0002.json"), "--parameters", parameters, "--circuit", "batch-2",
            "--zkey", P("b1.zkey"), "--proof", P("big-proof.json"), "--public", P("big-public.json"));
        Assert.Equal(2, kExit);
        Assert.Contains("b1.zkey: is for a circuit of 301644 gates, but batch-2 has", kErr);
        Assert.False(File.Exists(P("big-proof.json")));
        Assert.False(File.Exists(P("big-public.json")));
    }

    /// <summary>
    /// The same path on PLONK v2: a batch-1 v2 key (31,930 rows as pinned in vectors/circuits/gate-counts.csv, a 2^15 domain), prove --batch finding batch-1 from
    /// the key's wire count, export-vk and verify; a key for another batch size is refused naming both files.
    /// </summary>
    [Fact]
    public void ProvesASimulatedBatchOnV2()
    {
        Simulate(P("run"), "--max-batch", "1");
        string parameters = P("run/parameters.json");
        var (sExit, _, sErr) = CliRunner.Run("setup", "--system", "v2", "--circuit", "batch-1", "--parameters", parameters, "--insecure-dev-srs", "11", "--zkey", P("b1.v2key"));
        Assert.True(sExit == 0, sErr);
        Assert.Contains("v2: 31930 rows, domain 2^15, 8 public signals", sErr);

        var (pExit, pOut, pErr) = CliRunner.Run("prove", "--batch", P("run/batch-0002.json"), "--parameters", parameters, "--zkey", P("b1.v2key"),
            "--proof", P("proof.json"), "--public", P("public.json"), "--json");
        Assert.True(pExit == 0, pErr);
        JsonObject prove = JsonNode.Parse(pOut)!.AsObject();
        JsonOutputTests.AssertMatches("prove", prove);
        Assert.Equal("v2", (string)prove["system"]!);
        Assert.Equal(31930, (int)prove["rows"]!);
        JsonObject batch = JsonNode.Parse(File.ReadAllText(P("run/batch-0002.json")))!.AsObject();
        JsonArray signals = JsonNode.Parse(File.ReadAllText(P("public.json")))!.AsArray();
        Assert.Equal((string)batch["publicInputs"]!["oldStateRoot"]!, (string)signals[0]!);
        Assert.Equal((string)batch["publicInputs"]!["newStateRoot"]!, (string)signals[1]!);
        Assert.Equal(0, CliRunner.Run("zkey", "export-vk", "--zkey", P("b1.v2key"), "--vk", P("vk.json")).Exit);
        var (vExit, vOut, vErr) = CliRunner.Run("verify", "--vk", P("vk.json"), "--proof", P("proof.json"), "--public", P("public.json"));
        Assert.True(vExit == 0, vOut + vErr);

        // The key is for batch-1; batch-2 compiles to another circuit: both files are named.
        var (kExit, _, kErr) = CliRunner.Run("prove", "--batch", P("run/batch-0002.json"), "--parameters", parameters, "--circuit", "batch-2",
            "--zkey", P("b1.v2key"), "--proof", P("other-proof.json"), "--public", P("other-public.json"));
        Assert.Equal(2, kExit);
        Assert.Contains("b1.v2key: is for a v2 circuit of ", kErr);
        Assert.Contains("but batch-2 has", kErr);
        Assert.Contains("batch-0002.json", kErr);
        Assert.False(File.Exists(P("other-proof.json")));
    }
}
