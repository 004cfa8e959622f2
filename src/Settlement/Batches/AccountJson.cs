// SPDX-License-Identifier: MIT
using System.Globalization;
using System.Numerics;
using System.Text.Json.Nodes;
using ZkOptions.Field;
using ZkOptions.Field.BabyJubjub;
using ZkOptions.Field.Hashing;
using ZkOptions.Settlement.Instruments;
using ZkOptions.Settlement.Numbers;
using ZkOptions.Settlement.Parameters;
using ZkOptions.Settlement.Serialization;
using ZkOptions.Settlement.State;

namespace ZkOptions.Settlement.Batches;

/// <summary>
/// An account leaf's preimage and Merkle proofs as JSON (batch witnesses and state files). <see cref="Read"/> rebuilds
/// the account, order-fill tree included, and checks it against the <c>orderRoot</c> and <c>leaf</c> written beside it.
/// </summary>
public static class AccountJson
{
    /// <summary>Every field the leaf hashes, plus the used order slots and the leaf itself.</summary>
    public static JsonObject Write(Account a)
    {
        var positions = new JsonArray();
        foreach (PositionSlot p in a.Positions)
        {
            positions.Add(new JsonObject { ["series"] = p.Series?.ToString() ?? "0", ["quantity"] = p.Quantity.ToString() });
        }
        var fills = new JsonArray();
        foreach (var (slot, fill) in a.Fills.OrderBy(kv => kv.Key))
        {
            fills.Add(new JsonObject
            {
                ["slot"] = slot.ToString(CultureInfo.InvariantCulture),
                ["storageId"] = fill.StorageId.ToString(CultureInfo.InvariantCulture),
                ["filled"] = fill.Filled.ToString(),
            });
        }
        return new JsonObject
        {
            ["index"] = a.Index.ToString(CultureInfo.InvariantCulture),
            ["publicKey"] = new JsonObject { ["x"] = a.PublicKey.X.ToString(), ["y"] = a.PublicKey.Y.ToString() },
            ["owner"] = Address(a.Owner),
            ["nonce"] = a.Nonce.ToString(CultureInfo.InvariantCulture),
            ["collateral"] = a.Collateral.ToString(),
            ["liquidationStart"] = a.LiquidationStart.ToString(CultureInfo.InvariantCulture),
            ["positions"] = positions,
            ["orderRoot"] = a.OrderTree.Root.ToString(),
            ["orderSlots"] = fills,
            ["risk"] = new JsonObject
            {
                ["epoch"] = a.Risk.Epoch.ToString(CultureInfo.InvariantCulture),
                ["markSum"] = a.Risk.MarkSum.ToString(CultureInfo.InvariantCulture),
                ["shortSum"] = a.Risk.ShortSum.ToString(CultureInfo.InvariantCulture),
                ["losses"] = new JsonArray(a.Risk.Losses.Select(l => (JsonNode)JsonValue.Create(l.ToString(CultureInfo.InvariantCulture))).ToArray()),
            },
            ["leaf"] = a.LeafHash().ToString(),
        };
    }

    /// <summary>
    /// Reads what <see cref="Write"/> writes, validating every field; the rebuilt account must hash to the written
    /// <c>orderRoot</c> and <c>leaf</c>. Errors are <see cref="SettlementInputException"/>s naming the field's path.
    /// </summary>
    public static Account Read(JsonObject o, JsonFields json, ExchangeParameters p)
    {
        JsonObject key = json.Object(o, "publicKey");
        JsonObject risk = json.Object(o, "risk");
        var a = new Account(json.Long(o, "index", 0, p.AccountCapacity - 1),
            new BabyJubjubPoint(json.FieldElement(key, "x"), json.FieldElement(key, "y")), json.Address(o, "owner"),
            p.PositionSlots, p.ScenarioCount, p.OrderTreeDepth, json.Long(risk, "epoch", 0))
        {
            Nonce = json.Long(o, "nonce", 0),
            Collateral = new Usd(json.Long(o, "collateral")),
            LiquidationStart = json.Long(o, "liquidationStart", 0),
        };
        JsonArray positions = json.Array(o, "positions");
        if (positions.Count != p.PositionSlots)
        {
            throw json.Fail($"{JsonFields.PathOf(positions)} has {positions.Count} slots; the parameters say {p.PositionSlots}");
        }
        for (int i = 0; i < positions.Count; i++)
        {
            JsonObject slot = json.Object(positions, i);
            string series = json.String(slot, "series");
            Quantity q = json.Quantity(slot, "quantity");
            if (series == "0" != q.IsZero)
            {
                throw json.Fail($"{JsonFields.PathOf(slot)}: an empty slot has series 0 and quantity 0, and only an empty slot");
            }
            if (series != "0")
            {
                SeriesKey k = ReadSeriesKey(json, slot, "series");
                if (a.SlotOf(k) >= 0)
                {
                    throw json.Fail($"{JsonFields.PathOf(slot, "series")}: series {k} is already in slot {a.SlotOf(k)}");
                }
                a.Positions[i] = new PositionSlot(k, q);
            }
        }
        JsonArray fills = json.Array(o, "orderSlots");
        long previous = -1;
        for (int i = 0; i < fills.Count; i++)
        {
            JsonObject f = json.Object(fills, i);
            long slot = json.Long(f, "slot", previous + 1, p.OrderSlotCapacity - 1);
            long storageId = json.Long(f, "storageId", 0);
            if (storageId % p.OrderSlotCapacity != slot)
            {
                throw json.Fail($"{JsonFields.PathOf(f, "storageId")} = {storageId} does not belong in slot {slot} (storage id mod {p.OrderSlotCapacity})");
            }
            a.SetFill(slot, new OrderFill(storageId, new Quantity(json.Long(f, "filled", 0, Quantity.MaxUnits))));
            previous = slot;
        }
        a.Risk.MarkSum = json.Int128(risk, "markSum");
        a.Risk.ShortSum = json.Int128(risk, "shortSum");
        JsonArray losses = json.Array(risk, "losses");
        if (losses.Count != p.ScenarioCount)
        {
            throw json.Fail($"{JsonFields.PathOf(losses)} has {losses.Count} values; the exchange uses {p.ScenarioCount} scenarios");
        }
        for (int s = 0; s < losses.Count; s++)
        {
            a.Risk.Losses[s] = json.Int128(losses[s], JsonFields.PathOf(losses, $"[{s}]"));
        }
        Fr orderRoot = json.FieldElement(o, "orderRoot");
        if (orderRoot != a.OrderTree.Root)
        {
            throw json.Fail($"{JsonFields.PathOf(o, "orderRoot")} = {orderRoot} is not the root of the order slots listed ({a.OrderTree.Root})");
        }
        Fr leaf = json.FieldElement(o, "leaf");
        if (leaf != a.LeafHash())
        {
            throw json.Fail($"{JsonFields.PathOf(o, "leaf")} = {leaf} is not the hash of the account written beside it ({a.LeafHash()})");
        }
        return a;
    }

    /// <summary>A Merkle proof of a quaternary tree of <paramref name="depth"/> levels, as <see cref="Proof"/> writes it.</summary>
    public static MerkleProof ReadProof(JsonObject parent, string name, JsonFields json, int depth)
    {
        JsonArray levels = json.Array(parent, name);
        if (levels.Count != depth)
        {
            throw json.Fail($"{JsonFields.PathOf(levels)} has {levels.Count} levels; the tree has {depth}");
        }
        var siblings = new Fr[depth][];
        for (int l = 0; l < depth; l++)
        {
            JsonArray level = json.Array(levels, l);
            if (level.Count != 3)
            {
                throw json.Fail($"{JsonFields.PathOf(level)} has {level.Count} siblings; a quaternary tree has 3 per level");
            }
            siblings[l] = [.. level.Select((n, k) => json.FieldElement(n, JsonFields.PathOf(level, $"[{k}]")))];
        }
        return new MerkleProof(siblings);
    }

    /// <summary>A packed series key written as a decimal string.</summary>
    public static SeriesKey ReadSeriesKey(JsonFields json, JsonObject parent, string name)
    {
        string text = json.String(parent, name);
        try
        {
            return SeriesKey.Parse(text);
        }
        catch (Exception e) when (e is FormatException or ArgumentException)
        {
            throw json.Fail($"{JsonFields.PathOf(parent, name)}: {e.Message}");
        }
    }

    /// <summary>A Merkle proof as an array of sibling groups, leaf level first.</summary>
    public static JsonArray Proof(MerkleProof proof) =>
        new(proof.Siblings.Select(level => (JsonNode)new JsonArray(level.Select(s => (JsonNode)JsonValue.Create(s.ToString())).ToArray())).ToArray());

    /// <summary>An L1 address as 0x + 40 hex digits.</summary>
    public static string Address(BigInteger a) => "0x" + a.ToString("x40", CultureInfo.InvariantCulture)[^40..];
}
