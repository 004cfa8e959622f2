// SPDX-License-Identifier: MIT
using System.CommandLine;
using System.Globalization;
using System.Text.RegularExpressions;
using ZkOptions.Circuit.Catalog;
using ZkOptions.Circuit.Compiler;
using ZkOptions.Circuits.Settlement;
using ZkOptions.Settlement.Parameters;
using ZkOptions.Cli.Output;

namespace ZkOptions.Cli.Commands;

/// <summary>
/// Finds a built-in circuit by name (for every verb that takes one) and compiles it: the DSL catalog, and the
/// settlement batch circuits <c>batch-N</c> (N transaction slots), which depend on the exchange parameters.
/// </summary>
internal static partial class CircuitOptions
{
    /// <summary>The largest N accepted for <c>batch-N</c> (far beyond what fits in memory; it only bounds typos).</summary>
    public const int MaxBatchSlots = 4096;

    public static Argument<string> NameArgument() => new("NAME") { Description = "A built-in circuit (see `zkoptions circuit list`), or batch-N for the settlement batch circuit with N slots." };

    public static Option<string> NameOption(bool required) =>
        new("--circuit") { Description = "A built-in circuit by name (see `zkoptions circuit list`), or batch-N for the settlement batch circuit with N transaction slots.", Required = required };

    public static Option<string> ParametersOption() =>
        new("--parameters") { Description = "For batch-N: the exchange parameters (parameters.json from `zkoptions simulate`, or a state.json). Default: the defaults in docs/settlement.md (Exchange parameters)." };

    /// <summary>The slot count of a <c>batch-N</c> name, or null for any other name.</summary>
    public static int? BatchSlots(string name)
    {
        Match m = BatchName().Match(name);
        if (!m.Success)
        {
            return null;
        }
        if (!int.TryParse(m.Groups[1].Value, NumberStyles.None, CultureInfo.InvariantCulture, out int n) || n < 1 || n > MaxBatchSlots)
        {
            throw new UsageException($"circuit '{name}': the slot count must be 1 to {MaxBatchSlots}");
        }
        return n;
    }

    /// <summary>The exchange parameters named by --parameters, or the defaults.</summary>
    public static ExchangeParameters Parameters(ParseResult parse, Option<string> option) =>
        parse.GetValue(option) is null ? new ExchangeParameters() : ExchangeParametersJson.ReadFile(FileOptions.ExistingFile(parse, option));

    public static CircuitDescriptor Find(string name, ExchangeParameters? parameters = null)
    {
        if (BatchSlots(name) is int slots)
        {
            var shape = new SettlementShape(parameters ?? new ExchangeParameters(), slots);
            return new CircuitDescriptor(name, $"settlement batch of {Counted.Of(slots, "transaction slot")} (docs/circuits-settlement.md)",
                () => new BatchCircuit(shape),
                () => throw new UsageException($"{name} has no example input: make batch files with `zkoptions simulate` and prove them with `zkoptions prove --batch`"));
        }
        return CircuitCatalog.Find(name) ?? throw new UsageException(
            $"unknown circuit '{name}'; the built-in circuits are: {string.Join(", ", CircuitCatalog.All.Select(d => d.Name))}, and batch-N (N = 1 to {MaxBatchSlots})");
    }

    public static CompiledCircuit Compile(string name, ExchangeParameters? parameters = null) => CircuitCompiler.Compile(Find(name, parameters).Create(), name);

    [GeneratedRegex("^batch-([0-9]+)$")]
    private static partial Regex BatchName();
}
