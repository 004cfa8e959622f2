// SPDX-License-Identifier: MIT
using System.Buffers.Binary;
using ZkOptions.Circuit.Compiler;
using ZkOptions.Constraints;
using ZkOptions.Field;
using ZkOptions.Prover.Formats;

namespace ZkOptions.Circuit.R1cs;

/// <summary>
/// Writes a compiled circuit as an iden3 .r1cs (version 1; header, constraints and wire-to-label sections), so
/// snarkjs (<c>plonk setup</c>, <c>r1cs info</c>) and other circom tooling can consume it. Public inputs become
/// the r1cs public inputs (no outputs), secret inputs the private inputs, in the same wire order, so a witness
/// solved by zkoptions is a valid witness for the exported file.
/// </summary>
/// <remarks>
/// Each PLONK gate qM·a·b + qL·a + qR·b + qO·c + qC = 0 becomes one constraint. A multiplication gate is written
/// (qM·a + qR)·(b + qL/qM) = −qO·c − qC + qR·qL/qM, whose A and B are one wire plus a constant and whose C is one
/// wire plus a constant, so snarkjs's own R1CS-to-PLONK conversion turns it back into exactly one gate; a linear
/// gate is written 0·0 = −(qL·a + qR·b + qO·c + qC), which it turns into one sum gate. Terms on the same wire are
/// merged (snarkjs would keep only the last one). The public-input gates are not constraints: snarkjs adds them.
/// </remarks>
public static class R1csExporter
{
    private const int HeaderSection = 1, ConstraintsSection = 2, WireToLabelSection = 3;

    /// <summary>Writes <paramref name="circuit"/> to <paramref name="path"/> (atomically).</summary>
    public static void Write(CompiledCircuit circuit, string path)
    {
        if (circuit.System != Constraints.ProofSystem.V1)
        {
            throw new ArgumentException($"{circuit.Name} is compiled for {circuit.System.Name()}; an .r1cs is written from the v1 gates", nameof(circuit));
        }
        int publicCount = circuit.PublicCount;
        int secretCount = circuit.Inputs.Where(i => !i.IsPublic).Sum(i => i.Count);
        var gates = circuit.Gates;
        int constraintCount = gates.Count - publicCount;

        using var file = new BinFileWriter(path, "r1cs", version: 1, sectionCount: 3);
        file.BeginSection(HeaderSection);
        file.WriteUInt32(Fr.ByteCount);
        Span<byte> prime = stackalloc byte[Fr.ByteCount];
        Fr.Modulus.TryWriteBytes(prime, out _, isUnsigned: true, isBigEndian: false);
        file.Write(prime);
        file.WriteUInt32((uint)circuit.WireCount);
        file.WriteUInt32(0);
        file.WriteUInt32((uint)publicCount);
        file.WriteUInt32((uint)secretCount);
        Span<byte> u64 = stackalloc byte[8];
        BinaryPrimitives.WriteUInt64LittleEndian(u64, (ulong)circuit.WireCount);
        file.Write(u64);
        file.WriteUInt32((uint)constraintCount);
        file.EndSection();

        file.BeginSection(ConstraintsSection);
        var a = new List<(uint, Fr)>(2);
        var b = new List<(uint, Fr)>(2);
        var c = new List<(uint, Fr)>(4);
        for (int i = publicCount; i < gates.Count; i++)
        {
            var g = gates[i];
            a.Clear();
            b.Clear();
            c.Clear();
            if (g.Qm.IsZero)
            {
                AddTerm(c, g.A, -g.Ql);
                AddTerm(c, g.B, -g.Qr);
                AddTerm(c, g.C, -g.Qo);
                AddTerm(c, 0, -g.Qc);
            }
            else
            {
                Fr lOverM = g.Ql / g.Qm;
                AddTerm(a, g.A, g.Qm);
                AddTerm(a, 0, g.Qr);
                AddTerm(b, g.B, Fr.One);
                AddTerm(b, 0, lOverM);
                AddTerm(c, g.C, -g.Qo);
                AddTerm(c, 0, g.Qr * lOverM - g.Qc);
            }
            WriteCombination(file, a);
            WriteCombination(file, b);
            WriteCombination(file, c);
        }
        file.EndSection();

        file.BeginSection(WireToLabelSection);
        for (int w = 0; w < circuit.WireCount; w++)
        {
            BinaryPrimitives.WriteUInt64LittleEndian(u64, (ulong)w);
            file.Write(u64);
        }
        file.EndSection();
        file.Commit();
    }

    private static void AddTerm(List<(uint Wire, Fr Coefficient)> lc, uint wire, Fr coefficient)
    {
        for (int i = 0; i < lc.Count; i++)
        {
            if (lc[i].Wire == wire)
            {
                lc[i] = (wire, lc[i].Coefficient + coefficient);
                return;
            }
        }
        lc.Add((wire, coefficient));
    }

    private static void WriteCombination(BinFileWriter file, List<(uint Wire, Fr Coefficient)> lc)
    {
        lc.RemoveAll(t => t.Coefficient.IsZero);
        lc.Sort((x, y) => x.Wire.CompareTo(y.Wire));
        file.WriteUInt32((uint)lc.Count);
        Span<byte> term = stackalloc byte[4 + Fr.ByteCount];
        foreach (var (wire, coefficient) in lc)
        {
            BinaryPrimitives.WriteUInt32LittleEndian(term, wire);
            coefficient.WriteBytes(term[4..], ByteOrder.LittleEndian);
            file.Write(term);
        }
    }
}
