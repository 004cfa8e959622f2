// SPDX-License-Identifier: MIT
using System.Text.Json.Nodes;
using ZkOptions.Field;
using ZkOptions.Prover.Formats;
using ZkOptions.Prover.Tests.Support;

namespace ZkOptions.Prover.Tests.Formats;

/// <summary>
/// Where vectors/circom/build.sh puts its output (artifacts/circom/manifest.json describes it). scripts/test.sh
/// runs the build before the tests; a plain `dotnet test` without it skips these tests, except under CI=true,
/// where missing vectors must fail rather than pass unnoticed.
/// </summary>
internal static class CircomVectors
{
    public static string Directory { get; } = Path.Combine(RepoPaths.Root, "artifacts", "circom");

    public static string ManifestPath => Path.Combine(Directory, "manifest.json");

    public static bool Available => File.Exists(ManifestPath);

    public static JsonObject Manifest => (JsonObject)JsonNode.Parse(File.ReadAllText(ManifestPath))!;

    public static string PathOf(string relative) => Path.Combine(Directory, relative);

    public static IEnumerable<JsonObject> Circuits => Manifest["circuits"]!.AsArray().Select(c => c!.AsObject());

    public static JsonObject Circuit(string name) => Circuits.Single(c => (string?)c["name"] == name);
}

/// <summary>A fact that needs the circom vectors: skipped without them, except in CI.</summary>
internal sealed class CircomVectorsFactAttribute : FactAttribute
{
    public CircomVectorsFactAttribute()
    {
        if (!CircomVectors.Available && Environment.GetEnvironmentVariable("CI") != "true")
        {
            Skip = $"run vectors/circom/build.sh artifacts/circom first ({CircomVectors.ManifestPath} is missing)";
        }
    }
}

/// <summary>The three circom circuits, compiled and proved by snarkjs, read back by the format readers.</summary>
public sealed class CircomVectorsTests
{
    [CircomVectorsFact]
    public void Every_circuit_witness_satisfies_its_r1cs_and_public_json_is_its_public_part()
    {
        foreach (JsonObject c in CircomVectors.Circuits)
        {
            R1csFile r1cs = R1csFile.Read(CircomVectors.PathOf((string)c["r1cs"]!));
            Fr[] witness = WitnessFile.Read(CircomVectors.PathOf((string)c["wtns"]!));
            Assert.Equal(r1cs.WireCount, witness.Length);
            Assert.Equal(-1, r1cs.FirstUnsatisfiedConstraint(witness));

            PlonkVerificationKey vk = PlonkVerificationKey.Read(CircomVectors.PathOf((string)c["vkey"]!));
            Assert.Equal(r1cs.PublicCount, vk.NPublic);
            Fr[] signals = PublicSignals.Read(CircomVectors.PathOf((string)c["public"]!), vk.NPublic);
            Assert.Equal(witness[1..(1 + vk.NPublic)], signals);
        }
    }

    [CircomVectorsFact]
    public void Every_snarkjs_proof_and_key_is_rewritten_byte_for_byte()
    {
        foreach (JsonObject c in CircomVectors.Circuits)
        {
            string proofPath = CircomVectors.PathOf((string)c["proof"]!);
            string vkPath = CircomVectors.PathOf((string)c["vkey"]!);
            string publicPath = CircomVectors.PathOf((string)c["public"]!);
            Assert.Equal(File.ReadAllText(proofPath), PlonkProof.Read(proofPath).ToJsonText());
            Assert.Equal(File.ReadAllText(vkPath), PlonkVerificationKey.Read(vkPath).ToJsonText());
            Assert.Equal(File.ReadAllText(publicPath), PublicSignals.ToJsonText(PublicSignals.Read(publicPath)));
        }
    }

    [CircomVectorsFact]
    public void Circuits_have_the_shapes_the_interop_tests_rely_on()
    {
        // (a) ≥ 3 public inputs and an output; (b) a 2^13 PLONK domain; (c) Poseidon's single public output.
        R1csFile a = R1csFile.Read(CircomVectors.PathOf((string)CircomVectors.Circuit("public_inputs")["r1cs"]!));
        Assert.True(a.PublicInputCount >= 3 && a.PublicOutputCount >= 1);
        Assert.Equal(13, (int)CircomVectors.Circuit("many_gates")["power"]!);
        Assert.Equal(1, (int)CircomVectors.Circuit("poseidon")["nPublic"]!);
        // Poseidon([1, 2]) as the pinned circomlibjs 0.1.7 computes it (buildPoseidon()([1, 2])), independent of circom.
        Fr[] hash = PublicSignals.Read(CircomVectors.PathOf((string)CircomVectors.Circuit("poseidon")["public"]!));
        Assert.Equal(Fr.Parse("7853200120776062878684798364095072458815029376092732009249414926327459813530"), hash[0]);
    }

    [CircomVectorsFact]
    public void The_power_13_ptau_serves_the_largest_domain_and_matches_every_key()
    {
        JsonObject manifest = CircomVectors.Manifest;
        string path = CircomVectors.PathOf((string)manifest["ptau"]!["file"]!);
        using var ptau = PowersOfTau.Open(path);
        Assert.Equal(13, ptau.Power);
        G1Affine[] lagrange = ptau.ReadLagrangeG1(13);
        G1Jacobian sum = G1Jacobian.Infinity;
        foreach (G1Affine p in lagrange)
        {
            sum += p;
        }
        Assert.Equal(G1Affine.Generator, sum.ToAffine()); // Σ L_i(τ) = 1
        G2Affine tau2 = ptau.ReadTauG2(2)[1];
        foreach (JsonObject c in CircomVectors.Circuits)
        {
            Assert.Equal(tau2, PlonkVerificationKey.Read(CircomVectors.PathOf((string)c["vkey"]!)).X2);
        }
        FormatFiles.Fails(path, () => ptau.ReadLagrangeG1(14), "ptau has power 13 (8192 points); the circuit needs 2^14");
    }
}
