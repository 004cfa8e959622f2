// SPDX-License-Identifier: MIT
using System.CommandLine;
using System.CommandLine.Invocation;
using System.Reflection;

namespace ZkOptions.Cli;

/// <summary>
/// Prints zkoptions' own version. The default action reports the entry assembly, which is the test host
/// when the CLI runs in-process.
/// </summary>
internal sealed class VersionAction : SynchronousCommandLineAction
{
    /// <summary>The informational version of the zkoptions assembly (with the commit when built from git).</summary>
    public static string Version { get; } =
        typeof(CliApp).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion
        ?? typeof(CliApp).Assembly.GetName().Version?.ToString()
        ?? "unknown";

    public override int Invoke(ParseResult parseResult)
    {
        parseResult.InvocationConfiguration.Output.WriteLine(Version);
        return ExitCodes.Ok;
    }
}
