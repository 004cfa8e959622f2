// SPDX-License-Identifier: MIT
using System.Globalization;
using System.Text.Json.Nodes;
using ZkOptions.Field.BabyJubjub;
using ZkOptions.Sequencer.Inputs;
using ZkOptions.Settlement.Batches;
using ZkOptions.Settlement.Numbers;
using ZkOptions.Settlement.Orders;
using ZkOptions.Settlement.Parameters;
using ZkOptions.Settlement.Risk;
using ZkOptions.Settlement.Serialization;
using ZkOptions.Settlement.State;

namespace ZkOptions.Sequencer.Journal;

/// <summary>The journal's payload of each input: compact JSON in the layouts batch files use (orders, epochs).</summary>
public static class InputJson
{
    /// <summary>The payload of <paramref name="input"/>.</summary>
    public static string Write(SequencerInput input, ExchangeParameters p) => (input switch
    {
        SubmitOrder o => Order(o),
        CancelOrder c => new JsonObject { ["account"] = S(c.Account), ["storageId"] = S(c.StorageId) },
        CancelAll c => new JsonObject { ["account"] = S(c.Account), ["upToStorageId"] = S(c.UpToStorageId) },
        ReplaceOrder r => new JsonObject { ["oldStorageId"] = S(r.OldStorageId), ["replacement"] = Order(r.Replacement) },
        PublishEpoch e => OracleEpochJson.Write(e.Epoch, p),
        L1Event l => L1(l),
        CutBatch c => new JsonObject { ["timestamp"] = S(c.Timestamp) },
        _ => throw new ArgumentException($"no journal layout for {input.GetType().Name}", nameof(input)),
    }).ToJsonString();

    /// <summary>Reads a payload the journal holds under <paramref name="kind"/>.</summary>
    public static SequencerInput Read(string kind, string payload, ExchangeParameters p, string source)
    {
        var json = new JsonFields(source);
        JsonObject o = json.ParseObject(payload);
        return kind switch
        {
            "order" => Order(o, json, p),
            "cancel" => new CancelOrder(json.Long(o, "account", 0), json.Long(o, "storageId", 0)),
            "cancelAll" => new CancelAll(json.Long(o, "account", 0), json.Long(o, "upToStorageId", 0)),
            "replace" => new ReplaceOrder(json.Long(o, "oldStorageId", 0), Order(json.Object(o, "replacement"), json, p)),
            "epoch" => new PublishEpoch(OracleEpochJson.Read(o, json, p)),
            "l1" => L1Event(o, json, indexRequired: false),
            "cut" => new CutBatch(json.Long(o, "timestamp", 0)),
            _ => throw json.Fail($"'{kind}' is not a journal input kind"),
        };
    }

    /// <summary>The name the API and the journal use for a time in force.</summary>
    public static string Name(TimeInForce t) => t switch
    {
        TimeInForce.GoodTillCancel => "gtc",
        TimeInForce.ImmediateOrCancel => "ioc",
        TimeInForce.PostOnly => "postOnly",
        _ => throw new ArgumentOutOfRangeException(nameof(t)),
    };

    /// <summary>The time in force named <paramref name="name"/>, or null.</summary>
    public static TimeInForce? ParseTimeInForce(string name) => name switch
    {
        "gtc" => TimeInForce.GoodTillCancel,
        "ioc" => TimeInForce.ImmediateOrCancel,
        "postOnly" => TimeInForce.PostOnly,
        _ => null,
    };

    /// <summary>An L1 operation's JSON: kind ("deposit" | "forcedWithdraw"), account, owner, amount, publicKey {x, y}.</summary>
    public static JsonObject L1(L1Operation op) => new()
    {
        ["kind"] = op.Kind == L1OperationKind.Deposit ? "deposit" : "forcedWithdraw",
        ["account"] = S(op.Account),
        ["owner"] = AccountJson.Address(op.Owner),
        ["amount"] = op.Amount.ToString(),
        ["publicKey"] = new JsonObject { ["x"] = op.PublicKey.X.ToString(), ["y"] = op.PublicKey.Y.ToString() },
    };

    /// <summary>An L1 event's JSON: the operation's fields (<see cref="L1(L1Operation)"/>) and <c>queueIndex</c>.</summary>
    public static JsonObject L1(L1Event e)
    {
        JsonObject o = L1(e.Operation);
        if (e.QueueIndex is long index)
        {
            o["queueIndex"] = S(index);
        }
        return o;
    }

    /// <summary>
    /// Reads an L1 event: the operation and its contract queue index. The API requires the index; the journal reads
    /// entries written before it was recorded (<paramref name="indexRequired"/> false), which carry none.
    /// </summary>
    public static L1Event L1Event(JsonObject o, JsonFields json, bool indexRequired)
    {
        long? index = indexRequired || o["queueIndex"] is not null ? json.Long(o, "queueIndex", 0) : null;
        return new L1Event(L1(o, json), index);
    }

    /// <summary>Reads an L1 operation; a forced withdrawal may leave out the public key (it carries the identity point).</summary>
    public static L1Operation L1(JsonObject o, JsonFields json)
    {
        string kind = json.String(o, "kind");
        if (kind is not ("deposit" or "forcedWithdraw"))
        {
            throw json.Fail($"{JsonFields.PathOf(o, "kind")} '{kind}' must be \"deposit\" or \"forcedWithdraw\"");
        }
        BabyJubjubPoint key = BabyJubjubPoint.Identity;
        if (kind == "deposit" || o["publicKey"] is not null)
        {
            JsonObject k = json.Object(o, "publicKey");
            key = new BabyJubjubPoint(json.FieldElement(k, "x"), json.FieldElement(k, "y"));
            if (!key.IsOnCurve)
            {
                throw json.Fail($"{JsonFields.PathOf(o, "publicKey")} is not a BabyJubjub point");
            }
        }
        return new L1Operation(kind == "deposit" ? L1OperationKind.Deposit : L1OperationKind.ForcedWithdraw,
            json.Long(o, "account", 0), json.Address(o, "owner"), new Usd(json.Long(o, "amount", 0, (1L << 62) - 1)), key);
    }

    /// <summary>An order as the journal writes it: the signed order with its hash, timeInForce and reduceOnly.</summary>
    public static JsonObject Order(SubmitOrder o)
    {
        JsonObject j = SignedOrderJson.Write(o.Order, o.Hash);
        j["timeInForce"] = Name(o.TimeInForce);
        j["reduceOnly"] = o.ReduceOnly;
        return j;
    }

    /// <summary>Reads an order with its optional timeInForce (default "gtc") and reduceOnly (default false).</summary>
    public static SubmitOrder Order(JsonObject o, JsonFields json, ExchangeParameters p, bool requireHash = true)
    {
        SignedOrder signed = SignedOrderJson.Read(o, json, p, requireHash);
        string tif = json.OptionalString(o, "timeInForce") ?? "gtc";
        TimeInForce t = ParseTimeInForce(tif)
            ?? throw json.Fail($"{JsonFields.PathOf(o, "timeInForce")} '{tif}' must be \"gtc\", \"ioc\" or \"postOnly\"");
        bool reduceOnly = o["reduceOnly"] is not null && json.Bool(o, "reduceOnly");
        var submit = new SubmitOrder(signed, t, reduceOnly);
        // A hash the order came with was checked against its fields by the read: kept, not hashed again.
        return o["hash"] is not null ? submit.WithCheckedHash(json.FieldElement(o, "hash")) : submit;
    }

    private static JsonNode S(long v) => JsonValue.Create(v.ToString(CultureInfo.InvariantCulture));
}
