// SPDX-License-Identifier: MIT
using System.Buffers.Binary;

namespace ZkOptions.Field.Hashing;

/// <summary>
/// Loads circomlib's Poseidon constants from the embedded resource <c>poseidon-constants.bin</c>, written by
/// <c>vectors/circomlib/poseidon-constants.mjs</c> from circomlibjs 0.1.7's <c>src/poseidon_constants.json</c>.
/// </summary>
/// <remarks>
/// Layout (integers little-endian; each field element a canonical 32-byte big-endian integer, the same digits as
/// circomlibjs's hex strings):
/// <code>
/// "ZKPOSEID" (8 bytes) | u32 version = 1 | u32 widths = 16 | u32 full rounds = 8
/// then for t = 2 … 17:  u32 t | u32 partial rounds | (8 + partial)·t round constants | t·t MDS entries, row-major
/// </code>
/// The file is read once, on first use, and every part of it is validated (magic, version, counts, widths in
/// order, partial rounds equal to circomlib's table, every value below r, no trailing bytes), because a
/// corrupted constant would silently give a different hash that no circuit or contract accepts.
/// </remarks>
internal static class PoseidonConstants
{
    /// <summary>Name of the embedded resource (set by LogicalName in ZkOptions.Field.csproj).</summary>
    internal const string ResourceName = "ZkOptions.Field.Hashing.poseidon-constants.bin";

    /// <summary>circomlib's full rounds, for every width.</summary>
    internal const int FullRounds = 8;

    /// <summary>circomlib's partial rounds for t = 2 … 17 (circomlibjs poseidon_reference.js N_ROUNDS_P).</summary>
    internal static ReadOnlySpan<int> PartialRounds => [56, 57, 56, 60, 60, 63, 64, 63, 60, 66, 60, 65, 70, 60, 64, 68];

    /// <summary>Smallest supported width (one input).</summary>
    internal const int MinWidth = 2;

    /// <summary>Largest supported width (sixteen inputs).</summary>
    internal const int MaxWidth = 17;

    private static readonly Lazy<PoseidonParameters[]> All = new(LoadFromResource, LazyThreadSafetyMode.ExecutionAndPublication);

    /// <summary>The parameters for width <paramref name="t"/> (2 … 17), loading the file on first use.</summary>
    internal static PoseidonParameters ForWidth(int t) => All.Value[t - MinWidth];

    private static PoseidonParameters[] LoadFromResource()
    {
        using Stream stream = typeof(PoseidonConstants).Assembly.GetManifestResourceStream(ResourceName)
            ?? throw new InvalidOperationException($"Poseidon constants: embedded resource {ResourceName} is missing from {typeof(PoseidonConstants).Assembly.GetName().Name}.");
        var bytes = new byte[stream.Length];
        stream.ReadExactly(bytes);
        return Parse(bytes);
    }

    /// <summary>Parses and validates the whole file; throws <see cref="InvalidDataException"/> naming the first problem.</summary>
    internal static PoseidonParameters[] Parse(ReadOnlySpan<byte> file)
    {
        var reader = new Reader(file);
        if (!reader.Take(8).SequenceEqual("ZKPOSEID"u8))
        {
            throw new InvalidDataException("Poseidon constants: bad magic (expected \"ZKPOSEID\").");
        }
        Expect(reader.UInt32("version"), 1, "format version");
        Expect(reader.UInt32("width count"), PartialRounds.Length, "number of widths");
        Expect(reader.UInt32("full rounds"), FullRounds, "full rounds");
        var result = new PoseidonParameters[PartialRounds.Length];
        for (int k = 0; k < result.Length; k++)
        {
            int t = k + MinWidth;
            Expect(reader.UInt32("width"), t, $"width of block {k}");
            int partial = PartialRounds[k];
            Expect(reader.UInt32("partial rounds"), partial, $"partial rounds for t = {t}");
            var constants = new Fr[(FullRounds + partial) * t];
            for (int i = 0; i < constants.Length; i++)
            {
                constants[i] = reader.Element($"C[t={t}][{i}]");
            }
            var mds = new Fr[t * t];
            for (int i = 0; i < mds.Length; i++)
            {
                mds[i] = reader.Element($"M[t={t}][{i / t}][{i % t}]");
            }
            result[k] = new PoseidonParameters(t, FullRounds, partial, constants, mds);
        }
        if (reader.Remaining != 0)
        {
            throw new InvalidDataException($"Poseidon constants: {reader.Remaining} unexpected bytes after the last width.");
        }
        return result;
    }

    private static void Expect(uint actual, int expected, string what)
    {
        if (actual != (uint)expected)
        {
            throw new InvalidDataException($"Poseidon constants: {what} is {actual}, expected {expected}.");
        }
    }

    private ref struct Reader(ReadOnlySpan<byte> data)
    {
        private ReadOnlySpan<byte> rest = data;

        public readonly int Remaining => rest.Length;

        public ReadOnlySpan<byte> Take(int count)
        {
            if (rest.Length < count)
            {
                throw new InvalidDataException($"Poseidon constants: the file ends early ({rest.Length} bytes left, {count} needed).");
            }
            ReadOnlySpan<byte> taken = rest[..count];
            rest = rest[count..];
            return taken;
        }

        public uint UInt32(string what)
        {
            if (rest.Length < 4)
            {
                throw new InvalidDataException($"Poseidon constants: the file ends before the {what}.");
            }
            return BinaryPrimitives.ReadUInt32LittleEndian(Take(4));
        }

        public Fr Element(string what)
        {
            if (rest.Length < Fr.ByteCount)
            {
                throw new InvalidDataException($"Poseidon constants: the file ends before {what}.");
            }
            if (!Fr.TryReadBytes(Take(Fr.ByteCount), ByteOrder.BigEndian, out Fr value))
            {
                throw new InvalidDataException($"Poseidon constants: {what} is not below the modulus r.");
            }
            return value;
        }
    }
}
