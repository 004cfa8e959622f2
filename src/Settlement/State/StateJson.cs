// SPDX-License-Identifier: MIT
using System.Globalization;
using System.Numerics;
using System.Text.Json.Nodes;
using ZkOptions.Field.BabyJubjub;
using ZkOptions.Settlement.Batches;
using ZkOptions.Settlement.Instruments;
using ZkOptions.Settlement.Numbers;
using ZkOptions.Settlement.Parameters;
using ZkOptions.Settlement.Risk;
using ZkOptions.Settlement.Serialization;

namespace ZkOptions.Settlement.State;

/// <summary>
/// A state snapshot file (<c>zkoptions simulate</c> writes <c>state.json</c>; <c>zkoptions margin --state</c> reads
/// it): the parameters, the current epoch, every account's leaf preimage, the L1 queue position and the root.
/// </summary>
public static class StateJson
{
    /// <summary>The snapshot.</summary>
    public static JsonObject Write(RollupState s) => new()
    {
        ["format"] = "zkoptions-state",
        ["version"] = 1,
        ["root"] = s.Root.ToString(),
        ["timestamp"] = s.Timestamp.ToString(CultureInfo.InvariantCulture),
        ["queueConsumed"] = s.QueueConsumed.ToString(CultureInfo.InvariantCulture),
        ["queueHash"] = s.QueueHash.ToString(),
        ["parameters"] = ExchangeParametersJson.Write(s.Parameters),
        ["epoch"] = s.Epoch is null ? null : OracleEpochJson.Write(s.Epoch, s.Parameters),
        ["accounts"] = new JsonArray(s.Accounts.Values.OrderBy(a => a.Index).Select(a => (JsonNode)AccountJson.Write(a)).ToArray()),
    };

    /// <summary>What <c>zkoptions margin</c> needs from a snapshot: parameters, the epoch and one account.</summary>
    public static (ExchangeParameters Parameters, OracleEpoch Epoch, Account Account) ReadAccount(string path, long index)
    {
        var json = new JsonFields(path);
        JsonObject o = json.ParseObject(JsonFields.ReadText(path));
        if (json.OptionalString(o, "format") != "zkoptions-state")
        {
            throw json.Fail("not a zkoptions state file (\"format\" must be \"zkoptions-state\")");
        }
        ExchangeParameters p = ExchangeParametersJson.Read(json.Object(o, "parameters"), json);
        if (o["epoch"] is null)
        {
            throw json.Fail("epoch is missing: no risk epoch has been published in this state, so there is no margin to compute");
        }
        OracleEpoch epoch = OracleEpochJson.Read(json.Object(o, "epoch"), json, p);
        JsonArray accounts = json.Array(o, "accounts");
        for (int i = 0; i < accounts.Count; i++)
        {
            JsonObject a = accounts[i] as JsonObject ?? throw json.Fail($"accounts[{i}] must be an object");
            if (json.Long(a, "index", 0) == index)
            {
                return (p, epoch, ReadAccount(a, json, p));
            }
        }
        throw json.Fail($"account {index} is not in the state ({accounts.Count} accounts)");
    }

    private static Account ReadAccount(JsonObject o, JsonFields json, ExchangeParameters p)
    {
        JsonObject key = json.Object(o, "publicKey");
        string owner = json.String(o, "owner");
        if (!owner.StartsWith("0x", StringComparison.Ordinal) || owner.Length != 42
            || !BigInteger.TryParse("0" + owner[2..], NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out BigInteger ownerValue))
        {
            throw json.Fail($"owner '{owner}' is not a 0x-prefixed 20-byte address");
        }
        JsonObject risk = json.Object(o, "risk");
        var a = new Account(json.Long(o, "index", 0, p.AccountCapacity - 1),
            new BabyJubjubPoint(json.FieldElement(key, "x"), json.FieldElement(key, "y")), ownerValue,
            p.PositionSlots, p.ScenarioCount, p.OrderTreeDepth, json.Long(risk, "epoch", 0))
        {
            Nonce = json.Long(o, "nonce", 0),
            Collateral = new Usd(json.Long(o, "collateral")),
            LiquidationStart = json.Long(o, "liquidationStart", 0),
        };
        JsonArray positions = json.Array(o, "positions");
        if (positions.Count != p.PositionSlots)
        {
            throw json.Fail($"account {a.Index}: {positions.Count} position slots; the parameters say {p.PositionSlots}");
        }
        for (int i = 0; i < positions.Count; i++)
        {
            JsonObject s = positions[i] as JsonObject ?? throw json.Fail($"positions[{i}] must be an object");
            string series = json.String(s, "series");
            Quantity q = json.Quantity(s, "quantity");
            if (series == "0" != q.IsZero)
            {
                throw json.Fail($"account {a.Index} positions[{i}]: an empty slot has series 0 and quantity 0");
            }
            if (series != "0")
            {
                try
                {
                    a.Positions[i] = new PositionSlot(SeriesKey.Parse(series), q);
                }
                catch (FormatException e)
                {
                    throw json.Fail($"account {a.Index} positions[{i}].series: {e.Message}");
                }
            }
        }
        return a;
    }
}
