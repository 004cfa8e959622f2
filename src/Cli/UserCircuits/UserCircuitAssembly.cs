// SPDX-License-Identifier: MIT
using System.Reflection;
using ZkOptions.Circuit.Catalog;
using ZkOptions.Prover.Formats;

namespace ZkOptions.Cli.UserCircuits;

/// <summary>
/// The circuits of a user's compiled assembly (<c>--assembly PATH.dll</c>), loaded in its own
/// <see cref="UserAssemblyLoadContext"/>. Loading checks everything a verb will need before any work: that the file
/// is a .NET assembly, built against this zkoptions or an older one, whose dependencies all resolve, and that holds
/// at least one circuit. Every problem is an <see cref="InputFileException"/> naming the file.
/// </summary>
internal sealed class UserCircuitAssembly
{
    private const string CircuitRule = "a public, non-abstract class deriving from ZkOptions.Circuit.Circuit with a public parameterless constructor";

    private readonly string path;
    private readonly IReadOnlyList<UserCircuitType> classes;

    private UserCircuitAssembly(string path, IReadOnlyList<UserCircuitType> classes)
    {
        this.path = path;
        this.classes = classes;
        Circuits = [.. classes.Where(c => c.Constructor is not null)];
    }

    /// <summary>The circuits (the classes with a public parameterless constructor), sorted by name.</summary>
    public IReadOnlyList<UserCircuitType> Circuits { get; }

    /// <summary>Loads the assembly at <paramref name="path"/>, an existing file, and finds its circuits.</summary>
    public static UserCircuitAssembly Load(string path)
    {
        string fullPath = Path.GetFullPath(path);
        AssemblyName name;
        try
        {
            name = AssemblyName.GetAssemblyName(fullPath);
        }
        catch (BadImageFormatException)
        {
            throw new InputFileException(path, "is not a .NET assembly; give the .dll that building your circuit project makes (bin/Release/net10.0/NAME.dll)");
        }
        UserAssemblyLoadContext context;
        try
        {
            context = new UserAssemblyLoadContext(path);
        }
        catch (InvalidOperationException e)
        {
            throw new InputFileException(path, $"its dependencies cannot be resolved: {e.Message}");
        }
        Assembly assembly;
        try
        {
            // One of zkoptions' own libraries is the CLI's copy, as when another assembly references it.
            assembly = SharedLibraries.HostCopy(name) ?? context.LoadFromAssemblyPath(fullPath);
        }
        catch (Exception e) when (e is BadImageFormatException or FileLoadException)
        {
            throw new InputFileException(path, $"cannot be loaded: {e.Message}");
        }
        SharedLibraries.CheckVersions(assembly, path);
        CheckDependencies(assembly, context, path);
        var classes = CircuitClasses(assembly, path);
        var found = new UserCircuitAssembly(path, classes);
        if (found.Circuits.Count == 0)
        {
            throw new InputFileException(path, $"holds no circuit ({CircuitRule}){found.WithoutConstructor()}" +
                (assembly.GetReferencedAssemblies().Any(r => r.Name == typeof(ZkOptions.Circuit.Circuit).Assembly.GetName().Name) ? "" : "; it does not reference ZkOptions.Circuit"));
        }
        return found;
    }

    /// <summary>
    /// The circuit that <paramref name="name"/> (a class name, or a full name) or <paramref name="typeName"/> (a full
    /// name, for --type) names; with neither, the assembly's only circuit.
    /// </summary>
    public CircuitDescriptor Find(string? name, string? typeName)
    {
        if (typeName is not null)
        {
            var byType = classes.FirstOrDefault(c => c.FullName == typeName || c.FullName.Replace('+', '.') == typeName)
                ?? throw new InputFileException(path, $"--type {typeName}: no circuit class has that full name (Namespace.Class); its circuits: {Names()}");
            if (name is not null && !byType.IsNamed(name))
            {
                throw new UsageException($"the circuit name '{name}' and --type {typeName} name different classes; give one of them");
            }
            return byType.Descriptor();
        }
        if (name is null)
        {
            return Circuits.Count == 1 ? Circuits[0].Descriptor() : throw new InputFileException(path,
                $"holds {Circuits.Count} circuits ({Names()}); name one by its class name, or by its full name with --type");
        }
        var named = classes.Where(c => c.IsNamed(name)).ToList();
        return named.Count switch
        {
            1 => named[0].Descriptor(),
            0 => throw new InputFileException(path, $"has no circuit class named '{name}'; its circuits: {Names()}"),
            _ => throw new InputFileException(path,
                $"'{name}' names {named.Count} circuit classes: {string.Join(", ", named.Select(c => c.FullName))}; choose one with --type FULL.NAME"),
        };
    }

    private string Names() => string.Join(", ", Circuits.Select(c => c.Name));

    private string WithoutConstructor() =>
        string.Concat(classes.Where(c => c.Constructor is null).Select(c => $"; {c.FullName} derives from Circuit but has no public parameterless constructor"));

    /// <summary>
    /// Loads every assembly the user's assembly references, so that a missing dependency is named now rather than
    /// failing halfway through a verb.
    /// </summary>
    private static void CheckDependencies(Assembly assembly, UserAssemblyLoadContext context, string path)
    {
        foreach (var reference in assembly.GetReferencedAssemblies())
        {
            try
            {
                context.LoadFromAssemblyName(reference);
            }
            catch (Exception e) when (e is FileNotFoundException or FileLoadException or BadImageFormatException)
            {
                throw new InputFileException(path,
                    $"its dependency {reference.Name} {reference.Version} cannot be resolved: it is neither beside the assembly (as its .deps.json lists it) " +
                    $"nor part of zkoptions or .NET {Environment.Version}; copy it there (`dotnet publish` gathers every dependency)");
            }
        }
    }

    /// <summary>The public, non-abstract, non-generic classes deriving from Circuit, each named as the verbs take it, sorted by that name.</summary>
    private static List<UserCircuitType> CircuitClasses(Assembly assembly, string path)
    {
        Type[] exported;
        try
        {
            exported = assembly.GetExportedTypes();
        }
        catch (Exception e) when (e is ReflectionTypeLoadException or TypeLoadException or FileNotFoundException or FileLoadException)
        {
            throw new InputFileException(path, $"its classes cannot be loaded: {e.Message}");
        }
        var types = exported
            .Where(t => t.IsClass && !t.IsAbstract && !t.ContainsGenericParameters && t.IsSubclassOf(typeof(ZkOptions.Circuit.Circuit)))
            .ToList();
        return [.. types
            .Select(t => new UserCircuitType(t, types.Count(other => other.Name == t.Name) == 1 ? t.Name : t.FullName ?? t.Name, path))
            .OrderBy(c => c.Name, StringComparer.Ordinal)];
    }
}
