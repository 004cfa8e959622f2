// SPDX-License-Identifier: MIT
namespace ZkOptions.Field;

/// <summary>
/// The "LEM" layout of snarkjs .zkey and .ptau sections (ffjavascript 0.3.1 <c>toRprLEM</c>/<c>fromRprLEM</c>):
/// each Fq is 32 bytes little-endian in Montgomery form; G1 is x‖y (64 bytes); G2 is
/// x.c0‖x.c1‖y.c0‖y.c1 (128 bytes, real part first); points are affine, and the point at infinity is all
/// zero bytes (ffjavascript's zeroAffine, x = y = 0, which is not on either curve).
/// ffjavascript itself checks nothing on read; these readers always check lengths and that every limb
/// vector is below p, and with <c>validate</c> also that the point is on the curve (three field
/// multiplications) and, for G2, in the subgroup (a 63-bit scalar multiplication over Fq2 plus three ψ maps,
/// tens of microseconds: millions of ptau points take minutes, hence the switch).
/// </summary>
public static class SnarkjsBinary
{
    /// <summary>Bytes of a G1 point.</summary>
    public const int G1Size = 64;

    /// <summary>Bytes of a G2 point.</summary>
    public const int G2Size = 128;

    /// <summary>Bytes of one field element.</summary>
    public const int FieldSize = 32;

    /// <summary>Decodes a G1 point; <paramref name="validate"/> adds the on-curve check.</summary>
    public static G1Affine ReadG1(ReadOnlySpan<byte> source, bool validate = true)
    {
        string? error = DecodeG1(source, validate, out G1Affine p);
        return error is null ? p : throw new EncodingException(error);
    }

    /// <summary>Decodes a G1 point; false on any error <see cref="ReadG1"/> would throw for.</summary>
    public static bool TryReadG1(ReadOnlySpan<byte> source, out G1Affine point, bool validate = true) =>
        DecodeG1(source, validate, out point) is null;

    /// <summary>Writes x‖y in LEM into 64 bytes; infinity is all zeros.</summary>
    public static void WriteG1(in G1Affine point, Span<byte> destination)
    {
        CheckRoom(destination, G1Size);
        if (point.IsInfinity)
        {
            destination[..G1Size].Clear();
            return;
        }
        point.X.WriteMontgomeryLittleEndian(destination);
        point.Y.WriteMontgomeryLittleEndian(destination[FieldSize..]);
    }

    /// <summary>
    /// Decodes a G2 point. With <paramref name="validate"/> it must be on the twist and, unless
    /// <paramref name="checkSubgroup"/> is false, in the order-r subgroup (the costly part).
    /// </summary>
    public static G2Affine ReadG2(ReadOnlySpan<byte> source, bool validate = true, bool checkSubgroup = true)
    {
        string? error = DecodeG2(source, validate, checkSubgroup, out G2Affine p);
        return error is null ? p : throw new EncodingException(error);
    }

    /// <summary>Decodes a G2 point; false on any error <see cref="ReadG2"/> would throw for.</summary>
    public static bool TryReadG2(ReadOnlySpan<byte> source, out G2Affine point, bool validate = true, bool checkSubgroup = true) =>
        DecodeG2(source, validate, checkSubgroup, out point) is null;

    /// <summary>Writes x.c0‖x.c1‖y.c0‖y.c1 in LEM into 128 bytes; infinity is all zeros.</summary>
    public static void WriteG2(in G2Affine point, Span<byte> destination)
    {
        CheckRoom(destination, G2Size);
        if (point.IsInfinity)
        {
            destination[..G2Size].Clear();
            return;
        }
        point.X.C0.WriteMontgomeryLittleEndian(destination);
        point.X.C1.WriteMontgomeryLittleEndian(destination[32..]);
        point.Y.C0.WriteMontgomeryLittleEndian(destination[64..]);
        point.Y.C1.WriteMontgomeryLittleEndian(destination[96..]);
    }

    /// <summary>Decodes consecutive G1 points (a .ptau or .zkey section) into <paramref name="destination"/>.</summary>
    public static void ReadG1Array(ReadOnlySpan<byte> source, Span<G1Affine> destination, bool validate = true)
    {
        CheckArray(source.Length, G1Size, destination.Length);
        for (int i = 0; i < destination.Length; i++)
        {
            string? error = DecodeG1(source.Slice(i * G1Size, G1Size), validate, out destination[i]);
            if (error is not null)
            {
                throw new EncodingException($"G1 point #{i}: {error}");
            }
        }
    }

    /// <summary>Decodes consecutive G2 points into <paramref name="destination"/>.</summary>
    public static void ReadG2Array(ReadOnlySpan<byte> source, Span<G2Affine> destination, bool validate = true, bool checkSubgroup = true)
    {
        CheckArray(source.Length, G2Size, destination.Length);
        for (int i = 0; i < destination.Length; i++)
        {
            string? error = DecodeG2(source.Slice(i * G2Size, G2Size), validate, checkSubgroup, out destination[i]);
            if (error is not null)
            {
                throw new EncodingException($"G2 point #{i}: {error}");
            }
        }
    }

    /// <summary>Reads an Fq from 32 bytes of little-endian Montgomery form, throwing if it is not below p.</summary>
    public static Fq ReadFq(ReadOnlySpan<byte> source) =>
        Fq.TryReadMontgomeryLittleEndian(source, out Fq r)
            ? r
            : throw new EncodingException(source.Length != FieldSize
                ? $"Fq: expected {FieldSize} bytes, got {source.Length}."
                : "Fq element (Montgomery form) is not below p.");

    /// <summary>Reads an Fr from 32 bytes of little-endian Montgomery form, throwing if it is not below r.</summary>
    public static Fr ReadFr(ReadOnlySpan<byte> source) =>
        Fr.TryReadMontgomeryLittleEndian(source, out Fr r)
            ? r
            : throw new EncodingException(source.Length != FieldSize
                ? $"Fr: expected {FieldSize} bytes, got {source.Length}."
                : "Fr element (Montgomery form) is not below r.");

    private static string? DecodeG1(ReadOnlySpan<byte> source, bool validate, out G1Affine point)
    {
        point = G1Affine.Infinity;
        if (source.Length != G1Size)
        {
            return $"G1 point: expected {G1Size} bytes, got {source.Length}.";
        }
        if (!source.ContainsAnyExcept((byte)0))
        {
            return null;
        }
        if (!Fq.TryReadMontgomeryLittleEndian(source[..32], out Fq x))
        {
            return "G1 x coordinate is not below p.";
        }
        if (!Fq.TryReadMontgomeryLittleEndian(source[32..], out Fq y))
        {
            return "G1 y coordinate is not below p.";
        }
        var p = new G1Affine(x, y);
        string? error = validate ? CurveChecks.G1(in p) : null;
        if (error is null)
        {
            point = p;
        }
        return error;
    }

    private static string? DecodeG2(ReadOnlySpan<byte> source, bool validate, bool checkSubgroup, out G2Affine point)
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
        if (!Fq.TryReadMontgomeryLittleEndian(source[..32], out Fq x0))
        {
            return "G2 x real part is not below p.";
        }
        if (!Fq.TryReadMontgomeryLittleEndian(source[32..64], out Fq x1))
        {
            return "G2 x imaginary part is not below p.";
        }
        if (!Fq.TryReadMontgomeryLittleEndian(source[64..96], out Fq y0))
        {
            return "G2 y real part is not below p.";
        }
        if (!Fq.TryReadMontgomeryLittleEndian(source[96..], out Fq y1))
        {
            return "G2 y imaginary part is not below p.";
        }
        var p = new G2Affine(new Fq2(x0, x1), new Fq2(y0, y1));
        string? error = validate ? CurveChecks.G2(in p, checkSubgroup) : null;
        if (error is null)
        {
            point = p;
        }
        return error;
    }

    private static void CheckArray(int sourceLength, int size, int count)
    {
        if (sourceLength != count * size)
        {
            throw new EncodingException($"Expected {count} points of {size} bytes ({count * size} bytes), got {sourceLength} bytes.");
        }
    }

    private static void CheckRoom(Span<byte> destination, int size)
    {
        if (destination.Length < size)
        {
            throw new ArgumentException($"Need {size} bytes, got {destination.Length}.", nameof(destination));
        }
    }
}
