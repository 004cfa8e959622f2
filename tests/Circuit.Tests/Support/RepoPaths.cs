// SPDX-License-Identifier: MIT
namespace ZkOptions.Circuit.Tests.Support;

/// <summary>Finds files checked into the repository (vectors/), wherever the test assembly was built.</summary>
public static class RepoPaths
{
    public static string Root { get; } = FindRoot();

    public static string Vector(params string[] parts) => Path.Combine([Root, "vectors", .. parts]);

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "zkoptions.sln")))
            {
                return dir.FullName;
            }
        }
        throw new InvalidOperationException($"zkoptions.sln not found above {AppContext.BaseDirectory}; run the tests from a checkout.");
    }
}
