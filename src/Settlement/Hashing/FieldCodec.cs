// SPDX-License-Identifier: MIT
using System.Numerics;
using ZkOptions.Field;
using ZkOptions.Field.Hashing;

namespace ZkOptions.Settlement.Hashing;

/// <summary>
/// How settlement values become field elements for hashing: unsigned values as themselves, signed values as
/// their residue mod r (−x is r − x), which the circuits decode with a range check on x + 2^k. Inputs of any length
/// hash with the Poseidon sponge.
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
    /// Hashes any number (≥ 1) of elements: the width-5 Poseidon sponge (<see cref="PoseidonSponge"/>), whose
    /// permutations are the cheapest the circuits have.
    /// </summary>
    public static Fr HashMany(ReadOnlySpan<Fr> values) => PoseidonSponge.Hash(values);
}
