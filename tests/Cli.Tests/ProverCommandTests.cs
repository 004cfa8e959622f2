// SPDX-License-Identifier: MIT
using ZkOptions.Field;
using ZkOptions.Prover.Formats;

namespace ZkOptions.Cli.Tests;

/// <summary>
/// prove / verify / setup / zkey export-vk through the CLI on the checked-in snarkjs set (vectors/snarkjs):
/// the happy paths, and every kind of bad input the issue lists — exit 2, the file and the problem named, and no
/// output file left behind.
/// </summary>
public sealed class ProverCommandTests : IDisposable
{
    private readonly string dir = Directory.CreateTempSubdirectory("zkoptions-cli-").FullName;

    public void Dispose() => Directory.Delete(dir, recursive: true);

    private static string V(string name) => CliRunner.RepoFile("vectors", "snarkjs", name);

    private string Out(string name) => Path.Combine(dir, name);

    private (int Exit, string Out, string Err) Prove(string zkey, string witness) =>
        CliRunner.Run("prove", "--zkey", zkey, "--witness", witness, "--proof", Out("proof.json"), "--public", Out("public.json"), "--device", "cpu");

    private void AssertBadInput((int Exit, string Out, string Err) r, string file, string problem)
    {
        Assert.True(r.Exit == ExitCodes.BadInput, $"exit {r.Exit}: {r.Err}");
        Assert.Contains(file, r.Err);
        Assert.Contains(problem, r.Err);
        Assert.DoesNotContain("   at ", r.Err); // no stack trace
        var written = Directory.GetFiles(dir).Select(Path.GetFileName).Where(f => !f!.StartsWith("input-", StringComparison.Ordinal)).ToList();
        Assert.True(written.Count == 0, "left behind: " + string.Join(", ", written));
    }

    private string Truncated(string source, double fraction)
    {
        byte[] bytes = File.ReadAllBytes(source);
        string path = Out($"input-{Path.GetFileNameWithoutExtension(source)}-{fraction}{Path.GetExtension(source)}");
        File.WriteAllBytes(path, bytes[..(int)(bytes.Length * fraction)]);
        return path;
    }

    [Fact]
    public void ProveThenVerifyAndExportTheVerificationKey()
    {
        var prove = Prove(V("public_inputs.plonk.zkey"), V("public_inputs.wtns"));
        Assert.True(prove.Exit == 0, prove.Err);
        Assert.Equal(File.ReadAllText(V("public_inputs.public.json")), File.ReadAllText(Out("public.json")));

        var export = CliRunner.Run("zkey", "export-vk", "--zkey", V("public_inputs.plonk.zkey"), "--vk", Out("vk.json"));
        Assert.Equal(0, export.Exit);
        Assert.Equal(File.ReadAllText(V("public_inputs.vkey.json")), File.ReadAllText(Out("vk.json")));

        var verify = CliRunner.Run("verify", "--vk", Out("vk.json"), "--proof", Out("proof.json"), "--public", Out("public.json"));
        Assert.Equal(0, verify.Exit);
        Assert.Contains("OK", verify.Out);
    }

    [Fact]
    public void VerifyExitsOneForAValidButWrongProof()
    {
        string publicPath = Out("input-public.json");
        var signals = PublicSignals.Read(V("public_inputs.public.json"));
        signals[0] += Fr.One;
        PublicSignals.Write(publicPath, signals);
        var r = CliRunner.Run("verify", "--vk", V("public_inputs.vkey.json"), "--proof", V("public_inputs.proof.json"), "--public", publicPath);
        Assert.Equal(ExitCodes.Rejected, r.Exit);
        Assert.Contains("INVALID", r.Err);
    }

    [Fact]
    public void SetupWritesSnarkjsKey()
    {
        var r = CliRunner.Run("setup", "--r1cs", V("public_inputs.r1cs"), "--ptau", V("pot8_final.ptau"), "--zkey", Out("k.zkey"), "--device", "cpu");
        Assert.True(r.Exit == 0, r.Err);
        Assert.Equal(File.ReadAllBytes(V("public_inputs.plonk.zkey")), File.ReadAllBytes(Out("k.zkey")));
    }

    [Theory]
    [InlineData(0.5)]
    [InlineData(0.95)]
    [InlineData(0.0005)]
    public void TruncatedZkeyIsBadInput(double fraction)
    {
        string zkey = Truncated(V("public_inputs.plonk.zkey"), fraction);
        AssertBadInput(Prove(zkey, V("public_inputs.wtns")), zkey, fraction < 0.001 ? "too short" : "truncated");
    }

    [Fact]
    public void TruncatedWitnessIsBadInput()
    {
        string wtns = Truncated(V("public_inputs.wtns"), 0.8);
        AssertBadInput(Prove(V("public_inputs.plonk.zkey"), wtns), wtns, "truncated");
    }

    [Fact]
    public void TruncatedPtauIsBadInput()
    {
        string ptau = Truncated(V("pot8_final.ptau"), 0.3);
        var r = CliRunner.Run("setup", "--r1cs", V("public_inputs.r1cs"), "--ptau", ptau, "--zkey", Out("k.zkey"));
        AssertBadInput(r, ptau, "truncated");
    }

    [Fact]
    public void Groth16ZkeyIsBadInput()
    {
        AssertBadInput(Prove(V("public_inputs.groth16.zkey"), V("public_inputs.wtns")), "public_inputs.groth16.zkey", "Groth16");
    }

    [Fact]
    public void WitnessOfTheWrongLengthIsBadInput()
    {
        string wtns = Out("input-short.wtns");
        var w = WitnessFile.Read(V("public_inputs.wtns"));
        WitnessFile.Write(wtns, w[..^1]);
        AssertBadInput(Prove(V("public_inputs.plonk.zkey"), wtns), wtns, "witness wires");
    }

    [Fact]
    public void WitnessForAnotherCircuitIsBadInputNamingTheGate()
    {
        // Same length, other values: the output no longer matches the inputs, so a gate fails.
        string wtns = Out("input-other.wtns");
        var w = WitnessFile.Read(V("public_inputs.wtns"));
        w[^1] += Fr.One;
        WitnessFile.Write(wtns, w);
        AssertBadInput(Prove(V("public_inputs.plonk.zkey"), wtns), wtns, "is not satisfied");
    }

    [Fact]
    public void ProofWithAPointOffTheCurveIsBadInput()
    {
        string proof = Out("input-proof.json");
        string text = File.ReadAllText(V("public_inputs.proof.json"));
        var json = System.Text.Json.Nodes.JsonNode.Parse(text)!;
        json["A"]![1] = "5"; // y = 5 is not on the curve for A.x
        File.WriteAllText(proof, json.ToJsonString());
        var r = CliRunner.Run("verify", "--vk", V("public_inputs.vkey.json"), "--proof", proof, "--public", V("public_inputs.public.json"));
        AssertBadInput(r, proof, "A");
    }

    [Fact]
    public void ProofWithAScalarAboveTheFieldIsBadInput()
    {
        string proof = Out("input-proof.json");
        var json = System.Text.Json.Nodes.JsonNode.Parse(File.ReadAllText(V("public_inputs.proof.json")))!;
        json["eval_a"] = (Fr.Modulus + 1).ToString();
        File.WriteAllText(proof, json.ToJsonString());
        var r = CliRunner.Run("verify", "--vk", V("public_inputs.vkey.json"), "--proof", proof, "--public", V("public_inputs.public.json"));
        AssertBadInput(r, proof, "eval_a");
    }

    [Fact]
    public void PublicSignalAboveTheFieldIsBadInput()
    {
        string publicPath = Out("input-public.json");
        var json = System.Text.Json.Nodes.JsonNode.Parse(File.ReadAllText(V("public_inputs.public.json")))!.AsArray();
        json[1] = (Fr.Modulus + 3).ToString(); // would alias 3 if reduced
        File.WriteAllText(publicPath, json.ToJsonString());
        var r = CliRunner.Run("verify", "--vk", V("public_inputs.vkey.json"), "--proof", V("public_inputs.proof.json"), "--public", publicPath);
        AssertBadInput(r, publicPath, "signal");
    }

    [Fact]
    public void PtauTooSmallForTheCircuitIsBadInput()
    {
        // A power-2 ptau cannot hold the 2^3 domain every PLONK circuit needs at least.
        string ptau = Out("input-pot2.ptau");
        MakeSmallPtau(ptau);
        var r = CliRunner.Run("setup", "--r1cs", V("public_inputs.r1cs"), "--ptau", ptau, "--zkey", Out("k.zkey"));
        AssertBadInput(r, ptau, "needs 2^3");
    }

    /// <summary>Copies pot8_final.ptau's header and first points into a well-formed power-2 ptau (sections 1–3 only).</summary>
    private static void MakeSmallPtau(string path)
    {
        using var source = PowersOfTau.Open(V("pot8_final.ptau"));
        var g1 = source.ReadTauG1(7);
        var g2 = source.ReadTauG2(4);
        var writer = new BinFileWriter(path, "ptau", 1, 3);
        using (writer)
        {
            writer.BeginSection(1);
            writer.WriteUInt32(32);
            var q = new byte[32];
            Fq.Modulus.TryWriteBytes(q, out _, isUnsigned: true);
            writer.Write(q);
            writer.WriteUInt32(2);
            writer.WriteUInt32(2);
            writer.EndSection();
            writer.BeginSection(2);
            var buffer = new byte[128];
            foreach (var p in g1)
            {
                SnarkjsBinary.WriteG1(p, buffer);
                writer.Write(buffer.AsSpan(0, 64));
            }
            writer.EndSection();
            writer.BeginSection(3);
            foreach (var p in g2)
            {
                SnarkjsBinary.WriteG2(p, buffer);
                writer.Write(buffer);
            }
            writer.EndSection();
            writer.Commit();
        }
    }

    [Fact]
    public void MissingFileIsAUsageErrorBeforeAnyWork()
    {
        var r = Prove(Out("nope.zkey"), V("public_inputs.wtns"));
        Assert.Equal(ExitCodes.BadInput, r.Exit);
        Assert.Contains("--zkey: file not found", r.Err);
    }

    [Fact]
    public void GpuWithoutCudaIsAClearError()
    {
        var r = CliRunner.Run("prove", "--zkey", V("public_inputs.plonk.zkey"), "--witness", V("public_inputs.wtns"),
            "--proof", Out("proof.json"), "--public", Out("public.json"), "--device", "gpu");
        if (ZkOptions.Prover.Engines.Gpu.IlgpuEngineFactory.HasCuda)
        {
            Assert.Equal(0, r.Exit); // a CUDA machine proves on the device
            return;
        }
        Assert.Equal(ExitCodes.BadInput, r.Exit);
        Assert.Contains("no CUDA device", r.Err);
        Assert.False(File.Exists(Out("proof.json")));
    }

    [Fact]
    public void AutoFallsBackToCpuAndSaysSo()
    {
        var r = CliRunner.Run("prove", "--zkey", V("public_inputs.plonk.zkey"), "--witness", V("public_inputs.wtns"),
            "--proof", Out("proof.json"), "--public", Out("public.json"));
        Assert.Equal(0, r.Exit);
        if (!ZkOptions.Prover.Engines.Gpu.IlgpuEngineFactory.HasCuda)
        {
            Assert.Contains("running MSM and NTT on the CPU engine", r.Err);
        }
    }
}
