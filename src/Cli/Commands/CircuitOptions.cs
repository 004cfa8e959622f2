// SPDX-License-Identifier: MIT
using System.CommandLine;
using ZkOptions.Circuit.Catalog;
using ZkOptions.Circuit.Compiler;

namespace ZkOptions.Cli.Commands;

/// <summary>Finds a built-in circuit by name (for every verb that takes one) and compiles it.</summary>
internal static class CircuitOptions
{
    public static Argument<string> NameArgument() => new("NAME") { Description = "A built-in circuit (see `zkoptions circuit list`)." };

    public static Option<string> NameOption(bool required) =>
        new("--circuit") { Description = "A built-in circuit by name (see `zkoptions circuit list`).", Required = required };

    public static CircuitDescriptor Find(string name) =>
        CircuitCatalog.Find(name) ?? throw new UsageException(
            $"unknown circuit '{name}'; the built-in circuits are: {string.Join(", ", CircuitCatalog.All.Select(d => d.Name))}");

    public static CompiledCircuit Compile(string name) => CircuitCompiler.Compile(Find(name).Create(), name);
}
