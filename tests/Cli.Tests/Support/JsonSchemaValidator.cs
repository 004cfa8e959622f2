// SPDX-License-Identifier: MIT
using System.Text.Json;
using System.Text.Json.Nodes;

namespace ZkOptions.Cli.Tests.Support;

/// <summary>
/// A small JSON Schema (draft 2020-12) validator for the keywords docs/schemas uses: type, required, properties,
/// additionalProperties (false or a schema), items, enum, const and oneOf. Any other keyword is reported as an error,
/// so a schema cannot quietly rely on a rule this validator would skip. Annotations ($schema, title, description)
/// are ignored.
/// </summary>
internal static class JsonSchemaValidator
{
    private static readonly HashSet<string> Annotations = ["$schema", "$id", "title", "description", "$comment"];

    /// <summary>Every way <paramref name="instance"/> breaks <paramref name="schema"/>, each with its JSON path; empty when it conforms.</summary>
    public static IReadOnlyList<string> Validate(JsonNode schema, JsonNode? instance)
    {
        var errors = new List<string>();
        Check(schema, instance, "$", errors);
        return errors;
    }

    private static void Check(JsonNode schemaNode, JsonNode? value, string path, List<string> errors)
    {
        if (schemaNode is not JsonObject schema)
        {
            errors.Add($"{path}: the schema is not an object");
            return;
        }
        foreach (var (keyword, argument) in schema)
        {
            if (Annotations.Contains(keyword))
            {
                continue;
            }
            switch (keyword)
            {
                case "type":
                    string[] types = argument is JsonArray list ? [.. list.Select(t => (string)t!)] : [(string)argument!];
                    if (!types.Any(t => IsOfType(value, t)))
                    {
                        errors.Add($"{path}: expected {string.Join(" or ", types)}, found {Describe(value)}");
                    }
                    break;
                case "const":
                    if (!JsonNode.DeepEquals(argument, value))
                    {
                        errors.Add($"{path}: expected {argument?.ToJsonString() ?? "null"}, found {Describe(value)}");
                    }
                    break;
                case "enum":
                    if (!argument!.AsArray().Any(option => JsonNode.DeepEquals(option, value)))
                    {
                        errors.Add($"{path}: {Describe(value)} is not one of {argument.ToJsonString()}");
                    }
                    break;
                case "required":
                    if (value is JsonObject required)
                    {
                        foreach (var name in argument!.AsArray().Select(n => (string)n!).Where(n => !required.ContainsKey(n)))
                        {
                            errors.Add($"{path}: \"{name}\" is missing");
                        }
                    }
                    break;
                case "properties":
                    if (value is JsonObject withProperties)
                    {
                        foreach (var (name, propertySchema) in argument!.AsObject())
                        {
                            if (withProperties.TryGetPropertyValue(name, out JsonNode? property))
                            {
                                Check(propertySchema!, property, $"{path}.{name}", errors);
                            }
                        }
                    }
                    break;
                case "additionalProperties":
                    if (value is JsonObject withAdditional)
                    {
                        var declared = schema["properties"]?.AsObject().Select(p => p.Key).ToHashSet() ?? [];
                        foreach (var (name, property) in withAdditional.Where(p => !declared.Contains(p.Key)))
                        {
                            if (argument is JsonValue flag && flag.GetValueKind() == JsonValueKind.False)
                            {
                                errors.Add($"{path}: \"{name}\" is not allowed (additionalProperties is false)");
                            }
                            else if (argument is JsonObject)
                            {
                                Check(argument, property, $"{path}.{name}", errors);
                            }
                        }
                    }
                    break;
                case "items":
                    if (value is JsonArray array)
                    {
                        for (int i = 0; i < array.Count; i++)
                        {
                            Check(argument!, array[i], $"{path}[{i}]", errors);
                        }
                    }
                    break;
                case "oneOf":
                    var outcomes = argument!.AsArray().Select(variant =>
                    {
                        var variantErrors = new List<string>();
                        Check(variant!, value, path, variantErrors);
                        return variantErrors;
                    }).ToList();
                    int matches = outcomes.Count(o => o.Count == 0);
                    if (matches == 0)
                    {
                        // The closest variant's complaints say the most about what is wrong.
                        errors.Add($"{path}: matches none of the {outcomes.Count} oneOf variants; the closest says:");
                        errors.AddRange(outcomes.OrderBy(o => o.Count).First().Select(e => "  " + e));
                    }
                    else if (matches > 1)
                    {
                        errors.Add($"{path}: matches {matches} oneOf variants; exactly one must match");
                    }
                    break;
                default:
                    errors.Add($"{path}: the schema uses \"{keyword}\", which this validator does not implement");
                    break;
            }
        }
    }

    private static bool IsOfType(JsonNode? value, string type) => type switch
    {
        "null" => value is null,
        "object" => value is JsonObject,
        "array" => value is JsonArray,
        "string" => Kind(value) == JsonValueKind.String,
        "boolean" => Kind(value) is JsonValueKind.True or JsonValueKind.False,
        "number" => Kind(value) == JsonValueKind.Number,
        "integer" => Kind(value) == JsonValueKind.Number && decimal.TryParse(value!.ToJsonString(), System.Globalization.NumberStyles.Float,
                         System.Globalization.CultureInfo.InvariantCulture, out decimal d) && d == decimal.Truncate(d),
        _ => throw new ArgumentException($"unknown JSON Schema type \"{type}\""),
    };

    private static JsonValueKind? Kind(JsonNode? value) => (value as JsonValue)?.GetValueKind();

    private static string Describe(JsonNode? value)
    {
        string text = value?.ToJsonString() ?? "null";
        return text.Length > 60 ? text[..60] + "…" : text;
    }
}
