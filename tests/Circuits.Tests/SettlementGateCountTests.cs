// SPDX-License-Identifier: MIT
using System.Text;
using ZkOptions.Circuit.Compiler;
using ZkOptions.Circuits.Settlement;
using ZkOptions.Circuits.Settlement.Rules;
using ZkOptions.Prover.Tests.Support;

namespace ZkOptions.Circuits.Tests;

/// <summary>
/// Gate counts of the settlement batch circuit (default exchange parameters) per batch size, per slot, and per
/// transaction type (the gates inside the rule's own scope; every slot carries all of them plus the shared ports),
/// pinned as the settlement/ rows of vectors/circuits/gate-counts.csv. Rewrite with ZKOPTIONS_APPROVE=1 after an
/// intended change.
/// </summary>
[Collection(ScenarioCollection.Name)]
public sealed class SettlementGateCountTests(ScenarioFixture run)
{
    private const string Prefix = "settlement/";

    private static string PinnedFile => RepoPaths.Vector("circuits", "gate-counts.csv");

    private List<(string Name, int Gates)> Measure()
    {
        var rows = new List<(string, int)>();
        foreach (int n in new[] { 1, 2, 4 })
        {
            var c = CircuitCompiler.Compile(new BatchCircuit(new SettlementShape(run.Parameters, n)));
            rows.Add(($"{Prefix}batch-{n}", c.GateCount));
            if (n == 1)
            {
                var scopes = c.GatesByScope();
                int slot = scopes.Where(s => s.Scope.StartsWith("slot 0", StringComparison.Ordinal)).Sum(s => s.Gates);
                rows.Add(($"{Prefix}slot", slot));
                foreach (var rule in SettlementRule.All)
                {
                    int own = scopes.Where(s => s.Scope.StartsWith($"slot 0 › {rule.Name}", StringComparison.Ordinal)).Sum(s => s.Gates);
                    rows.Add(($"{Prefix}rule-{rule.Name}", own));
                }
                foreach (var shared in new[] { "account update", "insurance account update", "series read", "margin evaluator", "signature.valid", "data chain", "l1.queue-order", "exit chain", "type" })
                {
                    int g = scopes.Where(s => s.Scope.StartsWith($"slot 0 › {shared}", StringComparison.Ordinal)).Sum(s => s.Gates);
                    rows.Add(($"{Prefix}shared-{shared.Replace(' ', '-').Replace(".", "", StringComparison.Ordinal)}", g));
                }
            }
        }
        return rows.OrderBy(r => r.Item1, StringComparer.Ordinal).ToList();
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
            foreach (var (name, gates) in measured)
            {
                text.Append($"{name},{gates},,8\n");
            }
            File.WriteAllText(PinnedFile, text.ToString());
            lines = File.ReadAllLines(PinnedFile).ToList();
        }
        var pinned = lines.Where(l => l.StartsWith(Prefix, StringComparison.Ordinal)).Select(l => l.Split(',')).ToDictionary(p => p[0], p => p[1]);
        var problems = measured.Where(m => !pinned.TryGetValue(m.Name, out var g) || g != m.Gates.ToString())
            .Select(m => $"{m.Name}: pinned {pinned.GetValueOrDefault(m.Name, "nothing")}, now {m.Gates}").ToList();
        problems.AddRange(pinned.Keys.Except(measured.Select(m => m.Name)).Select(n => $"{n}: pinned but no longer measured"));
        Assert.True(problems.Count == 0, "settlement gate counts moved (rerun with ZKOPTIONS_APPROVE=1 if intended):\n" + string.Join("\n", problems));
    }
}
