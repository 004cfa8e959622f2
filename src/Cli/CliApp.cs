// SPDX-License-Identifier: MIT
using System.CommandLine;
using System.CommandLine.Help;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using ZkOptions.Cli.Commands;
using ZkOptions.Cli.Output;
using ZkOptions.Field;
using ZkOptions.Prover.Formats;

namespace ZkOptions.Cli;

/// <summary>Builds the <c>zkoptions</c> command tree and runs it with the exit-code conventions of <see cref="ExitCodes"/>.</summary>
public static class CliApp
{
    /// <summary>
    /// One line, and messages as people wrote them ("≥", quotes) instead of \u escapes: the object goes to a pipeline,
    /// never into HTML, so the default encoder's HTML-safe escaping only hurts readability.
    /// </summary>
    private static readonly JsonSerializerOptions Compact = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <summary>The root command with every verb attached.</summary>
    public static RootCommand BuildRootCommand()
    {
        var root = new RootCommand(
            "zkoptions: PLONK over BN254 for an off-chain options settlement rollup.\n" +
            "Exit codes: 0 ok, 1 rejected (invalid proof, unsatisfied circuit), 2 bad input or usage, 3 internal error.");
        root.Add(JsonOption.Create());
        root.Add(DemoCommand.Build());
        root.Add(ProveCommand.Build());
        root.Add(VerifyCommand.Build());
        root.Add(SetupCommand.Build());
        root.Add(ZkeyCommand.Build());
        root.Add(ExportCommand.Build());
        root.Add(PrecompileCommand.Build());
        root.Add(CircuitCommand.Build());
        root.Add(HashCommand.Build());
        root.Add(EddsaCommand.Build());
        root.Add(SimulateCommand.Build());
        root.Add(BatchCommand.Build());
        root.Add(MarginCommand.Build());
        root.Add(OracleCommand.Build());
        root.Add(ServeCommand.Build());
        root.Add(LoadgenCommand.Build());
        foreach (var option in root.Options)
        {
            if (option is VersionOption version)
            {
                version.Action = new VersionAction();
            }
        }
        return root;
    }

    /// <summary>
    /// Parses and runs <paramref name="args"/>, writing to the given streams; returns the exit code. With
    /// <c>--json</c>, stdout receives exactly one JSON object whatever happens. The progress line is drawn on stderr
    /// only when <paramref name="stderrIsTerminal"/> (the program passes <c>!Console.IsErrorRedirected</c>).
    /// </summary>
    public static int Run(string[] args, TextWriter stdout, TextWriter stderr, bool stderrIsTerminal = false)
    {
        RootCommand root = BuildRootCommand();
        ParseResult parsed = root.Parse(args);
        var run = new CommandRun(JsonOption.IsRequested(parsed), stdout, stderr, stderrIsTerminal);
        run.Attach(parsed);
        if (parsed.Errors.Count > 0)
        {
            var messages = parsed.Errors.Select(e => ParseErrorMessage.For(e, parsed)).ToList();
            foreach (string message in messages)
            {
                run.Err.WriteLine($"zkoptions: {message}");
            }
            run.Err.WriteLine("Run 'zkoptions --help' (or 'zkoptions <verb> --help') for usage.");
            return Finish(run, ExitCodes.BadInput, string.Join("; ", messages));
        }
        int exit;
        string? error = null;
        try
        {
            exit = parsed.Invoke(new InvocationConfiguration
            {
                Output = run.Out,
                Error = run.Err,
                EnableDefaultExceptionHandler = false,
            });
            if (run.Json && parsed.Action is HelpAction)
            {
                // Help is text for people; with --json it went to stderr, and stdout still gets its one object.
                run.Result.Succeeded(new JsonObject());
            }
        }
        catch (Exception e) when (BadInput(e) is { } bad)
        {
            error = bad.Message;
            run.Err.WriteLine($"zkoptions: {error}");
            exit = ExitCodes.BadInput;
        }
        catch (Exception e)
        {
            error = $"internal error: {e.GetType().Name}: {e.Message}";
            run.Err.WriteLine($"zkoptions: {error}");
            if (Environment.GetEnvironmentVariable("ZKOPTIONS_DEBUG") == "1")
            {
                run.Err.WriteLine(e);
            }
            else
            {
                run.Err.WriteLine("Set ZKOPTIONS_DEBUG=1 for the stack trace, and please report it.");
            }
            exit = ExitCodes.InternalError;
        }
        return Finish(run, exit, error);
    }

    /// <summary>
    /// The exception that makes <paramref name="e"/> bad input (exit 2), or null for a bug (exit 3). A failure inside
    /// a parallel loop arrives wrapped in an AggregateException: it is bad input when every inner exception is.
    /// I/O errors (a directory that is not writable, a full disk) are the environment's, not zkoptions' bugs; their
    /// messages name the path.
    /// </summary>
    private static Exception? BadInput(Exception e) => e switch
    {
        UsageException or EncodingException or PrecompileException or InputFileException
            or ZkOptions.Settlement.Serialization.SettlementInputException => e,
        IOException or UnauthorizedAccessException => new UsageException($"I/O error: {e.Message}"),
        AggregateException aggregate when aggregate.Flatten().InnerExceptions is [var first, ..] inner && inner.All(i => BadInput(i) is not null)
            => BadInput(first),
        _ => null,
    };

    /// <summary>Clears the progress line and, with --json, prints the run's one object; returns the exit code.</summary>
    private static int Finish(CommandRun run, int exit, string? error)
    {
        run.Progress.Clear();
        if (!run.Json)
        {
            return exit;
        }
        JsonObject? json = exit is ExitCodes.Ok or ExitCodes.Rejected ? run.Result.ToJson(exit) : null;
        if (json is null)
        {
            if (exit is ExitCodes.Ok or ExitCodes.Rejected)
            {
                // A verb that answers without describing its answer in JSON is a bug; say so instead of printing half an object.
                error = "internal error: this verb described no JSON result for exit code " + exit;
                run.Err.WriteLine($"zkoptions: {error}");
                exit = ExitCodes.InternalError;
            }
            json = JsonResult.Failure(exit, error ?? $"exit code {exit}; the reason is on stderr");
        }
        run.Stdout.WriteLine(json.ToJsonString(Compact));
        return exit;
    }
}
