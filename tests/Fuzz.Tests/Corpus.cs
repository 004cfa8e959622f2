// SPDX-License-Identifier: MIT
namespace ZkOptions.Fuzz.Tests;

/// <summary>tests/Fuzz.Corpus: one folder per target, seed files and the minimized inputs the fuzzers found.</summary>
internal static class Corpus
{
    /// <summary>The corpus root, found by walking up from the test binaries to the repository.</summary>
    public static string Root { get; } = FindRoot();

    /// <summary>The files of <paramref name="target"/>'s folder, sorted.</summary>
    public static string[] Files(string target)
    {
        string dir = Path.Combine(Root, target);
        return Directory.Exists(dir) ? [.. Directory.EnumerateFiles(dir).Order(StringComparer.Ordinal)] : [];
    }

    /// <summary>Every target's name, for theories.</summary>
    public static TheoryData<string> Targets()
    {
        var data = new TheoryData<string>();
        foreach (ReaderTarget t in ReaderTargets.All)
        {
            data.Add(t.Name);
        }
        return data;
    }

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            string candidate = Path.Combine(dir.FullName, "tests", "Fuzz.Corpus");
            if (Directory.Exists(candidate))
            {
                return candidate;
            }
        }
        throw new DirectoryNotFoundException($"tests/Fuzz.Corpus not found above {AppContext.BaseDirectory}");
    }
}

/// <summary>A scratch folder for the files the readers are given; deleted with the test class.</summary>
public sealed class ScratchFolder : IDisposable
{
    /// <summary>The folder.</summary>
    public string Path { get; } = Directory.CreateTempSubdirectory("zkoptions-fuzz-tests-").FullName;

    /// <summary>The scratch file for <paramref name="target"/>.</summary>
    public string FileFor(ReaderTarget target) => System.IO.Path.Combine(Path, target.Name + target.Extension);

    /// <inheritdoc/>
    public void Dispose() => Directory.Delete(Path, recursive: true);
}
