// SPDX-License-Identifier: MIT
using System.Numerics;
using ZkOptions.Field;
using ZkOptions.Field.Hashing;
using ZkOptions.Settlement.Hashing;
using ZkOptions.Settlement.Numbers;

namespace ZkOptions.Settlement.Orders;

/// <summary>
/// The messages an account signs besides orders. Each starts with its own tag and has its own length, so no
/// signature can be replayed as another kind of message.
/// </summary>
public static class SignedMessages
{
    /// <summary>Tag of a withdrawal.</summary>
    public const long WithdrawTag = 1;

    /// <summary>Tag of a liquidation bid.</summary>
    public const long LiquidationBidTag = 2;

    /// <summary>Tag of an off-chain cancel (the sequencer's; no circuit reads it).</summary>
    public const long CancelTag = 3;

    /// <summary>Tag of an off-chain cancel of every order up to a storage id (the sequencer's; no circuit reads it).</summary>
    public const long CancelAllTag = 4;

    /// <summary>Tag of an account stream token (the sequencer's; no circuit reads it).</summary>
    public const long AccountStreamTag = 5;

    /// <summary>
    /// Poseidon(3, account, storageId, chainId): takes the resting order off the book. Replaying it is harmless: a
    /// storage id names one order, which cannot rest again.
    /// </summary>
    public static Fr Cancel(long account, long storageId, long chainId) => Poseidon.Hash(
        FieldCodec.Unsigned(CancelTag), FieldCodec.Unsigned(account), FieldCodec.Unsigned(storageId), FieldCodec.Unsigned(chainId));

    /// <summary>
    /// Poseidon(4, account, upToStorageId, chainId): takes every resting order of the account with a storage id up to
    /// <paramref name="upToStorageId"/> off the book. The bound keeps a replayed cancel-all from touching later orders.
    /// </summary>
    public static Fr CancelAll(long account, long upToStorageId, long chainId) => Poseidon.Hash(
        FieldCodec.Unsigned(CancelAllTag), FieldCodec.Unsigned(account), FieldCodec.Unsigned(upToStorageId), FieldCodec.Unsigned(chainId));

    /// <summary>
    /// Poseidon(5, account, expiresAt, chainId): lets the bearer read the account's order stream until
    /// <paramref name="expiresAt"/> (unix seconds). Its own tag keeps it from ever passing for an instruction.
    /// </summary>
    public static Fr AccountStream(long account, long expiresAt, long chainId) => Poseidon.Hash(
        FieldCodec.Unsigned(AccountStreamTag), FieldCodec.Unsigned(account), FieldCodec.Unsigned(expiresAt), FieldCodec.Unsigned(chainId));

    /// <summary>Poseidon(1, account, amount, recipient, nonce, chainId).</summary>
    public static Fr Withdraw(long account, Usd amount, BigInteger recipient, long nonce, long chainId) => Poseidon.Hash(
        FieldCodec.Unsigned(WithdrawTag), FieldCodec.Unsigned(account), FieldCodec.Unsigned(amount.Micros),
        Fr.FromBigInteger(recipient), FieldCodec.Unsigned(nonce), FieldCodec.Unsigned(chainId));

    /// <summary>Poseidon(2, liquidator, victim, fraction, price, nonce, chainId).</summary>
    public static Fr LiquidationBid(long liquidator, long victim, long fraction, Usd price, long nonce, long chainId) => Poseidon.Hash(
        FieldCodec.Unsigned(LiquidationBidTag), FieldCodec.Unsigned(liquidator), FieldCodec.Unsigned(victim),
        FieldCodec.Unsigned(fraction), FieldCodec.Unsigned(price.Micros), FieldCodec.Unsigned(nonce), FieldCodec.Unsigned(chainId));

    /// <summary>
    /// What the risk oracle signs for an epoch: Poseidon(domain, commitment), where domain is
    /// <see cref="Parameters.ExchangeParameters.OracleDomain"/> (chain id and rollup address), so an epoch signed for
    /// one deployment is no epoch on another. Two inputs and the oracle's own key keep it apart from account messages.
    /// </summary>
    public static Fr OracleEpoch(Fr domain, Fr commitment) => Poseidon.Hash(domain, commitment);
}
