// SPDX-License-Identifier: MIT
using System.Text.Json.Nodes;
using ZkOptions.Circuit;

namespace ZkOptions.Cli.Output;

/// <summary>
/// Failed constraints as JSON, the same shape wherever a circuit is checked (<c>circuit check</c>, <c>circuit
/// witness</c>, <c>prove --circuit</c> and <c>prove --batch</c>): gate, scope, C# file and line, operation, values.
/// </summary>
internal static class ConstraintFailureJson
{
    public static JsonArray Of(IEnumerable<ConstraintFailure> failures) =>
        new([.. failures.Select(f => (JsonNode)new JsonObject
        {
            ["gate"] = f.Gate,
            ["scope"] = f.Origin.Scope,
            ["file"] = Path.GetFileName(f.Origin.File),
            ["line"] = f.Origin.Line,
            ["operation"] = f.Origin.Operation,
            ["values"] = f.Values,
        })]);

    /// <summary>"3 failed constraints in price-band", the one-line reason of a rejection.</summary>
    public static string Summary(int count, string circuit, bool truncated) =>
        $"{count} failed constraint{(count == 1 ? "" : "s")} in {circuit}{(truncated ? $" (first {count})" : "")}";
}
