// SPDX-License-Identifier: MIT
using System.Text.Json.Nodes;
using ZkOptions.Circuits.Tests.Support;
using ZkOptions.Cli.Tests.Support;
using ZkOptions.Settlement.Batches;
using ZkOptions.Settlement.Parameters;
using ZkOptions.Settlement.Transactions;

namespace ZkOptions.Cli.Tests;

/// <summary>
/// <c>zkoptions batch check</c>: a simulated batch holds every rule (exit 0); a hostile one, self-consistent but
/// breaking a rule, exits 1 naming the file, the transaction and the rule — and so does <c>prove --batch</c>, never
/// exit 3 (issue 18, item 8); a malformed batch or parameters file exits 2 naming it.
/// </summary>
public sealed class BatchCheckCommandTests(PipelineInputs inputs) : IClassFixture<PipelineInputs>
{
    private ExchangeParameters Parameters => ExchangeParametersJson.ReadFile(inputs.SmallBatchParameters);

    /// <summary>The first one-transaction batch of the scenario whose transaction is a <typeparamref name="T"/>.</summary>
    private Batch First<T>() where T : Transaction =>
        Directory.GetFiles(Path.GetDirectoryName(inputs.SmallBatch)!, "batch-*.json").Order(StringComparer.Ordinal)
            .Select(f => BatchJson.ReadFile(f, Parameters)).First(b => b.Transactions[0].Transaction is T);

    private string Write(Batch batch, string name)
    {
        string path = inputs.Fresh(name);
        File.WriteAllText(path, BatchJson.Write(batch, Parameters).ToJsonString());
        return path;
    }

    [Fact]
    public void A_simulated_batch_holds_every_rule()
    {
        var (exit, stdout, stderr) = CliRunner.Run("batch", "check", inputs.SmallBatch, "--parameters", inputs.SmallBatchParameters);
        Assert.True(exit == 0, stdout + stderr);
        Assert.Contains("1 transaction in batch-1 (1 slot)", stdout);
        Assert.Contains("all rules hold", stdout);
    }

    [Fact]
    public void A_trade_whose_maker_is_its_taker_exits_1_naming_order_sides_in_check_and_prove()
    {
        string hostile = Write(HostileBatches.MakerIsTaker(First<TradeTx>()), "maker-is-taker.json");
        var (exit, stdout, stderr) = CliRunner.Run("batch", "check", hostile, "--parameters", inputs.SmallBatchParameters);
        Assert.True(exit == 1, stdout + stderr);
        Assert.Contains($"{hostile}: transaction 0 (trade): order.sides: account", stdout);

        // The prover refuses it before any key work (any well-formed key will do), without writing a proof.
        string proof = inputs.Fresh("proof.json");
        var (pExit, pOut, pErr) = CliRunner.Run("prove", "--batch", hostile, "--parameters", inputs.SmallBatchParameters,
            "--zkey", PipelineInputs.Vector("public_inputs.plonk.zkey"), "--proof", proof, "--public", inputs.Fresh("public.json"), "--json");
        Assert.True(pExit == 1, pOut + pErr);
        Assert.Contains($"{hostile}: batch ", pErr);
        Assert.Contains("transaction 0 (trade): order.sides: ", pErr);
        Assert.DoesNotContain("internal error", pErr);
        JsonObject json = JsonNode.Parse(pOut)!.AsObject();
        Assert.Equal(1, (int)json["exitCode"]!);
        JsonOutputTests.AssertMatches("prove", json);
        Assert.False(File.Exists(proof));
    }

    [Fact]
    public void An_overfilled_order_exits_1_naming_the_rule_and_the_circuits_source_line()
    {
        Batch batch = First<TradeTx>();
        var r = batch.Transactions[0];
        var t = (TradeTx)r.Transaction;
        var over = t with { Fill = new ZkOptions.Settlement.Numbers.Quantity(t.Maker.Order.Amount.Units + 1) };
        string edited = Write(HostileBatches.WithTransaction(batch, 0, r with { Transaction = over }), "overfilled.json");
        var (exit, stdout, stderr) = CliRunner.Run("batch", "check", edited, "--parameters", inputs.SmallBatchParameters, "--json");
        Assert.True(exit == 1, stdout + stderr);
        JsonObject json = JsonNode.Parse(stdout)!.AsObject();
        JsonOutputTests.AssertMatches("batch-check", json);
        var failures = json["failures"]!.AsArray().Select(f => f!.AsObject()).ToList();
        var overfilled = failures.FirstOrDefault(f => (string)f["rule"]! == "order.not-overfilled");
        Assert.True(overfilled is not null, json.ToJsonString());
        Assert.Equal(0, (int)overfilled!["transaction"]!);
        Assert.Equal("trade", (string)overfilled["type"]!);
        Assert.Equal("TradeRule.cs", (string)overfilled["file"]!);
        Assert.Contains("order.not-overfilled", (string)json["error"]!);
    }

    [Fact]
    public void A_malformed_batch_or_parameters_file_exits_2_naming_the_file_and_field()
    {
        JsonObject batch = JsonNode.Parse(File.ReadAllText(inputs.SmallBatch))!.AsObject();
        batch["timestamp"] = "yesterday";
        string malformed = inputs.Fresh("malformed.json");
        File.WriteAllText(malformed, batch.ToJsonString());
        var (exit, _, stderr) = CliRunner.Run("batch", "check", malformed, "--parameters", inputs.SmallBatchParameters);
        Assert.Equal(2, exit);
        Assert.Contains(malformed, stderr);
        Assert.Contains("timestamp", stderr);
        Assert.DoesNotContain("   at ", stderr);

        string parameters = inputs.Fresh("parameters.json");
        File.WriteAllText(parameters, "{\"positionSlots\": ");
        var (pExit, _, pErr) = CliRunner.Run("batch", "check", inputs.SmallBatch, "--parameters", parameters);
        Assert.Equal(2, pExit);
        Assert.Contains(parameters, pErr);

        var (mExit, _, mErr) = CliRunner.Run("batch", "check", inputs.Fresh("none.json"));
        Assert.Equal(2, mExit);
        Assert.Contains("file not found", mErr);
    }
}
