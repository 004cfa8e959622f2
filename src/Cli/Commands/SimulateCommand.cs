// SPDX-License-Identifier: MIT
using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using ZkOptions.Cli.Output;
using ZkOptions.Settlement.Batches;
using ZkOptions.Settlement.Parameters;
using ZkOptions.Settlement.Simulation;
using ZkOptions.Settlement.State;

namespace ZkOptions.Cli.Commands;

/// <summary>
/// <c>zkoptions simulate [--scenario F] --out DIR [--json]</c>: runs a scenario through the settlement engine and
/// writes its batches (<c>batch-0001.json</c> …), the exchange parameters (<c>parameters.json</c>), the final state (<c>state.json</c>) and a summary. The directory
/// appears complete or not at all. With --json: the summary (batches, transactions, byType, finalRoot, parametersHash,
/// rejected) and out.
/// </summary>
internal static class SimulateCommand
{
    private static readonly JsonSerializerOptions Indented = new() { WriteIndented = true };

    public static Command Build()
    {
        var scenario = new Option<string?>("--scenario") { Description = "Scenario JSON (spot path, deposits, seed; see docs/settlement.md). Default: the built-in scenario with a crash day." };
        var outDir = new Option<string>("--out") { Description = "Directory to create for the batches, state.json and summary.json (must not exist, or be empty).", Required = true };
        var maxBatch = new Option<int?>("--max-batch") { Description = "At most N transactions per batch (the N of the batch-N circuit that will prove them); overrides the scenario's maxBatchTransactions.", HelpName = "N" };
        var layout = new Option<string?>("--layout") { Description = "Cut the batches for this batch circuit: batch-N, or batch-T-G with T trade slots and G general slots (at least one); a batch is sealed when its next transaction has no slot left. Overrides --max-batch and the scenario's batchLayout.", HelpName = "batch-T-G" };
        var command = new Command("simulate", "Run a settlement scenario (accounts, oracle prices, order flow) and write the batches a prover proves.")
        {
            scenario, outDir, maxBatch, layout,
        };
        command.SetAction(parse =>
        {
            string dir = Path.GetFullPath(parse.GetValue(outDir)!);
            if (File.Exists(dir) || (Directory.Exists(dir) && Directory.EnumerateFileSystemEntries(dir).Any()))
            {
                throw new UsageException($"--out: {dir} exists and is not an empty directory; refusing to overwrite.");
            }
            string? parent = Path.GetDirectoryName(dir);
            if (parent is null || !Directory.Exists(parent))
            {
                throw new UsageException($"--out: the parent directory {parent} does not exist.");
            }
            ScenarioSettings settings = parse.GetValue(scenario) is { } path
                ? ScenarioSettings.Read(FileOptions.RequireFile("--scenario", path))
                : new ScenarioSettings();
            if (parse.GetValue(maxBatch) is int cap)
            {
                settings = cap is >= 1 and <= CircuitOptions.MaxBatchSlots ? settings with { MaxBatchTransactions = cap }
                    : throw new UsageException($"--max-batch: {cap} is outside 1 to {CircuitOptions.MaxBatchSlots}");
            }
            if (parse.GetValue(layout) is { } name)
            {
                BatchLayout slots = CircuitOptions.BatchLayoutOf(name) ?? throw new UsageException($"--layout: '{name}' is not batch-N or batch-T-G");
                settings = slots.HoldsEveryType ? settings with { Layout = slots }
                    : throw new UsageException($"--layout: {name} has no general slot, so the scenario's deposits and oracle updates could never be batched");
            }
            var run = CommandRun.Of(parse);
            var sim = new Simulator(settings);
            IReadOnlyList<Batch> batches = sim.Run(run.Progress.For("running the scenario"));
            JsonObject summary = Summary(sim, batches);

            OutputDirectory.Write(dir, staging =>
            {
                IProgress<double> writing = run.Progress.For($"writing {batches.Count} batch files");
                for (int i = 0; i < batches.Count; i++)
                {
                    writing.Report((double)i / batches.Count);
                    Batch b = batches[i];
                    File.WriteAllText(Path.Combine(staging, $"batch-{b.Number:0000}.json"), BatchJson.Write(b, sim.Parameters).ToJsonString(Indented));
                }
                File.WriteAllText(Path.Combine(staging, "parameters.json"), ExchangeParametersJson.Write(sim.Parameters).ToJsonString(Indented));
                File.WriteAllText(Path.Combine(staging, "state.json"), StateJson.Write(sim.State).ToJsonString(Indented));
                File.WriteAllText(Path.Combine(staging, "summary.json"), summary.ToJsonString(Indented));
            });

            var result = (JsonObject)summary.DeepClone();
            result["out"] = dir;
            run.Result.Succeeded(result);
            if (run.Json)
            {
                return ExitCodes.Ok;
            }
            TextWriter o = run.Out;
            o.WriteLine($"{"batch",5} {"time (UTC)",-17} {"txs",5}  {"new state root",-20}  transactions");
            foreach (Batch b in batches)
            {
                string types = string.Join(", ", b.Transactions.GroupBy(t => t.Transaction.TypeName).Select(g => $"{g.Count()} {g.Key}"));
                string when = DateTimeOffset.FromUnixTimeSeconds(b.Timestamp).UtcDateTime.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture);
                o.WriteLine($"{b.Number,5} {when,-17} {b.Transactions.Count,5}  {b.NewRoot.ToString()[..16] + "…",-20}  {types}");
            }
            o.WriteLine($"{batches.Count} batches, {batches.Sum(b => b.Transactions.Count)} transactions, {sim.Sequencer.Rejections.Count} requests rejected (listed in summary.json); written to {dir}");
            return ExitCodes.Ok;
        });
        return command;
    }

    private static JsonObject Summary(Simulator sim, IReadOnlyList<Batch> batches)
    {
        var counts = new JsonObject();
        foreach (var g in batches.SelectMany(b => b.Transactions).GroupBy(t => t.Transaction.TypeName).OrderBy(g => g.Key, StringComparer.Ordinal))
        {
            counts[g.Key] = g.Count();
        }
        return new JsonObject
        {
            ["batches"] = batches.Count,
            ["transactions"] = batches.Sum(b => b.Transactions.Count),
            ["byType"] = counts,
            ["finalRoot"] = sim.State.Root.ToString(),
            ["parametersHash"] = sim.Parameters.Hash().ToString(),
            ["rejected"] = new JsonArray(sim.Sequencer.Rejections.Select(r => (JsonNode)JsonValue.Create(r)).ToArray()),
        };
    }
}
