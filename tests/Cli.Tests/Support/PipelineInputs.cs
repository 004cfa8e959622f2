// SPDX-License-Identifier: MIT
using System.Numerics;
using System.Text.Json.Nodes;
using ZkOptions.Field;

namespace ZkOptions.Cli.Tests.Support;

/// <summary>
/// Small real inputs for every verb, made once per test class: the checked-in snarkjs set (vectors/snarkjs), circuit
/// inputs that do and do not satisfy <c>cubic</c>, a signature and a forged one, a tampered proof, and a settlement
/// state from one run of the built-in scenario.
/// </summary>
public sealed class PipelineInputs : IDisposable
{
    /// <summary>An EdDSA private key for the tests (never a real one).</summary>
    public const string PrivateKeyHex = "0101010101010101010101010101010101010101010101010101010101010101";

    public PipelineInputs()
    {
        Dir = Directory.CreateTempSubdirectory("zko-pipeline-").FullName;
        File.WriteAllText(CubicGood, """{"y": "35", "x": "3"}""");
        File.WriteAllText(CubicBad, """{"y": "36", "x": "3"}""");

        var (signExit, signature, signErr) = CliRunner.Run("eddsa", "sign", "--key", PrivateKeyHex, "--message", "42");
        Assert.True(signExit == 0, signErr);
        File.WriteAllText(Signature, signature);
        JsonObject forged = JsonNode.Parse(signature)!.AsObject();
        forged["message"] = "43";
        File.WriteAllText(ForgedSignature, forged.ToJsonString());

        // A different evaluation below r: still a well-formed proof, but not one that verifies.
        JsonObject proof = JsonNode.Parse(File.ReadAllText(Vector("public_inputs.proof.json")))!.AsObject();
        proof["eval_a"] = ((BigInteger.Parse((string)proof["eval_a"]!) + 1) % Fr.Modulus).ToString();
        File.WriteAllText(TamperedProof, proof.ToJsonString());

        var (simExit, _, simErr) = CliRunner.Run("simulate", "--out", Path.Combine(Dir, "scenario"));
        Assert.True(simExit == 0, simErr);
        // One transaction per batch, so `batch check` builds the small batch-1 circuit.
        var (oneExit, _, oneErr) = CliRunner.Run("simulate", "--out", Path.Combine(Dir, "scenario-1"), "--max-batch", "1");
        Assert.True(oneExit == 0, oneErr);
    }

    /// <summary>The directory every test of the class writes into.</summary>
    public string Dir { get; }

    public string CubicGood => Path.Combine(Dir, "cubic-good.json");

    public string CubicBad => Path.Combine(Dir, "cubic-bad.json");

    public string Signature => Path.Combine(Dir, "signature.json");

    public string ForgedSignature => Path.Combine(Dir, "signature-forged.json");

    public string TamperedProof => Path.Combine(Dir, "proof-tampered.json");

    public string State => Path.Combine(Dir, "scenario", "state.json");

    /// <summary>A one-transaction batch file of the built-in scenario (a deposit), and its parameters.</summary>
    public string SmallBatch => Path.Combine(Dir, "scenario-1", "batch-0002.json");

    public string SmallBatchParameters => Path.Combine(Dir, "scenario-1", "parameters.json");

    /// <summary>A path in <see cref="Dir"/> that no other test uses.</summary>
    public string Fresh(string name) => Path.Combine(Dir, $"{Guid.NewGuid():N}-{name}");

    public static string Vector(string name) => CliRunner.RepoFile("vectors", "snarkjs", name);

    public static string Repo(params string[] parts) => CliRunner.RepoFile(parts);

    public void Dispose() => Directory.Delete(Dir, recursive: true);
}
