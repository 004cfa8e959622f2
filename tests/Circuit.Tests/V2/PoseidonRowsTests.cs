// SPDX-License-Identifier: MIT
using ZkOptions.Circuit.Compiler;
using ZkOptions.Circuit.Solving;
using ZkOptions.Circuit.Std;
using ZkOptions.Constraints;
using ZkOptions.Constraints.V2;
using ZkOptions.Field;
using static ZkOptions.Circuit.Tests.Support.CircuitAssert;
using FieldPoseidon = ZkOptions.Field.Hashing.Poseidon;

namespace ZkOptions.Circuit.Tests.V2;

/// <summary>
/// circomlib's Poseidon for t ≤ 5 in v2 rows (one Poseidon-round gate per round): the same digests as circomlibjs
/// (through <see cref="FieldPoseidon"/>, itself checked against circomlibjs's vectors), one row per round, and a
/// tampered round state refused by the checker with the gadget's call site and the gate's name.
/// </summary>
public sealed class PoseidonRowsTests
{
    private static CompiledCircuit HashCircuit(int n, out Fr[] values, out Fr expected)
    {
        values = Enumerable.Range(0, n).Select(i => Fr.FromUInt64((ulong)(1000 + 17 * i))).ToArray();
        expected = FieldPoseidon.Hash(values);
        return CircuitCompiler.Compile(C(n + 1, (api, x) => api.AssertEqual(Poseidon.Hash(api, x[..n]), x[n]))(), "hash", ProofSystem.V2);
    }

    [Theory]
    [InlineData(1, 8 + 56)]
    [InlineData(2, 8 + 57)]
    [InlineData(3, 8 + 56)]
    [InlineData(4, 8 + 60)]
    public void Poseidon_in_rows_gives_circomlibs_digest_in_one_row_per_round(int n, int rounds)
    {
        var compiled = HashCircuit(n, out var values, out var expected);
        var witness = compiled.Solve(Inputs(("x", values.Append(expected))));
        Assert.Empty(compiled.Check(witness));
        // One row per round, one holding the output, and the assertion hash == x[n].
        Assert.Equal(rounds + 2, compiled.RowCount);
        Assert.True(compiled.RowCount <= 70, "a t = 5 permutation must take at most 70 rows");

        var wrong = compiled.Solve(Inputs(("x", values.Append(expected + Fr.One))));
        Assert.Contains("assert a == b", Assert.Single(compiled.Check(wrong)).ToString());
    }

    [Fact]
    public void Constant_and_scaled_inputs_fold_into_the_first_round()
    {
        // Poseidon(x + 7, 5, 3·x, x·x) against the native hash: constants and offsets ride in the first round's
        // constants; 3·x and x·x need one wire each.
        var compiled = CircuitCompiler.Compile(C(2, (api, x) =>
            api.AssertEqual(Poseidon.Hash(api, [x[0] + 7, new Variable(Fr.FromUInt64(5)), x[0] * Fr.FromUInt64(3), api.Mul(x[0], x[0])]), x[1]))(),
            "folded", ProofSystem.V2);
        Fr x0 = Fr.FromUInt64(11);
        Fr digest = FieldPoseidon.Hash(x0 + Fr.FromUInt64(7), Fr.FromUInt64(5), x0 * Fr.FromUInt64(3), x0 * x0);
        var witness = compiled.Solve(Inputs(("x", new[] { x0, digest })));
        Assert.Empty(compiled.Check(witness));
        Assert.Equal(68 + 1 + 1 + 1 + 1, compiled.RowCount);
    }

    [Theory]
    [InlineData(0)]     // a full round's state
    [InlineData(10)]    // a partial round's state
    [InlineData(67)]    // the output state
    public void A_tampered_round_state_is_refused_with_the_call_site_and_the_gate(int round)
    {
        var compiled = HashCircuit(4, out var values, out var expected);
        var witness = WitnessSolver.Solve(compiled, Inputs(("x", values.Append(expected))), (name, origin, outputs) =>
        {
            if (name == "poseidon(4) rounds")
            {
                outputs[round * 5 + 2] += Fr.One;
            }
        });
        var failures = compiled.Check(witness);
        Assert.NotEmpty(failures);
        Assert.Contains("PoseidonRowsTests.cs:", failures[0].ToString());
        Assert.Contains("poseidon round t=5 gate", failures[0].ToString());
        Assert.NotEmpty(compiled.ToWideCircuit().FailingRows(witness));
    }

    [Theory]
    [InlineData(5)]
    [InlineData(8)]
    [InlineData(9)]
    [InlineData(12)]
    [InlineData(16)]
    public void Wide_poseidon_gives_circomlibs_digest_with_sbox_rows_and_lane_strips(int n)
    {
        var compiled = HashCircuit(n, out var values, out var expected);
        var witness = compiled.Solve(Inputs(("x", values.Append(expected))));
        Assert.Empty(compiled.Check(witness));
        var rows = compiled.ToWideCircuit().Rows;
        var p = ZkOptions.Field.Hashing.PoseidonParameters.ForInputs(n);
        // One S-box row per S-box of the optimised schedule: t in each full round but the first's constant
        // capacity, one per partial round; one strip row per four lanes and partial round.
        Assert.Equal(p.FullRounds * p.Width - 1 + p.PartialRounds, rows.Count(r => r.Gate == GateKind.PoseidonSbox));
        Assert.Equal((p.Width + 2) / 4 * p.PartialRounds, rows.Count(r => r.Gate == GateKind.PoseidonLanes));

        var wrong = compiled.Solve(Inputs(("x", values.Append(expected + Fr.One))));
        Assert.Contains("assert a == b", Assert.Single(compiled.Check(wrong)).ToString());
    }

    [Theory]
    [InlineData(GateKind.PoseidonSbox, 1, "poseidon s-box gate")]
    [InlineData(GateKind.PoseidonLanes, -1, "poseidon lanes gate")]
    public void A_tampered_wide_poseidon_cell_is_refused_with_the_gate(GateKind gate, int cell, string name)
    {
        var compiled = HashCircuit(16, out var values, out var expected);
        var witness = compiled.Solve(Inputs(("x", values.Append(expected))));
        var rows = compiled.ToWideCircuit().Rows;
        int r = Enumerable.Range(0, rows.Count).First(i => rows[i].Gate == gate);
        // The S-box's own output, or the first lane of the strip's next row.
        uint wire = cell >= 0 ? rows[r].Wires[cell] : rows[r + 1].Wires[1];
        witness[wire] += Fr.One;
        var failures = compiled.Check(witness);
        Assert.NotEmpty(failures);
        Assert.Contains(name, failures[0].ToString());
        Assert.Contains("PoseidonRowsTests.cs:", failures[0].ToString());
    }
}
