// SPDX-License-Identifier: MIT
using System.Numerics;
using ZkOptions.Field;
using ZkOptions.Field.Hashing;

namespace ZkOptions.Settlement.Hashing;

/// <summary>
/// How settlement values become field elements for hashing: unsigned values as themselves, signed values as
/// their residue mod r (−x is r − x), which the circuits decode with a range check on x + 2^k. Long inputs hash as
/// a Poseidon chain so any length is allowed.
/// </summary>
public static class FieldCodec
{
    /// <summary>A signed integer as its residue mod r.</summary>
    public static Fr Signed(long value) => value >= 0 ? Fr.FromUInt64((ulong)value) : -Fr.FromUInt64((ulong)(-(Int128)value));

    /// <summary>A signed 128-bit integer as its residue mod r.</summary>
    public static Fr Signed(Int128 value) => Fr.FromBigInteger((BigInteger)value);

    /// <summary>A non-negative integer.</summary>
    public static Fr Unsigned(long value)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(value);
        return Fr.FromUInt64((ulong)value);
    }

    /// <summary>
    /// Hashes any number (≥ 1) of elements: Poseidon of them when there are at most 16, otherwise
    /// h = Poseidon(first 16) then h = Poseidon(h, next ≤ 15) until all are absorbed.
    /// </summary>
    public static Fr HashMany(ReadOnlySpan<Fr> values)
    {
        if (values.IsEmpty)
        {
            throw new ArgumentException("nothing to hash", nameof(values));
        }
        int first = Math.Min(16, values.Length);
        Fr h = Poseidon.Hash(values[..first]);
        Span<Fr> chunk = stackalloc Fr[16];
        for (int i = first; i < values.Length; i += 15)
        {
            int n = Math.Min(15, values.Length - i);
            chunk[0] = h;
            values.Slice(i, n).CopyTo(chunk[1..]);
            h = Poseidon.Hash(chunk[..(n + 1)]);
        }
        return h;
    }
}
