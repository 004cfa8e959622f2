// SPDX-License-Identifier: MIT
using System.Buffers.Binary;
using ZkOptions.Field;

namespace ZkOptions.Prover.Formats;

/// <summary>
/// A circom .r1cs file (iden3 r1csfile package, r1csfile.js): container magic "r1cs", version 1.
/// Section 1 (header): n8 (u32), prime (n8 bytes LE), nWires, nPubOut, nPubIn, nPrvIn (u32 each), nLabels (u64),
/// nConstraints (u32). Section 2: per constraint three linear combinations A, B, C, each a u32 term count then
/// terms {u32 wire, coefficient as n8 bytes of plain little-endian}. Section 3 (optional): the label id (u64) of
/// each wire. Sections 4 and 5 (circom custom gates) are only flagged: snarkjs PLONK ignores them.
/// Wires are numbered 0 = constant one, then outputs, public inputs, private inputs, internal signals.
/// Everything is checked: BN254's r as the prime, section sizes, wire ids below nWires, coefficients below r.
/// </summary>
public sealed partial class R1csFile
{
    private const int HeaderSection = 1;
    private const int ConstraintsSection = 2;
    private const int WireToLabelSection = 3;
    private const int CustomGatesListSection = 4;
    private const int CustomGatesUsesSection = 5;
    private const int HeaderSize = 4 + Fr.ByteCount + 4 * 4 + 8 + 4;

    // Terms of all linear combinations, flat: combination k (3·constraint + 0/1/2 for A/B/C) holds terms
    // termStart[k] .. termStart[k + 1] − 1. One allocation per array instead of one per combination.
    private readonly int[] termStart;
    private readonly uint[] wires;
    private readonly Fr[] coefficients;

    private R1csFile(int[] termStart, uint[] wires, Fr[] coefficients)
    {
        this.termStart = termStart;
        this.wires = wires;
        this.coefficients = coefficients;
    }

    /// <summary>Number of wires (signals) including the constant-one wire 0 (nWires).</summary>
    public required int WireCount { get; init; }

    /// <summary>The file this was read from (named in errors found later, e.g. by setup).</summary>
    public required string Path { get; init; }

    /// <summary>Number of public outputs (nPubOut): wires 1 .. PublicOutputCount.</summary>
    public required int PublicOutputCount { get; init; }

    /// <summary>Number of public inputs (nPubIn), numbered right after the outputs.</summary>
    public required int PublicInputCount { get; init; }

    /// <summary>Number of private inputs (nPrvIn).</summary>
    public required int PrivateInputCount { get; init; }

    /// <summary>Number of labels (named signals before optimisation) (nLabels).</summary>
    public required ulong LabelCount { get; init; }

    /// <summary>Number of constraints (nConstraints).</summary>
    public int ConstraintCount => (termStart.Length - 1) / 3;

    /// <summary>Public signals in a proof: outputs then public inputs (snarkjs nPublic).</summary>
    public int PublicCount => PublicOutputCount + PublicInputCount;

    /// <summary>The label id of each wire (section 3), or null when the file has no map.</summary>
    public IReadOnlyList<ulong>? WireToLabel { get; private init; }

    /// <summary>
    /// Whether the file declares circom custom gates (sections 4 and 5). snarkjs's PLONK setup ignores them, so
    /// a caller building a PLONK key should refuse such a circuit rather than prove a different one.
    /// </summary>
    public bool UsesCustomGates { get; private init; }

    /// <summary>Constraint <paramref name="index"/>: A·B = C over the wires.</summary>
    public Constraint GetConstraint(int index)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(index);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(index, ConstraintCount);
        return new Constraint(Combination(3 * index), Combination(3 * index + 1), Combination(3 * index + 2));
    }

    /// <summary>
    /// The index of the first constraint the witness does not satisfy, or −1 when it satisfies all of them
    /// (the check of <c>snarkjs wtns check</c>). The witness must have <see cref="WireCount"/> values.
    /// </summary>
    public int FirstUnsatisfiedConstraint(ReadOnlySpan<Fr> witness)
    {
        if (witness.Length != WireCount)
        {
            throw new ArgumentException($"the circuit has {WireCount} wires; the witness has {witness.Length} values", nameof(witness));
        }
        for (int i = 0; i < ConstraintCount; i++)
        {
            Constraint c = GetConstraint(i);
            if (c.A.Evaluate(witness) * c.B.Evaluate(witness) != c.C.Evaluate(witness))
            {
                return i;
            }
        }
        return -1;
    }

    private LinearCombination Combination(int k) => new(wires, coefficients, termStart[k], termStart[k + 1] - termStart[k]);

    /// <summary>Reads and validates a .r1cs file.</summary>
    public static R1csFile Read(string path)
    {
        using var file = BinFileReader.Open(path, "r1cs", 1);
        byte[] header = file.ReadSection(HeaderSection);
        WitnessFile.ExpectScalarField(file, header, HeaderSection, HeaderSize);
        var h = header.AsSpan(4 + Fr.ByteCount);
        int wireCount = Count(file, "nWires", BinaryPrimitives.ReadUInt32LittleEndian(h));
        int outputs = Count(file, "nPubOut", BinaryPrimitives.ReadUInt32LittleEndian(h[4..]));
        int publicInputs = Count(file, "nPubIn", BinaryPrimitives.ReadUInt32LittleEndian(h[8..]));
        int privateInputs = Count(file, "nPrvIn", BinaryPrimitives.ReadUInt32LittleEndian(h[12..]));
        ulong labelCount = BinaryPrimitives.ReadUInt64LittleEndian(h[16..]);
        int constraintCount = Count(file, "nConstraints", BinaryPrimitives.ReadUInt32LittleEndian(h[24..]));
        if (wireCount < 1 || 1L + outputs + publicInputs + privateInputs > wireCount)
        {
            throw file.Fail($"nWires = {wireCount} cannot hold the constant wire, {outputs} outputs, {publicInputs} public and {privateInputs} private inputs");
        }

        var (termStart, wires, coefficients) = ReadConstraints(file, constraintCount, wireCount);
        return new R1csFile(termStart, wires, coefficients)
        {
            Path = path,
            WireCount = wireCount,
            PublicOutputCount = outputs,
            PublicInputCount = publicInputs,
            PrivateInputCount = privateInputs,
            LabelCount = labelCount,
            WireToLabel = file.HasSection(WireToLabelSection) ? ReadWireToLabel(file, wireCount, labelCount) : null,
            UsesCustomGates = file.HasSection(CustomGatesListSection) || file.HasSection(CustomGatesUsesSection),
        };
    }

    private static int Count(BinFileReader file, string name, uint value) =>
        value <= int.MaxValue ? (int)value : throw file.Fail($"{name} = {value} is larger than this reader supports");

    private static (int[] TermStart, uint[] Wires, Fr[] Coefficients) ReadConstraints(BinFileReader file, int constraintCount, int wireCount)
    {
        byte[] section = file.ReadSection(ConstraintsSection);
        const int termSize = 4 + Fr.ByteCount;

        // Every linear combination takes at least its 4-byte term count: check the header's constraint count against
        // the section before sizing anything by it (a forged count would otherwise overflow 3·n or allocate gigabytes).
        if (12L * constraintCount > section.Length)
        {
            throw file.Fail($"the header declares {constraintCount} constraints, but section {ConstraintsSection} (constraints) is only {section.Length} bytes (each takes at least 12)");
        }

        // Pass 1: walk the structure, checking every count against the section's end, to size the arrays.
        int combinations = 3 * constraintCount;
        var termStart = new int[combinations + 1];
        long position = 0;
        long terms = 0;
        for (int k = 0; k < combinations; k++)
        {
            if (position + 4 > section.Length)
            {
                throw TruncatedConstraints(file, k, section.Length);
            }
            uint n = BinaryPrimitives.ReadUInt32LittleEndian(section.AsSpan((int)position));
            position += 4 + (long)n * termSize;
            if (position > section.Length)
            {
                throw TruncatedConstraints(file, k, section.Length);
            }
            terms += n;
            termStart[k + 1] = (int)terms; // terms ≤ section length / 36, so it fits
        }
        if (position != section.Length)
        {
            throw file.Fail($"section {ConstraintsSection} (constraints) has {section.Length - position} bytes after the {constraintCount} constraints the header declares");
        }

        // Pass 2: wire ids and coefficients (plain little-endian, converted to Montgomery form).
        var wires = new uint[terms];
        var coefficients = new Fr[terms];
        position = 0;
        int t = 0;
        for (int k = 0; k < combinations; k++)
        {
            int n = termStart[k + 1] - termStart[k];
            position += 4;
            for (int j = 0; j < n; j++, t++, position += termSize)
            {
                var term = section.AsSpan((int)position, termSize);
                uint wire = BinaryPrimitives.ReadUInt32LittleEndian(term);
                if (wire >= wireCount)
                {
                    throw file.Fail($"constraint {k / 3} ({"ABC"[k % 3]}) uses wire {wire}, but the circuit has {wireCount} wires");
                }
                if (!Fr.TryReadBytes(term[4..], ByteOrder.LittleEndian, out coefficients[t]))
                {
                    throw file.Fail($"constraint {k / 3} ({"ABC"[k % 3]}): the coefficient of wire {wire} is ≥ r");
                }
                wires[t] = wire;
            }
        }
        return (termStart, wires, coefficients);
    }

    private static InputFileException TruncatedConstraints(BinFileReader file, int combination, int sectionLength) =>
        file.Fail($"section {ConstraintsSection} (constraints) ends ({sectionLength} bytes) inside constraint {combination / 3} ({"ABC"[combination % 3]})");

    private static ulong[] ReadWireToLabel(BinFileReader file, int wireCount, ulong labelCount)
    {
        file.ExpectSectionSize(WireToLabelSection, (long)wireCount * 8, $"a u64 label id for each of {wireCount} wires");
        var labels = new ulong[wireCount];
        file.ReadSection<ulong>(WireToLabelSection, 0, labels);
        for (int i = 0; i < labels.Length; i++)
        {
            if (labels[i] >= labelCount)
            {
                throw file.Fail($"wire {i} maps to label {labels[i]}, but the header declares {labelCount} labels");
            }
        }
        return labels;
    }
}
