// SPDX-License-Identifier: MIT
using System.Numerics;
using ZkOptions.Field;
using ZkOptions.Field.Hashing;
using ZkOptions.Settlement.Hashing;
using ZkOptions.Settlement.Numbers;

namespace ZkOptions.Settlement.State;

/// <summary>
/// Money leaving the rollup: the L1 contract credits <see cref="Amount"/> to <see cref="Recipient"/> for pull-based
/// withdrawal. A batch's exit commitment is the chain <c>e₀ = 0, eᵢ₊₁ = Poseidon(eᵢ, account, recipient, amount)</c>.
/// </summary>
public sealed record ExitRecord(long Account, BigInteger Recipient, Usd Amount)
{
    /// <summary>The exit chain after appending this record to <paramref name="previous"/>.</summary>
    public Fr Chain(Fr previous) => Poseidon.Hash(previous, FieldCodec.Unsigned(Account), Fr.FromBigInteger(Recipient), FieldCodec.Unsigned(Amount.Micros));
}
