// SPDX-License-Identifier: MIT
using System.Globalization;
using System.Text.Json.Nodes;
using ZkOptions.Field.BabyJubjub;
using ZkOptions.Settlement.Instruments;
using ZkOptions.Settlement.Numbers;
using ZkOptions.Settlement.Parameters;
using ZkOptions.Settlement.Serialization;

namespace ZkOptions.Settlement.Risk;

/// <summary>
/// The epoch file (<c>zkoptions oracle epoch --out</c>, and the epochs inside scenario files): integers as decimal
/// strings of the fixed-point units; <c>seriesRoot</c> and <c>commitment</c> are written for readers and checked
/// against the recomputed values on reading.
/// </summary>
public static class OracleEpochJson
{
    /// <summary>The epoch as a JSON object.</summary>
    public static JsonObject Write(OracleEpoch epoch, ExchangeParameters parameters)
    {
        var spots = new JsonObject();
        foreach (var (id, spot) in epoch.Spots)
        {
            spots[id.ToString(CultureInfo.InvariantCulture)] = spot.ToString();
        }
        var series = new JsonArray();
        foreach (SeriesRisk s in epoch.Series)
        {
            series.Add(new JsonObject
            {
                ["key"] = s.Key.ToString(),
                ["name"] = s.Key.ToDisplay(parameters.UnderlyingName),
                ["mark"] = s.Mark.ToString(),
                ["shortCharge"] = s.ShortCharge.ToString(),
                ["settlementPrice"] = s.SettlementPrice.ToString(),
                ["riskArray"] = new JsonArray(s.RiskArray.Select(v => (JsonNode)JsonValue.Create(v.ToString())).ToArray()),
            });
        }
        var o = new JsonObject
        {
            ["id"] = epoch.Id.ToString(CultureInfo.InvariantCulture),
            ["timestamp"] = epoch.Timestamp.ToString(CultureInfo.InvariantCulture),
            ["spots"] = spots,
            ["series"] = series,
            ["seriesRoot"] = epoch.SeriesTree.Root.ToString(),
            ["commitment"] = epoch.Commitment.ToString(),
        };
        if (epoch.Signature is { } sig)
        {
            o["signature"] = new JsonObject
            {
                ["R8x"] = sig.R8.X.ToString(),
                ["R8y"] = sig.R8.Y.ToString(),
                ["S"] = sig.S.ToString(CultureInfo.InvariantCulture),
            };
        }
        return o;
    }

    /// <summary>Reads an epoch object, validating every field; errors name <paramref name="json"/>'s source.</summary>
    public static OracleEpoch Read(JsonObject o, JsonFields json, ExchangeParameters parameters)
    {
        long id = json.Long(o, "id", 1);
        long timestamp = json.Long(o, "timestamp", 1, uint.MaxValue);
        var spots = new Dictionary<int, Usd>();
        if (o["spots"] is not null)
        {
            foreach (var (name, node) in json.Object(o, "spots"))
            {
                if (!int.TryParse(name, NumberStyles.None, CultureInfo.InvariantCulture, out int u) || u is < 1 or > 255)
                {
                    throw json.Fail($"{JsonFields.PathOf(o, "spots")}: '{name}' is not an underlying id in [1, 255]");
                }
                spots[u] = new Usd(json.Long(node, JsonFields.PathOf(o, $"spots.{name}"), 1));
            }
        }
        var series = new List<SeriesRisk>();
        JsonArray arr = json.Array(o, "series");
        for (int i = 0; i < arr.Count; i++)
        {
            JsonObject s = json.Object(arr, i);
            SeriesKey key;
            try
            {
                key = SeriesKey.Parse(json.String(s, "key"));
            }
            catch (FormatException e)
            {
                throw json.Fail($"{JsonFields.PathOf(s, "key")}: {e.Message}");
            }
            JsonArray ra = json.Array(s, "riskArray");
            if (ra.Count != parameters.ScenarioCount)
            {
                throw json.Fail($"{JsonFields.PathOf(ra)} has {ra.Count} values; the exchange uses {parameters.ScenarioCount} scenarios");
            }
            var values = new Usd[ra.Count];
            for (int j = 0; j < ra.Count; j++)
            {
                values[j] = new Usd(json.Long(ra[j], JsonFields.PathOf(ra, $"[{j}]"), -(1L << 62), 1L << 62));
            }
            series.Add(new SeriesRisk(key,
                new Usd(json.Long(s, "mark", 0, 1L << 62)),
                new Usd(json.Long(s, "shortCharge", 0, 1L << 62)),
                new Usd(json.Long(s, "settlementPrice", 0, 1L << 62)),
                values));
        }
        EddsaSignature? signature = null;
        if (o["signature"] is not null)
        {
            JsonObject sig = json.Object(o, "signature");
            signature = new EddsaSignature(
                new BabyJubjubPoint(json.FieldElement(sig, "R8x"), json.FieldElement(sig, "R8y")),
                json.BigInteger(sig, "S"));
        }
        OracleEpoch epoch;
        try
        {
            epoch = new OracleEpoch(id, timestamp, spots, series, parameters.ScenarioCount, parameters.SeriesTreeDepth, signature);
        }
        catch (ArgumentException e)
        {
            throw json.Fail(JsonFields.PathOf(o) is { Length: > 0 } at ? $"{at}: {e.Message}" : e.Message);
        }
        if (json.OptionalString(o, "commitment") is { } c && c != epoch.Commitment.ToString())
        {
            throw json.Fail($"{JsonFields.PathOf(o, "commitment")} {c} does not match the epoch's data (recomputed {epoch.Commitment})");
        }
        return epoch;
    }
}
