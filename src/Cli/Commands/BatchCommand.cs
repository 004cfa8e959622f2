// SPDX-License-Identifier: MIT
using System.CommandLine;
using System.Text.Json.Nodes;
using ZkOptions.Cli.Output;
using ZkOptions.Circuits.Settlement;
using ZkOptions.Circuits.Settlement.Witness;
using ZkOptions.Settlement.Batches;

namespace ZkOptions.Cli.Commands;

/// <summary>
/// <c>zkoptions batch check FILE [--parameters F]</c>: builds a settlement batch file's witness for the batch-N circuit
/// that holds it (N = its transaction count) and checks it rule by rule, without a proving key — what a prover would
/// refuse, before anyone pays for a setup. Exit 0 when every rule holds, 1 naming each broken rule, 2 for a malformed
/// file. With --json: {file, batch, circuit, slots, transactions, gates, failures}.
/// </summary>
internal static class BatchCommand
{
    public static Command Build() =>
        new("batch", "Inspect settlement batch files (batch-NNNN.json from `zkoptions simulate`).") { Check() };

    private static Command Check()
    {
        var file = new Argument<string>("FILE") { Description = "A settlement batch file (batch-NNNN.json from `zkoptions simulate`)." };
        var parameters = CircuitOptions.ParametersOption();
        var command = new Command("check",
            "Build a batch file's witness for the batch-N circuit (N = its transactions) and check every rule without a proving key; exit 1 naming each broken rule.")
            { file, parameters };
        command.SetAction(parse =>
        {
            var run = CommandRun.Of(parse);
            string path = FileOptions.RequireFile("FILE", parse.GetValue(file)!);
            var exchange = CircuitOptions.Parameters(parse, parameters);
            run.Progress.Phase($"reading and validating {Path.GetFileName(path)}");
            Batch batch = BatchJson.ReadFile(path, exchange);
            int slots = BatchCircuitSize.SlotsFor(batch);
            string name = BatchCircuitSize.Name(slots);
            var outcome = new JsonObject
            {
                ["file"] = path,
                ["batch"] = batch.Number,
                ["circuit"] = name,
                ["slots"] = slots,
                ["transactions"] = batch.Transactions.Count,
            };
            List<BatchRuleFailure> failures;
            int? gates = null;
            try
            {
                var inputs = BatchWitness.Build(batch, new SettlementShape(exchange, slots));
                run.Progress.Phase($"compiling {name}");
                var circuit = CircuitOptions.Compile(name, exchange);
                run.Progress.Phase($"solving and checking the witness of batch {batch.Number}");
                failures = [.. circuit.Check(circuit.Solve(inputs)).Select(f => BatchRuleFailure.Of(f, batch))];
                gates = circuit.GateCount;
            }
            catch (BatchRuleException e)
            {
                failures = [BatchRuleFailure.Of(e)];
            }
            outcome["gates"] = gates;
            outcome["failures"] = new JsonArray([.. failures.Select(f => (JsonNode)f.ToJson())]);
            string what = $"batch {batch.Number} ({path}): {Counted.Of(batch.Transactions.Count, "transaction")} in {name} ({Counted.Of(slots, "slot")})";
            if (failures.Count == 0)
            {
                run.Result.Succeeded(outcome);
                if (!run.Json)
                {
                    run.Out.WriteLine($"{what}, {gates} gates checked: all rules hold");
                }
                return ExitCodes.Ok;
            }
            var rules = failures.Select(f => f.Rule).Distinct().ToList();
            string summary = $"{what} breaks {string.Join(", ", rules)}" + (failures.Count == 100 ? " (first 100 failed constraints)" : "");
            run.Result.Rejected(summary, outcome);
            if (!run.Json)
            {
                run.Out.WriteLine(summary + ":");
                foreach (var failure in failures)
                {
                    run.Out.WriteLine($"  {failure.Describe(path)}");
                }
            }
            return ExitCodes.Rejected;
        });
        return command;
    }
}
