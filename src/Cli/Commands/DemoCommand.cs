// SPDX-License-Identifier: MIT
using System.CommandLine;
using ZkOptions.Cli.Demo;
using ZkOptions.Cli.Output;

namespace ZkOptions.Cli.Commands;

/// <summary>
/// <c>zkoptions demo [--out DIR] [--keep-key]</c> (and <c>--json</c>, as every verb): the built-in settlement session end to end, with a
/// summary table. No network and no node tools. The output directory appears complete or not at all; a second run
/// replaces a previous run's directory and refuses to touch any other.
/// </summary>
internal static class DemoCommand
{
    public const string DefaultDirectory = "zkoptions-demo";

    public static Command Build()
    {
        var outDir = new Option<string>("--out")
        {
            Description = $"Directory for the proof, its public signals, the verification key, the Solidity verifier and its calldata (default: ./{DefaultDirectory}). " +
                          "It must not exist, be empty, or hold a previous demo's files, which are replaced.",
            DefaultValueFactory = _ => DefaultDirectory,
        };
        var keepKey = new Option<bool>("--keep-key") { Description = "Also keep the PLONK v2 proving key (about 150 MB) in the output directory." };
        var engines = new EngineOptions();
        var command = new Command("demo",
            "Run a built-in settlement session end to end: oracle epochs with risk arrays, signed orders and trades, a liquidation, " +
            "expiry settlement, in batches cut for a circuit of trade slots; that circuit (PLONK v2) checked against the engine; the batch " +
            "with the most trades proved in one proof (development SRS), verified in C#, and its Solidity verifier exported. Prints a " +
            "summary (rows, times, proof size, expected gas, rows and gas per trade). About 40 s on 2 idle cores.")
        { outDir, keepKey };
        engines.AddTo(command);
        command.SetAction(parse =>
        {
            string target = Path.GetFullPath(parse.GetValue(outDir)!);
            CheckTarget(target);
            var run = CommandRun.Of(parse);
            DemoReport? report = null;
            try
            {
                using var scope = engines.Create(parse);
                var session = new DemoSession(scope.Ntt, scope.Msm, line => run.Err.WriteLine($"zkoptions demo: {line}"), run.Progress);
                // A previous demo's directory is replaced; CheckTarget has refused any other.
                OutputDirectory.Write(target, staging => report = session.Run(staging, parse.GetValue(keepKey)) with { Directory = target }, replace: true);
            }
            catch (DemoFailedException e)
            {
                run.Err.WriteLine($"zkoptions demo: FAILED: {e.Message}");
                run.Result.Rejected(e.Message, []);
                return ExitCodes.Rejected;
            }
            run.Result.Succeeded(report!.ToJson());
            if (!run.Json)
            {
                run.Out.Write(report.ToTable());
            }
            return ExitCodes.Ok;
        });
        return command;
    }

    /// <summary>Refuses, before any work, an output path the demo may not fill or replace.</summary>
    private static void CheckTarget(string target)
    {
        string? parent = Path.GetDirectoryName(target);
        if (parent is null || !Directory.Exists(parent))
        {
            throw new UsageException($"--out: the parent directory {parent} does not exist.");
        }
        if (File.Exists(target))
        {
            throw new UsageException($"--out: {target} is a file; give a directory.");
        }
        if (Directory.Exists(target) && Directory.EnumerateFileSystemEntries(target).Any() && !DemoFiles.IsPreviousRun(target))
        {
            throw new UsageException($"--out: {target} holds files that are not a previous demo's; refusing to replace it. Give another --out.");
        }
    }
}
