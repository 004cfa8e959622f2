// SPDX-License-Identifier: MIT
using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using ZkOptions.Field;

namespace ZkOptions.Prover.Formats;

/// <summary>
/// Field elements and G1 points in their in-memory form (four little-endian u64 limbs of the Montgomery form; a point
/// is x, y and the infinity flag padded to 72 bytes), the layout of files that are mapped and used in place. Reading
/// such a file checks each element's limbs are below the modulus (so the arithmetic sees canonical values) and each
/// point's flag and padding, since nothing converts them on the way in.
/// </summary>
internal static class MontgomeryLimbs
{
    /// <summary>Bytes of one point record: x (32), y (32), the infinity flag and 7 bytes of padding.</summary>
    public const int PointSize = 72;

    private static readonly ulong[] FrModulus = Limbs(Fr.Modulus);
    private static readonly ulong[] FqModulus = Limbs(Fq.Modulus);

    /// <summary>Whether this runtime lays Fr and G1Affine out as the files do (little-endian, x at 0, y at 32, flag at 64, size 72).</summary>
    public static bool MatchRuntime { get; } = CheckRuntime();

    /// <summary>The bytes of <paramref name="values"/> as a mapped file holds them.</summary>
    public static ReadOnlySpan<byte> Bytes(ReadOnlySpan<Fr> values) => MemoryMarshal.AsBytes(values);

    /// <summary>Writes <paramref name="point"/>'s record (padding zeroed) into <paramref name="into"/> (72 bytes).</summary>
    public static void WritePoint(in G1Affine point, Span<byte> into)
    {
        into[..PointSize].Clear();
        MemoryMarshal.AsBytes(new ReadOnlySpan<Fq>(in point.X)).CopyTo(into);
        MemoryMarshal.AsBytes(new ReadOnlySpan<Fq>(in point.Y)).CopyTo(into[32..]);
        into[64] = point.IsInfinity ? (byte)1 : (byte)0;
    }

    /// <summary>Whether the 32 bytes are the Montgomery limbs of an element of Fr (below r).</summary>
    public static bool IsScalar(ReadOnlySpan<byte> bytes) => IsBelow(MemoryMarshal.Cast<byte, ulong>(bytes[..32]), FrModulus);

    /// <summary>Whether the 72 bytes are a finite point's record: x, y below p, flag and padding zero (the curve equation is not checked).</summary>
    public static bool IsFinitePointRecord(ReadOnlySpan<byte> record)
    {
        var limbs = MemoryMarshal.Cast<byte, ulong>(record[..PointSize]);
        return IsBelow(limbs[..4], FqModulus) && IsBelow(limbs[4..8], FqModulus) && limbs[8] == 0;
    }

    private static bool IsBelow(ReadOnlySpan<ulong> value, ulong[] modulus)
    {
        for (int i = 3; i >= 0; i--)
        {
            if (value[i] != modulus[i])
            {
                return value[i] < modulus[i];
            }
        }
        return false;
    }

    private static ulong[] Limbs(BigInteger value)
    {
        var limbs = new ulong[4];
        for (int i = 0; i < 4; i++, value >>= 64)
        {
            limbs[i] = (ulong)(value & ulong.MaxValue);
        }
        return limbs;
    }

    private static bool CheckRuntime()
    {
        if (!BitConverter.IsLittleEndian || Unsafe.SizeOf<Fr>() != 32 || Unsafe.SizeOf<G1Affine>() != PointSize)
        {
            return false;
        }
        Span<byte> record = stackalloc byte[PointSize];
        foreach (var point in new[] { G1Affine.Generator, G1Affine.Infinity })
        {
            WritePoint(point, record);
            var inMemory = MemoryMarshal.AsBytes(new ReadOnlySpan<G1Affine>(in point));
            if (!inMemory[..65].SequenceEqual(record[..65]) || MemoryMarshal.Read<G1Affine>(record) != point)
            {
                return false;
            }
        }
        return true;
    }
}
