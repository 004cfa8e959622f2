// SPDX-License-Identifier: MIT
namespace ZkOptions.Settlement.Serialization;

/// <summary>
/// A settlement file (scenario, market, epoch, state, batch, parameters) that cannot be used: the message names
/// the file and, where there is one, the JSON path of the offending field. The CLI turns it into exit code 2.
/// </summary>
public sealed class SettlementInputException(string source, string problem)
    : FormatException($"{source}: {problem}")
{
    /// <summary>The file (or "inline" text) at fault.</summary>
    public string FileName { get; } = source;

    /// <summary>What is wrong, without the file name.</summary>
    public string Problem { get; } = problem;
}
