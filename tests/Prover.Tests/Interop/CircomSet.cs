// SPDX-License-Identifier: MIT
using System.Diagnostics;
using System.Text.Json;
using System.Text.Json.Nodes;
using ZkOptions.Prover.Tests.Support;

namespace ZkOptions.Prover.Tests.Interop;

/// <summary>
/// The circom interop set built by vectors/circom/build.sh into artifacts/circom (scripts/test.sh runs it before the
/// tests; override the folder with ZKOPTIONS_CIRCOM_DIR). Missing files fail the tests loudly with the command to
/// run: these are the external-oracle checks and must not silently vanish.
/// </summary>
public sealed class CircomSet
{
    public static readonly string Directory =
        Environment.GetEnvironmentVariable("ZKOPTIONS_CIRCOM_DIR") ?? Path.Combine(RepoPaths.Root, "artifacts", "circom");

    private static readonly Lazy<JsonNode> Manifest = new(() =>
    {
        string path = Path.Combine(Directory, "manifest.json");
        if (!File.Exists(path))
        {
            throw new InvalidOperationException(
                $"{path} is missing. The snarkjs/circom interop tests need it: run `npm ci --prefix tools && vectors/circom/build.sh artifacts/circom` " +
                "(scripts/test.sh does both).");
        }
        return JsonNode.Parse(File.ReadAllText(path))!;
    });

    public static IEnumerable<object[]> Names => new[] { "public_inputs", "many_gates", "poseidon", "eight_publics" }.Select(n => new object[] { n });

    public static CircomCircuit Get(string name)
    {
        var node = Manifest.Value["circuits"]!.AsArray().Single(c => c!["name"]!.GetValue<string>() == name)!;
        string File(string key) => Path.Combine(Directory, node[key]!.GetValue<string>());
        return new CircomCircuit(name, File("r1cs"), File("wtns"), File("plonkZkey"), File("vkey"), File("proof"), File("public"),
            node["nPublic"]!.GetValue<int>(), Path.Combine(Directory, Manifest.Value["ptau"]!["file"]!.GetValue<string>()));
    }

    /// <summary>Runs the pinned snarkjs's PLONK verifier on each (vk, public, proof) triple in one node process.</summary>
    public static bool[] SnarkjsVerify(IReadOnlyList<(string Vk, string Public, string Proof)> jobs)
    {
        string jobsFile = Path.GetTempFileName();
        try
        {
            System.IO.File.WriteAllText(jobsFile, JsonSerializer.Serialize(jobs.Select(j => new { vk = j.Vk, @public = j.Public, proof = j.Proof })));
            string script = Path.Combine(RepoPaths.Root, "tests", "Prover.Tests", "Interop", "snarkjs-verify-many.mjs");
            var (exit, stdout, stderr) = Run("node", script, jobsFile);
            Assert.True(exit == 0, $"snarkjs verify script failed ({exit}): {stderr}");
            return JsonSerializer.Deserialize<bool[]>(stdout.Trim().Split('\n')[^1])!;
        }
        finally
        {
            System.IO.File.Delete(jobsFile);
        }
    }

    /// <summary>Runs the pinned snarkjs CLI.</summary>
    public static (int Exit, string Stdout, string Stderr) Snarkjs(params string[] args) =>
        Run("node", [Path.Combine(RepoPaths.Root, "tools", "node_modules", "snarkjs", "build", "cli.cjs"), .. args]);

    private static (int Exit, string Stdout, string Stderr) Run(string file, params string[] args)
    {
        var info = new ProcessStartInfo(file) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var a in args)
        {
            info.ArgumentList.Add(a);
        }
        using var process = Process.Start(info)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        process.WaitForExit();
        return (process.ExitCode, stdout.Result, stderr.Result);
    }
}

public sealed record CircomCircuit(string Name, string R1cs, string Wtns, string Zkey, string Vkey, string Proof, string Public, int NPublic, string Ptau);
