// SPDX-License-Identifier: MIT
using System.Text.Json.Nodes;
using ZkOptions.Cli.Tests.Support;

namespace ZkOptions.Cli.Tests;

/// <summary>
/// A fuzz-style sweep of `batch check` over edited batch files: the first one-transaction batch of each type in the
/// built-in scenario, with its type changed to every other, each detail dropped or garbled, account indices swapped
/// between roles, duplicated and shifted out of the tree. Every edit ends in exit 1 (a rule, named), 2 (a malformed
/// file, named) or 0 (an edit nothing in the circuit reads), never exit 3.
/// </summary>
public sealed class BatchFileMutationSweepTests(PipelineInputs inputs) : IClassFixture<PipelineInputs>
{
    private static readonly string[] Types =
        ["noop", "deposit", "withdraw", "forcedWithdraw", "trade", "liquidationStart", "liquidationBid", "liquidationEnd", "settle", "oracleUpdate", "riskRefresh"];

    private static readonly string[] AccountFields = ["account", "liquidator", "victim"];

    [Fact]
    public void Edited_batch_files_are_refused_by_rule_or_format_and_never_exit_3()
    {
        string dir = Path.GetDirectoryName(inputs.SmallBatch)!;
        var firstOfEachType = Directory.GetFiles(dir, "batch-*.json").Order(StringComparer.Ordinal)
            .Select(f => JsonNode.Parse(File.ReadAllText(f))!.AsObject())
            .GroupBy(b => (string)b["transactions"]![0]!["type"]!).Select(g => g.First()).ToList();
        var problems = new List<string>();
        var exits = new Dictionary<int, int>();
        int runs = 0;
        foreach (var batch in firstOfEachType)
        {
            foreach (var (name, edited) in Mutations(batch))
            {
                string path = inputs.Fresh("mutated.json");
                File.WriteAllText(path, edited.ToJsonString());
                var (exit, stdout, stderr) = CliRunner.Run("batch", "check", path, "--parameters", inputs.SmallBatchParameters);
                runs++;
                exits[exit] = exits.GetValueOrDefault(exit) + 1;
                // Exit 0 is fine too: some edits change nothing the circuit reads (an informational detail, an empty list).
                if (exit is not (0 or 1 or 2) || stderr.Contains("internal error", StringComparison.Ordinal))
                {
                    problems.Add($"batch {batch["number"]} {name}: exit {exit}: {stdout}{stderr}");
                }
            }
        }
        Assert.True(problems.Count == 0, $"{problems.Count} of {runs} runs:\n{string.Join("\n", problems)}");
        Assert.True(exits.GetValueOrDefault(1) > 0 && exits.GetValueOrDefault(2) > 0,
            $"expected refusals by rule and by format: {string.Join(", ", exits.Select(e => $"exit {e.Key}: {e.Value}"))}");
    }

    /// <summary>The edits of a one-transaction batch file, by name.</summary>
    private static IEnumerable<(string Name, JsonObject Edited)> Mutations(JsonObject batch)
    {
        JsonObject Tx(JsonObject b) => b["transactions"]![0]!.AsObject();
        JsonObject Edit(Action<JsonObject> edit)
        {
            var copy = batch.DeepClone().AsObject();
            edit(Tx(copy));
            return copy;
        }
        var tx = Tx(batch);
        string type = (string)tx["type"]!;
        foreach (string other in Types.Where(t => t != type))
        {
            yield return ($"type {type} -> {other}", Edit(t => t["type"] = other));
        }
        foreach (var (key, _) in tx["details"]!.AsObject())
        {
            yield return ($"detail {key} dropped", Edit(t => t["details"]!.AsObject().Remove(key)));
            yield return ($"detail {key} garbled", Edit(t => t["details"]![key] = "0xg"));
        }
        var roles = AccountFields.Where(tx.ContainsKey).ToList();
        if (tx["maker"] is JsonObject && tx["taker"] is JsonObject)
        {
            yield return ("maker and taker accounts swapped", Edit(t => (t["maker"]!["account"], t["taker"]!["account"]) = (t["taker"]!["account"]!.DeepClone(), t["maker"]!["account"]!.DeepClone())));
            yield return ("taker account is the maker's", Edit(t => t["taker"]!["account"] = t["maker"]!["account"]!.DeepClone()));
        }
        if (roles.Count == 2)
        {
            yield return ("roles swapped", Edit(t => (t[roles[0]], t[roles[1]]) = (t[roles[1]]!.DeepClone(), t[roles[0]]!.DeepClone())));
            yield return ("one account in both roles", Edit(t => t[roles[1]] = t[roles[0]]!.DeepClone()));
        }
        foreach (string role in roles)
        {
            yield return ($"{role} out of the tree", Edit(t => t[role] = "4294967296"));
        }
        yield return ("account records dropped", Edit(t => t["witness"]!["accounts"] = new JsonArray()));
        yield return ("series dropped", Edit(t => t["witness"]!["series"] = new JsonArray()));
        yield return ("order slots dropped", Edit(t => t["witness"]!["orderSlots"] = new JsonArray()));
        yield return ("details dropped", Edit(t => t["details"] = new JsonObject()));
    }
}
