// SPDX-License-Identifier: MIT
using System.Globalization;
using System.Text.Json.Nodes;
using ZkOptions.Settlement.Batches;
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
            JsonObject a = json.Object(accounts, i);
            if (json.Long(a, "index", 0) == index)
            {
                return (p, epoch, AccountJson.Read(a, json, p));
            }
        }
        throw json.Fail($"account {index} is not in the state ({accounts.Count} accounts)");
    }
}
