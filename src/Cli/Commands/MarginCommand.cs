// SPDX-License-Identifier: MIT
using System.CommandLine;
using ZkOptions.Cli.Output;
using ZkOptions.Settlement.Margin;

namespace ZkOptions.Cli.Commands;

/// <summary>
/// <c>zkoptions margin --state F --account N [--json]</c>: an account's portfolio-margin breakdown; with --json the
/// report's figures (<see cref="MarginReport.ToJson"/>).
/// </summary>
internal static class MarginCommand
{
    public static Command Build()
    {
        var state = new Option<string>("--state") { Description = "A state file (state.json written by 'zkoptions simulate').", Required = true };
        var account = new Option<long>("--account") { Description = "Account index.", Required = true };
        var command = new Command("margin", "Print an account's margin: positions, scenario losses, MtM, maintenance and initial requirements.")
        {
            state, account,
        };
        command.SetAction(parse =>
        {
            string path = FileOptions.RequireFile("--state", parse.GetValue(state)!);
            long index = parse.GetValue(account);
            if (index < 0)
            {
                throw new UsageException($"--account: {index} is negative.");
            }
            var (p, epoch, acct) = ZkOptions.Settlement.State.StateJson.ReadAccount(path, index);
            MarginReport report;
            try
            {
                report = MarginReport.For(acct, epoch, p);
            }
            catch (ArgumentException e)
            {
                throw new ZkOptions.Settlement.Serialization.SettlementInputException(path, e.Message);
            }
            var run = CommandRun.Of(parse);
            run.Result.Succeeded(report.ToJson());
            if (!run.Json)
            {
                run.Out.Write(report.ToText(p));
            }
            return ExitCodes.Ok;
        });
        return command;
    }
}
