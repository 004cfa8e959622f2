// SPDX-License-Identifier: MIT
using ZkOptions.Constraints.V2;
using ZkOptions.Field;
using ZkOptions.Prover.Plonk;
using ZkOptions.Prover.PlonkV2;
using static ZkOptions.Prover.Tests.PlonkV2.WideTestCircuits;

namespace ZkOptions.Prover.Tests.PlonkV2;

/// <summary>
/// Lane lookups: a row whose four lanes w0..w3 are each looked up in its table, through the helper h of identity 3a
/// (docs/prover-v2.md), beside rows that look up their first cells.
/// </summary>
public sealed class PlonkV2LaneLookupTests
{
    private const byte Range8 = 1, Wide = 2;

    private static readonly Lazy<PlonkV2ProvingKey> LaneKey = new(() => Key(Lanes()));

    /// <summary>
    /// Wires: 0 one, 1 v (public), 2..5 the 8-bit limbs of v, 6 a value of the table "wide" = {376, 1000}.
    /// Row 0: public v. Row 1: lanes w0..w3 = the limbs in range8, w4 = v, tied by v = Σ 2^(8j)·limb_j.
    /// Row 2: wire 6 looked up (first cell) in wide. Row 3: lanes = limb 0 and the constant one three times, no gate.
    /// </summary>
    internal static WideCircuit Lanes()
    {
        var recompose = WideRow.Arithmetic([2, 3, 4, 5, 1], default, [F(1), F(1 << 8), F(1 << 16), F(1 << 24), F(-1)], default);
        recompose.Lookup = Range8;
        recompose.Lanes = true;
        var padded = new WideRow { Gate = GateKind.None, Lookup = Range8, Lanes = true };
        padded.Wires[0] = 2;
        var rows = new List<WideRow>
        {
            WideRow.Arithmetic([1], default, [F(1)], default),
            recompose,
            LookupRow(6, Wide),
            padded,
        };
        return new WideCircuit(rows, wireCount: 7, publicCount: 1,
            [LookupTable.Range("range8", 8), new LookupTable("wide", [F(376), F(1000)])]);
    }

    /// <summary>v = 0x12345678, its limbs 0x78, 0x56, 0x34, 0x12, and 1000.</summary>
    internal static Fr[] Witness() => [F(1), F(0x12345678), F(0x78), F(0x56), F(0x34), F(0x12), F(1000)];

    [Fact]
    public void Four_lanes_in_one_row_prove_and_verify_and_count_in_the_multiplicities()
    {
        var circuit = Lanes();
        Assert.Empty(circuit.FailingRows(Witness()));
        Assert.Empty(circuit.FailingLookups(Witness()));
        var key = LaneKey.Value;
        var result = NewProver().Prove(key, Witness(), BlindingSource.Seeded(1));
        Assert.NotNull(result.Proof.Lookup);
        Assert.True(PlonkV2Verifier.Verify(key.VerifyingKey, result.Proof, result.PublicInputs));
        Assert.False(PlonkV2Verifier.Verify(key.VerifyingKey, result.Proof, [F(0x12345679)]));
    }

    [Fact]
    public void A_lane_value_outside_its_table_is_named_by_the_checker_refused_by_the_prover_and_its_forced_proof_rejected()
    {
        // Limb 0 = 0x78 + 256 = 376 and limb 1 one less: v is unchanged and the row's gate holds, but 376 > 255.
        Fr[] witness = Witness();
        witness[2] = F(376);
        witness[3] = F(0x55);
        var circuit = Lanes();
        Assert.Empty(circuit.FailingRows(witness));
        Assert.Equal([1, 3], circuit.FailingLookups(witness)); // row 3 looks limb 0 up too
        Assert.Equal((F(376), 0), circuit.LookupMiss(1, witness));
        var key = LaneKey.Value;
        Assert.Throws<InvalidWitnessException>(() => NewProver().Prove(key, witness, BlindingSource.Seeded(1)));
        var forced = NewProver().ProveCells(key, Cells(key, witness), [F(0x12345678)], BlindingSource.Seeded(1), check: false);
        Assert.False(PlonkV2Verifier.Verify(key.VerifyingKey, forced, [F(0x12345678)]));
    }

    [Fact]
    public void A_lane_value_of_another_table_is_rejected()
    {
        // 376 is an entry of "wide"; the forced prover counts the lane there, so only the table tag in g = w + θ³·Q
        // tells the lane (range8, 376) from the entry (wide, 376).
        Fr[] witness = Witness();
        witness[2] = F(376);
        witness[3] = F(0x55);
        var key = LaneKey.Value;
        var forced = NewProver().ProveCells(key, Cells(key, witness), [F(0x12345678)], BlindingSource.Seeded(1), check: false);
        Assert.False(PlonkV2Verifier.Verify(key.VerifyingKey, forced, [F(0x12345678)]));
    }

    [Fact]
    public void A_wrong_lane_helper_is_rejected_even_when_the_running_sum_still_closes()
    {
        // Moving δ from the lane row's h to the padded lane row's keeps Σ h, so φ still returns to 0 around H:
        // only the lane identity h·Π(βL + g_j) = qR·Σ Π_(k≠j)(βL + g_k) catches it. Putting δ on a row with qR = 0
        // is caught the same way.
        var key = LaneKey.Value;
        foreach (var (from, to) in new[] { (1, 3), (1, 2) })
        {
            var forced = NewProver().ProveCells(key, Cells(key, Witness()), [F(0x12345678)], BlindingSource.Seeded(1), check: false,
                editLaneHelper: h => { h[from] -= F(5); h[to] += F(5); });
            Assert.False(PlonkV2Verifier.Verify(key.VerifyingKey, forced, [F(0x12345678)]), $"h moved from row {from} to row {to}");
        }
        var honest = NewProver().ProveCells(key, Cells(key, Witness()), [F(0x12345678)], BlindingSource.Seeded(1), check: false,
            editLaneHelper: _ => { });
        Assert.True(PlonkV2Verifier.Verify(key.VerifyingKey, honest, [F(0x12345678)]));
    }

    [Fact]
    public void Every_element_of_a_lane_proof_mutated_is_rejected()
    {
        var key = LaneKey.Value;
        var result = NewProver().Prove(key, Witness(), BlindingSource.Seeded(2));
        var vk = key.VerifyingKey;
        var points = result.Proof.Points().ToList();
        var scalars = result.Proof.Scalars().ToList();
        AssertEveryElementMutatedIsRejected(vk, result);
        // The lane helper's commitment and evaluation are among them, at their documented places.
        int chunks = result.Proof.Quotient.Length;
        Assert.Equal(result.Proof.Lookup!.LaneHelper, points[10 + chunks]);
        Assert.Contains(result.Proof.Lookup.LaneHelperAtZeta, scalars);
    }

    [Fact]
    public void Setup_refuses_lanes_without_a_one_column_table()
    {
        var circuit = Lanes();
        var rows = circuit.Rows.ToList();
        var row = rows[3];
        row.Lookup = 0;
        rows[3] = row;
        var noTable = new WideCircuit(rows, circuit.WireCount, circuit.PublicCount, circuit.Tables);
        Assert.Contains("one column", Assert.Throws<ArgumentException>(() => Key(noTable)).Message);
    }
}
