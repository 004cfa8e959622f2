// SPDX-License-Identifier: MIT
using System.Text.Json.Nodes;
using ZkOptions.Settlement.Instruments;
using ZkOptions.Settlement.Numbers;
using ZkOptions.Settlement.Parameters;
using ZkOptions.Settlement.Pricing;
using ZkOptions.Settlement.Serialization;

namespace ZkOptions.Settlement.Oracle;

/// <summary>
/// Reads the market file of <c>zkoptions oracle epoch --market</c>. Every problem is a
/// <see cref="SettlementInputException"/> naming the file and the JSON path of the field.
/// </summary>
/// <remarks>
/// <code>
/// {
///   "epoch": "7",                       // ≥ 1 (number or decimal string)
///   "timestamp": "1767225600",          // valuation time, unix seconds
///   "underlyings": [{
///     "id": 1,                          // 1 … 255, distinct (and known to the exchange parameters when given)
///     "spot": "95000",                  // dollars, decimal string, ≤ 6 decimals, &gt; 0
///     "rate": 0.04,                     // continuously compounded, per year, in [−1, 1]
///     "shortChargeRate": 0.02,          // optional (default 0.02), in [0, 1], ≤ 6 decimals
///     "expiries": [{
///       "expiry": "1769155200",         // unix seconds, distinct
///       "svi": {"a":0.004,"b":0.03,"rho":-0.35,"m":0.02,"sigma":0.12},   // required while live
///       "settlementPrice": "94000"      // dollars; required once expiry ≤ timestamp, refused before
///     }],
///     "series": [{"expiry": "1769155200", "strike": "100000", "type": "call"}]   // strike in dollars, ≤ 8 decimals
///   }]
/// }
/// </code>
/// Each live smile must be in the raw-SVI domain and pass the butterfly check, and the live smiles of an underlying
/// must pass the calendar check (<see cref="SviArbitrage"/>, default grid). Each series' expiry must be listed, and
/// series must be distinct. Unknown fields are ignored.
/// </remarks>
public static class MarketDataJson
{
    /// <summary>Reads and validates the market file at <paramref name="path"/>.</summary>
    public static MarketData Read(string path, ExchangeParameters? parameters = null)
    {
        return Parse(JsonFields.ReadText(path), path, parameters);
    }

    /// <summary>Parses and validates market JSON text; <paramref name="source"/> names it in errors.</summary>
    public static MarketData Parse(string text, string source = "inline", ExchangeParameters? parameters = null)
    {
        var json = new JsonFields(source);
        JsonObject root = json.ParseObject(text);
        long epoch = json.Long(root, "epoch", 1);
        long timestamp = json.Long(root, "timestamp", 1, uint.MaxValue);
        JsonArray array = json.Array(root, "underlyings");
        if (array.Count == 0)
        {
            throw json.Fail("underlyings must list at least one underlying");
        }
        var underlyings = new List<UnderlyingMarket>();
        var ids = new HashSet<int>();
        for (int i = 0; i < array.Count; i++)
        {
            JsonObject u = array[i] as JsonObject ?? throw json.Fail($"underlyings[{i}] must be an object");
            UnderlyingMarket market = ReadUnderlying(json, u, $"underlyings[{i}]", timestamp, parameters);
            if (!ids.Add(market.Id))
            {
                throw json.Fail($"underlyings[{i}].id: underlying {market.Id} is listed twice");
            }
            underlyings.Add(market);
        }
        var data = new MarketData(epoch, timestamp, underlyings);
        if (parameters is not null && data.SeriesCount > 1L << (2 * parameters.SeriesTreeDepth))
        {
            throw json.Fail($"{data.SeriesCount} series do not fit the series tree (depth {parameters.SeriesTreeDepth}: at most {1L << (2 * parameters.SeriesTreeDepth)})");
        }
        return data;
    }

    private static UnderlyingMarket ReadUnderlying(JsonFields json, JsonObject u, string where, long timestamp, ExchangeParameters? parameters)
    {
        int id = (int)json.Long(u, "id", 1, 255);
        if (parameters is not null && !parameters.Underlyings.ContainsKey(id))
        {
            throw json.Fail($"{where}.id: underlying {id} is not one of the exchange's ({string.Join(", ", parameters.Underlyings.Keys.Order())})");
        }
        Usd spot = Dollars(json, u, "spot", where);
        if (spot.Micros <= 0)
        {
            throw json.Fail($"{where}.spot must be > 0");
        }
        double rate = json.Double(u, "rate", -1, 1);
        Ppm shortChargeRate = u["shortChargeRate"] is null ? UnderlyingMarket.DefaultShortChargeRate : Ratio(json, u, "shortChargeRate", where);

        JsonArray expiriesJson = json.Array(u, "expiries");
        if (expiriesJson.Count == 0)
        {
            throw json.Fail($"{where}.expiries must list at least one expiry");
        }
        var expiries = new List<ExpiryMarket>();
        for (int j = 0; j < expiriesJson.Count; j++)
        {
            string at = $"{where}.expiries[{j}]";
            JsonObject e = expiriesJson[j] as JsonObject ?? throw json.Fail($"{at} must be an object");
            long expiry = json.Long(e, "expiry", 1, uint.MaxValue);
            if (expiries.Any(x => x.Expiry == expiry))
            {
                throw json.Fail($"{at}.expiry: {expiry} is listed twice");
            }
            bool expired = expiry <= timestamp;
            SviParameters? svi = null;
            if (e["svi"] is not null)
            {
                svi = ReadSvi(json, json.Object(e, "svi"), $"{at}.svi", checkArbitrage: !expired);
            }
            else if (!expired)
            {
                throw json.Fail($"{at}.svi is missing (expiry {expiry} is after the timestamp {timestamp}, so it needs a smile)");
            }
            Usd? settlement = null;
            if (e["settlementPrice"] is not null)
            {
                if (!expired)
                {
                    throw json.Fail($"{at}.settlementPrice: expiry {expiry} is after the timestamp {timestamp}; only expired expiries settle");
                }
                settlement = Dollars(json, e, "settlementPrice", at);
                if (settlement.Value.Micros <= 0)
                {
                    throw json.Fail($"{at}.settlementPrice must be > 0");
                }
            }
            else if (expired)
            {
                throw json.Fail($"{at}.settlementPrice is missing (expiry {expiry} is at or before the timestamp {timestamp})");
            }
            expiries.Add(new ExpiryMarket(expiry, svi, settlement));
        }
        var live = expiries.Where(x => x.Expiry > timestamp)
            .Select(x => (VolSurface.Years(timestamp, x.Expiry), x.Svi!.Value)).ToArray();
        if (SviArbitrage.CalendarProblem(live) is { } calendar)
        {
            throw json.Fail($"{where}.expiries: {calendar}");
        }

        JsonArray seriesJson = json.Array(u, "series");
        var series = new List<SeriesKey>();
        for (int j = 0; j < seriesJson.Count; j++)
        {
            string at = $"{where}.series[{j}]";
            JsonObject s = seriesJson[j] as JsonObject ?? throw json.Fail($"{at} must be an object");
            long expiry = json.Long(s, "expiry", 1, uint.MaxValue);
            if (!expiries.Any(x => x.Expiry == expiry))
            {
                throw json.Fail($"{at}.expiry: {expiry} is not one of {where}.expiries");
            }
            string strikeText = json.String(s, "strike");
            long strike;
            try
            {
                strike = DecimalText.Parse(strikeText, 8, "a strike in dollars");
            }
            catch (FormatException ex)
            {
                throw json.Fail($"{at}.strike: {ex.Message}");
            }
            if (strike <= 0)
            {
                throw json.Fail($"{at}.strike must be > 0");
            }
            OptionType type = json.String(s, "type") switch
            {
                "call" => OptionType.Call,
                "put" => OptionType.Put,
                string other => throw json.Fail($"{at}.type: '{other}' is not \"call\" or \"put\""),
            };
            var key = new SeriesKey(id, expiry, strike, type);
            if (series.Contains(key))
            {
                throw json.Fail($"{at}: series {key.ToDisplay(parameters is null ? null : parameters.UnderlyingName)} is listed twice");
            }
            series.Add(key);
        }
        return new UnderlyingMarket(id, spot, rate, shortChargeRate, expiries, series);
    }

    private static SviParameters ReadSvi(JsonFields json, JsonObject o, string where, bool checkArbitrage)
    {
        var p = new SviParameters(
            json.Double(o, "a"), json.Double(o, "b"), json.Double(o, "rho"), json.Double(o, "m"), json.Double(o, "sigma"));
        if (p.Problem() is { } domain)
        {
            throw json.Fail($"{where}: {domain}");
        }
        if (checkArbitrage && SviArbitrage.ButterflyProblem(p) is { } butterfly)
        {
            throw json.Fail($"{where}: {butterfly}");
        }
        return p;
    }

    private static Usd Dollars(JsonFields json, JsonObject o, string name, string where)
    {
        string text = json.String(o, name);
        try
        {
            return Usd.ParseDollars(text);
        }
        catch (FormatException e)
        {
            throw json.Fail($"{where}.{name}: {e.Message}");
        }
    }

    /// <summary>A ratio in [0, 1] with at most 6 decimals, as a JSON number or a decimal string, read exactly.</summary>
    private static Ppm Ratio(JsonFields json, JsonObject o, string name, string where)
    {
        JsonNode node = o[name]!;
        string text = node is JsonValue v && v.TryGetValue(out string? s) ? s : node.ToJsonString();
        Ppm ratio;
        try
        {
            ratio = Ppm.Parse(text);
        }
        catch (FormatException e)
        {
            throw json.Fail($"{where}.{name}: {e.Message}");
        }
        if (ratio.Value > Ppm.Scale)
        {
            throw json.Fail($"{where}.{name} = {ratio.ToDecimal()} must be ≤ 1");
        }
        return ratio;
    }
}
