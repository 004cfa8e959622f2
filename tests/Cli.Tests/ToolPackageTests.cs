// SPDX-License-Identifier: MIT
using System.Diagnostics;
using System.IO.Compression;

namespace ZkOptions.Cli.Tests;

/// <summary>
/// Packaging as a user meets it: `dotnet pack src/Cli` makes a .NET tool package, and `dotnet tool install
/// --add-source` of it gives a `zkoptions` command that runs (its version, and a snarkjs proof verified).
/// </summary>
[Collection(PackagingCollection.Name)]
public sealed class ToolPackageTests : IDisposable
{
    private readonly string dir = Directory.CreateTempSubdirectory("zko-pack-").FullName;

    public void Dispose() => Directory.Delete(dir, recursive: true);

    [Fact]
    public void Dotnet_pack_makes_a_tool_that_dotnet_tool_install_installs_and_that_runs()
    {
        string feed = Path.Combine(dir, "feed"), toolPath = Path.Combine(dir, "tools");
        // --no-build: the test run has built src/Cli in Release already; packing repackages that build.
        var pack = Dotnet("pack", CliRunner.RepoFile("src", "Cli", "ZkOptions.Cli.csproj"), "-c", "Release", "--no-build", "-o", feed, "-nologo");
        Assert.True(pack.Exit == 0, pack.Output);
        string package = Assert.Single(Directory.GetFiles(feed, "zkoptions.*.nupkg"));
        using (var zip = ZipFile.OpenRead(package))
        {
            var entries = zip.Entries.Select(e => e.FullName).ToList();
            Assert.Contains(entries, e => e.EndsWith("/zkoptions.dll", StringComparison.Ordinal));
            Assert.Contains(entries, e => e.EndsWith("DotnetToolSettings.xml", StringComparison.Ordinal));
            Assert.Contains("README.md", entries);
        }

        string version = VersionAction.Version.Split('+')[0];
        var install = Dotnet("tool", "install", "zkoptions", "--tool-path", toolPath, "--add-source", feed, "--version", version);
        Assert.True(install.Exit == 0, install.Output);
        string zkoptions = Path.Combine(toolPath, OperatingSystem.IsWindows() ? "zkoptions.exe" : "zkoptions");

        var versionRun = Run(zkoptions, "--version");
        Assert.True(versionRun.Exit == 0, versionRun.Output);
        Assert.StartsWith(version, versionRun.Output.Trim(), StringComparison.Ordinal);

        string V(string name) => CliRunner.RepoFile("vectors", "snarkjs", name);
        var verify = Run(zkoptions, "verify", "--vk", V("public_inputs.vkey.json"), "--proof", V("public_inputs.proof.json"), "--public", V("public_inputs.public.json"));
        Assert.True(verify.Exit == 0, verify.Output);
        Assert.Contains("OK", verify.Output);
    }

    private static (int Exit, string Output) Dotnet(params string[] args) => Run("dotnet", args);

    private static (int Exit, string Output) Run(string file, params string[] args)
    {
        var info = new ProcessStartInfo(file) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (string a in args)
        {
            info.ArgumentList.Add(a);
        }
        info.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        info.Environment["DOTNET_NOLOGO"] = "1";
        using var process = Process.Start(info)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(TimeSpan.FromMinutes(5)))
        {
            process.Kill(entireProcessTree: true);
            return (-1, $"{file} {string.Join(' ', args)} timed out after 5 minutes");
        }
        return (process.ExitCode, stdout.Result + stderr.Result);
    }
}
