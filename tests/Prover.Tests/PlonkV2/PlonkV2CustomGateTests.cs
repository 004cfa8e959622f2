// SPDX-License-Identifier: MIT
using ZkOptions.Constraints.V2;
using ZkOptions.Constraints.V2.Gates;
using ZkOptions.Field;
using ZkOptions.Prover.Formats;
using ZkOptions.Prover.Plonk;
using ZkOptions.Prover.PlonkV2;
using ZkOptions.Prover.Tests.Support;
using static ZkOptions.Prover.Tests.PlonkV2.WideTestCircuits;

namespace ZkOptions.Prover.Tests.PlonkV2;

/// <summary>
/// Gates other than arithmetic go through the prover and verifier generically (selector, residuals, degree), and
/// setup reads a powers-of-tau file.
/// </summary>
public sealed class PlonkV2CustomGateTests
{
    /// <summary>
    /// Wires: 0 one, 1 x (public), 2, 3, then 4, 5, 6 the state after a full t = 3 Poseidon round of (x, w2, w3), then
    /// 7, 8 the state after a partial t = 2 round of (w4, w5). Row 0: public x. Row 1: the t = 3 round. Row 2: the
    /// t = 2 round (its w0, w1 = wires 4, 5, also row 1's next-row cells). Row 3: no gate, the t = 2 round's output.
    /// </summary>
    private static (WideCircuit Circuit, Fr[] Witness) Poseidon()
    {
        var t3 = new PoseidonRoundGate(3);
        var t2 = new PoseidonRoundGate(2);
        var round3 = Row(t3.Kind, [1, 2, 3], full: true, [F(7), F(11), F(13)]);
        var round2 = Row(t2.Kind, [4, 5], full: false, [F(17), F(19)]);
        var output = new WideRow { Gate = GateKind.None };
        output.Wires[0] = 7;
        output.Wires[1] = 8;
        // Row 2 holds wires 4, 5 in w0, w1 and wire 6 in w2: row 1's next-row cells are the t = 3 round's output.
        round2.Wires[2] = 6;
        var rows = new List<WideRow> { WideRow.Arithmetic([1], default, [F(1)], default), round3, round2, output };

        var witness = new Fr[9];
        witness[0] = Fr.One;
        witness[1] = F(3);
        witness[2] = F(5);
        witness[3] = F(8);
        Span<Fr> next = stackalloc Fr[5];
        t3.Round([witness[1], witness[2], witness[3]], Coefficients(round3), next);
        witness[4] = next[0];
        witness[5] = next[1];
        witness[6] = next[2];
        t2.Round([witness[4], witness[5]], Coefficients(round2), next);
        witness[7] = next[0];
        witness[8] = next[1];
        return (new WideCircuit(rows, witness.Length, publicCount: 1), witness);

        static Fr[] Coefficients(WideRow row)
        {
            var q = new Fr[WideLayout.CoefficientCount];
            for (int j = 0; j < q.Length; j++)
            {
                q[j] = row.Coefficients[j];
            }
            return q;
        }
    }

    private static WideRow Row(GateKind kind, uint[] wires, bool full, Fr[] constants)
    {
        var row = new WideRow { Gate = kind };
        for (int c = 0; c < wires.Length; c++)
        {
            row.Wires[c] = wires[c];
        }
        row.Coefficients[(int)Coefficient.Qm] = full ? Fr.One : Fr.Zero;
        for (int j = 0; j < constants.Length; j++)
        {
            row.Coefficients[(int)Coefficient.Q0 + j] = constants[j];
        }
        return row;
    }

    [Fact]
    public void Poseidon_round_rows_prove_and_verify_and_a_broken_round_is_refused()
    {
        var (circuit, witness) = Poseidon();
        Assert.Empty(circuit.FailingRows(witness));
        var key = Key(circuit);
        var result = NewProver().Prove(key, witness, BlindingSource.Seeded(2));
        Assert.True(PlonkV2Verifier.Verify(key.VerifyingKey, result.Proof, result.PublicInputs));
        // The selectors of the gates no row uses open to zero.
        int t5 = WideGates.All.ToList().FindIndex(g => g.Kind == PoseidonRoundGate.KindFor(5));
        Assert.True(result.Proof.SelectorsAtZeta[t5].IsZero);

        var broken = (Fr[])witness.Clone();
        broken[8] += Fr.One; // the t = 2 round's second output
        Assert.Equal([2], circuit.FailingRows(broken));
        Assert.Throws<InvalidWitnessException>(() => NewProver().Prove(key, broken, BlindingSource.Seeded(2)));
        var forced = NewProver().ProveCells(key, Cells(key, broken), [F(3)], BlindingSource.Seeded(2), check: false);
        Assert.False(PlonkV2Verifier.Verify(key.VerifyingKey, forced, [F(3)]));

        broken = (Fr[])witness.Clone();
        broken[6] += Fr.One; // the t = 3 round's third output, read by row 1 through next-row access
        Assert.Equal([1], circuit.FailingRows(broken));
        forced = NewProver().ProveCells(key, Cells(key, broken), [F(3)], BlindingSource.Seeded(2), check: false);
        Assert.False(PlonkV2Verifier.Verify(key.VerifyingKey, forced, [F(3)]));
    }

    [Fact]
    public void Setup_reads_a_powers_of_tau_file_and_refuses_one_too_small()
    {
        string dir = Directory.CreateTempSubdirectory("zkoptions-plonk-v2-ptau-").FullName;
        try
        {
            // Key() uses the dev SRS of seed 2026: a .ptau of the same τ gives the same key.
            Fr tau = DevPowersOfTau.TauFor(2026);
            string path = Path.Combine(dir, "p3.ptau");
            File.WriteAllBytes(path, KnownTauPtau.Bytes(3, tau));
            using (var ptau = PowersOfTau.Open(path))
            {
                var key = Setup().Create(Mixed(), ptau);
                Assert.Equal(Key(Mixed()).VerifyingKey.Digest(), key.VerifyingKey.Digest());
                var result = NewProver().Prove(key, MixedWitness(), BlindingSource.Seeded(1));
                Assert.True(PlonkV2Verifier.Verify(key.VerifyingKey, result.Proof, result.PublicInputs));
            }
            // 2^2 rows of ptau: 7 points in G1, but the chain of 20 rows needs n + 3 = 35.
            string small = Path.Combine(dir, "p2.ptau");
            File.WriteAllBytes(small, KnownTauPtau.Bytes(2, tau));
            using var tooSmall = PowersOfTau.Open(small);
            var e = Assert.Throws<InputFileException>(() => Setup().Create(Chain(20).Circuit, tooSmall));
            Assert.Contains("needs 35 powers of tau", e.Message);
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }
}
