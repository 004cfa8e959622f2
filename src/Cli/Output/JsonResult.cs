// SPDX-License-Identifier: MIT
using System.Text.Json.Nodes;

namespace ZkOptions.Cli.Output;

/// <summary>
/// The one JSON object a run prints on stdout with <c>--json</c>. The verb describes its outcome here
/// (<see cref="Succeeded"/> or <see cref="Rejected"/>) instead of printing it; CliApp prints the object after the verb
/// returns, with <c>"ok"</c> and <c>"exitCode"</c> first. An exception thrown after the verb described its outcome
/// therefore still ends in exactly one object: the failure.
/// </summary>
/// <remarks>
/// Every object has <c>ok</c> (true exactly when the exit code is 0) and <c>exitCode</c>; every object with
/// <c>ok: false</c> has <c>error</c>, one line saying why (docs/schemas/error.schema.json for exit codes 2 and 3).
/// </remarks>
internal sealed class JsonResult
{
    private JsonObject? fields;
    private string? rejection;

    /// <summary>Whether the verb has described its outcome.</summary>
    public bool IsDescribed => fields is not null;

    /// <summary>The verb succeeded (exit 0); <paramref name="outcome"/> holds its own fields.</summary>
    public void Succeeded(JsonObject outcome)
    {
        fields = outcome;
        rejection = null;
    }

    /// <summary>The verb's answer is a well-formed "no" (exit 1): <paramref name="error"/> says why, in one line.</summary>
    public void Rejected(string error, JsonObject outcome)
    {
        fields = outcome;
        rejection = error;
    }

    /// <summary>
    /// The object for a verb that returned <paramref name="exitCode"/> (0 or 1), or null when the verb described no
    /// outcome, or one that contradicts its exit code (a success that exits 1, a rejection that exits 0): a bug.
    /// </summary>
    public JsonObject? ToJson(int exitCode)
    {
        bool consistent = exitCode == ExitCodes.Ok ? rejection is null : exitCode == ExitCodes.Rejected && rejection is not null;
        if (fields is null || !consistent)
        {
            return null;
        }
        var json = new JsonObject { ["ok"] = exitCode == ExitCodes.Ok, ["exitCode"] = exitCode };
        if (rejection is not null)
        {
            json["error"] = rejection;
        }
        foreach (var (name, value) in fields)
        {
            json[name] = value?.DeepClone();
        }
        return json;
    }

    /// <summary>The object of a run that failed (exit 2 or 3, or a rejection without a verb's own fields).</summary>
    public static JsonObject Failure(int exitCode, string error) => new()
    {
        ["ok"] = false,
        ["exitCode"] = exitCode,
        ["error"] = error,
    };
}
