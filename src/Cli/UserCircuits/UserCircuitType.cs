// SPDX-License-Identifier: MIT
using System.ComponentModel;
using System.Reflection;
using ZkOptions.Circuit.Catalog;
using ZkOptions.Prover.Formats;

namespace ZkOptions.Cli.UserCircuits;

/// <summary>
/// A public, non-abstract class of a user's assembly that derives from <see cref="ZkOptions.Circuit.Circuit"/>. It
/// is a circuit the CLI can use when it also has a public parameterless constructor (the CLI creates it with that).
/// </summary>
internal sealed class UserCircuitType(Type type, string name, string assemblyPath)
{
    /// <summary>The class.</summary>
    public Type Type { get; } = type;

    /// <summary>The name the verbs take: the class name, or the full name when another circuit class shares it.</summary>
    public string Name { get; } = name;

    /// <summary>Namespace.Class (nested classes as Outer+Inner).</summary>
    public string FullName => Type.FullName ?? Type.Name;

    /// <summary>Its [Description], or "circuit class Namespace.Class".</summary>
    public string Description =>
        Type.GetCustomAttribute<DescriptionAttribute>()?.Description is { Length: > 0 } text ? text : $"circuit class {FullName}";

    /// <summary>The constructor the CLI creates the circuit with, or null.</summary>
    public ConstructorInfo? Constructor => Type.GetConstructor(Type.EmptyTypes);

    /// <summary>Whether <paramref name="text"/> names this class: its class name, or its full name (with '.' or '+' before a nested class).</summary>
    public bool IsNamed(string text) => text == Type.Name || text == FullName || text == FullName.Replace('+', '.');

    /// <summary>The descriptor every verb uses; refuses a class without a public parameterless constructor.</summary>
    public CircuitDescriptor Descriptor()
    {
        var constructor = Constructor ?? throw new InputFileException(assemblyPath,
            $"{FullName} has no public parameterless constructor, which zkoptions creates circuits with; add one (array inputs take their length there)");
        return new CircuitDescriptor(Name, Description,
            () =>
            {
                try
                {
                    return (ZkOptions.Circuit.Circuit)constructor.Invoke(null);
                }
                catch (TargetInvocationException e) when (e.InnerException is Exception thrown)
                {
                    throw new InputFileException(assemblyPath, $"the constructor of {FullName} threw {thrown.GetType().Name}: {thrown.Message}", thrown);
                }
            },
            () => throw new UsageException($"{Name} comes from {assemblyPath} and has no example input; write one with its inputs (`zkoptions circuit info --assembly {assemblyPath} {Name}` lists them)"));
    }
}
