// SPDX-License-Identifier: MIT
using System.Text;
using ZkOptions.Circuit.Compiler;
using ZkOptions.Constraints;
using ZkOptions.Circuits.Settlement;
using ZkOptions.Circuits.Settlement.Rules;
using ZkOptions.Prover.Tests.Support;
using ZkOptions.Settlement.Batches;

namespace ZkOptions.Circuits.Tests;

/// <summary>
/// v1 gate and v2 row counts of the settlement batch circuit (default exchange parameters) per batch size, per slot, and per
/// transaction type (the gates inside the rule's own scope; every slot carries all of them plus the shared ports), and
/// of the trade slot and its parts (batch-T-G layouts),
/// pinned as the settlement/ rows of vectors/circuits/gate-counts.csv. Rewrite with ZKOPTIONS_APPROVE=1 after an
/// intended change.
/// </summary>
[Collection(ScenarioCollection.Name)]
public sealed class SettlementGateCountTests(ScenarioFixture run)
{
    private const string Prefix = "settlement/";

    private static string PinnedFile => RepoPaths.Vector("circuits", "gate-counts.csv");

    /// <summary>Each name with its v1 gates and v2 rows, as "gates,rows".</summary>
    private List<(string Name, string Counts)> Measure()
    {
        var rows = new List<(string, string)>();
        foreach (int n in new[] { 1, 2, 4 })
        {
            var v1 = CircuitCompiler.Compile(new BatchCircuit(new SettlementShape(run.Parameters, n)));
            var v2 = CircuitCompiler.Compile(new BatchCircuit(new SettlementShape(run.Parameters, n)), null, ProofSystem.V2);
            rows.Add(($"{Prefix}batch-{n}", $"{v1.GateCount},{v2.RowCount}"));
            if (n == 1)
            {
                string In(string prefix) => InScope(v1, v2, prefix);
                rows.Add(($"{Prefix}slot", In("slot 0")));
                foreach (var rule in SettlementRule.All)
                {
                    rows.Add(($"{Prefix}rule-{rule.Name}", In($"slot 0 › {rule.Name}")));
                }
                foreach (var shared in new[] { "account update", "insurance account update", "series read", "margin evaluator", "signature.valid", "data chain", "l1.queue-order", "exit chain", "type" })
                {
                    rows.Add(($"{Prefix}shared-{shared.Replace(' ', '-').Replace(".", "", StringComparison.Ordinal)}", In($"slot 0 › {shared}")));
                }
            }
        }
        // Trade slots: a batch of one, and one of four trade slots and a general slot; the slot's parts.
        foreach (var layout in new[] { new BatchLayout(1, 0), new BatchLayout(4, 1) })
        {
            var shape = new SettlementShape(run.Parameters, layout);
            var v1 = CircuitCompiler.Compile(new BatchCircuit(shape));
            var v2 = CircuitCompiler.Compile(new BatchCircuit(shape), null, ProofSystem.V2);
            rows.Add(($"{Prefix}{layout.Name}", $"{v1.GateCount},{v2.RowCount}"));
            if (layout.GeneralSlots == 0)
            {
                string In(string prefix) => InScope(v1, v2, prefix);
                rows.Add(($"{Prefix}trade-slot", In("trade slot 0")));
                foreach (var part in new[] { "trade", "account update", "insurance account update", "series read", "margin evaluator", "signature.valid", "data chain", "type" })
                {
                    rows.Add(($"{Prefix}trade-slot-{part.Replace(' ', '-').Replace(".", "", StringComparison.Ordinal)}", In($"trade slot 0 › {part}")));
                }
            }
        }
        return rows.OrderBy(r => r.Item1, StringComparer.Ordinal).ToList();
    }

    /// <summary>"gates,rows" inside the scopes that start with <paramref name="prefix"/>.</summary>
    private static string InScope(CompiledCircuit v1, CompiledCircuit v2, string prefix)
    {
        int Sum(CompiledCircuit c) => c.GatesByScope().Where(s => s.Scope.StartsWith(prefix, StringComparison.Ordinal)).Sum(s => s.Gates);
        return $"{Sum(v1)},{Sum(v2)}";
    }

    [Fact]
    public void Settlement_gate_counts_match_the_pinned_file()
    {
        var measured = Measure();
        var lines = File.ReadAllLines(PinnedFile).ToList();
        if (Environment.GetEnvironmentVariable("ZKOPTIONS_APPROVE") == "1")
        {
            var text = new StringBuilder();
            foreach (var l in lines.Where(l => !l.StartsWith(Prefix, StringComparison.Ordinal)))
            {
                text.Append(l).Append('\n');
            }
            foreach (var (name, counts) in measured)
            {
                text.Append($"{name},{counts},,8\n");
            }
            File.WriteAllText(PinnedFile, text.ToString());
            lines = File.ReadAllLines(PinnedFile).ToList();
        }
        var pinned = lines.Where(l => l.StartsWith(Prefix, StringComparison.Ordinal)).Select(l => l.Split(','))
            .ToDictionary(p => p[0], p => $"{p[1]},{p[2]}");
        var problems = measured.Where(m => !pinned.TryGetValue(m.Name, out var g) || g != m.Counts)
            .Select(m => $"{m.Name}: pinned {pinned.GetValueOrDefault(m.Name, "nothing")} (gates,rows), now {m.Counts}").ToList();
        problems.AddRange(pinned.Keys.Except(measured.Select(m => m.Name)).Select(n => $"{n}: pinned but no longer measured"));
        Assert.True(problems.Count == 0, "settlement gate counts moved (rerun with ZKOPTIONS_APPROVE=1 if intended):\n" + string.Join("\n", problems));
    }
}
