// SPDX-License-Identifier: MIT
using ZkOptions.Constraints.V2;
using ZkOptions.Field;
using ZkOptions.Prover.Plonk;
using ZkOptions.Prover.PlonkV2;
using static ZkOptions.Prover.Tests.PlonkV2.WideTestCircuits;

namespace ZkOptions.Prover.Tests.PlonkV2;

/// <summary>The logUp lookup argument (eprint 2022/1530) of PLONK v2: small fixed tables and the 16-bit range table.</summary>
public sealed class PlonkV2LookupTests
{
    private static readonly Lazy<PlonkV2ProvingKey> LookupKey = new(() => Key(Lookups()));

    private static PlonkV2ProofResult ProveLookups(int seed = 1) =>
        NewProver().Prove(LookupKey.Value, LookupsWitness(), BlindingSource.Seeded(seed));

    [Fact]
    public void Lookups_in_two_tables_prove_and_verify()
    {
        Assert.Empty(Lookups().FailingRows(LookupsWitness()));
        Assert.Empty(Lookups().FailingLookups(LookupsWitness()));
        var key = LookupKey.Value;
        Assert.Equal(32, key.N); // 5 rows, but 5 + 16 table entries
        Assert.Equal(["odd", "range4"], key.VerifyingKey.Tables);
        var result = ProveLookups();
        Assert.NotNull(result.Proof.Lookup);
        Assert.True(PlonkV2Verifier.Verify(key.VerifyingKey, result.Proof, result.PublicInputs));
        Assert.False(PlonkV2Verifier.Verify(key.VerifyingKey, result.Proof, [F(10)]));
    }

    [Fact]
    public void A_value_missing_from_its_table_is_refused_by_the_prover_and_its_forced_proof_by_the_verifier()
    {
        var key = LookupKey.Value;
        Fr[] witness = [F(1), F(9), F(9), F(1), F(9)]; // a = 9 is not odd-table (1, 3, 5, 7, 11); the gate a·b = c holds
        Assert.Empty(Lookups().FailingRows(witness));
        Assert.Equal([1, 4], Lookups().FailingLookups(witness));
        Assert.Throws<InvalidWitnessException>(() => NewProver().Prove(key, witness, BlindingSource.Seeded(1)));

        var proof = NewProver().ProveCells(key, Cells(key, witness), [F(9)], BlindingSource.Seeded(1), check: false);
        Assert.False(PlonkV2Verifier.Verify(key.VerifyingKey, proof, [F(9)]));
    }

    [Fact]
    public void A_value_in_another_table_does_not_pass()
    {
        // c = 15 is in range4 but not in odd: looked up in odd (row 3 switched to tag 1), it must fail.
        var circuit = Lookups();
        var rows = circuit.Rows.ToList();
        rows[3] = LookupRow(4, 1);
        var changed = new WideCircuit(rows, circuit.WireCount, circuit.PublicCount, circuit.Tables);
        Assert.Equal([3], changed.FailingLookups(LookupsWitness()));
        var key = Key(changed);
        Assert.Throws<InvalidWitnessException>(() => NewProver().Prove(key, LookupsWitness(), BlindingSource.Seeded(1)));
        var proof = NewProver().ProveCells(key, Cells(key, LookupsWitness()), [F(9)], BlindingSource.Seeded(1), check: false);
        Assert.False(PlonkV2Verifier.Verify(key.VerifyingKey, proof, [F(9)]));
    }

    [Fact]
    public void Every_lookup_proof_element_mutated_is_rejected()
    {
        var result = ProveLookups();
        var vk = LookupKey.Value.VerifyingKey;
        var points = result.Proof.Points().ToList();
        var scalars = result.Proof.Scalars().ToList();
        AssertEveryElementMutatedIsRejected(vk, result);
    }

    [Fact]
    public void A_proof_with_or_without_lookups_does_not_pass_under_a_key_of_the_other_kind()
    {
        var withLookups = ProveLookups();
        var circuit = Lookups();
        var withoutTables = new WideCircuit([.. circuit.Rows.Select(r => { r.Lookup = 0; return r; })], circuit.WireCount, circuit.PublicCount);
        var plainKey = Key(withoutTables);
        var plain = NewProver().Prove(plainKey, LookupsWitness(), BlindingSource.Seeded(1));
        Assert.Null(plain.Proof.Lookup);
        Assert.True(PlonkV2Verifier.Verify(plainKey.VerifyingKey, plain.Proof, plain.PublicInputs));
        Assert.False(PlonkV2Verifier.Verify(plainKey.VerifyingKey, withLookups.Proof, withLookups.PublicInputs));
        Assert.False(PlonkV2Verifier.Verify(LookupKey.Value.VerifyingKey, plain.Proof, plain.PublicInputs));
    }

    /// <summary>
    /// Tables of several columns: wires 0 one, 1 a (public), 2 b, 3 c, 4 s. Row 0: public a. Row 1 (no gate): (a, b, c)
    /// in xor2 = {(x, y, x ⊕ y) : x, y &lt; 4}. Row 2 (no gate): (b, s) in squares = {(x, x²) : x &lt; 8}. Row 3 (no
    /// gate): c in range4, with s in w1, which a one-column table does not read.
    /// </summary>
    private static WideCircuit Tuples()
    {
        var xor = new List<Fr[]>();
        for (int x = 0; x < 4; x++)
        {
            for (int y = 0; y < 4; y++)
            {
                xor.Add([F(x), F(y), F(x ^ y)]);
            }
        }
        var squares = Enumerable.Range(0, 8).Select(x => new[] { F(x), F(x * x) }).ToList();
        var rows = new List<WideRow> { WideRow.Arithmetic([1], default, [F(1)], default) };
        var r1 = LookupRow(1, 1); r1.Wires[1] = 2; r1.Wires[2] = 3; rows.Add(r1);
        var r2 = LookupRow(2, 2); r2.Wires[1] = 4; rows.Add(r2);
        var r3 = LookupRow(3, 3); r3.Wires[1] = 4; rows.Add(r3);
        return new WideCircuit(rows, wireCount: 5, publicCount: 1,
            [new LookupTable("xor2", xor), new LookupTable("squares", squares), LookupTable.Range("range4", 4)]);
    }

    [Fact]
    public void Tuples_in_tables_of_several_columns_prove_verify_and_are_bound_as_tuples()
    {
        var circuit = Tuples();
        Fr[] good = [F(1), F(2), F(3), F(1), F(9)];
        Assert.Empty(circuit.FailingLookups(good));
        var key = Key(circuit);
        var result = NewProver().Prove(key, good, BlindingSource.Seeded(1));
        Assert.True(PlonkV2Verifier.Verify(key.VerifyingKey, result.Proof, result.PublicInputs));

        // c ≠ a ⊕ b; and (b, s) = (3, 4): both values sit in the squares table's columns, but not as one entry.
        foreach (var bad in new Fr[][] { [F(1), F(2), F(3), F(2), F(9)], [F(1), F(2), F(3), F(1), F(4)] })
        {
            Assert.Single(circuit.FailingLookups(bad));
            Assert.Throws<InvalidWitnessException>(() => NewProver().Prove(key, bad, BlindingSource.Seeded(1)));
            var forced = NewProver().ProveCells(key, Cells(key, bad), [F(2)], BlindingSource.Seeded(1), check: false);
            Assert.False(PlonkV2Verifier.Verify(key.VerifyingKey, forced, [F(2)]));
        }
    }

    [Fact]
    public void The_16_bit_range_table_accepts_0_and_65535_and_refuses_65536()
    {
        // Wires: 0 one, 1 x (public), 2 y: x and y looked up in range16; the domain is 2^16 for the table alone.
        var rows = new List<WideRow> { WideRow.Arithmetic([1], default, [F(1)], default), LookupRow(1, 1), LookupRow(2, 1) };
        var circuit = new WideCircuit(rows, wireCount: 3, publicCount: 1, [LookupTable.Range16]);
        var key = Key(circuit);
        Assert.Equal(1 << 16, key.N);

        var good = NewProver().Prove(key, [F(1), F(65535), F(0)], BlindingSource.Seeded(1));
        Assert.True(PlonkV2Verifier.Verify(key.VerifyingKey, good.Proof, good.PublicInputs));

        Fr[] bad = [F(1), F(65536), F(7)];
        Assert.Equal([1], circuit.FailingLookups(bad));
        Assert.Throws<InvalidWitnessException>(() => NewProver().Prove(key, bad, BlindingSource.Seeded(1)));
        var forced = NewProver().ProveCells(key, Cells(key, bad), [F(65536)], BlindingSource.Seeded(1), check: false);
        Assert.False(PlonkV2Verifier.Verify(key.VerifyingKey, forced, [F(65536)]));
    }
}
