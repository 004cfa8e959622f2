// SPDX-License-Identifier: MIT
using System.CommandLine;
using System.Runtime.CompilerServices;

namespace ZkOptions.Cli.Output;

/// <summary>
/// One run's output conventions, as the verb that runs sees them: whether <c>--json</c> is on, where human text goes
/// (stdout, or stderr with <c>--json</c>, so that stdout carries the JSON object alone), the JSON result the verb
/// fills, and the progress line.
/// </summary>
internal sealed class CommandRun
{
    // Keyed by the parse so that verbs keep their parameterless Build() and runs side by side (in-process tests)
    // never see each other's settings.
    private static readonly ConditionalWeakTable<ParseResult, CommandRun> Runs = new();

    /// <param name="json">Whether <c>--json</c> was given.</param>
    /// <param name="stdout">The process's stdout.</param>
    /// <param name="stderr">The process's stderr.</param>
    /// <param name="stderrIsTerminal">Whether stderr is a terminal (progress is drawn only then).</param>
    public CommandRun(bool json, TextWriter stdout, TextWriter stderr, bool stderrIsTerminal)
    {
        Json = json;
        Progress = new TerminalProgress(stderr, stderrIsTerminal);
        Err = stderrIsTerminal ? new ProgressAwareWriter(stderr, Progress) : stderr;
        Out = json ? Err : stdout;
        Stdout = stdout;
    }

    /// <summary>Whether the run prints one JSON object on stdout instead of text.</summary>
    public bool Json { get; }

    /// <summary>Where human-readable results go: stdout, or stderr with <c>--json</c>.</summary>
    public TextWriter Out { get; }

    /// <summary>stderr: messages, warnings, timings.</summary>
    public TextWriter Err { get; }

    /// <summary>The real stdout, for the JSON object only.</summary>
    internal TextWriter Stdout { get; }

    /// <summary>The verb's outcome as JSON (printed by CliApp with <c>--json</c>).</summary>
    public JsonResult Result { get; } = new();

    /// <summary>The progress line on stderr (silent unless stderr is a terminal).</summary>
    public TerminalProgress Progress { get; }

    /// <summary>Makes this the run that <see cref="Of"/> returns for <paramref name="parse"/>.</summary>
    public void Attach(ParseResult parse) => Runs.AddOrUpdate(parse, this);

    /// <summary>
    /// The run of <paramref name="parse"/>; a plain text run on the parse's own writers when the command was invoked
    /// without <see cref="CliApp.Run(string[], TextWriter, TextWriter, bool)"/>.
    /// </summary>
    public static CommandRun Of(ParseResult parse) =>
        Runs.GetValue(parse, p => new CommandRun(json: false, p.InvocationConfiguration.Output, p.InvocationConfiguration.Error, stderrIsTerminal: false));
}
