// SPDX-License-Identifier: MIT
using System.Reflection;
using System.Runtime.Loader;

namespace ZkOptions.Cli.UserCircuits;

/// <summary>
/// The load context of a user's circuit assembly: its own dependencies resolve through its .deps.json (or its
/// directory), the zkoptions libraries to the CLI's copies (<see cref="SharedLibraries"/>), and .NET itself to the
/// default context. Not collectible: the CLI loads one assembly per run.
/// </summary>
internal sealed class UserAssemblyLoadContext : AssemblyLoadContext
{
    private readonly AssemblyDependencyResolver dependencies;

    /// <summary>Creates the context; throws InvalidOperationException when the assembly's .deps.json cannot be read.</summary>
    public UserAssemblyLoadContext(string assemblyPath)
        : base($"zkoptions --assembly {Path.GetFileName(assemblyPath)}", isCollectible: false)
    {
        AssemblyPath = assemblyPath;
        dependencies = new AssemblyDependencyResolver(Path.GetFullPath(assemblyPath));
    }

    /// <summary>The user's assembly, as given on the command line (messages name it so).</summary>
    public string AssemblyPath { get; }

    /// <summary>The path of the user's assembly that <paramref name="type"/> comes from, or null for a type of zkoptions or .NET.</summary>
    public static string? AssemblyPathOf(Type type) => GetLoadContext(type.Assembly) is UserAssemblyLoadContext user ? user.AssemblyPath : null;

    protected override Assembly? Load(AssemblyName name)
    {
        if (SharedLibraries.HostCopy(name) is Assembly shared)
        {
            return shared;
        }
        // Null lets the default context resolve it: .NET's own assemblies.
        return dependencies.ResolveAssemblyToPath(name) is string path ? LoadFromAssemblyPath(path) : null;
    }

    protected override IntPtr LoadUnmanagedDll(string unmanagedDllName) =>
        dependencies.ResolveUnmanagedDllToPath(unmanagedDllName) is string path ? LoadUnmanagedDllFromPath(path) : IntPtr.Zero;
}
