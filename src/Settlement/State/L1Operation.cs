// SPDX-License-Identifier: MIT
using System.Numerics;
using ZkOptions.Field;
using ZkOptions.Field.BabyJubjub;
using ZkOptions.Field.Hashing;
using ZkOptions.Settlement.Hashing;
using ZkOptions.Settlement.Numbers;

namespace ZkOptions.Settlement.State;

/// <summary>What an L1 queue entry asks for.</summary>
public enum L1OperationKind
{
    /// <summary>Credit collateral (creating the account with the given key and owner if the index is unused).</summary>
    Deposit = 1,

    /// <summary>Withdraw to the owner without an L2 signature; a no-op if it is not allowed.</summary>
    ForcedWithdraw = 2,
}

/// <summary>
/// An entry of the L1 contract's queue. Its hash is <c>Poseidon(kind, account, owner, amount, pubKey.x, pubKey.y)</c>
/// (forced withdrawals carry the identity point (0, 1) as key), and the queue is the chain
/// <c>h₀ = 0, hᵢ₊₁ = Poseidon(hᵢ, opHashᵢ)</c>, which the contract and the circuit both compute.
/// </summary>
public sealed record L1Operation(L1OperationKind Kind, long Account, BigInteger Owner, Usd Amount, BabyJubjubPoint PublicKey)
{
    /// <summary>
    /// The largest amount an L1 entry may carry: 2^62 − 1 micro-USD. <see cref="L1Queue"/> refuses larger entries, and
    /// the contract's <c>MAX_AMOUNT</c> is the same bound, so every entry the contract queues can be consumed.
    /// </summary>
    public static readonly BigInteger MaxAmount = (BigInteger.One << 62) - 1;

    /// <summary>The entry's hash.</summary>
    public Fr Hash() => Poseidon.Hash(
        FieldCodec.Unsigned((long)Kind), FieldCodec.Unsigned(Account), Fr.FromBigInteger(Owner), FieldCodec.Unsigned(Amount.Micros),
        PublicKey.X, PublicKey.Y);

    /// <summary>The queue hash after appending an entry with hash <paramref name="opHash"/>.</summary>
    public static Fr Chain(Fr previous, Fr opHash) => Poseidon.Hash(previous, opHash);
}
