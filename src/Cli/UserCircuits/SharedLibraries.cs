// SPDX-License-Identifier: MIT
using System.Reflection;
using System.Runtime.Loader;
using ZkOptions.Prover.Formats;

namespace ZkOptions.Cli.UserCircuits;

/// <summary>
/// The zkoptions libraries (ZkOptions.*) a user's assembly shares with the CLI instead of loading its own copies: a
/// user's circuit must derive from the CLI's <see cref="ZkOptions.Circuit.Circuit"/> type, not from a second copy of
/// it, for the compiler to see it as a circuit.
/// </summary>
internal static class SharedLibraries
{
    private const string Prefix = "ZkOptions.";

    /// <summary>The context the CLI's own libraries live in (the default one, unless zkoptions is itself hosted).</summary>
    private static AssemblyLoadContext Host =>
        AssemblyLoadContext.GetLoadContext(typeof(SharedLibraries).Assembly) ?? AssemblyLoadContext.Default;

    /// <summary>Whether <paramref name="name"/> is a zkoptions library.</summary>
    public static bool IsZkOptions(AssemblyName name) => name.Name?.StartsWith(Prefix, StringComparison.OrdinalIgnoreCase) == true;

    /// <summary>The CLI's copy of the zkoptions library <paramref name="name"/>, or null for any other assembly or one the CLI does not have.</summary>
    public static Assembly? HostCopy(AssemblyName name)
    {
        if (!IsZkOptions(name))
        {
            return null;
        }
        var loaded = Host.Assemblies.FirstOrDefault(a => string.Equals(a.GetName().Name, name.Name, StringComparison.OrdinalIgnoreCase));
        if (loaded is not null)
        {
            return loaded;
        }
        try
        {
            // By simple name: the CLI's copy is the one to use, whatever version the user's assembly asks for
            // (CheckVersions has refused one built against a newer zkoptions).
            return Host.LoadFromAssemblyName(new AssemblyName(name.Name!));
        }
        catch (FileNotFoundException)
        {
            return null;
        }
    }

    /// <summary>
    /// Refuses an assembly built against a newer zkoptions (major.minor) than this CLI: its circuits may call API the
    /// CLI's copy does not have. An older one is accepted.
    /// </summary>
    public static void CheckVersions(Assembly user, string path)
    {
        foreach (var reference in user.GetReferencedAssemblies().Where(IsZkOptions))
        {
            if (reference.Version is not Version wanted || HostCopy(reference)?.GetName().Version is not Version have)
            {
                continue;
            }
            if (new Version(wanted.Major, wanted.Minor) > new Version(have.Major, have.Minor))
            {
                throw new InputFileException(path,
                    $"was built against {reference.Name} {wanted.ToString(2)}, newer than this zkoptions ({reference.Name} {have.ToString(2)}); " +
                    $"update zkoptions, or build the assembly against {reference.Name} {have.ToString(2)}");
            }
        }
    }
}
