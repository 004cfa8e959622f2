// SPDX-License-Identifier: MIT
using System.Buffers.Binary;
using System.Numerics;
using System.Runtime.CompilerServices;

namespace ZkOptions.Field.BabyJubjub;

/// <summary>
/// An unsigned integer below 2^256 as four little-endian 64-bit limbs: the scalars of BabyJubjub's signing and
/// verification, where <see cref="BigInteger"/> would allocate and dispatch on every operation. Not reduced mod
/// anything; <see cref="SubgroupScalar"/> does the arithmetic mod l.
/// </summary>
internal readonly struct Scalar256 : IEquatable<Scalar256>
{
    public const int BitCount = 256;

    public readonly ulong L0, L1, L2, L3;

    public Scalar256(ulong l0, ulong l1, ulong l2, ulong l3)
    {
        L0 = l0; L1 = l1; L2 = l2; L3 = l3;
    }

    public static Scalar256 Zero => default;

    public bool IsZero => (L0 | L1 | L2 | L3) == 0;

    /// <summary>The canonical value of a field element, in [0, r).</summary>
    public static Scalar256 FromFr(in Fr value)
    {
        value.ToCanonicalLimbs(out ulong l0, out ulong l1, out ulong l2, out ulong l3);
        return new Scalar256(l0, l1, l2, l3);
    }

    /// <summary>Reads 32 bytes as a little-endian integer (the byte order of circomlibjs's scalars).</summary>
    public static Scalar256 FromLittleEndian(ReadOnlySpan<byte> bytes32) => new(
        BinaryPrimitives.ReadUInt64LittleEndian(bytes32),
        BinaryPrimitives.ReadUInt64LittleEndian(bytes32[8..]),
        BinaryPrimitives.ReadUInt64LittleEndian(bytes32[16..]),
        BinaryPrimitives.ReadUInt64LittleEndian(bytes32[24..]));

    /// <summary>False for a negative value or one of 2^256 or more; otherwise the value as limbs.</summary>
    public static bool TryFromBigInteger(BigInteger value, out Scalar256 scalar)
    {
        Span<byte> bytes = stackalloc byte[32];
        bytes.Clear();
        if (value.Sign < 0 || !value.TryWriteBytes(bytes, out _, isUnsigned: true, isBigEndian: false))
        {
            scalar = default;
            return false;
        }
        scalar = FromLittleEndian(bytes);
        return true;
    }

    public BigInteger ToBigInteger()
    {
        Span<byte> bytes = stackalloc byte[32];
        BinaryPrimitives.WriteUInt64LittleEndian(bytes, L0);
        BinaryPrimitives.WriteUInt64LittleEndian(bytes[8..], L1);
        BinaryPrimitives.WriteUInt64LittleEndian(bytes[16..], L2);
        BinaryPrimitives.WriteUInt64LittleEndian(bytes[24..], L3);
        return new BigInteger(bytes, isUnsigned: true, isBigEndian: false);
    }

    /// <summary>True when a &lt; b as integers.</summary>
    public static bool LessThan(in Scalar256 a, in Scalar256 b)
    {
        if (a.L3 != b.L3)
        {
            return a.L3 < b.L3;
        }
        if (a.L2 != b.L2)
        {
            return a.L2 < b.L2;
        }
        if (a.L1 != b.L1)
        {
            return a.L1 < b.L1;
        }
        return a.L0 < b.L0;
    }

    /// <summary>this >> <paramref name="shift"/> for 0 &lt; shift &lt; 64.</summary>
    public Scalar256 ShiftRight(int shift) => new(
        (L0 >> shift) | (L1 << (64 - shift)),
        (L1 >> shift) | (L2 << (64 - shift)),
        (L2 >> shift) | (L3 << (64 - shift)),
        L3 >> shift);

    /// <summary>
    /// The <paramref name="count"/> bits (1 … 32) starting at bit <paramref name="position"/>, as an integer; bits at
    /// 256 and above read as 0, which lets digit recodings run one window past the top.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public uint Bits(int position, int count)
    {
        if (position >= BitCount)
        {
            return 0;
        }
        int limb = position >> 6;
        int offset = position & 63;
        ulong word = Limb(limb) >> offset;
        if (offset + count > 64 && limb < 3)
        {
            word |= Limb(limb + 1) << (64 - offset);
        }
        return (uint)(word & ((1UL << count) - 1));
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private ulong Limb(int index) => index switch
    {
        0 => L0,
        1 => L1,
        2 => L2,
        _ => L3,
    };

    public bool Equals(Scalar256 other) => L0 == other.L0 && L1 == other.L1 && L2 == other.L2 && L3 == other.L3;

    public override bool Equals(object? obj) => obj is Scalar256 other && Equals(other);

    public override int GetHashCode() => HashCode.Combine(L0, L1, L2, L3);

    public override string ToString() => ToBigInteger().ToString(System.Globalization.CultureInfo.InvariantCulture);
}
