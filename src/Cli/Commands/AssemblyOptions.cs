// SPDX-License-Identifier: MIT
using System.CommandLine;
using ZkOptions.Circuit.Catalog;
using ZkOptions.Cli.UserCircuits;
using ZkOptions.Settlement.Parameters;

namespace ZkOptions.Cli.Commands;

/// <summary>
/// --assembly PATH.dll and --type FULL.NAME, for every verb that takes a circuit: the circuit is then a class of the
/// user's compiled assembly instead of a built-in one. The verbs resolve the circuit through
/// <see cref="CircuitOptions.Find"/> either way.
/// </summary>
internal sealed class AssemblyOptions
{
    public Option<string> Assembly { get; } = new("--assembly")
    {
        Description = "Take the circuit from this .NET assembly (your class library built against ZkOptions.Circuit) instead of the built-in ones: " +
                      "the circuit name is then the class name, and may be left out when the assembly holds one circuit.",
        HelpName = "PATH.dll",
    };

    public Option<string> Type { get; } = new("--type")
    {
        Description = "With --assembly: the circuit class by its full name (Namespace.Class), when its class name is not unique in the assembly.",
        HelpName = "FULL.NAME",
    };

    public void AddTo(Command command)
    {
        command.Add(Assembly);
        command.Add(Type);
    }

    /// <summary>Whether --assembly or --type was given: the circuit is a class of an assembly (--type alone is refused by <see cref="Open"/>).</summary>
    public bool Given(ParseResult parse) => parse.GetValue(Assembly) is not null || parse.GetValue(Type) is not null;

    /// <summary>The assembly --assembly names, loaded and checked; null without --assembly.</summary>
    public UserCircuitAssembly? Open(ParseResult parse)
    {
        if (parse.GetValue(Assembly) is not string path)
        {
            return parse.GetValue(Type) is null ? null : throw new UsageException("--type applies only with --assembly PATH.dll");
        }
        return UserCircuitAssembly.Load(FileOptions.RequireFile(Assembly.Name, path));
    }

    /// <summary>The circuit <paramref name="name"/> (and --type) names: built-in, or with --assembly a class of that assembly.</summary>
    public CircuitDescriptor Find(ParseResult parse, string? name, ExchangeParameters? parameters = null) =>
        CircuitOptions.Find(name, parameters, Open(parse), parse.GetValue(Type));
}
