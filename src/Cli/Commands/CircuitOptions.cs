// SPDX-License-Identifier: MIT
using System.CommandLine;
using System.Globalization;
using System.Text.RegularExpressions;
using ZkOptions.Circuit.Catalog;
using ZkOptions.Circuit.Compiler;
using ZkOptions.Circuits.Settlement;
using ZkOptions.Constraints;
using ZkOptions.Settlement.Batches;
using ZkOptions.Settlement.Parameters;
using ZkOptions.Cli.Output;
using ZkOptions.Cli.UserCircuits;
using ZkOptions.Prover.Formats;

namespace ZkOptions.Cli.Commands;

/// <summary>
/// Finds the circuit a verb names, in one place for every verb, and compiles it: a built-in one (the DSL catalog, and
/// the settlement batch circuits <c>batch-N</c> with N transaction slots, which depend on the exchange parameters),
/// or a class of the user's assembly given with --assembly (<see cref="AssemblyOptions"/>).
/// </summary>
internal static partial class CircuitOptions
{
    /// <summary>The largest N accepted for <c>batch-N</c> (far beyond what fits in memory; it only bounds typos).</summary>
    public const int MaxBatchSlots = 4096;

    /// <summary>The circuit NAME argument; optional, because with --assembly the assembly's only circuit needs no name.</summary>
    public static Argument<string> NameArgument() => new("NAME")
    {
        Description = "A built-in circuit (see `zkoptions circuit list`), batch-N for the settlement batch circuit with N slots (batch-T-G: T trade slots and G general slots), or with --assembly a class name.",
        Arity = ArgumentArity.ZeroOrOne,
    };

    public static Option<string> NameOption(bool required) =>
        new("--circuit") { Description = "A built-in circuit by name (see `zkoptions circuit list`), batch-N for the settlement batch circuit with N transaction slots (batch-T-G: T trade slots and G general slots), or with --assembly a class name.", Required = required };

    public static Option<string> ParametersOption() =>
        new("--parameters") { Description = "For batch-N: the exchange parameters (parameters.json from `zkoptions simulate`, or a state.json). Default: the defaults in docs/settlement.md (Exchange parameters)." };

    /// <summary>--system v1|v2: the proof system the circuit compiles to (default v1).</summary>
    public static Option<string> SystemOption(string description) =>
        new("--system") { Description = description, HelpName = "v1|v2", DefaultValueFactory = _ => "v1" };

    /// <summary>The proof system --system names; anything but v1 or v2 is a usage error.</summary>
    public static ProofSystem System(ParseResult parse, Option<string> option) =>
        ProofSystems.TryParse(parse.GetValue(option)) ?? throw new UsageException($"--system must be v1 or v2, not '{parse.GetValue(option)}'");

    /// <summary>
    /// The slots a <c>batch-N</c> (N general slots) or <c>batch-T-G</c> (T trade slots, G general slots) name lays out,
    /// or null for any other name.
    /// </summary>
    public static BatchLayout? BatchLayoutOf(string name)
    {
        if (!BatchName().IsMatch(name))
        {
            return null;
        }
        var layout = BatchLayout.Parse(name);
        if (layout is null || layout.Slots > MaxBatchSlots)
        {
            throw new UsageException($"circuit '{name}': the slot count must be 1 to {MaxBatchSlots} (batch-N; or batch-T-G, T trade slots and G general slots, T + G in that range)");
        }
        return layout;
    }

    /// <summary>The exchange parameters named by --parameters, or the defaults.</summary>
    public static ExchangeParameters Parameters(ParseResult parse, Option<string> option) =>
        parse.GetValue(option) is null ? new ExchangeParameters() : ExchangeParametersJson.ReadFile(FileOptions.ExistingFile(parse, option));

    /// <summary>
    /// The circuit <paramref name="name"/> names: with <paramref name="assembly"/>, a class of it (by class name,
    /// or by full name in <paramref name="typeName"/>; the name may be left out when it holds one circuit), else a
    /// built-in circuit. Every verb that takes a circuit comes through here.
    /// </summary>
    public static CircuitDescriptor Find(string? name, ExchangeParameters? parameters = null, UserCircuitAssembly? assembly = null, string? typeName = null)
    {
        if (assembly is not null)
        {
            return assembly.Find(name, typeName);
        }
        if (name is null)
        {
            throw new UsageException("give a circuit NAME (see `zkoptions circuit list`), or --assembly PATH.dll for your own circuits");
        }
        if (BatchLayoutOf(name) is { } layout)
        {
            var shape = new SettlementShape(parameters ?? new ExchangeParameters(), layout);
            string slots = layout.TradeSlots == 0
                ? Counted.Of(layout.Slots, "transaction slot")
                : $"{Counted.Of(layout.TradeSlots, "trade slot")} and {Counted.Of(layout.GeneralSlots, "general slot")}";
            return new CircuitDescriptor(name, $"settlement batch of {slots} (docs/circuits-settlement.md)",
                () => new BatchCircuit(shape),
                () => throw new UsageException($"{name} has no example input: make batch files with `zkoptions simulate` and prove them with `zkoptions prove --batch`"));
        }
        return CircuitCatalog.Find(name) ?? throw new UsageException(
            $"unknown circuit '{name}'; the built-in circuits are: {string.Join(", ", CircuitCatalog.All.Select(d => d.Name))}, and batch-N or batch-T-G (N, T + G = 1 to {MaxBatchSlots})");
    }

    public static CompiledCircuit Compile(string name, ExchangeParameters? parameters = null, ProofSystem system = ProofSystem.V1) =>
        Compile(Find(name, parameters), system);

    /// <summary>
    /// Compiles the circuit for <paramref name="system"/>. An exception from a user's circuit class (its Define, or the DSL refusing it) is bad
    /// input naming the class and its assembly, not a zkoptions bug.
    /// </summary>
    public static CompiledCircuit Compile(CircuitDescriptor descriptor, ProofSystem system = ProofSystem.V1)
    {
        var circuit = descriptor.Create();
        try
        {
            return CircuitCompiler.Compile(circuit, descriptor.Name, system);
        }
        catch (Exception e) when (UserAssemblyLoadContext.AssemblyPathOf(circuit.GetType()) is string path)
        {
            string type = circuit.GetType().FullName ?? circuit.GetType().Name;
            throw new InputFileException(path, e is ZkOptions.Circuit.CircuitDefinitionException
                ? $"{type} cannot be compiled: {e.Message}"
                : $"{type}.Define threw {e.GetType().Name}: {e.Message}", e);
        }
    }

    [GeneratedRegex("^batch-[0-9]+(-[0-9]+)?$")]
    private static partial Regex BatchName();
}
