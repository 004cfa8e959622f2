// SPDX-License-Identifier: MIT
using System.CommandLine;
using System.Globalization;
using ZkOptions.Cli.Output;
using ZkOptions.Field.BabyJubjub;
using ZkOptions.Sequencer.Client;
using ZkOptions.Sequencer.Hosting;

namespace ZkOptions.Cli.Commands;

/// <summary>
/// <c>zkoptions loadgen --url URL --accounts K --rate R --duration S [--acked FILE] [--oracle-key-file F] [--taker-share F] [--json]</c>:
/// signed order flow against a running <c>zkoptions serve</c>; prints throughput and acknowledgement latency.
/// </summary>
internal static class LoadgenCommand
{
    public static Command Build()
    {
        var url = new Option<string>("--url") { Description = "The sequencer's base URL.", Required = true, HelpName = "URL" };
        var accounts = new Option<int>("--accounts") { Description = "Accounts to open and trade with (4 in 5 make markets).", DefaultValueFactory = _ => 32, HelpName = "K" };
        var rate = new Option<double>("--rate") { Description = "Requests per second: orders, replaces and cancels together.", DefaultValueFactory = _ => 1_000, HelpName = "R" };
        var duration = new Option<double>("--duration") { Description = "Seconds to send.", DefaultValueFactory = _ => 10, HelpName = "S" };
        var acked = new Option<string?>("--acked") { Description = "Write each acknowledged order id (account-storageId) here, one a line.", HelpName = "FILE" };
        var oracleKey = new Option<string?>("--oracle-key-file")
        {
            Description = "Sign the set-up epoch with the key in this file (`eddsa keygen --out` JSON or 64 hex digits). Default: the development oracle key `zkoptions serve` trusts without --parameters.",
        };
        var takers = new Option<double>("--taker-share") { Description = "The share of requests that are taker IOC orders (the rest quote, replace and cancel).", DefaultValueFactory = _ => 0.01, HelpName = "F" };
        var seed = new Option<int?>("--seed") { Description = "Seed of the flow and the accounts' keys (default: random).", HelpName = "N" };
        var command = new Command("loadgen",
            $"Send signed order flow to a sequencer (accounts funded through the operator endpoint with ${ServeCommand.TokenVariable}, a signed epoch, makers quoting and replacing, takers crossing); retries across a restart; prints orders/s and ack latency percentiles.")
        {
            url, accounts, rate, duration, acked, oracleKey, takers, seed,
        };
        command.SetAction(parse =>
        {
            if (!Uri.TryCreate(parse.GetValue(url), UriKind.Absolute, out Uri? baseUrl) || baseUrl.Scheme is not ("http" or "https"))
            {
                throw new UsageException($"--url: '{parse.GetValue(url)}' is not an http(s) URL");
            }
            int k = parse.GetValue(accounts);
            double r = parse.GetValue(rate), s = parse.GetValue(duration);
            if (k < 2)
            {
                throw new UsageException($"--accounts: {k}: at least 2 (a maker and a taker)");
            }
            if (!(r > 0) || !(s > 0))
            {
                throw new UsageException("--rate and --duration must be positive");
            }
            double share = parse.GetValue(takers);
            if (!(share is >= 0 and <= 1))
            {
                throw new UsageException($"--taker-share: {share} is outside 0 to 1");
            }
            string token = Environment.GetEnvironmentVariable(ServeCommand.TokenVariable) is { Length: > 0 } t ? t
                : throw new UsageException($"loadgen funds its accounts through the operator endpoint: set {ServeCommand.TokenVariable} to the service's operator token");
            EddsaPrivateKey key = parse.GetValue(oracleKey) is { } file ? PrivateKeyInput.FromFile(file, "--oracle-key-file") : DevelopmentOracle.Key;
            var run = CommandRun.Of(parse);
            var options = new LoadOptions
            {
                Url = baseUrl,
                Accounts = k,
                Rate = r,
                Duration = TimeSpan.FromSeconds(s),
                OperatorToken = token,
                OracleKey = key,
                AckedFile = parse.GetValue(acked) is { } a ? Path.GetFullPath(a) : null,
                Seed = parse.GetValue(seed) ?? Environment.TickCount,
                TakerShare = share,
            };
            LoadReport report = new LoadGenerator(options, run.Err).RunAsync().GetAwaiter().GetResult();
            run.Result.Succeeded(report.ToJson());
            if (!run.Json)
            {
                string F(double v) => v.ToString("0.0", CultureInfo.InvariantCulture);
                run.Out.WriteLine($"{report.Acked} orders acknowledged in {F(report.Seconds)} s: {F(report.OrdersPerSecond)} orders/s, {F(report.RequestsPerSecond)} requests/s with cancels");
                run.Out.WriteLine($"ack latency: p50 {report.P50Ms:0.00} ms, p99 {report.P99Ms:0.00} ms, max {report.MaxMs:0.00} ms");
                run.Out.WriteLine($"{report.Orders} new orders, {report.Replaces} replaces, {report.Cancels} cancels, {report.Fills} fills, {report.Refused} refused, {report.Retried} retried across a restart, {report.Skipped} not sent (every account busy)");
            }
            return ExitCodes.Ok;
        });
        return command;
    }
}
