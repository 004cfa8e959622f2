// SPDX-License-Identifier: MIT
using System.Globalization;
using System.Text.Json.Nodes;
using ZkOptions.Field;
using ZkOptions.Field.BabyJubjub;
using ZkOptions.Settlement.Batches;
using ZkOptions.Settlement.Numbers;
using ZkOptions.Settlement.Parameters;
using ZkOptions.Settlement.Serialization;

namespace ZkOptions.Settlement.Orders;

/// <summary>
/// A signed order as JSON, the one layout batch files and the sequencer's API share: account, series (packed decimal),
/// side ("buy" | "sell"), limitPrice (micro-USD), amount (1e-4 contracts), storageId, validUntil, maxFee (ppm),
/// chainId, hash (the signed message) and signature {R8x, R8y, S}; integers as decimal strings.
/// </summary>
public static class SignedOrderJson
{
    /// <summary>The order's JSON; <paramref name="hash"/> is the order's hash when the caller has it already.</summary>
    public static JsonObject Write(SignedOrder o, Fr? hash = null) => new()
    {
        ["account"] = S(o.Order.Account),
        ["series"] = o.Order.Series.ToString(),
        ["side"] = o.Order.Side == Side.Buy ? "buy" : "sell",
        ["limitPrice"] = o.Order.LimitPrice.ToString(),
        ["amount"] = o.Order.Amount.ToString(),
        ["storageId"] = S(o.Order.StorageId),
        ["validUntil"] = S(o.Order.ValidUntil),
        ["maxFee"] = o.Order.MaxFee.ToString(),
        ["chainId"] = S(o.Order.ChainId),
        ["hash"] = (hash ?? o.Order.Hash()).ToString(),
        ["signature"] = Signature(o.Signature),
    };

    /// <summary>An EdDSA signature's JSON: R8x, R8y, S as decimal strings.</summary>
    public static JsonObject Signature(EddsaSignature s) => new()
    {
        ["R8x"] = s.R8.X.ToString(), ["R8y"] = s.R8.Y.ToString(), ["S"] = s.S.ToString(CultureInfo.InvariantCulture),
    };

    /// <summary>
    /// Reads an order, validating every field's form and range (not the signature, not the exchange's rules). The
    /// hash is required when <paramref name="requireHash"/> and must then be the hash of the fields; otherwise it may
    /// be left out. Problems are <see cref="SettlementInputException"/>s naming the JSON path.
    /// </summary>
    public static SignedOrder Read(JsonObject o, JsonFields json, ExchangeParameters p, bool requireHash = true)
    {
        string side = json.String(o, "side");
        Expect(json, side is "buy" or "sell", o, "side", $"'{side}' must be \"buy\" or \"sell\"");
        var order = new Order(json.Long(o, "account", 0, p.AccountCapacity - 1), AccountJson.ReadSeriesKey(json, o, "series"),
            side == "buy" ? Side.Buy : Side.Sell, new Usd(json.Long(o, "limitPrice", 0)), new Quantity(json.Long(o, "amount", 0, Quantity.MaxUnits)),
            json.Long(o, "storageId", 0), json.Long(o, "validUntil", 0), new Ppm(json.Long(o, "maxFee", 0)), json.Long(o, "chainId", 0));
        if (requireHash || o["hash"] is not null)
        {
            Fr hash = json.FieldElement(o, "hash");
            Fr computed = order.Hash(); // once (a Poseidon sponge): the message names it only when it differs
            if (hash != computed)
            {
                Expect(json, false, o, "hash", $"is not the hash of the order's fields ({computed})");
            }
        }
        return new SignedOrder(order, ReadSignature(json.Object(o, "signature"), json));
    }

    /// <summary>Reads a signature {R8x, R8y, S}; S must be below the subgroup order.</summary>
    public static EddsaSignature ReadSignature(JsonObject s, JsonFields json)
    {
        var sig = new EddsaSignature(new BabyJubjubPoint(json.FieldElement(s, "R8x"), json.FieldElement(s, "R8y")), json.BigInteger(s, "S"));
        Expect(json, sig.S < BabyJubjub.SubgroupOrder, s, "S", "must be below the subgroup order l");
        return sig;
    }

    private static JsonNode S(long v) => JsonValue.Create(v.ToString(CultureInfo.InvariantCulture));

    private static void Expect(JsonFields json, bool ok, JsonObject parent, string name, string problem)
    {
        if (!ok)
        {
            throw json.Fail($"{JsonFields.PathOf(parent, name)} {problem}");
        }
    }
}
