// SPDX-License-Identifier: MIT
using System.CommandLine;
using ZkOptions.Settlement.Margin;

namespace ZkOptions.Cli.Commands;

/// <summary><c>zkoptions margin --state F --account N [--json]</c>: an account's portfolio-margin breakdown.</summary>
internal static class MarginCommand
{
    public static Command Build()
    {
        var state = new Option<string>("--state") { Description = "A state file (state.json written by 'zkoptions simulate').", Required = true };
        var account = new Option<long>("--account") { Description = "Account index.", Required = true };
        var json = new Option<bool>("--json") { Description = "Print one JSON object instead of the table." };
        var command = new Command("margin", "Print an account's margin: positions, scenario losses, MtM, maintenance and initial requirements.")
        {
            state, account, json,
        };
        command.SetAction(parse =>
        {
            string path = parse.GetValue(state)!;
            if (!File.Exists(path))
            {
                throw new UsageException($"--state: file not found: {path}");
            }
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
            parse.InvocationConfiguration.Output.Write(parse.GetValue(json) ? report.ToJson().ToJsonString() + Environment.NewLine : report.ToText(p));
            return ExitCodes.Ok;
        });
        return command;
    }
}
