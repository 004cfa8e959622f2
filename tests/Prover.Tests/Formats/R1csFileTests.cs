// SPDX-License-Identifier: MIT
using System.Buffers.Binary;
using ZkOptions.Field;
using ZkOptions.Prover.Formats;

namespace ZkOptions.Prover.Tests.Formats;

/// <summary>.r1cs: circom's file for circuit (a), checked against its witness, and broken variants.</summary>
public sealed class R1csFileTests
{
    [Fact]
    public void Header_matches_circuit_a()
    {
        R1csFile r1cs = R1csFile.Read(FormatFiles.R1cs);
        // snarkjs r1cs info: 7 wires, 2 constraints, 1 private input, 3 public inputs, 7 labels, 1 output.
        Assert.Equal(7, r1cs.WireCount);
        Assert.Equal(1, r1cs.PublicOutputCount);
        Assert.Equal(3, r1cs.PublicInputCount);
        Assert.Equal(1, r1cs.PrivateInputCount);
        Assert.Equal(7ul, r1cs.LabelCount);
        Assert.Equal(2, r1cs.ConstraintCount);
        Assert.Equal(4, r1cs.PublicCount);
        Assert.False(r1cs.UsesCustomGates);
        Assert.NotNull(r1cs.WireToLabel);
        Assert.Equal(7, r1cs.WireToLabel!.Count);
        Assert.Equal(0ul, r1cs.WireToLabel[0]);
    }

    [Fact]
    public void Snarkjs_witness_satisfies_every_constraint_and_a_changed_one_does_not()
    {
        R1csFile r1cs = R1csFile.Read(FormatFiles.R1cs);
        Fr[] witness = WitnessFile.Read(FormatFiles.Wtns);
        Assert.Equal(-1, r1cs.FirstUnsatisfiedConstraint(witness));

        // Independent evaluation, term by term, of constraint 0 (ab = a·b): its A, B and C each touch one wire.
        R1csFile.Constraint c0 = r1cs.GetConstraint(0);
        Fr Eval(R1csFile.LinearCombination lc)
        {
            Fr sum = Fr.Zero;
            for (int i = 0; i < lc.Count; i++)
            {
                sum += lc.Coefficients[i] * witness[lc.Wires[i]];
            }
            return sum;
        }
        Assert.Equal(Eval(c0.A) * Eval(c0.B), Eval(c0.C));
        Assert.All(new[] { c0.A, c0.B, c0.C, r1cs.GetConstraint(1).A, r1cs.GetConstraint(1).B },
            lc => Assert.All(lc.Wires.ToArray(), w => Assert.InRange(w, 1u, 6u)));

        Fr[] wrongProduct = (Fr[])witness.Clone();
        wrongProduct[6] += Fr.One; // ab
        Assert.Equal(0, r1cs.FirstUnsatisfiedConstraint(wrongProduct));
        Fr[] wrongOutput = (Fr[])witness.Clone();
        wrongOutput[1] += Fr.One; // out
        Assert.Equal(1, r1cs.FirstUnsatisfiedConstraint(wrongOutput));
    }

    [Fact]
    public void A_wire_id_beyond_nWires_is_rejected()
    {
        byte[] bytes = File.ReadAllBytes(FormatFiles.R1cs);
        var (offset, _) = FormatFiles.Section(bytes, 2);
        // First combination: u32 count, then the first term's u32 wire id.
        BinaryPrimitives.WriteUInt32LittleEndian(bytes.AsSpan(offset + 4), 7);
        using var dir = new ScratchDirectory();
        string path = dir.Write("wire.r1cs", bytes);
        FormatFiles.Fails(path, () => R1csFile.Read(path), "constraint 0 (A) uses wire 7", "7 wires");
    }

    [Fact]
    public void A_coefficient_not_below_r_is_rejected()
    {
        byte[] bytes = File.ReadAllBytes(FormatFiles.R1cs);
        var (offset, _) = FormatFiles.Section(bytes, 2);
        Fr.Modulus.TryWriteBytes(bytes.AsSpan(offset + 8, 32), out _, isUnsigned: true);
        using var dir = new ScratchDirectory();
        string path = dir.Write("coef.r1cs", bytes);
        FormatFiles.Fails(path, () => R1csFile.Read(path), "constraint 0 (A)", "≥ r");
    }

    [Fact]
    public void A_constraint_count_that_disagrees_with_the_section_is_rejected()
    {
        byte[] bytes = File.ReadAllBytes(FormatFiles.R1cs);
        var (offset, _) = FormatFiles.Section(bytes, 1);
        int constraintsAt = offset + 4 + 32 + 16 + 8;
        using var dir = new ScratchDirectory();

        bytes[constraintsAt] = 3;
        string more = dir.Write("more.r1cs", bytes);
        FormatFiles.Fails(more, () => R1csFile.Read(more), "section 2 (constraints) ends", "inside constraint 2");

        bytes[constraintsAt] = 1;
        string fewer = dir.Write("fewer.r1cs", bytes);
        FormatFiles.Fails(fewer, () => R1csFile.Read(fewer), "bytes after the 1 constraints");
    }

    [Fact]
    public void An_r1cs_for_another_curve_is_rejected()
    {
        byte[] bytes = File.ReadAllBytes(FormatFiles.R1cs);
        var (offset, _) = FormatFiles.Section(bytes, 1);
        // BLS12-381's scalar field modulus (also 32 bytes): circom --prime bls12381.
        var bls = System.Numerics.BigInteger.Parse("52435875175126190479447740508185965837690552500527637822603658699938581184513");
        bls.TryWriteBytes(bytes.AsSpan(offset + 4, 32), out _, isUnsigned: true);
        using var dir = new ScratchDirectory();
        string path = dir.Write("bls.r1cs", bytes);
        FormatFiles.Fails(path, () => R1csFile.Read(path), "prime is 5243587517", "not BN254's scalar field modulus r");
    }

    [Fact]
    public void The_wire_to_label_map_must_fit_the_header()
    {
        byte[] bytes = File.ReadAllBytes(FormatFiles.R1cs);
        var (offset, size) = FormatFiles.Section(bytes, 3);
        Assert.Equal(7 * 8, size);
        BinaryPrimitives.WriteUInt64LittleEndian(bytes.AsSpan(offset + 8 * 6), 7);
        using var dir = new ScratchDirectory();
        string path = dir.Write("labels.r1cs", bytes);
        FormatFiles.Fails(path, () => R1csFile.Read(path), "wire 6 maps to label 7", "7 labels");
    }

    [Fact]
    public void Truncated_files_are_rejected_at_every_cut()
    {
        byte[] bytes = File.ReadAllBytes(FormatFiles.R1cs);
        using var dir = new ScratchDirectory();
        foreach (int cut in new[] { 0, 4, 12, 23, 24, 100, 200, 300, 400, bytes.Length - 1 })
        {
            string path = dir.Write($"cut{cut}.r1cs", bytes[..cut]);
            var e = FormatFiles.Fails(path, () => R1csFile.Read(path));
            Assert.Matches("too short|truncated", e.Problem);
        }
    }

    [Fact]
    public void Other_snarkjs_files_are_not_r1cs()
    {
        FormatFiles.Fails(FormatFiles.Groth16Zkey, () => R1csFile.Read(FormatFiles.Groth16Zkey), "not a .r1cs file", "\"zkey\"");
        FormatFiles.Fails(FormatFiles.Ptau, () => R1csFile.Read(FormatFiles.Ptau), "not a .r1cs file", "\"ptau\"");
        FormatFiles.Fails(FormatFiles.Wtns, () => R1csFile.Read(FormatFiles.Wtns), "not a .r1cs file", "\"wtns\"");
    }
}
