// SPDX-License-Identifier: MIT
using System.Text.Json.Nodes;
using ZkOptions.Cli.Tests.Support;

namespace ZkOptions.Cli.Tests;

/// <summary>The schema tests are only as good as their validator: each keyword it implements must reject what it forbids.</summary>
public sealed class JsonSchemaValidatorTests
{
    private const string Schema = """
        {
          "$schema": "https://json-schema.org/draft/2020-12/schema",
          "description": "a test schema",
          "type": "object",
          "required": ["ok", "exitCode", "items"],
          "additionalProperties": false,
          "properties": {
            "ok": { "const": true },
            "exitCode": { "enum": [0, 1] },
            "name": { "type": ["string", "null"] },
            "items": { "type": "array", "items": { "type": "integer" } },
            "counts": { "type": "object", "additionalProperties": { "type": "integer" } }
          }
        }
        """;

    private static IReadOnlyList<string> Check(string schema, string instance) =>
        JsonSchemaValidator.Validate(JsonNode.Parse(schema)!, JsonNode.Parse(instance));

    [Fact]
    public void A_conforming_object_has_no_errors()
    {
        Assert.Empty(Check(Schema, """{"ok": true, "exitCode": 1, "name": null, "items": [1, 2], "counts": {"a": 3}}"""));
    }

    [Theory]
    [InlineData("""{"ok": true, "exitCode": 0}""", "\"items\" is missing")]
    [InlineData("""{"ok": false, "exitCode": 0, "items": []}""", "$.ok: expected true")]
    [InlineData("""{"ok": true, "exitCode": 2, "items": []}""", "$.exitCode: 2 is not one of")]
    [InlineData("""{"ok": true, "exitCode": 0, "items": [], "extra": 1}""", "\"extra\" is not allowed")]
    [InlineData("""{"ok": true, "exitCode": 0, "items": [1, 2.5]}""", "$.items[1]: expected integer")]
    [InlineData("""{"ok": true, "exitCode": 0, "items": [], "name": 3}""", "$.name: expected string or null")]
    [InlineData("""{"ok": true, "exitCode": 0, "items": [], "counts": {"a": "3"}}""", "$.counts.a: expected integer")]
    [InlineData("""[1]""", "$: expected object")]
    public void Each_keyword_rejects_what_it_forbids(string instance, string error)
    {
        var errors = Check(Schema, instance);
        Assert.Contains(errors, e => e.Contains(error, StringComparison.Ordinal));
    }

    [Fact]
    public void OneOf_needs_exactly_one_matching_variant()
    {
        const string schema = """{"oneOf": [{"type": "object", "required": ["a"]}, {"type": "object", "required": ["b"]}]}""";
        Assert.Empty(Check(schema, """{"a": 1}"""));
        Assert.Contains(Check(schema, """{"c": 1}"""), e => e.Contains("matches none", StringComparison.Ordinal));
        Assert.Contains(Check(schema, """{"a": 1, "b": 2}"""), e => e.Contains("matches 2 oneOf variants", StringComparison.Ordinal));
    }

    [Fact]
    public void A_keyword_it_does_not_implement_is_an_error_not_a_silent_pass()
    {
        Assert.Contains(Check("""{"type": "integer", "minimum": 3}""", "1"), e => e.Contains("\"minimum\"", StringComparison.Ordinal));
    }
}
