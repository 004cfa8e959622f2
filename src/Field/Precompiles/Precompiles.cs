// SPDX-License-Identifier: MIT
using System.Buffers.Binary;

namespace ZkOptions.Field;

/// <summary>
/// Ethereum's BN254 precompiles with their exact byte semantics: ecAdd (0x06, <see href="https://eips.ethereum.org/EIPS/eip-196">EIP-196</see>),
/// ecMul (0x07, EIP-196) and ecPairing (0x08, <see href="https://eips.ethereum.org/EIPS/eip-197">EIP-197</see>; gas per EIP-1108).
/// </summary>
/// <remarks>
/// Words are 32-byte big-endian. A G1 point is x‖y and a G2 point x_imag‖x_real‖y_imag‖y_real (imaginary part
/// first). All-zero bytes encode the point at infinity. ecAdd and ecMul right-pad short input with zeros and
/// ignore bytes past their fixed length; ecPairing requires a multiple of 192 bytes. Invalid input throws
/// <see cref="PrecompileException"/>, as the call would fail on chain.
/// </remarks>
public static class Precompiles
{
    /// <summary>Bytes ecAdd reads: two G1 points.</summary>
    public const int EcAddInputLength = 128;

    /// <summary>Bytes ecMul reads: a G1 point and a 256-bit scalar.</summary>
    public const int EcMulInputLength = 96;

    /// <summary>Bytes of one ecPairing pair: a G1 point and a G2 point.</summary>
    public const int EcPairingPairLength = 192;

    /// <summary>0x06: P1 + P2, as 64 bytes.</summary>
    public static byte[] EcAdd(ReadOnlySpan<byte> input)
    {
        Span<byte> padded = stackalloc byte[EcAddInputLength];
        CopyPadded(input, padded);
        G1Affine a = ReadG1(padded[..64], "first point");
        G1Affine b = ReadG1(padded[64..], "second point");
        G1Jacobian sum = G1Jacobian.FromAffine(a);
        G1Jacobian.AddMixed(in sum, in b, out sum);
        return WriteG1(sum.ToAffine());
    }

    /// <summary>0x07: s·P for any 256-bit s (not reduced or range-checked, as on Ethereum), as 64 bytes.</summary>
    public static byte[] EcMul(ReadOnlySpan<byte> input)
    {
        Span<byte> padded = stackalloc byte[EcMulInputLength];
        CopyPadded(input, padded);
        G1Affine p = ReadG1(padded[..64], "point");
        ReadOnlySpan<byte> s = padded[64..];
        Span<ulong> scalar = stackalloc ulong[4];
        for (int i = 0; i < 4; i++)
        {
            scalar[i] = BinaryPrimitives.ReadUInt64BigEndian(s[(24 - 8 * i)..]);
        }
        return WriteG1(G1Jacobian.ScalarMul(in p, scalar).ToAffine());
    }

    /// <summary>0x08: 32 bytes holding 1 if Π e(P_i, Q_i) = 1 (true for empty input), else 0.</summary>
    public static byte[] EcPairing(ReadOnlySpan<byte> input)
    {
        if (input.Length % EcPairingPairLength != 0)
        {
            throw new PrecompileException(PrecompileError.InvalidLength,
                $"ecPairing: input length {input.Length} is not a multiple of {EcPairingPairLength}.");
        }
        int pairs = input.Length / EcPairingPairLength;
        var g1 = new G1Affine[pairs];
        var g2 = new G2Affine[pairs];
        for (int i = 0; i < pairs; i++)
        {
            ReadOnlySpan<byte> chunk = input.Slice(i * EcPairingPairLength, EcPairingPairLength);
            g1[i] = ReadG1(chunk[..64], $"pair {i} G1 point");
            g2[i] = ReadG2(chunk[64..], $"pair {i} G2 point");
        }
        var output = new byte[32];
        output[31] = Pairing.ProductIsOne(g1, g2) ? (byte)1 : (byte)0;
        return output;
    }

    private static void CopyPadded(ReadOnlySpan<byte> input, Span<byte> padded)
    {
        int n = Math.Min(input.Length, padded.Length);
        input[..n].CopyTo(padded);
        padded[n..].Clear();
    }

    private static Fq ReadCoordinate(ReadOnlySpan<byte> word, string what)
    {
        if (!Fq.TryReadBytes(word, ByteOrder.BigEndian, out Fq value))
        {
            throw new PrecompileException(PrecompileError.CoordinateNotInField,
                $"{what} is not below the field modulus p (0x{Convert.ToHexStringLower(word)}).");
        }
        return value;
    }

    private static G1Affine ReadG1(ReadOnlySpan<byte> bytes, string what)
    {
        Fq x = ReadCoordinate(bytes[..32], what + " x");
        Fq y = ReadCoordinate(bytes[32..64], what + " y");
        if (x.IsZero && y.IsZero)
        {
            return G1Affine.Infinity;
        }
        var p = new G1Affine(x, y);
        if (!p.IsOnCurve())
        {
            throw new PrecompileException(PrecompileError.G1NotOnCurve, $"{what} is not on the curve y² = x³ + 3.");
        }
        return p;
    }

    private static G2Affine ReadG2(ReadOnlySpan<byte> bytes, string what)
    {
        Fq xIm = ReadCoordinate(bytes[..32], what + " x (imaginary part)");
        Fq xRe = ReadCoordinate(bytes[32..64], what + " x (real part)");
        Fq yIm = ReadCoordinate(bytes[64..96], what + " y (imaginary part)");
        Fq yRe = ReadCoordinate(bytes[96..128], what + " y (real part)");
        if (xIm.IsZero && xRe.IsZero && yIm.IsZero && yRe.IsZero)
        {
            return G2Affine.Infinity;
        }
        var q = new G2Affine(new Fq2(xRe, xIm), new Fq2(yRe, yIm));
        if (!q.IsOnCurve())
        {
            throw new PrecompileException(PrecompileError.G2NotOnTwist, $"{what} is not on the twist y² = x³ + 3/(9 + u).");
        }
        if (!q.IsInSubgroup())
        {
            throw new PrecompileException(PrecompileError.G2NotInSubgroup, $"{what} is on the twist but not in the order-r subgroup G2.");
        }
        return q;
    }

    private static byte[] WriteG1(in G1Affine p)
    {
        var output = new byte[64];
        if (!p.IsInfinity)
        {
            p.X.WriteBytes(output.AsSpan(0, 32), ByteOrder.BigEndian);
            p.Y.WriteBytes(output.AsSpan(32, 32), ByteOrder.BigEndian);
        }
        return output;
    }
}
