// SPDX-License-Identifier: MIT
using System.Numerics;
using ZkOptions.Constraints.V2;
using ZkOptions.Field;
using ZkOptions.Prover.Plonk;
using ZkOptions.Prover.PlonkV2;
using static ZkOptions.Prover.Tests.PlonkV2.WideTestCircuits;

namespace ZkOptions.Prover.Tests.PlonkV2;

/// <summary>Completeness and soundness of the PLONK v2 prover and verifier on hand-built circuits.</summary>
public sealed class PlonkV2ProverTests
{
    private static readonly Lazy<PlonkV2ProvingKey> MixedKey = new(() => Key(Mixed()));

    private static PlonkV2ProofResult ProveMixed(int seed = 1) =>
        NewProver().Prove(MixedKey.Value, MixedWitness(), BlindingSource.Seeded(seed));

    [Fact]
    public void The_hand_circuit_holds_on_the_checker()
    {
        Assert.Empty(Mixed().FailingRows(MixedWitness()));
    }

    [Fact]
    public void A_proof_of_the_hand_circuit_verifies()
    {
        var result = ProveMixed();
        Assert.Equal([F(3), F(28)], result.PublicInputs);
        Assert.True(PlonkV2Verifier.Verify(MixedKey.Value.VerifyingKey, result.Proof, result.PublicInputs));
        Assert.True(PlonkV2Verifier.Verify(MixedKey.Value.VerifyingKey, result.Proof, [new BigInteger(3), new BigInteger(28)]));
    }

    [Fact]
    public void Default_blinding_is_secure_and_proofs_differ()
    {
        var key = MixedKey.Value;
        var first = NewProver().Prove(key, MixedWitness());
        var second = NewProver().Prove(key, MixedWitness());
        Assert.True(PlonkV2Verifier.Verify(key.VerifyingKey, first.Proof, first.PublicInputs));
        Assert.True(PlonkV2Verifier.Verify(key.VerifyingKey, second.Proof, second.PublicInputs));
        Assert.NotEqual(first.Proof.Wires[0], second.Proof.Wires[0]);
        Assert.NotEqual(first.Proof.Z, second.Proof.Z);
        // Seeded blinding reproduces a proof exactly.
        Assert.Equal(ProveMixed(7).Proof.Points(), ProveMixed(7).Proof.Points());
    }

    [Fact]
    public void A_long_next_row_chain_proves_and_verifies()
    {
        var (circuit, witness) = Chain(200);
        Assert.Empty(circuit.FailingRows(witness));
        var key = Key(circuit);
        Assert.Equal(256, key.N);
        var result = NewProver().Prove(key, witness, BlindingSource.Seeded(3));
        Assert.True(PlonkV2Verifier.Verify(key.VerifyingKey, result.Proof, result.PublicInputs));
        Assert.False(PlonkV2Verifier.Verify(key.VerifyingKey, result.Proof, [F(4)]));
    }

    [Fact]
    public void The_quotient_has_as_many_chunks_as_its_degree_needs()
    {
        var layout = new QuotientLayout(4, WideGates.All);
        // The largest of a gate (degree + 1 for its selector) and the permutation (z and five columns), times n + 2.
        int factors = Math.Max(6, WideGates.All.Max(g => g.Degree) + 1);
        Assert.Equal(factors * (16 + 2), layout.NumeratorDegree);
        Assert.Equal(factors * 18 - 16 + 1, layout.QuotientLength);
        Assert.Equal((layout.QuotientLength + 15) / 16, layout.ChunkCount);
        Assert.True(layout.ExtendedSize > layout.NumeratorDegree && layout.ExtendedSize / 2 <= layout.NumeratorDegree);
        Assert.Equal(new QuotientLayout(3, WideGates.All).ChunkCount, ProveMixed().Proof.Quotient.Length);
    }

    // ---- Soundness: the prover's checks refuse a broken witness, and the verifier refuses the proof made anyway.

    [Fact]
    public void A_broken_arithmetic_row_is_refused_by_the_prover_and_its_forced_proof_by_the_verifier()
    {
        var key = MixedKey.Value;
        var witness = MixedWitness();
        witness[9] = F(785); // f ≠ e·e
        Assert.NotEmpty(Mixed().FailingRows(witness));
        Assert.Throws<InvalidWitnessException>(() => NewProver().Prove(key, witness, BlindingSource.Seeded(1)));

        var proof = NewProver().ProveCells(key, Cells(key, witness), [F(3), F(28)], BlindingSource.Seeded(1), check: false);
        Assert.False(PlonkV2Verifier.Verify(key.VerifyingKey, proof, [F(3), F(28)]));
    }

    [Fact]
    public void A_broken_copy_constraint_is_refused_by_the_prover_and_its_forced_proof_by_the_verifier()
    {
        var key = MixedKey.Value;
        var cells = Cells(key, MixedWitness());
        // Row 5 reads e = 29 (and f = 841, so its own gate holds) while row 2 made e = 28: only the copy breaks.
        cells[0][5] = F(29);
        cells[1][5] = F(29);
        cells[4][5] = F(841);
        var checking = Assert.Throws<InvalidWitnessException>(() =>
            NewProver().ProveCells(key, cells, [F(3), F(28)], BlindingSource.Seeded(1), check: true));
        Assert.Contains("copy constraints", checking.Message);

        var proof = NewProver().ProveCells(key, cells, [F(3), F(28)], BlindingSource.Seeded(1), check: false);
        Assert.False(PlonkV2Verifier.Verify(key.VerifyingKey, proof, [F(3), F(28)]));
    }

    [Fact]
    public void A_public_input_row_that_does_not_match_its_input_is_refused()
    {
        var key = MixedKey.Value;
        var cells = Cells(key, MixedWitness());
        // The cells hold x = 3 everywhere, but the proof claims x = 4.
        Assert.Throws<InvalidWitnessException>(() => NewProver().ProveCells(key, cells, [F(4), F(28)], BlindingSource.Seeded(1), check: true));
        var proof = NewProver().ProveCells(key, cells, [F(4), F(28)], BlindingSource.Seeded(1), check: false);
        Assert.False(PlonkV2Verifier.Verify(key.VerifyingKey, proof, [F(4), F(28)]));
        Assert.False(PlonkV2Verifier.Verify(key.VerifyingKey, proof, [F(3), F(28)]));
    }

    [Fact]
    public void The_constant_one_is_pinned_even_where_no_gate_reads_it()
    {
        // The hand circuit reads wire 0 only with zero coefficients, so w0 = 2 breaks no gate and no copy: only the
        // pin on the last (padding) row refuses it.
        var key = MixedKey.Value;
        var witness = MixedWitness();
        witness[0] = F(2);
        Assert.Empty(Mixed().FailingRows(witness));
        Assert.Throws<InvalidWitnessException>(() => NewProver().Prove(key, witness, BlindingSource.Seeded(1)));
        Assert.Throws<InvalidWitnessException>(() => NewProver().ProveCells(key, Cells(key, witness), [F(3), F(28)], BlindingSource.Seeded(1), check: true));
        var forced = NewProver().ProveCells(key, Cells(key, witness), [F(3), F(28)], BlindingSource.Seeded(1), check: false);
        Assert.False(PlonkV2Verifier.Verify(key.VerifyingKey, forced, [F(3), F(28)]));
    }

    [Fact]
    public void Every_commitment_replaced_by_another_valid_point_is_rejected()
    {
        var result = ProveMixed();
        var points = result.Proof.Points().ToList();
        var vk = MixedKey.Value.VerifyingKey;
        G1Affine other = G1Jacobian.ScalarMul(G1Affine.Generator, F(12345)).ToAffine();
        for (int i = 0; i < points.Count; i++)
        {
            var changed = points.ToList();
            changed[i] = other;
            Assert.False(PlonkV2Verifier.Verify(vk, Rebuild(result.Proof, changed, [.. result.Proof.Scalars()]), result.PublicInputs), $"point {i}");
            changed[i] = G1Affine.Infinity;
            Assert.False(PlonkV2Verifier.Verify(vk, Rebuild(result.Proof, changed, [.. result.Proof.Scalars()]), result.PublicInputs), $"point {i} at infinity");
        }
        Assert.True(PlonkV2Verifier.Verify(vk, Rebuild(result.Proof, points, [.. result.Proof.Scalars()]), result.PublicInputs));
    }

    [Fact]
    public void Every_evaluation_plus_one_is_rejected()
    {
        var result = ProveMixed();
        var scalars = result.Proof.Scalars().ToList();
        var vk = MixedKey.Value.VerifyingKey;
        for (int i = 0; i < scalars.Count; i++)
        {
            var changed = scalars.ToList();
            changed[i] += Fr.One;
            Assert.False(PlonkV2Verifier.Verify(vk, Rebuild(result.Proof, [.. result.Proof.Points()], changed), result.PublicInputs), $"scalar {i}");
        }
    }

    [Fact]
    public void Each_public_input_changed_is_rejected_and_one_above_r_is_refused()
    {
        var result = ProveMixed();
        var vk = MixedKey.Value.VerifyingKey;
        for (int i = 0; i < result.PublicInputs.Length; i++)
        {
            var plusOne = (Fr[])result.PublicInputs.Clone();
            plusOne[i] += Fr.One;
            Assert.False(PlonkV2Verifier.Verify(vk, result.Proof, plusOne));

            var plusR = result.PublicInputs.Select(x => x.ToBigInteger()).ToArray();
            plusR[i] += Fr.Modulus; // the same value mod r: must be refused, never reduced
            Assert.False(PlonkV2Verifier.Verify(vk, result.Proof, plusR));
        }
        Assert.False(PlonkV2Verifier.Verify(vk, result.Proof, [F(3)]));
        Assert.False(PlonkV2Verifier.Verify(vk, result.Proof, [new BigInteger(-1), new BigInteger(28)]));
    }

    [Fact]
    public void A_proof_under_one_key_is_rejected_under_another_circuits_key()
    {
        var result = ProveMixed();
        var otherKey = Key(Mixed(qc: 5)); // the same shape, one constant changed
        Assert.False(PlonkV2Verifier.Verify(otherKey.VerifyingKey, result.Proof, result.PublicInputs));
        var (chain, _) = Chain(3);
        Assert.False(PlonkV2Verifier.Verify(Key(chain).VerifyingKey, result.Proof, result.PublicInputs));
    }

    [Fact]
    public void A_key_for_another_gate_set_is_refused()
    {
        var result = ProveMixed();
        var vk = MixedKey.Value.VerifyingKey;
        var renamed = new PlonkV2VerifyingKey
        {
            Power = vk.Power, PublicCount = vk.PublicCount, Shifts = vk.Shifts, Gates = ["arithmetic v0"],
            Coefficients = vk.Coefficients, Selectors = vk.Selectors, Sigmas = vk.Sigmas, TauG2 = vk.TauG2,
        };
        Assert.False(PlonkV2Verifier.Verify(renamed, result.Proof, result.PublicInputs));
        var extra = new PlonkV2VerifyingKey
        {
            Power = vk.Power, PublicCount = vk.PublicCount, Shifts = vk.Shifts, Gates = [.. vk.Gates, "poseidon"],
            Coefficients = vk.Coefficients, Selectors = [.. vk.Selectors, G1Affine.Generator], Sigmas = vk.Sigmas, TauG2 = vk.TauG2,
        };
        Assert.False(PlonkV2Verifier.Verify(extra, result.Proof, result.PublicInputs));
    }

    [Fact]
    public void The_coset_shifts_are_disjoint_for_every_domain()
    {
        Fr[] shifts = CosetShifts.Default();
        Assert.True(shifts[0].IsOne);
        Assert.True(CosetShifts.AreDisjoint(shifts, Fr.TwoAdicity));
        // Explicitly for n = 8: the 5n labels k_c·ω^i are all distinct.
        var domain = Polynomials.EvaluationDomain.Get(3);
        var labels = new HashSet<Fr>();
        foreach (var k in shifts)
        {
            for (int i = 0; i < 8; i++)
            {
                labels.Add(k * domain.Element(i));
            }
        }
        Assert.Equal(40, labels.Count);
        // A shift inside H (ω itself) or a repeated coset is caught.
        Assert.False(CosetShifts.AreDisjoint([Fr.One, domain.Generator], 3));
        Assert.False(CosetShifts.AreDisjoint([Fr.One, F(5), F(5) * domain.Generator], 3));
    }

    [Fact]
    public void The_permutation_ties_every_cell_of_a_wire_in_one_cycle()
    {
        var key = MixedKey.Value;
        int n = key.N;
        var sigma = PlonkV2Setup.Permutation(key.WireMap.ToArray(), n, key.VerifyingKey.Power, key.VerifyingKey.Shifts);
        var domain = Polynomials.EvaluationDomain.Get(key.VerifyingKey.Power);
        var position = new Dictionary<Fr, int>();
        for (int c = 0; c < 5; c++)
        {
            for (int i = 0; i < n; i++)
            {
                position[key.VerifyingKey.Shifts[c] * domain.Element(i)] = c * n + i;
            }
        }
        for (int p = 0; p < 5 * n; p++)
        {
            int target = position[sigma[p / n][p % n]];
            Assert.Equal(key.WireMap.Span[p], key.WireMap.Span[target]);
        }
        // Wire 7 (e) sits at (4, 2), (0, 5), (1, 5): one cycle through all three.
        int start = 4 * n + 2, at = start, steps = 0;
        do
        {
            at = position[sigma[at / n][at % n]];
            steps++;
        }
        while (at != start);
        Assert.Equal(3, steps);
    }

    [Fact]
    public void The_transcript_hash_is_pluggable_and_binds_the_proof()
    {
        var key = MixedKey.Value;
        Func<ITranscriptHash> sha = () => new Sha256TranscriptHash();
        var result = NewProver(sha).Prove(key, MixedWitness(), BlindingSource.Seeded(1));
        Assert.True(PlonkV2Verifier.Verify(key.VerifyingKey, result.Proof, result.PublicInputs, sha));
        Assert.False(PlonkV2Verifier.Verify(key.VerifyingKey, result.Proof, result.PublicInputs));
    }

    [Fact]
    public void Challenges_are_named_and_chained()
    {
        var a = new PlonkV2Transcript();
        var b = new PlonkV2Transcript();
        Assert.Equal(a.Challenge("beta"), b.Challenge("beta"));
        Assert.NotEqual(a.Challenge("gamma"), new PlonkV2Transcript().Challenge("gamma"));
        a.AbsorbScalar("x", Fr.One);
        b.AbsorbScalar("y", Fr.One);
        Assert.NotEqual(a.Challenge("zeta"), b.Challenge("zeta"));
    }

    private sealed class Sha256TranscriptHash : ITranscriptHash
    {
        private readonly List<byte> data = [];

        public string Name => "sha256 (test)";

        public int OutputSize => 32;

        public void Absorb(ReadOnlySpan<byte> bytes) => data.AddRange(bytes.ToArray());

        public ITranscriptHash Fork()
        {
            var copy = new Sha256TranscriptHash();
            copy.data.AddRange(data);
            return copy;
        }

        public void Finish(Span<byte> output) => System.Security.Cryptography.SHA256.HashData(data.ToArray(), output);
    }
}
