// SPDX-License-Identifier: MIT
using System.Globalization;
using System.Numerics;
using System.Text.Json;
using System.Text.Json.Nodes;
using ZkOptions.Field.Encoding;
using ZkOptions.Field;
using ZkOptions.Settlement.Numbers;

namespace ZkOptions.Settlement.Serialization;

/// <summary>
/// Strict readers for the fields of settlement JSON files. Every failure is a <see cref="SettlementInputException"/>
/// naming the file and the field's JSON path. Integers are accepted as JSON numbers or decimal strings (batch
/// files write strings, so values above 2^53 survive JavaScript tools).
/// </summary>
public sealed class JsonFields(string source)
{
    /// <summary>The file name used in messages.</summary>
    public string Source { get; } = source;

    /// <summary>The text of the file at <paramref name="path"/>; an unreadable file is a <see cref="SettlementInputException"/>.</summary>
    public static string ReadText(string path)
    {
        try
        {
            return File.ReadAllText(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new SettlementInputException(path, $"cannot open: {e.Message}");
        }
    }

    /// <summary>Parses a whole file's text into an object.</summary>
    public JsonObject ParseObject(string text)
    {
        JsonNode? node;
        try
        {
            node = StrictJson.Parse(text);
        }
        catch (JsonException e)
        {
            throw Fail($"not valid JSON ({e.Message})");
        }
        return node as JsonObject ?? throw Fail("the top level must be a JSON object");
    }

    /// <summary>
    /// Fails when an object under <paramref name="node"/> has a property twice. A tree parsed elsewhere may hold
    /// duplicates, and <see cref="JsonObject"/> throws a bare <see cref="ArgumentException"/> on first reading one.
    /// </summary>
    public void RequireUniqueProperties(JsonNode? node)
    {
        switch (node)
        {
            case JsonObject o:
                List<JsonNode?> children;
                try
                {
                    children = [.. o.Select(kv => kv.Value)];
                }
                catch (ArgumentException)
                {
                    throw Fail($"{(PathOf(o) is { Length: > 0 } at ? at : "the top-level object")} has a property twice");
                }
                children.ForEach(RequireUniqueProperties);
                break;
            case JsonArray a:
                foreach (JsonNode? child in a)
                {
                    RequireUniqueProperties(child);
                }
                break;
        }
    }

    /// <summary>An error for this file.</summary>
    public SettlementInputException Fail(string problem) => new(Source, problem);

    /// <summary>The object at <paramref name="name"/>.</summary>
    public JsonObject Object(JsonObject parent, string name) =>
        Required(parent, name) as JsonObject ?? throw Fail($"{Path(parent, name)} must be an object");

    /// <summary>The array at <paramref name="name"/>.</summary>
    public JsonArray Array(JsonObject parent, string name) =>
        Required(parent, name) as JsonArray ?? throw Fail($"{Path(parent, name)} must be an array");

    /// <summary>The array at <paramref name="name"/>, or empty when absent.</summary>
    public JsonArray OptionalArray(JsonObject parent, string name) =>
        parent[name] is null ? [] : Array(parent, name);

    /// <summary>A string.</summary>
    public string String(JsonObject parent, string name)
    {
        JsonNode n = Required(parent, name);
        if (n is JsonValue v && v.TryGetValue(out string? s))
        {
            return s;
        }
        throw Fail($"{Path(parent, name)} must be a string");
    }

    /// <summary>A string, or null when absent.</summary>
    public string? OptionalString(JsonObject parent, string name) => parent[name] is null ? null : String(parent, name);

    /// <summary>A boolean.</summary>
    public bool Bool(JsonObject parent, string name)
    {
        JsonNode n = Required(parent, name);
        if (n is JsonValue v && v.TryGetValue(out bool b))
        {
            return b;
        }
        throw Fail($"{Path(parent, name)} must be true or false");
    }

    /// <summary>An integer in [min, max], as a JSON integer or a decimal string.</summary>
    public long Long(JsonObject parent, string name, long min = long.MinValue, long max = long.MaxValue) =>
        Long(Required(parent, name), Path(parent, name), min, max);

    /// <summary>An optional integer with a default.</summary>
    public long OptionalLong(JsonObject parent, string name, long fallback, long min = long.MinValue, long max = long.MaxValue) =>
        parent[name] is null ? fallback : Long(parent, name, min, max);

    /// <summary>An integer node (array element or field) in [min, max].</summary>
    public long Long(JsonNode? node, string path, long min = long.MinValue, long max = long.MaxValue)
    {
        long value;
        if (node is JsonValue v && v.TryGetValue(out long l))
        {
            value = l;
        }
        else if (node is JsonValue n && n.TryGetValue(out int i))
        {
            value = i; // a node built in memory from an int (JsonValue.Create(int)) does not convert to long
        }
        else if (node is JsonValue s && s.TryGetValue(out string? text)
                 && long.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out long parsed))
        {
            value = parsed;
        }
        else
        {
            throw Fail($"{path} must be an integer (a JSON number or a decimal string)");
        }
        if (value < min || value > max)
        {
            throw Fail($"{path} = {value} is out of range [{min}, {max}]");
        }
        return value;
    }

    /// <summary>A finite floating-point number (market data only; never a state transition).</summary>
    public double Double(JsonObject parent, string name, double min = double.MinValue, double max = double.MaxValue)
    {
        JsonNode n = Required(parent, name);
        if (n is JsonValue v && v.TryGetValue(out double d) && double.IsFinite(d))
        {
            if (d < min || d > max)
            {
                throw Fail($"{Path(parent, name)} = {d.ToString(CultureInfo.InvariantCulture)} is out of range [{min.ToString(CultureInfo.InvariantCulture)}, {max.ToString(CultureInfo.InvariantCulture)}]");
            }
            return d;
        }
        throw Fail($"{Path(parent, name)} must be a finite number");
    }

    /// <summary>Micro-dollars.</summary>
    public Usd Usd(JsonObject parent, string name, long min = long.MinValue) => new(Long(parent, name, min));

    /// <summary>1e-4 contracts.</summary>
    public Quantity Quantity(JsonObject parent, string name) =>
        new(Long(parent, name, -Numbers.Quantity.MaxUnits, Numbers.Quantity.MaxUnits));

    /// <summary>A field element as a canonical decimal string.</summary>
    public Fr FieldElement(JsonObject parent, string name)
    {
        string s = String(parent, name);
        if (!Fr.TryParse(s, out Fr r))
        {
            throw Fail($"{Path(parent, name)} = '{Shorten(s)}' is not a canonical decimal field element (< r)");
        }
        return r;
    }

    /// <summary>A non-negative big integer as a decimal string (e.g. an EdDSA S).</summary>
    public BigInteger BigInteger(JsonObject parent, string name)
    {
        string s = String(parent, name);
        if (!System.Numerics.BigInteger.TryParse(s, NumberStyles.None, CultureInfo.InvariantCulture, out BigInteger v))
        {
            throw Fail($"{Path(parent, name)} = '{Shorten(s)}' is not a non-negative decimal integer");
        }
        return v;
    }

    /// <summary>A signed 128-bit integer as a JSON integer or a decimal string (exact risk sums).</summary>
    public Int128 Int128(JsonObject parent, string name) => Int128(Required(parent, name), Path(parent, name));

    /// <summary>A signed 128-bit integer node (array element or field).</summary>
    public Int128 Int128(JsonNode? node, string path)
    {
        if (node is JsonValue v && v.TryGetValue(out long l))
        {
            return l;
        }
        if (node is JsonValue s && s.TryGetValue(out string? text)
            && System.Int128.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out Int128 parsed))
        {
            return parsed;
        }
        throw Fail($"{path} must be a 128-bit integer (a decimal string)");
    }

    /// <summary>A field element node (array element) as a canonical decimal string.</summary>
    public Fr FieldElement(JsonNode? node, string path)
    {
        if (node is JsonValue v && v.TryGetValue(out string? s))
        {
            return Fr.TryParse(s, out Fr r) ? r : throw Fail($"{path} = '{Shorten(s)}' is not a canonical decimal field element (< r)");
        }
        throw Fail($"{path} must be a string (a decimal field element)");
    }

    /// <summary>An L1 address: 0x and 40 hex digits.</summary>
    public BigInteger Address(JsonObject parent, string name)
    {
        string s = String(parent, name);
        if (s.Length != 42 || !s.StartsWith("0x", StringComparison.Ordinal) || !s.Skip(2).All(char.IsAsciiHexDigit)
            || !System.Numerics.BigInteger.TryParse("0" + s[2..], NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out BigInteger a))
        {
            throw Fail($"{Path(parent, name)} = '{Shorten(s)}' is not an address (0x and 40 hex digits)");
        }
        return a;
    }

    /// <summary>The object at index <paramref name="i"/> of <paramref name="array"/>.</summary>
    public JsonObject Object(JsonArray array, int i) =>
        array[i] as JsonObject ?? throw Fail($"{PathOf(array)}[{i}] must be an object");

    /// <summary>The array at index <paramref name="i"/> of <paramref name="array"/>.</summary>
    public JsonArray Array(JsonArray array, int i) =>
        array[i] as JsonArray ?? throw Fail($"{PathOf(array)}[{i}] must be an array");

    /// <summary>The path of <paramref name="node"/> as messages write it (<c>transactions[3].maker</c>; empty for the root).</summary>
    public static string PathOf(JsonNode node)
    {
        string p = node.GetPath();
        return p == "$" ? "" : p[2..];
    }

    /// <summary><paramref name="relative"/> under <paramref name="node"/> as messages write it.</summary>
    public static string PathOf(JsonNode node, string relative)
    {
        string p = PathOf(node);
        return p.Length == 0 ? relative : relative.StartsWith('[') ? p + relative : $"{p}.{relative}";
    }

    private JsonNode Required(JsonObject parent, string name) =>
        parent[name] ?? throw Fail($"{Path(parent, name)} is missing");

    private static string Path(JsonObject parent, string name) => PathOf(parent, name);

    private static string Shorten(string s) => s.Length <= 80 ? s : s[..80] + "…";
}
