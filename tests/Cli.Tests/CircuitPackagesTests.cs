// SPDX-License-Identifier: MIT
using System.Diagnostics;
using System.IO.Compression;
using System.Text.RegularExpressions;
using System.Xml.Linq;

namespace ZkOptions.Cli.Tests;

/// <summary>
/// The packages a circuit author installs, as they meet them: `dotnet pack zkoptions.sln` writes the libraries, the
/// tool and the template package (and nothing else); the libraries carry their dll, XML docs, README and
/// exact-version dependencies on each other; `dotnet new zkoptions-circuit` from the template package makes a
/// solution that restores those packages from a local feed, builds, and passes its own tests. One to one and a half
/// minutes on this project's 2-core machine shared with other builds (the pack 12 s; the rest is the generated
/// solution's restore, build and five tests); no network when the NuGet cache holds xunit and the zkoptions
/// libraries' dependencies, as it does after the repository's own restore.
/// </summary>
[Collection(PackagingCollection.Name)]
public sealed partial class CircuitPackagesTests : IDisposable
{
    private static readonly string[] Libraries = ["ZkOptions.Field", "ZkOptions.Constraints", "ZkOptions.Prover", "ZkOptions.Circuit"];

    /// <summary>Each library's dependencies on the other zkoptions packages (its project references).</summary>
    private static readonly Dictionary<string, string[]> ZkOptionsDependencies = new()
    {
        ["ZkOptions.Field"] = [],
        ["ZkOptions.Constraints"] = ["ZkOptions.Field"],
        ["ZkOptions.Prover"] = ["ZkOptions.Constraints", "ZkOptions.Field"],
        ["ZkOptions.Circuit"] = ["ZkOptions.Constraints", "ZkOptions.Prover"],
    };

    private readonly string dir = Directory.CreateTempSubdirectory("zko-packages-").FullName;

    public void Dispose() => Directory.Delete(dir, recursive: true);

    [Fact]
    public void The_solution_packs_the_libraries_and_a_template_whose_project_restores_them_builds_and_passes_its_tests()
    {
        // A prerelease version of this run's own (VersionPrefix from Directory.Build.props, plus a suffix): no package
        // of that version can be in a NuGet cache already and stand in for the ones packed here.
        string prefix = XDocument.Load(CliRunner.RepoFile("Directory.Build.props")).Descendants("VersionPrefix").Single().Value;
        string suffix = $"packtest.{DateTime.UtcNow:yyyyMMddHHmmss}.{Environment.ProcessId}";
        string version = $"{prefix}-{suffix}";
        string feed = Path.Combine(dir, "feed");

        // --no-build: the test run has built the solution in Release; packing repackages that build.
        var pack = Dotnet(dir, "pack", CliRunner.RepoFile("zkoptions.sln"), "-c", "Release", "--no-build", "--version-suffix", suffix, "-o", feed, "-nologo");
        Assert.True(pack.Exit == 0, pack.Output);
        var packages = Directory.GetFiles(feed, "*.nupkg").Select(p => ReadPackage(p)).ToDictionary(p => p.Id);
        Assert.Equal(["ZkOptions.Circuit", "ZkOptions.Constraints", "ZkOptions.Field", "ZkOptions.Prover", "ZkOptions.Templates", "zkoptions"],
            packages.Keys.Order(StringComparer.Ordinal));
        Assert.All(packages.Values, p => Assert.Equal(version, p.Version));

        foreach (string id in Libraries)
        {
            var package = packages[id];
            Assert.Contains($"lib/net10.0/{id}.dll", package.Entries);
            Assert.Contains("README.md", package.Entries);
            Assert.Contains("<member name=", package.Text($"lib/net10.0/{id}.xml"), StringComparison.Ordinal);
            Assert.Contains($"# {id}", package.Text("README.md"), StringComparison.Ordinal);
            Assert.Equal("MIT", package.Metadata("license"));
            Assert.Equal("README.md", package.Metadata("readme"));
            Assert.False(string.IsNullOrWhiteSpace(package.Metadata("tags")), $"{id} has no tags");
            Assert.False(string.IsNullOrWhiteSpace(package.Metadata("description")), $"{id} has no description");
            Assert.True(File.Exists(Path.Combine(feed, $"{id}.{version}.snupkg")), $"{id} has no symbol package");
            var zkoptionsDependencies = package.Dependencies.Where(d => d.Id.StartsWith("ZkOptions.", StringComparison.Ordinal)).ToList();
            Assert.Equal(ZkOptionsDependencies[id], zkoptionsDependencies.Select(d => d.Id).Order(StringComparer.Ordinal));
            Assert.All(zkoptionsDependencies, d => Assert.Equal($"[{version}]", d.Version));
        }
        Assert.Contains(packages["ZkOptions.Prover"].Dependencies, d => d.Id == "BouncyCastle.Cryptography");

        // The template package: content only, its projects pinned to this version and to Directory.Packages.props' xunit.
        var templates = packages["ZkOptions.Templates"];
        Assert.Equal("Template", templates.Nuspec.Descendants().Single(e => e.Name.LocalName == "packageType").Attribute("name")!.Value);
        Assert.DoesNotContain(templates.Entries, e => e.StartsWith("lib/", StringComparison.Ordinal));
        Assert.Contains("content/zkoptions-circuit/.template.config/template.json", templates.Entries);
        Assert.Contains($"Include=\"ZkOptions.Circuit\" Version=\"{version}\"", templates.Text("content/zkoptions-circuit/MyCircuit/MyCircuit.csproj"), StringComparison.Ordinal);
        string testProject = templates.Text("content/zkoptions-circuit/MyCircuit.Tests/MyCircuit.Tests.csproj");
        foreach (var reference in XDocument.Load(CliRunner.RepoFile("Directory.Packages.props")).Descendants("PackageVersion")
                     .Where(p => p.Attribute("Include")!.Value is "xunit" or "xunit.runner.visualstudio" or "Microsoft.NET.Test.Sdk"))
        {
            Assert.Contains($"Include=\"{reference.Attribute("Include")!.Value}\" Version=\"{reference.Attribute("Version")!.Value}\"", testProject, StringComparison.Ordinal);
        }

        // dotnet new, in a hive of its own so the user's ~/.templateengine is left alone.
        string hive = Path.Combine(dir, "hive"), project = Path.Combine(dir, "PriceCheck");
        var install = Dotnet(dir, "new", "install", Path.Combine(feed, $"ZkOptions.Templates.{version}.nupkg"), "--debug:custom-hive", hive);
        Assert.True(install.Exit == 0, install.Output);
        var create = Dotnet(dir, "new", "zkoptions-circuit", "-n", "PriceCheck", "-o", project, "--no-update-check", "--debug:custom-hive", hive);
        Assert.True(create.Exit == 0, create.Output);
        string P(params string[] parts) => Path.Combine([project, .. parts]);
        Assert.True(File.Exists(P("PriceCheck.slnx")) && File.Exists(P("input.json")) && File.Exists(P("PriceCheck.Tests", "PriceCheckTests.cs")), create.Output);
        Assert.Contains("public sealed class PriceCheck : Circuit", File.ReadAllText(P("PriceCheck", "PriceCheck.cs")), StringComparison.Ordinal);
        Assert.Contains("zkoptions setup --circuit PriceCheck --assembly", File.ReadAllText(P("README.md")), StringComparison.Ordinal);

        // Restore from the feed (nuget.org after it), into a packages folder of this test's own; the user's NuGet cache
        // is read (as a fallback folder) for everything else, never written.
        string userPackages = GlobalPackagesFolder();
        string packagesFolder = Path.Combine(dir, "packages");
        File.WriteAllText(P("nuget.config"), $"""
            <?xml version="1.0" encoding="utf-8"?>
            <configuration>
              <packageSources>
                <clear />
                <add key="zkoptions-test-feed" value="{feed}" />
                <add key="nuget.org" value="https://api.nuget.org/v3/index.json" />
              </packageSources>
              <fallbackPackageFolders>
                <clear />
                <add key="user-cache" value="{userPackages}" />
              </fallbackPackageFolders>
            </configuration>
            """);
        var test = Dotnet(project, new Dictionary<string, string> { ["NUGET_PACKAGES"] = packagesFolder }, "test", P("PriceCheck.slnx"));
        Assert.True(test.Exit == 0, test.Output);
        var counts = TestCounts().Match(test.Output);
        Assert.True(counts.Success && int.Parse(counts.Groups["failed"].Value) == 0 && int.Parse(counts.Groups["passed"].Value) >= 4, test.Output);
        Assert.True(Directory.Exists(Path.Combine(packagesFolder, "zkoptions.circuit", version)), "ZkOptions.Circuit was not restored from the test feed");
    }

    [GeneratedRegex(@"Failed:\s+(?<failed>\d+), Passed:\s+(?<passed>\d+)")]
    private static partial Regex TestCounts();

    /// <summary>The user's NuGet global packages folder, read-only here.</summary>
    private string GlobalPackagesFolder()
    {
        var locals = Dotnet(dir, "nuget", "locals", "global-packages", "--list");
        Assert.True(locals.Exit == 0, locals.Output);
        var line = locals.Output.Split('\n').Select(l => l.Trim()).Single(l => l.StartsWith("global-packages:", StringComparison.Ordinal));
        return line["global-packages:".Length..].Trim();
    }

    private sealed record Dependency(string Id, string Version);

    private sealed record Package(string Path, XDocument Nuspec, IReadOnlyList<string> Entries)
    {
        public string Id => Metadata("id");
        public string Version => Metadata("version");

        public string Metadata(string name) =>
            Nuspec.Descendants().FirstOrDefault(e => e.Name.LocalName == name && e.Parent?.Name.LocalName == "metadata")?.Value ?? "";

        public IReadOnlyList<Dependency> Dependencies =>
            Nuspec.Descendants().Where(e => e.Name.LocalName == "dependency")
                .Select(e => new Dependency(e.Attribute("id")!.Value, e.Attribute("version")!.Value)).ToList();

        public string Text(string entry)
        {
            using var zip = ZipFile.OpenRead(Path);
            using var reader = new StreamReader(zip.GetEntry(entry)?.Open() ?? throw new InvalidOperationException($"{Path} has no {entry}"));
            return reader.ReadToEnd();
        }
    }

    private static Package ReadPackage(string path)
    {
        using var zip = ZipFile.OpenRead(path);
        var entries = zip.Entries.Select(e => e.FullName).ToList();
        var nuspec = zip.Entries.Single(e => !e.FullName.Contains('/') && e.FullName.EndsWith(".nuspec", StringComparison.Ordinal));
        using var stream = nuspec.Open();
        return new Package(path, XDocument.Load(stream), entries);
    }

    private static (int Exit, string Output) Dotnet(string workingDirectory, params string[] args) => Dotnet(workingDirectory, [], args);

    private static (int Exit, string Output) Dotnet(string workingDirectory, Dictionary<string, string> environment, params string[] args)
    {
        var info = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false, WorkingDirectory = workingDirectory };
        foreach (string a in args)
        {
            info.ArgumentList.Add(a);
        }
        info.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        info.Environment["DOTNET_NOLOGO"] = "1";
        foreach (var (name, value) in environment)
        {
            info.Environment[name] = value;
        }
        using var process = Process.Start(info)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(TimeSpan.FromMinutes(8)))
        {
            process.Kill(entireProcessTree: true);
            return (-1, $"dotnet {string.Join(' ', args)} timed out after 8 minutes");
        }
        return (process.ExitCode, stdout.Result + stderr.Result);
    }
}

/// <summary>Tests that run `dotnet pack` on the repository's projects, one at a time (they share obj/ and the CPU).</summary>
[CollectionDefinition(Name)]
public sealed class PackagingCollection
{
    public const string Name = "dotnet pack";
}
