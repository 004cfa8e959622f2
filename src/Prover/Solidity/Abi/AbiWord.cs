// SPDX-License-Identifier: MIT
using System.Numerics;

namespace ZkOptions.Prover.Solidity.Abi;

/// <summary>Conversions between integers and 32-byte big-endian two's-complement ABI words.</summary>
internal static class AbiWord
{
    public const int Size = 32;

    public static readonly BigInteger TwoTo256 = BigInteger.One << 256;

    /// <summary>Writes <paramref name="value"/> (which must lie in [-2^255, 2^256)) as one word.</summary>
    public static void Write(BigInteger value, Span<byte> word)
    {
        if (value.Sign < 0)
        {
            value += TwoTo256;
        }
        word[..Size].Clear();
        int count = value.GetByteCount(isUnsigned: true);
        value.TryWriteBytes(word.Slice(Size - count, count), out _, isUnsigned: true, isBigEndian: true);
    }

    /// <summary>Reads one word as an unsigned 256-bit integer.</summary>
    public static BigInteger ReadUnsigned(ReadOnlySpan<byte> word) => new(word[..Size], isUnsigned: true, isBigEndian: true);

    /// <summary>Reads one word as a signed (two's complement) 256-bit integer.</summary>
    public static BigInteger ReadSigned(ReadOnlySpan<byte> word) => new(word[..Size], isUnsigned: false, isBigEndian: true);
}
