// SPDX-License-Identifier: MIT
using ZkOptions.Field;
using ZkOptions.Field.BabyJubjub;
using ZkOptions.Field.Hashing;
using ZkOptions.Settlement.Hashing;
using ZkOptions.Settlement.Instruments;
using ZkOptions.Settlement.Numbers;

namespace ZkOptions.Settlement.Orders;

/// <summary>
/// A limit order as its owner signs it. The signed message is the width-5 Poseidon sponge
/// (<see cref="PoseidonSponge"/>, as HashMany) of <c>(account, seriesKey, side, limitPrice, amount, storageId,
/// validUntil, maxFee, chainId)</c>, which a circuit checks in a third of the rows of one nine-input Poseidon: limit price
/// in micro-USD per contract, amount in 1e-4 contracts, the storage id choosing the order slot
/// (<c>storageId mod slots</c>), valid-until in unix seconds, and the highest fee rate (ppm of premium) the owner accepts.
/// </summary>
public sealed record Order(
    long Account, SeriesKey Series, Side Side, Usd LimitPrice, Quantity Amount, long StorageId, long ValidUntil, Ppm MaxFee, long ChainId)
{
    /// <summary>The message the owner signs.</summary>
    public Fr Hash() => PoseidonSponge.Hash([.. Fields(), FieldCodec.Unsigned(ChainId)]);

    /// <summary>The signed fields in <see cref="OrderField"/> order (the chain id, hashed after them, is not among them).</summary>
    public Fr[] Fields() =>
    [
        FieldCodec.Unsigned(Account), Series.ToField(), FieldCodec.Unsigned((long)Side), FieldCodec.Unsigned(LimitPrice.Micros),
        FieldCodec.Unsigned(Amount.Units), FieldCodec.Unsigned(StorageId), FieldCodec.Unsigned(ValidUntil), FieldCodec.Unsigned(MaxFee.Value),
    ];

    /// <summary>The order signed with <paramref name="key"/>.</summary>
    public SignedOrder SignWith(EddsaPrivateKey key) => new(this, key.Sign(Hash()));
}

/// <summary>An order and its owner's EdDSA-Poseidon signature over <see cref="Order.Hash"/>.</summary>
public sealed record SignedOrder(Order Order, EddsaSignature Signature);
