// SPDX-License-Identifier: MIT
using System.CommandLine;
using System.Security.Cryptography;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using ZkOptions.Cli.Output;
using ZkOptions.Sequencer.Hosting;
using ZkOptions.Sequencer.Journal;
using ZkOptions.Settlement.Parameters;

namespace ZkOptions.Cli.Commands;

/// <summary>
/// <c>zkoptions serve --data DIR [--urls URL] [--postgres CONNECTION] [--parameters F] [--max-batch N] [--batch-age-ms MS]</c>: the sequencer
/// service (docs/sequencer.md). Recovers from the journal in DIR, then serves the API until SIGINT or SIGTERM.
/// </summary>
internal static class ServeCommand
{
    /// <summary>The environment variable holding the operator's bearer token.</summary>
    public const string TokenVariable = "ZKOPTIONS_OPERATOR_TOKEN";

    public static Command Build()
    {
        var data = new Option<string>("--data") { Description = "The data directory: the SQLite journal (journal.db), batch files (batches/), the lock. Created if missing.", Required = true, HelpName = "DIR" };
        var urls = new Option<string>("--urls") { Description = "Where to listen (semicolon-separated).", DefaultValueFactory = _ => "http://127.0.0.1:8080", HelpName = "URL" };
        var parametersFile = new Option<string>("--parameters")
        {
            Description = "The deployment's exchange parameters (parameters.json). Default: the defaults with the well-known development oracle key (anyone can sign epochs: for development only). A journal keeps the parameters it started with.",
        };
        var maxBatch = new Option<int>("--max-batch") { Description = "Cut a batch at N transactions (the N of the batch-N circuit that proves it).", DefaultValueFactory = _ => 256, HelpName = "N" };
        var postgres = new Option<string?>("--postgres")
        {
            Description = "Keep the journal in PostgreSQL instead of DIR/journal.db: an Npgsql connection string (Host=…;Database=…;Username=…). An advisory lock keeps a second sequencer off it. Batch files still go to DIR/batches.",
            HelpName = "CONNECTION",
        };
        var rateLimit = new Option<int>("--order-rate-limit") { Description = "Orders (new and replacements) an account may send per second, bursts of twice as many; 0 for no limit. Cancels are never limited.", DefaultValueFactory = _ => 1_000, HelpName = "N" };
        var age = new Option<int>("--batch-age-ms") { Description = "Cut a batch once its oldest transaction is this old.", DefaultValueFactory = _ => 1_000, HelpName = "MS" };
        var command = new Command("serve",
            $"Run the sequencer service: REST API and journal (docs/sequencer.md). Operator endpoints take the bearer token in ${TokenVariable}; when it is unset, a random token is written to DIR/operator-token.")
        {
            data, urls, postgres, parametersFile, maxBatch, age, rateLimit,
        };
        command.SetAction(parse =>
        {
            string dir = Path.GetFullPath(parse.GetValue(data)!);
            int n = parse.GetValue(maxBatch);
            if (n is < 1 or > CircuitOptions.MaxBatchSlots)
            {
                throw new UsageException($"--max-batch: {n} is outside 1 to {CircuitOptions.MaxBatchSlots}");
            }
            int ms = parse.GetValue(age);
            if (ms < 1)
            {
                throw new UsageException($"--batch-age-ms: {ms} must be positive");
            }
            ExchangeParameters parameters = parse.GetValue(parametersFile) is null ? DevelopmentOracle.Parameters : CircuitOptions.Parameters(parse, parametersFile);
            var run = CommandRun.Of(parse);
            Directory.CreateDirectory(dir);
            string token = OperatorToken(dir, run);
            var options = new ServiceOptions
            {
                DataDirectory = dir,
                Parameters = parameters,
                OperatorToken = token,
                MaxBatchTransactions = n,
                MaxBatchAge = TimeSpan.FromMilliseconds(ms),
                OrdersPerSecondPerAccount = parse.GetValue(rateLimit) is int limit and >= 0 ? limit : throw new UsageException("--order-rate-limit must be 0 or more"),
            };
            string[] listen = parse.GetValue(urls)!.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
            SequencerHost host;
            try
            {
                Func<IJournalStore>? store = parse.GetValue(postgres) is { } connection ? () => new PostgresJournalStore(connection) : null;
                host = SequencerHost.Create(options, listen, store, LogLevel.Warning);
            }
            catch (RecoveryException e)
            {
                throw new UsageException($"recovery failed: {e.Message}");
            }
            catch (Npgsql.NpgsqlException e)
            {
                throw new UsageException($"--postgres: {e.Message}");
            }
            host.App.StartAsync().GetAwaiter().GetResult();
            if (parse.GetValue(parametersFile) is null)
            {
                run.Err.WriteLine("zkoptions serve: using the development oracle key (anyone can sign epochs); pass --parameters for a deployment");
            }
            string journal = parse.GetValue(postgres) is null ? Path.Combine(dir, "journal.db") : "in PostgreSQL";
            run.Out.WriteLine($"zkoptions serve: listening on {string.Join(", ", host.App.Urls)}; journal {journal} ({host.Service.Replayed} entries replayed{(host.Service.RecoveredFromSnapshot > 0 ? $" after the snapshot at entry {host.Service.RecoveredFromSnapshot}" : "")}); batches in {host.Service.BatchDirectory}");
            run.Out.Flush();
            host.App.WaitForShutdownAsync().GetAwaiter().GetResult();
            host.DisposeAsync().AsTask().GetAwaiter().GetResult();
            run.Result.Succeeded(new JsonObject { ["data"] = dir, ["sequence"] = host.Service.Sequence });
            return ExitCodes.Ok;
        });
        return command;
    }

    // The token from the environment, else the one in DIR/operator-token, else a new random one written there (0600).
    private static string OperatorToken(string dir, CommandRun run)
    {
        if (Environment.GetEnvironmentVariable(TokenVariable) is { Length: > 0 } fromEnvironment)
        {
            return fromEnvironment;
        }
        string path = Path.Combine(dir, "operator-token");
        if (File.Exists(path))
        {
            return File.ReadAllText(path).Trim();
        }
        string token = Convert.ToHexString(RandomNumberGenerator.GetBytes(32)).ToLowerInvariant();
        File.WriteAllText(path, token + "\n");
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite);
        }
        run.Err.WriteLine($"zkoptions serve: {TokenVariable} is not set; the operator token is in {path}");
        return token;
    }
}
