// SPDX-License-Identifier: MIT
using System.Diagnostics;
using ZkOptions.Prover.Tests.Interop;

namespace ZkOptions.Cli.Tests;

/// <summary>
/// examples/ProveInAFewLines, the C# API of docs/circuits.md, run as built: it proves and verifies, and the files it
/// writes are the CLI's and snarkjs's (zkoptions verify and snarkjs plonk verify accept the proof, and the
/// verification key it wrote is the one zkoptions exports from its .zkey).
/// </summary>
public sealed class ProveInAFewLinesExampleTests : IDisposable
{
    private readonly string dir = Directory.CreateTempSubdirectory("zko-example-").FullName;

    public void Dispose() => Directory.Delete(dir, recursive: true);

    [Fact]
    public void The_example_proves_verifies_and_writes_files_the_cli_and_snarkjs_accept()
    {
        // Built beside this test assembly (artifacts/bin/<project>/<configuration>/), in the same configuration.
        string configuration = new DirectoryInfo(AppContext.BaseDirectory).Name;
        string example = CliRunner.RepoFile("artifacts", "bin", "ProveInAFewLines", configuration, "ProveInAFewLines.dll");
        Assert.True(File.Exists(example), $"{example} is missing: build the solution (or tests/Cli.Tests) first");
        string outDir = Path.Combine(dir, "out");

        var (exit, output) = Run("dotnet", example, outDir);
        Assert.True(exit == 0, output);
        Assert.Contains("proof verified", output);

        string F(string name) => Path.Combine(outDir, name);
        var verify = CliRunner.Run("verify", "--vk", F("vk.json"), "--proof", F("proof.json"), "--public", F("public.json"));
        Assert.True(verify.Exit == 0, verify.Out + verify.Err);
        var export = CliRunner.Run("zkey", "export-vk", "--zkey", F("notional.zkey"), "--vk", Path.Combine(dir, "exported-vk.json"));
        Assert.True(export.Exit == 0, export.Out + export.Err);
        Assert.Equal(File.ReadAllText(F("vk.json")), File.ReadAllText(Path.Combine(dir, "exported-vk.json")));

        var snarkjs = CircomSet.Snarkjs("plonk", "verify", F("vk.json"), F("public.json"), F("proof.json"));
        Assert.True(snarkjs.Exit == 0 && snarkjs.Stdout.Contains("OK!"), snarkjs.Stdout + snarkjs.Stderr);
    }

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
        if (!process.WaitForExit(TimeSpan.FromMinutes(2)))
        {
            process.Kill(entireProcessTree: true);
            return (-1, $"{file} {string.Join(' ', args)} timed out after 2 minutes");
        }
        return (process.ExitCode, stdout.Result + stderr.Result);
    }
}
