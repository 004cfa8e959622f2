// SPDX-License-Identifier: MIT
using System.Diagnostics;
using System.Text.RegularExpressions;
using System.Xml.Linq;

namespace ZkOptions.Cli.Tests;

/// <summary>
/// docs/getting-started.md, "Your own circuit project", run as written: the shell block after the
/// <c>docs-test: own-circuit</c> marker is executed line by line by bash, from the checkout, with HOME a temporary
/// directory (so <c>~/zkoptions-packages</c>, the NuGet source it adds, the template it installs and the project it
/// creates are all the test's own) and <c>zkoptions</c> the CLI this test run built. It packs the libraries and the
/// template, creates a project from the template, runs its tests, builds it, and runs circuit info and check, setup,
/// prove, export-vk and verify on it through <c>--assembly</c>; snarkjs verifies the proof.
/// </summary>
/// <remarks>
/// One change to the block: the test run has built the solution already, so the pack gets <c>--no-build</c> (which
/// also skips the restore that would point the checkout's build at the temporary NuGet folder). NuGet reads the
/// user's package cache as a fallback for third-party packages, unless it holds zkoptions packages of this version,
/// which could stand in for the ones packed here; then they are downloaded. Two to three minutes on 2 cores.
/// </remarks>
[Collection(PackagingCollection.Name)]
public sealed partial class GettingStartedOwnCircuitTests : IDisposable
{
    private const string PackLine = "dotnet pack zkoptions.sln -c Release -o ~/zkoptions-packages";

    private readonly string dir = Directory.CreateTempSubdirectory("zko-getting-started-").FullName;

    public void Dispose() => Directory.Delete(dir, recursive: true);

    [Fact]
    public async Task The_own_circuit_walk_through_runs_as_documented()
    {
        if (OperatingSystem.IsWindows())
        {
            return;   // the walk-through is a bash script
        }
        string script = DocumentedBlock();
        Assert.Contains(PackLine, script, StringComparison.Ordinal);
        script = script.Replace(PackLine, PackLine + " --no-build", StringComparison.Ordinal);

        string home = Path.Combine(dir, "home"), bin = Path.Combine(dir, "bin");
        Directory.CreateDirectory(home);
        Directory.CreateDirectory(bin);
        string cli = CliRunner.RepoFile("artifacts", "bin", "ZkOptions.Cli", "release", "zkoptions.dll");
        File.WriteAllText(Path.Combine(bin, "zkoptions"), $"#!/usr/bin/env bash\nexec dotnet '{cli}' \"$@\"\n");
        MakeExecutable(Path.Combine(bin, "zkoptions"));
        WriteUserNuGetConfig(home);

        var info = new ProcessStartInfo("bash") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false, WorkingDirectory = CliRunner.RepoFile() };
        info.ArgumentList.Add("-c");
        info.ArgumentList.Add("set -euxo pipefail\n" + script);
        info.Environment["HOME"] = home;
        info.Environment["PATH"] = bin + Path.PathSeparator + Environment.GetEnvironmentVariable("PATH");
        info.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        info.Environment["DOTNET_NOLOGO"] = "1";
        info.Environment["DOTNET_SKIP_FIRST_TIME_EXPERIENCE"] = "1";
        info.Environment.Remove("NUGET_PACKAGES");
        using var process = Process.Start(info)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(12));
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            Assert.Fail("the walk-through did not finish in 12 minutes");
        }
        string output = await stdout + await stderr;
        Assert.True(process.ExitCode == 0, output);
        Assert.Contains("OK: the proof is valid", output, StringComparison.Ordinal);
        Assert.Matches(SnarkjsOk(), output);
        Assert.True(File.Exists(Path.Combine(home, "circuits", "PriceCheck", "price-check.zkey")), output);
    }

    [System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
    private static void MakeExecutable(string path) =>
        File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);

    /// <summary>The shell block after the marker in docs/getting-started.md.</summary>
    private static string DocumentedBlock()
    {
        string text = File.ReadAllText(CliRunner.RepoFile("docs", "getting-started.md"));
        int marker = text.IndexOf("<!-- docs-test: own-circuit -->", StringComparison.Ordinal);
        Assert.True(marker >= 0, "docs/getting-started.md has lost its docs-test marker");
        int start = text.IndexOf("```sh\n", marker, StringComparison.Ordinal) + "```sh\n".Length;
        int end = text.IndexOf("```", start, StringComparison.Ordinal);
        return text[start..end];
    }

    /// <summary>
    /// ~/.nuget/NuGet/NuGet.Config of the temporary HOME: nuget.org, and the user's package cache as a read-only
    /// fallback unless it holds zkoptions packages of this version.
    /// </summary>
    private static void WriteUserNuGetConfig(string home)
    {
        string version = XDocument.Load(CliRunner.RepoFile("Directory.Build.props")).Descendants("VersionPrefix").Single().Value;
        string cache = Environment.GetEnvironmentVariable("NUGET_PACKAGES")
                       ?? Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".nuget", "packages");
        bool stale = Directory.Exists(cache) && Directory.EnumerateDirectories(cache, "zkoptions.*")
            .Any(package => Directory.Exists(Path.Combine(package, version)));
        string fallback = Directory.Exists(cache) && !stale
            ? $"<fallbackPackageFolders><clear /><add key=\"user-cache\" value=\"{cache}\" /></fallbackPackageFolders>"
            : "";
        string folder = Path.Combine(home, ".nuget", "NuGet");
        Directory.CreateDirectory(folder);
        File.WriteAllText(Path.Combine(folder, "NuGet.Config"), $"""
            <?xml version="1.0" encoding="utf-8"?>
            <configuration>
              <packageSources>
                <clear />
                <add key="nuget.org" value="https://api.nuget.org/v3/index.json" />
              </packageSources>
              {fallback}
            </configuration>
            """);
    }

    [GeneratedRegex(@"OK!")]
    private static partial Regex SnarkjsOk();
}
