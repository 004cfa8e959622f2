// SPDX-License-Identifier: MIT
using ZkOptions.Constraints.V2;
using ZkOptions.Field;
using ZkOptions.Prover.Engines.Cpu;
using ZkOptions.Prover.Plonk;
using ZkOptions.Prover.PlonkV2;

namespace ZkOptions.Prover.Tests.PlonkV2;

/// <summary>Hand-built v2 circuits (all five cells, a next-row chain, copies across rows and columns, public inputs) and their keys.</summary>
internal static class WideTestCircuits
{
    public static Fr F(long v) => v >= 0 ? Fr.FromUInt64((ulong)v) : -Fr.FromUInt64((ulong)-v);

    /// <summary>
    /// Wires: 0 one, 1 x (public), 2 y (public), 3 a, 4 b, 5 c, 6 d, 7 e, 8 s, 9 f.
    /// Row 0, 1: public x, y. Row 2: a·b + c + d − e = 0 (five cells). Row 3: x + a + b + c + d − s(next) = 0 (a
    /// next-row chain into row 4's w0). Row 4: s − y = 0 (y in w3). Row 5: e·e − f = 0 with e in w0 and w1 (e is
    /// also row 2's w4: a copy across rows and columns).
    /// </summary>
    public static WideCircuit Mixed(long qc = 0) => new(
    [
        WideRow.Arithmetic([1], default, [F(1)], default),
        WideRow.Arithmetic([2], default, [F(1)], default),
        WideRow.Arithmetic([3, 4, 5, 6, 7], F(1), [F(0), F(0), F(1), F(1), F(-1)], F(qc)),
        WideRow.Arithmetic([1, 3, 4, 5, 6], default, [F(1), F(1), F(1), F(1), F(1)], default, F(-1)),
        WideRow.Arithmetic([8, 0, 0, 2], default, [F(1), F(0), F(0), F(-1)], default),
        WideRow.Arithmetic([7, 7, 0, 0, 9], F(1), [F(0), F(0), F(0), F(0), F(-1)], default),
    ], wireCount: 10, publicCount: 2);

    /// <summary>x = 3, a = 2, b = 5, c = 7, d = 11: e = 28, s = y = 28, f = 784.</summary>
    public static Fr[] MixedWitness() => [.. new long[] { 1, 3, 28, 2, 5, 7, 11, 28, 28, 784 }.Select(F)];

    /// <summary>
    /// A chain of <paramref name="rows"/> rows: x_(i+1) = x_i·x_i + x_i + i (w0 = w1 = x_i, next-row w0 = x_(i+1)), x_0
    /// public. Returns the circuit and its witness.
    /// </summary>
    public static (WideCircuit Circuit, Fr[] Witness) Chain(int rows)
    {
        var list = new List<WideRow> { WideRow.Arithmetic([1], default, [F(1)], default) };
        var witness = new List<Fr> { Fr.One, F(3) };
        for (int i = 0; i < rows; i++)
        {
            uint x = (uint)(i + 1);
            list.Add(WideRow.Arithmetic([x, x], F(1), [F(1)], F(i), F(-1)));
            Fr v = witness[(int)x];
            witness.Add(v * v + v + F(i));
        }
        list.Add(WideRow.Arithmetic([(uint)(rows + 1)], default, default, default));
        return (new WideCircuit(list, witness.Count, publicCount: 1), [.. witness]);
    }

    public static PlonkV2Setup Setup() => new(new CpuNttEngine(), new CpuMsmEngine());

    public static PlonkV2Prover NewProver(Func<ITranscriptHash>? hash = null) => new(new CpuNttEngine(), new CpuMsmEngine(), hash);

    private static readonly Dictionary<int, DevPowersOfTau> Srs = [];

    public static PlonkV2ProvingKey Key(WideCircuit circuit)
    {
        int power = PlonkV2Setup.DomainPower(circuit);
        int count = new QuotientLayout(power, WideGates.All).CommitmentKeySize;
        DevPowersOfTau srs;
        lock (Srs)
        {
            if (!Srs.TryGetValue(count, out srs!))
            {
                srs = DevPowersOfTau.Create(count, seed: 2026);
                Srs[count] = srs;
            }
        }
        return Setup().Create(circuit, srs.TauG1, srs.TauG2);
    }

    /// <summary>
    /// The proof verifies as rebuilt from its points and scalars, and no longer does with any one point replaced by
    /// another valid point or any one scalar + 1.
    /// </summary>
    public static void AssertEveryElementMutatedIsRejected(PlonkV2VerifyingKey vk, PlonkV2ProofResult result)
    {
        var points = result.Proof.Points().ToList();
        var scalars = result.Proof.Scalars().ToList();
        Assert.True(PlonkV2Verifier.Verify(vk, Rebuild(result.Proof, points, scalars), result.PublicInputs));
        G1Affine other = G1Jacobian.ScalarMul(G1Affine.Generator, F(777)).ToAffine();
        for (int i = 0; i < points.Count; i++)
        {
            var changed = points.ToList();
            changed[i] = other;
            Assert.False(PlonkV2Verifier.Verify(vk, Rebuild(result.Proof, changed, scalars), result.PublicInputs), $"point {i}");
        }
        for (int i = 0; i < scalars.Count; i++)
        {
            var changed = scalars.ToList();
            changed[i] += Fr.One;
            Assert.False(PlonkV2Verifier.Verify(vk, Rebuild(result.Proof, points, changed), result.PublicInputs), $"scalar {i}");
        }
    }

    /// <summary>The cells of <paramref name="witness"/> laid out as the key places them (for tests that then break them).</summary>
    public static Fr[][] Cells(PlonkV2ProvingKey key, Fr[] witness)
    {
        int n = key.N;
        var cells = new Fr[WideLayout.Width][];
        for (int c = 0; c < cells.Length; c++)
        {
            cells[c] = new Fr[n];
            for (int i = 0; i < n; i++)
            {
                cells[c][i] = witness[key.WireMap.Span[c * n + i]];
            }
        }
        return cells;
    }

    /// <summary>A proof rebuilt from its parts in <see cref="PlonkV2Proof.Points"/> and <see cref="PlonkV2Proof.Scalars"/> order.</summary>
    public static PlonkV2Proof Rebuild(PlonkV2Proof like, IReadOnlyList<G1Affine> points, IReadOnlyList<Fr> scalars)
    {
        int chunks = like.Quotient.Length, gates = like.SelectorsAtZeta.Length;
        int s = 0;
        Fr[] Take(int count) { var r = scalars.Skip(s).Take(count).ToArray(); s += count; return r; }
        var wiresAtZeta = Take(5);
        var wiresAtZetaOmega = Take(5);
        var zs = Take(2);
        return new PlonkV2Proof
        {
            Wires = [.. points.Take(5)],
            Z = points[5],
            Quotient = [.. points.Skip(6).Take(chunks)],
            OpeningAtZeta = points[6 + chunks],
            OpeningAtZetaOmega = points[7 + chunks],
            WiresAtZeta = wiresAtZeta,
            WiresAtZetaOmega = wiresAtZetaOmega,
            ZAtZeta = zs[0],
            ZAtZetaOmega = zs[1],
            CoefficientsAtZeta = Take(8),
            SelectorsAtZeta = Take(gates),
            SigmasAtZeta = Take(5),
            QuotientAtZeta = Take(1)[0],
            Lookup = like.Lookup is null ? null : LookupPart(),
        };

        PlonkV2LookupProof LookupPart()
        {
            var evaluations = Take(4);
            return new PlonkV2LookupProof
            {
                Multiplicities = points[8 + chunks],
                Helper = points[9 + chunks],
                LaneHelper = points[10 + chunks],
                MultiplicitiesAtZeta = evaluations[0],
                HelperAtZeta = evaluations[1],
                HelperAtZetaOmega = evaluations[2],
                LaneHelperAtZeta = evaluations[3],
                ColumnsAtZeta = Take(PlonkV2LookupProof.ColumnCount),
            };
        }
    }

    /// <summary>
    /// Lookups: wires 0 one, 1 x (public), 2 a, 3 b, 4 c; tables "odd" = {1, 3, 5, 7, 11} and "range4" = 0..15.
    /// Row 0: public x, looked up in range4. Row 1: a·b − c = 0, a looked up in odd. Row 2 (no gate): b in odd.
    /// Row 3 (no gate): c in range4. Row 4 (no gate): a in odd again (a multiplicity of 2).
    /// </summary>
    public static WideCircuit Lookups()
    {
        var odd = new LookupTable("odd", [F(1), F(3), F(5), F(7), F(11)]);
        var range4 = LookupTable.Range("range4", 4);
        var rows = new List<WideRow>
        {
            WideRow.Arithmetic([1], default, [F(1)], default),
            WideRow.Arithmetic([2, 3, 0, 0, 4], F(1), [F(0), F(0), F(0), F(0), F(-1)], default),
            LookupRow(3, 1),
            LookupRow(4, 2),
            LookupRow(2, 1),
        };
        var first = rows[0];
        first.Lookup = 2;
        rows[0] = first;
        var second = rows[1];
        second.Lookup = 1;
        rows[1] = second;
        return new WideCircuit(rows, wireCount: 5, publicCount: 1, [odd, range4]);
    }

    /// <summary>x = 9, a = 3, b = 5, c = 15.</summary>
    public static Fr[] LookupsWitness() => [F(1), F(9), F(3), F(5), F(15)];

    /// <summary>A row with no gate that looks its w0 up in table <paramref name="tag"/> − 1.</summary>
    public static WideRow LookupRow(uint wire, byte tag)
    {
        var row = new WideRow { Gate = GateKind.None, Lookup = tag };
        row.Wires[0] = wire;
        return row;
    }
}
