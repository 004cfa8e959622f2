// SPDX-License-Identifier: MIT
using System.CommandLine;

namespace ZkOptions.Cli.Output;

/// <summary>
/// The root's <c>--json</c> flag. It is recursive, so every verb and sub-verb accepts it by construction; CliApp reads
/// it once per run and hands the answer to the verb through <see cref="CommandRun.Json"/>.
/// </summary>
internal static class JsonOption
{
    public const string Name = "--json";

    public static Option<bool> Create() => new(Name)
    {
        Recursive = true,
        Description = "Print exactly one JSON object on stdout (schema: docs/schemas/<verb>.schema.json), " +
                      "with \"ok\" and \"exitCode\", and \"error\" when ok is false; human text goes to stderr.",
    };

    /// <summary>
    /// Whether the arguments ask for JSON. Read from the parse even when it failed elsewhere (an unknown flag, a
    /// missing value), so that a usage error is reported as JSON too.
    /// </summary>
    public static bool IsRequested(ParseResult parse)
    {
        Option? option = parse.RootCommandResult.Command.Options.FirstOrDefault(o => o.Name == Name);
        if (option is not Option<bool> json || parse.GetResult(json) is not { } result)
        {
            return false;
        }
        // "--json false" is the only way to give the flag and not want JSON; a malformed value still means JSON was meant.
        return result.Errors.Any() || parse.GetValue(json);
    }
}
