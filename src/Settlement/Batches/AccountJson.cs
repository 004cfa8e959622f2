// SPDX-License-Identifier: MIT
using System.Globalization;
using System.Numerics;
using System.Text.Json.Nodes;
using ZkOptions.Field.Hashing;
using ZkOptions.Settlement.State;

namespace ZkOptions.Settlement.Batches;

/// <summary>An account leaf's preimage and Merkle proofs as JSON (batch witnesses and state files).</summary>
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

    /// <summary>A Merkle proof as an array of sibling groups, leaf level first.</summary>
    public static JsonArray Proof(MerkleProof proof) =>
        new(proof.Siblings.Select(level => (JsonNode)new JsonArray(level.Select(s => (JsonNode)JsonValue.Create(s.ToString())).ToArray())).ToArray());

    /// <summary>An L1 address as 0x + 40 hex digits.</summary>
    public static string Address(BigInteger a) => "0x" + a.ToString("x40", CultureInfo.InvariantCulture)[^40..];
}
