// SPDX-License-Identifier: MIT
using System.Buffers.Binary;

namespace ZkOptions.Field;

/// <summary>
/// The Ethereum (EIP-196/197) encodings: 32-byte big-endian field elements; G1 as x‖y (64 bytes); G2 as
/// x_imag‖x_real‖y_imag‖y_real (128 bytes, imaginary part FIRST); the all-zero encoding is the point at
/// infinity. Readers take exactly the stated length (the precompiles' zero-padding of short input is the
/// caller's business) and validate everything: coordinates below p, on the curve, and for G2 in the subgroup.
/// </summary>
public static class EvmEncoding
{
    /// <summary>Bytes of an encoded G1 point.</summary>
    public const int G1Size = 64;

    /// <summary>Bytes of an encoded G2 point.</summary>
    public const int G2Size = 128;

    /// <summary>Bytes of an encoded field element or uint256 scalar.</summary>
    public const int WordSize = 32;

    /// <summary>Decodes a G1 point, throwing <see cref="EncodingException"/> that says what was wrong.</summary>
    public static G1Affine ReadG1(ReadOnlySpan<byte> source)
    {
        string? error = DecodeG1(source, out G1Affine p);
        return error is null ? p : throw new EncodingException(error);
    }

    /// <summary>Decodes a G1 point; false on any of the errors <see cref="ReadG1"/> would throw for.</summary>
    public static bool TryReadG1(ReadOnlySpan<byte> source, out G1Affine point) => DecodeG1(source, out point) is null;

    /// <summary>Writes x‖y big-endian into the first 64 bytes of <paramref name="destination"/>; infinity is all zeros.</summary>
    public static void WriteG1(in G1Affine point, Span<byte> destination)
    {
        CheckRoom(destination, G1Size);
        if (point.IsInfinity)
        {
            destination[..G1Size].Clear();
            return;
        }
        point.X.WriteBytes(destination, ByteOrder.BigEndian);
        point.Y.WriteBytes(destination[WordSize..], ByteOrder.BigEndian);
    }

    /// <summary>The 64-byte encoding of a G1 point.</summary>
    public static byte[] EncodeG1(in G1Affine point)
    {
        var bytes = new byte[G1Size];
        WriteG1(in point, bytes);
        return bytes;
    }

    /// <summary>
    /// Decodes a G2 point, throwing <see cref="EncodingException"/> that says what was wrong. The subgroup
    /// check (about as costly as a 64-bit scalar multiplication) is skipped only with
    /// <paramref name="checkSubgroup"/> = false, for callers that check it themselves.
    /// </summary>
    public static G2Affine ReadG2(ReadOnlySpan<byte> source, bool checkSubgroup = true)
    {
        string? error = DecodeG2(source, checkSubgroup, out G2Affine p);
        return error is null ? p : throw new EncodingException(error);
    }

    /// <summary>Decodes a G2 point; false on any of the errors <see cref="ReadG2"/> would throw for.</summary>
    public static bool TryReadG2(ReadOnlySpan<byte> source, out G2Affine point, bool checkSubgroup = true) =>
        DecodeG2(source, checkSubgroup, out point) is null;

    /// <summary>Writes x_imag‖x_real‖y_imag‖y_real big-endian into 128 bytes; infinity is all zeros.</summary>
    public static void WriteG2(in G2Affine point, Span<byte> destination)
    {
        CheckRoom(destination, G2Size);
        if (point.IsInfinity)
        {
            destination[..G2Size].Clear();
            return;
        }
        point.X.C1.WriteBytes(destination, ByteOrder.BigEndian);
        point.X.C0.WriteBytes(destination[32..], ByteOrder.BigEndian);
        point.Y.C1.WriteBytes(destination[64..], ByteOrder.BigEndian);
        point.Y.C0.WriteBytes(destination[96..], ByteOrder.BigEndian);
    }

    /// <summary>The 128-byte encoding of a G2 point.</summary>
    public static byte[] EncodeG2(in G2Affine point)
    {
        var bytes = new byte[G2Size];
        WriteG2(in point, bytes);
        return bytes;
    }

    /// <summary>
    /// Reads a 32-byte big-endian uint256 (ecMul's scalar: any value, not reduced) into four little-endian
    /// limbs, the form <see cref="G1Jacobian.ScalarMul(in G1Affine, ReadOnlySpan{ulong})"/> takes.
    /// </summary>
    public static void ReadUInt256(ReadOnlySpan<byte> source, Span<ulong> limbsLittleEndian)
    {
        if (source.Length != WordSize)
        {
            throw new EncodingException($"uint256: expected {WordSize} bytes, got {source.Length}.");
        }
        if (limbsLittleEndian.Length < 4)
        {
            throw new ArgumentException("Need room for four limbs.", nameof(limbsLittleEndian));
        }
        for (int i = 0; i < 4; i++)
        {
            limbsLittleEndian[i] = BinaryPrimitives.ReadUInt64BigEndian(source[(24 - 8 * i)..]);
        }
    }

    /// <summary>Reads a canonical 32-byte big-endian element of Fr, throwing if it is not below r.</summary>
    public static Fr ReadFr(ReadOnlySpan<byte> source)
    {
        if (source.Length != WordSize)
        {
            throw new EncodingException($"Fr: expected {WordSize} bytes, got {source.Length}.");
        }
        return Fr.TryReadBytes(source, ByteOrder.BigEndian, out Fr r)
            ? r
            : throw new EncodingException("Fr element is not below the group order r.");
    }

    /// <summary>Writes an element of Fr as 32 bytes big-endian.</summary>
    public static void WriteFr(in Fr value, Span<byte> destination) => value.WriteBytes(destination, ByteOrder.BigEndian);

    private static string? DecodeG1(ReadOnlySpan<byte> source, out G1Affine point)
    {
        point = G1Affine.Infinity;
        if (source.Length != G1Size)
        {
            return $"G1 point: expected {G1Size} bytes, got {source.Length}.";
        }
        if (!source.ContainsAnyExcept((byte)0))
        {
            return null; // EIP-196: (0, 0) is the point at infinity
        }
        if (!Fq.TryReadBytes(source[..32], ByteOrder.BigEndian, out Fq x))
        {
            return "G1 x coordinate is not below p.";
        }
        if (!Fq.TryReadBytes(source[32..], ByteOrder.BigEndian, out Fq y))
        {
            return "G1 y coordinate is not below p.";
        }
        var p = new G1Affine(x, y);
        string? error = CurveChecks.G1(in p);
        if (error is null)
        {
            point = p;
        }
        return error;
    }

    private static string? DecodeG2(ReadOnlySpan<byte> source, bool checkSubgroup, out G2Affine point)
    {
        point = G2Affine.Infinity;
        if (source.Length != G2Size)
        {
            return $"G2 point: expected {G2Size} bytes, got {source.Length}.";
        }
        if (!source.ContainsAnyExcept((byte)0))
        {
            return null;
        }
        if (!Fq.TryReadBytes(source[..32], ByteOrder.BigEndian, out Fq xi))
        {
            return "G2 x imaginary part is not below p.";
        }
        if (!Fq.TryReadBytes(source[32..64], ByteOrder.BigEndian, out Fq xr))
        {
            return "G2 x real part is not below p.";
        }
        if (!Fq.TryReadBytes(source[64..96], ByteOrder.BigEndian, out Fq yi))
        {
            return "G2 y imaginary part is not below p.";
        }
        if (!Fq.TryReadBytes(source[96..], ByteOrder.BigEndian, out Fq yr))
        {
            return "G2 y real part is not below p.";
        }
        var p = new G2Affine(new Fq2(xr, xi), new Fq2(yr, yi));
        string? error = CurveChecks.G2(in p, checkSubgroup);
        if (error is null)
        {
            point = p;
        }
        return error;
    }

    private static void CheckRoom(Span<byte> destination, int size)
    {
        if (destination.Length < size)
        {
            throw new ArgumentException($"Need {size} bytes, got {destination.Length}.", nameof(destination));
        }
    }
}
