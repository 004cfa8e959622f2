// SPDX-License-Identifier: MIT
using System.Globalization;
using System.Numerics;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using ZkOptions.Field.Encoding;
using ZkOptions.Field;

namespace ZkOptions.Prover.Formats;

/// <summary>
/// JSON text exactly as the snarkjs 0.7.6 CLI writes it, and the shared checks for reading it back.
/// The CLI writes <c>bfj.write(name, stringifyBigInts(x), { space: 1 })</c>: one space of indentation per level,
/// <c>"key": value</c>, every array element and member on its own line, and no newline at the end. It looks
/// like <c>JSON.stringify(x, null, 1)</c> except for empty containers, which bfj writes as <c>[</c>, newline,
/// indentation, <c>]</c> (JSON.stringify writes <c>[]</c>); an empty public.json is therefore <c>"[\n]"</c>.
/// </summary>
internal static class SnarkjsJsonText
{
    /// <summary>The text snarkjs would write for <paramref name="node"/> (strings, integers, arrays, objects).</summary>
    public static string Format(JsonNode node)
    {
        var text = new StringBuilder();
        Append(text, node, 0);
        return text.ToString();
    }

    /// <summary>Parses a whole JSON file; unreadable files and invalid JSON become <see cref="InputFileException"/>.</summary>
    public static JsonNode Load(string path)
    {
        string text;
        try
        {
            text = File.ReadAllText(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new InputFileException(path, $"cannot open: {e.Message}", e);
        }
        try
        {
            // Duplicate members are refused: which of two values a reader would take is not something to guess.
            return StrictJson.Parse(text)
                ?? throw new InputFileException(path, "is the JSON literal null, not a snarkjs file");
        }
        catch (JsonException e)
        {
            throw new InputFileException(path, $"not valid JSON: {e.Message}", e);
        }
    }

    /// <summary>The JSON object at the root, or a clear error naming what the file should have held.</summary>
    public static JsonObject RootObject(string path, JsonNode root, string what) =>
        root as JsonObject ?? throw new InputFileException(path, $"expected a JSON object ({what}), found {Kind(root)}");

    /// <summary>A member that must be present.</summary>
    public static JsonNode Member(string path, JsonObject obj, string name) =>
        obj[name] ?? throw new InputFileException(path, $"\"{name}\" is missing");

    /// <summary>A member that must be the string <paramref name="expected"/> (e.g. protocol "plonk").</summary>
    public static void ExpectString(string path, JsonObject obj, string name, string expected)
    {
        JsonNode node = Member(path, obj, name);
        string? value = node is JsonValue v && v.GetValueKind() == JsonValueKind.String ? v.GetValue<string>() : null;
        if (value != expected)
        {
            string found = value is null ? Kind(node) : $"\"{Shorten(value)}\"";
            throw new InputFileException(path, $"{name} is {found}; expected \"{expected}\"");
        }
    }

    /// <summary>A member that must be a JSON integer in [<paramref name="min"/>, <paramref name="max"/>].</summary>
    public static int Integer(string path, JsonObject obj, string name, int min, int max)
    {
        JsonNode node = Member(path, obj, name);
        if (node is JsonValue v && v.GetValueKind() == JsonValueKind.Number && v.TryGetValue(out int value)
            && value >= min && value <= max)
        {
            return value;
        }
        throw new InputFileException(path, $"{name} must be an integer from {min} to {max}; found {Shorten(node.ToJsonString())}");
    }

    /// <summary>
    /// An element of Fr written as a decimal string. A value ≥ r is an error, never reduced: snarkjs's verifier
    /// and the Solidity verifier disagree on such values (iden3/snarkjs#436).
    /// </summary>
    public static Fr Scalar(string path, JsonNode? node, string name)
    {
        string? text = node is JsonValue v && v.GetValueKind() == JsonValueKind.String ? v.GetValue<string>() : null;
        if (text is null || text.Length == 0 || text.Length > 100 || !text.All(char.IsAsciiDigit))
        {
            string found = text is null ? Kind(node) : $"\"{Shorten(text)}\"";
            throw new InputFileException(path, $"{name} must be a decimal string; found {found}");
        }
        BigInteger value = BigInteger.Parse(text, NumberStyles.None, CultureInfo.InvariantCulture);
        if (value >= Fr.Modulus)
        {
            throw new InputFileException(path, $"{name} is ≥ r (the BN254 scalar field modulus): {Shorten(text)}");
        }
        return Fr.FromBigInteger(value);
    }

    /// <summary>A G1 point member (on the curve; infinity allowed), with errors naming the member.</summary>
    public static G1Affine G1(string path, JsonObject obj, string name)
    {
        try
        {
            return SnarkjsJson.ReadG1(Member(path, obj, name), name);
        }
        catch (EncodingException e)
        {
            throw new InputFileException(path, e.Message, e);
        }
    }

    /// <summary>A G2 point member (on the twist and in the order-r subgroup), with errors naming the member.</summary>
    public static G2Affine G2(string path, JsonObject obj, string name)
    {
        try
        {
            return SnarkjsJson.ReadG2(Member(path, obj, name), name, checkSubgroup: true);
        }
        catch (EncodingException e)
        {
            throw new InputFileException(path, e.Message, e);
        }
    }

    private static string Kind(JsonNode? node) => node switch
    {
        null => "null",
        JsonObject => "an object",
        JsonArray => "an array",
        _ => $"the {node.GetValueKind().ToString().ToLowerInvariant()} {Shorten(node.ToJsonString())}",
    };

    private static string Shorten(string text) => text.Length > 90 ? text[..90] + "…" : text;

    private static void Append(StringBuilder text, JsonNode? node, int depth)
    {
        switch (node)
        {
            case JsonObject obj:
                text.Append('{');
                bool firstMember = true;
                foreach (var (name, value) in obj)
                {
                    text.Append(firstMember ? "\n" : ",\n").Append(' ', depth + 1);
                    AppendString(text, name);
                    text.Append(": ");
                    Append(text, value, depth + 1);
                    firstMember = false;
                }
                text.Append('\n').Append(' ', depth).Append('}');
                break;
            case JsonArray array:
                text.Append('[');
                for (int i = 0; i < array.Count; i++)
                {
                    text.Append(i == 0 ? "\n" : ",\n").Append(' ', depth + 1);
                    Append(text, array[i], depth + 1);
                }
                text.Append('\n').Append(' ', depth).Append(']');
                break;
            case JsonValue value when value.GetValueKind() == JsonValueKind.String:
                AppendString(text, value.GetValue<string>());
                break;
            case JsonValue value when value.GetValueKind() == JsonValueKind.Number:
                text.Append(value.ToJsonString());
                break;
            default:
                throw new ArgumentException($"snarkjs JSON holds strings, integers, arrays and objects; got {Kind(node)}", nameof(node));
        }
    }

    // Only what snarkjs files contain (keys and decimal digits) is written as is; anything else is escaped the
    // way JSON.stringify escapes it.
    private static void AppendString(StringBuilder text, string s)
    {
        text.Append('"');
        foreach (char c in s)
        {
            switch (c)
            {
                case '"': text.Append("\\\""); break;
                case '\\': text.Append("\\\\"); break;
                case '\n': text.Append("\\n"); break;
                case '\r': text.Append("\\r"); break;
                case '\t': text.Append("\\t"); break;
                case '\b': text.Append("\\b"); break;
                case '\f': text.Append("\\f"); break;
                default:
                    if (c < ' ')
                    {
                        text.Append("\\u").Append(((int)c).ToString("x4", CultureInfo.InvariantCulture));
                    }
                    else
                    {
                        text.Append(c);
                    }
                    break;
            }
        }
        text.Append('"');
    }
}
