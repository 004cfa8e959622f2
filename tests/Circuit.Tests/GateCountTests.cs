// SPDX-License-Identifier: MIT
using System.Text;
using ZkOptions.Circuit.Catalog;
using ZkOptions.Circuit.Compiler;
using ZkOptions.Circuit.Std;
using ZkOptions.Circuit.Tests.Support;
using ZkOptions.Constraints;
using ZkOptions.Prover.Tests.Support;

namespace ZkOptions.Circuit.Tests;

/// <summary>
/// Sizes are pinned (gnark's stats file): every built-in circuit and every standard gadget is compiled for v1 and v2
/// and its gate and row counts compared with vectors/circuits/gate-counts.csv. A change that moves a count fails here, so it is
/// seen and explained in review; after an intended change, rerun with ZKOPTIONS_APPROVE=1 to rewrite the file.
/// </summary>
public sealed class GateCountTests
{
    private const string SettlementPrefix = "settlement/";

    private static string PinnedFile => RepoPaths.Vector("circuits", "gate-counts.csv");

    /// <summary>Gadgets measured alone: each circuit holds just the gadget on secret inputs.</summary>
    public static IEnumerable<(string Name, Func<Circuit> Create)> Gadgets()
    {
        static Func<Circuit> G(int n, Action<Api, Variable[]> body) => () => new TestCircuit(n, body);
        yield return ("gadget/mul", G(2, (api, x) => api.Mul(x[0], x[1])));
        yield return ("gadget/div", G(2, (api, x) => api.Div(x[0], x[1])));
        yield return ("gadget/is-zero", G(1, (api, x) => api.IsZero(x[0])));
        yield return ("gadget/select", G(3, (api, x) => api.Select(x[0], x[1], x[2])));
        yield return ("gadget/lookup2-constants", G(2, (api, x) => api.Lookup2(x[0], x[1], 1, 2, 3, 5)));
        yield return ("gadget/to-bits-64", G(1, (api, x) => api.ToBits(x[0], 64)));
        yield return ("gadget/to-bits-254", G(1, (api, x) => api.ToBits(x[0], 254)));
        yield return ("gadget/range-check-64", G(1, (api, x) => api.RangeCheck(x[0], 64)));
        yield return ("gadget/is-less-64", G(2, (api, x) => api.IsLess(new Bounded(x[0], 64), new Bounded(x[1], 64))));
        yield return ("gadget/assert-less-or-equal-64", G(2, (api, x) => api.AssertLessOrEqual(new Bounded(x[0], 64), new Bounded(x[1], 64))));
        yield return ("gadget/fixed-mul-64", G(2, (api, x) => FixedPoint.Mul(api, new Fixed(x[0], 64), new Fixed(x[1], 64))));
        yield return ("gadget/fixed-div-64", G(2, (api, x) => FixedPoint.Div(api, new Fixed(x[0], 64), new Fixed(x[1], 64))));
        yield return ("gadget/fixed-is-negative-64", G(1, (api, x) => FixedPoint.IsNegative(api, new Fixed(x[0], 64))));
        yield return ("gadget/mux-16", G(17, (api, x) => Multiplexer.Select(api, x[0], x[1..])));
        for (int n = 1; n <= 16; n++)
        {
            int inputs = n;
            // The output is consumed by one assertion against a further input, as a circuit would use it.
            yield return ($"gadget/poseidon-{n:D2}", G(n + 1, (api, x) => api.AssertEqual(Poseidon.Hash(api, x[..inputs]), x[inputs])));
        }
        yield return ("gadget/babyjubjub-add", G(4, (api, x) => BabyJubjubGadget.Add(api, new PointVar(x[0], x[1]), new PointVar(x[2], x[3]))));
        yield return ("gadget/babyjubjub-double", G(2, (api, x) => BabyJubjubGadget.Double(api, new PointVar(x[0], x[1]))));
        yield return ("gadget/babyjubjub-on-curve", G(2, (api, x) => BabyJubjubGadget.AssertOnCurve(api, new PointVar(x[0], x[1]))));
        yield return ("gadget/babyjubjub-fixed-base-mul-253", G(1, (api, x) =>
            BabyJubjubGadget.ScalarMulFixedBase(api, api.ToBits(x[0], 253), Field.BabyJubjub.BabyJubjub.Base8)));
        yield return ("gadget/babyjubjub-variable-base-mul-253", G(3, (api, x) =>
            BabyJubjubGadget.ScalarMulVariableBase(api, api.ToBits(x[0], 253), new PointVar(x[1], x[2]))));
        yield return ("gadget/smt-binary-level", G(3, (api, x) => SparseMerkle.ComputeRoot(api, 2, 1, x[0], x[1], [[x[2]]])));
        yield return ("gadget/smt-quaternary-level", G(5, (api, x) => SparseMerkle.ComputeRoot(api, 4, 1, x[0], x[1], [[x[2], x[3], x[4]]])));
    }

    private static List<(string Name, int Gates, int Rows, int Wires, int Public)> Measure()
    {
        var rows = new List<(string, int, int, int, int)>();
        foreach (var d in CircuitCatalog.All)
        {
            rows.Add(Count($"circuit/{d.Name}", d.Create));
        }
        foreach (var (name, create) in Gadgets())
        {
            rows.Add(Count(name, create));
        }
        return rows.OrderBy(r => r.Item1, StringComparer.Ordinal).ToList();

        static (string, int, int, int, int) Count(string name, Func<Circuit> create)
        {
            var v1 = CircuitCompiler.Compile(create(), name);
            var v2 = CircuitCompiler.Compile(create(), name, ProofSystem.V2);
            return (name, v1.GateCount, v2.RowCount, v1.WireCount, v1.PublicCount);
        }
    }

    [Fact]
    public void CountsMatchThePinnedFile()
    {
        var measured = Measure();
        var text = new StringBuilder();
        text.Append("# Sizes of every built-in circuit and standard gadget, public inputs included: v1 PLONK gates (snarkjs gate\n");
        text.Append("# shape) and v2 rows side by side, v1 wires, public inputs. Checked by tests/Circuit.Tests/GateCountTests.cs\n");
        text.Append("# and tests/Circuits.Tests/SettlementGateCountTests.cs (settlement/). Rewrite with ZKOPTIONS_APPROVE=1 after\n");
        text.Append("# an intended change, and say why in the commit.\n");
        text.Append("name,gates,rows,wires,public\n");
        foreach (var (name, gates, rows, wires, pub) in measured)
        {
            text.Append($"{name},{gates},{rows},{wires},{pub}\n");
        }
        if (Environment.GetEnvironmentVariable("ZKOPTIONS_APPROVE") == "1")
        {
            // Rows under settlement/ belong to tests/Circuits.Tests/SettlementGateCountTests.cs; keep them.
            foreach (var kept in File.Exists(PinnedFile) ? File.ReadAllLines(PinnedFile).Where(l => l.StartsWith(SettlementPrefix, StringComparison.Ordinal)) : [])
            {
                text.Append(kept).Append('\n');
            }
            File.WriteAllText(PinnedFile, text.ToString());
        }
        Assert.True(File.Exists(PinnedFile), $"{PinnedFile} is missing; create it with ZKOPTIONS_APPROVE=1");
        var pinned = File.ReadAllLines(PinnedFile).Where(l => l.Length > 0 && !l.StartsWith('#')).Skip(1)
            .Where(l => !l.StartsWith(SettlementPrefix, StringComparison.Ordinal))
            .Select(l => l.Split(',')).ToDictionary(p => p[0], p => p[1..]);
        var problems = new List<string>();
        foreach (var (name, gates, rows, wires, pub) in measured)
        {
            if (!pinned.TryGetValue(name, out var row))
            {
                problems.Add($"{name}: not pinned (now {gates} gates, {rows} rows)");
            }
            else if (row[0] != gates.ToString() || row[1] != rows.ToString() || row[2] != wires.ToString() || row[3] != pub.ToString())
            {
                problems.Add($"{name}: pinned {row[0]} gates / {row[1]} rows / {row[2]} wires / {row[3]} public, now {gates} / {rows} / {wires} / {pub}");
            }
        }
        problems.AddRange(pinned.Keys.Except(measured.Select(m => m.Name)).Select(n => $"{n}: pinned but no longer measured"));
        Assert.True(problems.Count == 0,
            "gate counts moved (rerun with ZKOPTIONS_APPROVE=1 if intended):\n" + string.Join("\n", problems));
    }
}
