// SPDX-License-Identifier: MIT
using System.CommandLine;
using ZkOptions.Cli.Commands;
using ZkOptions.Field;
using ZkOptions.Prover.Formats;

namespace ZkOptions.Cli;

/// <summary>Builds the <c>zkoptions</c> command tree and runs it with the exit-code conventions of <see cref="ExitCodes"/>.</summary>
public static class CliApp
{
    /// <summary>The root command with every verb attached.</summary>
    public static RootCommand BuildRootCommand()
    {
        var root = new RootCommand(
            "zkoptions: PLONK over BN254 for an off-chain options settlement rollup.\n" +
            "Exit codes: 0 ok, 1 rejected (invalid proof, unsatisfied circuit), 2 bad input or usage, 3 internal error.");
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
        root.Add(MarginCommand.Build());
        root.Add(OracleCommand.Build());
        foreach (var option in root.Options)
        {
            if (option is VersionOption version)
            {
                version.Action = new VersionAction();
            }
        }
        return root;
    }

    /// <summary>Parses and runs <paramref name="args"/>, writing to the given streams; returns the exit code.</summary>
    public static int Run(string[] args, TextWriter stdout, TextWriter stderr)
    {
        RootCommand root = BuildRootCommand();
        ParseResult parsed = root.Parse(args);
        if (parsed.Errors.Count > 0)
        {
            foreach (var error in parsed.Errors)
            {
                stderr.WriteLine($"zkoptions: {error.Message}");
            }
            stderr.WriteLine("Run 'zkoptions --help' (or 'zkoptions <verb> --help') for usage.");
            return ExitCodes.BadInput;
        }
        try
        {
            return parsed.Invoke(new InvocationConfiguration
            {
                Output = stdout,
                Error = stderr,
                EnableDefaultExceptionHandler = false,
            });
        }
        catch (Exception e) when (e is UsageException or EncodingException or PrecompileException or InputFileException
                                   or ZkOptions.Settlement.Serialization.SettlementInputException)
        {
            stderr.WriteLine($"zkoptions: {e.Message}");
            return ExitCodes.BadInput;
        }
        catch (Exception e)
        {
            stderr.WriteLine($"zkoptions: internal error: {e.GetType().Name}: {e.Message}");
            if (Environment.GetEnvironmentVariable("ZKOPTIONS_DEBUG") == "1")
            {
                stderr.WriteLine(e);
            }
            else
            {
                stderr.WriteLine("Set ZKOPTIONS_DEBUG=1 for the stack trace, and please report it.");
            }
            return ExitCodes.InternalError;
        }
    }
}
