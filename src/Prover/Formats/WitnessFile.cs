// SPDX-License-Identifier: MIT
using System.Buffers.Binary;
using System.Numerics;
using ZkOptions.Field;

namespace ZkOptions.Prover.Formats;

/// <summary>
/// The .wtns witness file (snarkjs src/wtns_utils.js, written by <c>snarkjs wtns calculate</c> and circom's
/// witness generators): container magic "wtns", version 2, section 1 = n8 (u32), prime (n8 bytes LE),
/// nWitness (u32); section 2 = nWitness values, each n8 bytes of PLAIN little-endian (not Montgomery).
/// Only BN254's scalar field is accepted, and every value must be below r.
/// </summary>
public static class WitnessFile
{
    private const int HeaderSection = 1;
    private const int ValuesSection = 2;
    private const int Version = 2;

    /// <summary>Reads all witness values (index 0 is the constant-one wire).</summary>
    public static Fr[] Read(string path)
    {
        using var file = BinFileReader.Open(path, "wtns", Version);
        byte[] header = file.ReadSection(HeaderSection);
        ExpectScalarField(file, header, HeaderSection, 4 + Fr.ByteCount + 4);
        uint count = BinaryPrimitives.ReadUInt32LittleEndian(header.AsSpan(4 + Fr.ByteCount));
        if (count > Array.MaxLength)
        {
            throw file.Fail($"claims {count} witness values, more than this reader can hold");
        }
        file.ExpectSectionSize(ValuesSection, (long)count * Fr.ByteCount, $"{count} witness values of {Fr.ByteCount} bytes");

        // Read the raw little-endian values straight into the Fr array (Fr is four little-endian ulongs),
        // then convert each to Montgomery form in place, in parallel for large witnesses.
        var values = new Fr[count];
        file.ReadSection(ValuesSection, 0, values.AsSpan());
        long firstBad = CanonicalToMontgomery(values);
        if (firstBad >= 0)
        {
            throw file.Fail($"witness value {firstBad} is ≥ r (the BN254 scalar field modulus)");
        }
        return values;
    }

    /// <summary>Writes a .wtns file as snarkjs does (version 2, plain little-endian values), atomically.</summary>
    public static void Write(string path, ReadOnlySpan<Fr> witness)
    {
        using var writer = new BinFileWriter(path, "wtns", Version, 2);
        writer.BeginSection(HeaderSection);
        writer.WriteUInt32(Fr.ByteCount);
        Span<byte> prime = stackalloc byte[Fr.ByteCount];
        Fr.Modulus.TryWriteBytes(prime, out _, isUnsigned: true, isBigEndian: false);
        writer.Write(prime);
        writer.WriteUInt32((uint)witness.Length);
        writer.EndSection();

        writer.BeginSection(ValuesSection);
        const int chunk = 1 << 14;
        var canonical = new ulong[Math.Min(witness.Length, chunk) * 4];
        for (int start = 0; start < witness.Length; start += chunk)
        {
            ReadOnlySpan<Fr> part = witness.Slice(start, Math.Min(chunk, witness.Length - start));
            for (int i = 0; i < part.Length; i++)
            {
                part[i].ToCanonicalLimbs(out canonical[4 * i], out canonical[4 * i + 1], out canonical[4 * i + 2], out canonical[4 * i + 3]);
            }
            writer.Write<ulong>(canonical.AsSpan(0, part.Length * 4));
        }
        writer.EndSection();
        writer.Commit();
    }

    /// <summary>
    /// Checks the "n8, prime" start shared by .wtns and .r1cs headers: 32-byte elements and prime = r, and that
    /// the header section is exactly <paramref name="headerSize"/> bytes.
    /// </summary>
    internal static void ExpectScalarField(BinFileReader file, ReadOnlySpan<byte> header, int section, int headerSize)
    {
        if (header.Length < 4)
        {
            throw file.Fail($"section {section} (header) is {header.Length} bytes; expected {headerSize}");
        }
        uint n8 = BinaryPrimitives.ReadUInt32LittleEndian(header);
        if (n8 != Fr.ByteCount)
        {
            throw file.Fail($"field elements are {n8} bytes; expected {Fr.ByteCount} (BN254 scalar field): the file is for another curve");
        }
        if (header.Length != headerSize)
        {
            throw file.Fail($"section {section} (header) is {header.Length} bytes; expected {headerSize}");
        }
        var prime = new BigInteger(header.Slice(4, Fr.ByteCount), isUnsigned: true, isBigEndian: false);
        if (prime != Fr.Modulus)
        {
            throw file.Fail($"prime is {prime}, not BN254's scalar field modulus r: the file is for another curve");
        }
    }

    /// <summary>
    /// Converts values holding canonical little-endian limbs to Montgomery form in place, in parallel blocks;
    /// returns the index of the first value not below r, or −1 when all are fine.
    /// </summary>
    internal static long CanonicalToMontgomery(Fr[] values)
    {
        const int block = 1 << 14;
        long firstBad = long.MaxValue;
        Parallel.For(0, (values.Length + block - 1) / block, ParallelLimit.Options, b =>
        {
            int start = b * block;
            long bad = ConvertBlock(values.AsSpan(start, Math.Min(block, values.Length - start)), start);
            if (bad >= 0)
            {
                InterlockedMin(ref firstBad, bad);
            }
        });
        return firstBad == long.MaxValue ? -1 : firstBad;
    }

    private static long ConvertBlock(Span<Fr> values, long offset)
    {
        for (int i = 0; i < values.Length; i++)
        {
            ref readonly Fr raw = ref values[i];
            if (!Fr.IsBelowModulus(raw.L0, raw.L1, raw.L2, raw.L3))
            {
                return offset + i;
            }
            values[i] = Fr.FromCanonicalLimbsUnchecked(raw.L0, raw.L1, raw.L2, raw.L3);
        }
        return -1;
    }

    private static void InterlockedMin(ref long target, long value)
    {
        long current = Volatile.Read(ref target);
        while (value < current)
        {
            long seen = Interlocked.CompareExchange(ref target, value, current);
            if (seen == current)
            {
                return;
            }
            current = seen;
        }
    }
}
