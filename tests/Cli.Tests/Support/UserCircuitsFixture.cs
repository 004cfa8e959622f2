// SPDX-License-Identifier: MIT
namespace ZkOptions.Cli.Tests.Support;

/// <summary>
/// tests/UserCircuits.Fixture, a user's circuit library: its built dll (artifacts/bin/UserCircuits.Fixture/CONFIG/,
/// the configuration these tests were built in, beside its dependency UserCircuits.Gadgets and its .deps.json) and
/// its sources, for the lines the checker must name.
/// </summary>
internal static class UserCircuitsFixture
{
    public const string AssemblyFile = "UserCircuits.Fixture.dll";

    /// <summary>The directory the fixture project builds into.</summary>
    public static string OutputDirectory =>
        CliRunner.RepoFile("artifacts", "bin", "UserCircuits.Fixture", new DirectoryInfo(AppContext.BaseDirectory).Name);

    /// <summary>The fixture's dll.</summary>
    public static string Dll => Built(AssemblyFile);

    /// <summary>UserCircuits.Gadgets.dll, the fixture's dependency, which holds one circuit of its own.</summary>
    public static string GadgetsDll => Built(GadgetsFile);

    public const string GadgetsFile = "UserCircuits.Gadgets.dll";

    private static string Built(string file)
    {
        string path = Path.Combine(OutputDirectory, file);
        Assert.True(File.Exists(path), $"{path} is missing: build tests/UserCircuits.Fixture (tests/Cli.Tests references it so that it is built first)");
        return path;
    }

    /// <summary>The 1-based line of <paramref name="file"/> in the fixture's sources that holds <paramref name="text"/>.</summary>
    public static int LineOf(string file, string text)
    {
        string[] lines = File.ReadAllLines(CliRunner.RepoFile("tests", "UserCircuits.Fixture", file));
        int index = Array.FindIndex(lines, l => l.Contains(text, StringComparison.Ordinal));
        Assert.True(index >= 0, $"{file} has no line with '{text}'");
        return index + 1;
    }
}
