// SPDX-License-Identifier: MIT
using System.Text.Json.Nodes;
using ZkOptions.Circuit.Catalog;
using ZkOptions.Circuit.Compiler;
using ZkOptions.Cli.Tests.Support;
using ZkOptions.Constraints;
using ZkOptions.Constraints.V2;
using ZkOptions.Prover.Engines.Cpu;
using ZkOptions.Prover.Plonk;
using ZkOptions.Prover.PlonkV2;

namespace ZkOptions.Cli.Tests;

/// <summary>
/// One v2 key per circuit (setup --system v2 --insecure-dev-srs), its exported verifying key, and one proof from the
/// circuit's example input, made once through the CLI and shared by <see cref="PlonkV2CommandTests"/>.
/// </summary>
public sealed class PlonkV2Fixture : IDisposable
{
    /// <summary>The circuits the tests prove: no tables (cubic), a range table (price-band), Poseidon rows (poseidon-2).</summary>
    public static readonly string[] Circuits = ["cubic", "price-band", "poseidon-2"];

    public const ulong Seed = 5;

    public string Dir { get; } = Directory.CreateTempSubdirectory("zko-v2-").FullName;

    /// <summary>Per circuit: the setup's --json object.</summary>
    public Dictionary<string, JsonObject> Setups { get; } = [];

    /// <summary>Per circuit: the prove --json object.</summary>
    public Dictionary<string, JsonObject> Proofs { get; } = [];

    public PlonkV2Fixture()
    {
        foreach (string name in Circuits)
        {
            File.WriteAllText(Input(name), CircuitCatalog.Find(name)!.ExampleInput());
            var (sExit, setup, sErr) = JsonOutputTests.RunJson("setup", "--system", "v2", "--circuit", name, "--insecure-dev-srs", $"{Seed}", "--zkey", Key(name), "--device", "cpu");
            Assert.True(sExit == 0, sErr);
            Setups[name] = setup;
            var (eExit, _, eErr) = CliRunner.Run("zkey", "export-vk", "--zkey", Key(name), "--vk", Vk(name));
            Assert.True(eExit == 0, eErr);
            var (pExit, prove, pErr) = JsonOutputTests.RunJson("prove", "--zkey", Key(name), "--circuit", name, "--input", Input(name),
                "--proof", Proof(name), "--public", Public(name), "--device", "cpu");
            Assert.True(pExit == 0, pErr);
            Proofs[name] = prove;
        }
    }

    public string P(string file) => Path.Combine(Dir, file);

    public string Input(string name) => P($"{name}.input.json");

    public string Key(string name) => P($"{name}.v2key");

    public string Vk(string name) => P($"{name}.vk.json");

    public string Proof(string name) => P($"{name}.proof.json");

    public string Public(string name) => P($"{name}.public.json");

    public void Dispose() => Directory.Delete(Dir, recursive: true);
}

/// <summary>
/// PLONK v2 through the CLI: setup --system v2, prove with a v2 key, verify by the vk's protocol, zkey export-vk,
/// circuit info/check --system v2, and every refusal (exit 1 for a no, exit 2 naming the file for bad input).
/// </summary>
public sealed class PlonkV2CommandTests(PlonkV2Fixture keys) : IClassFixture<PlonkV2Fixture>
{
    public static TheoryData<string> Circuits => new(PlonkV2Fixture.Circuits);

    private string P(string file) => keys.P(file);

    private (int Exit, string Err) Verify(string vk, string proof, string publicPath)
    {
        var (exit, stdout, stderr) = CliRunner.Run("verify", "--vk", vk, "--proof", proof, "--public", publicPath);
        return (exit, stdout + stderr);
    }

    [Theory]
    [MemberData(nameof(Circuits))]
    public void Setup_prove_and_verify_on_v2_and_match_their_schemas(string name)
    {
        JsonObject setup = keys.Setups[name];
        JsonOutputTests.AssertMatches("setup", setup);
        Assert.Equal("v2", (string)setup["system"]!);
        Assert.True((bool)setup["insecureDevSrs"]!);
        var compiled = CircuitCompiler.Compile(CircuitCatalog.Find(name)!.Create(), name, ProofSystem.V2);
        Assert.Equal(compiled.RowCount, (int)setup["rows"]!);
        Assert.Equal(PlonkV2Setup.DomainPower(compiled.ToWideCircuit()), (int)setup["domainPower"]!);
        Assert.Equal(compiled.PublicCount, (int)setup["nPublic"]!);

        JsonObject prove = keys.Proofs[name];
        JsonOutputTests.AssertMatches("prove", prove);
        Assert.Equal("v2", (string)prove["system"]!);
        Assert.Equal(compiled.RowCount, (int)prove["rows"]!);
        JsonObject proof = JsonNode.Parse(File.ReadAllText(keys.Proof(name)))!.AsObject();
        Assert.Equal("zkoptions-plonk-v2", (string)proof["protocol"]!);

        var (exit, json, err) = JsonOutputTests.RunJson("verify", "--vk", keys.Vk(name), "--proof", keys.Proof(name), "--public", keys.Public(name));
        Assert.True(exit == 0, err);
        JsonOutputTests.AssertMatches("verify", json);
        Assert.Equal("v2", (string)json["system"]!);
        var (textExit, text) = Verify(keys.Vk(name), keys.Proof(name), keys.Public(name));
        Assert.Equal(0, textExit);
        Assert.Contains("OK: the proof is valid", text);
    }

    [Theory]
    [MemberData(nameof(Circuits))]
    public void A_changed_public_signal_or_proof_element_is_invalid(string name)
    {
        // A changed public signal (the last one, plus one).
        JsonArray signals = JsonNode.Parse(File.ReadAllText(keys.Public(name)))!.AsArray();
        Assert.NotEmpty(signals);
        signals[^1] = (System.Numerics.BigInteger.Parse((string)signals[^1]!) + 1).ToString();
        File.WriteAllText(P($"{name}.changed-public.json"), signals.ToJsonString());
        var (exit, json, _) = JsonOutputTests.RunJson("verify", "--vk", keys.Vk(name), "--proof", keys.Proof(name), "--public", P($"{name}.changed-public.json"));
        Assert.Equal(1, exit);
        JsonOutputTests.AssertMatches("verify", json);
        Assert.False((bool)json["valid"]!);

        // A changed evaluation, and a commitment swapped for another point of the curve.
        JsonObject proof = JsonNode.Parse(File.ReadAllText(keys.Proof(name)))!.AsObject();
        proof["wiresAtZeta"]![1] = (System.Numerics.BigInteger.Parse((string)proof["wiresAtZeta"]![1]!) + 1).ToString();
        File.WriteAllText(P($"{name}.tampered-eval.json"), proof.ToJsonString());
        var (evalExit, evalText) = Verify(keys.Vk(name), P($"{name}.tampered-eval.json"), keys.Public(name));
        Assert.True(evalExit == 1, evalText);
        Assert.Contains("INVALID", evalText);

        proof = JsonNode.Parse(File.ReadAllText(keys.Proof(name)))!.AsObject();
        proof["z"] = proof["wires"]![0]!.DeepClone();
        File.WriteAllText(P($"{name}.tampered-point.json"), proof.ToJsonString());
        var (pointExit, pointText) = Verify(keys.Vk(name), P($"{name}.tampered-point.json"), keys.Public(name));
        Assert.True(pointExit == 1, pointText);
    }

    [Fact]
    public void Garbled_vk_or_proof_is_bad_input_naming_the_file_and_field()
    {
        const string name = "cubic";
        File.WriteAllText(P("garbled-vk.json"), File.ReadAllText(keys.Vk(name))[..200]);
        var (exit, text) = Verify(P("garbled-vk.json"), keys.Proof(name), keys.Public(name));
        Assert.Equal(2, exit);
        Assert.Contains("garbled-vk.json", text);

        JsonObject vk = JsonNode.Parse(File.ReadAllText(keys.Vk(name)))!.AsObject();
        vk["publicCount"] = "many";
        File.WriteAllText(P("bad-field-vk.json"), vk.ToJsonString());
        (exit, text) = Verify(P("bad-field-vk.json"), keys.Proof(name), keys.Public(name));
        Assert.Equal(2, exit);
        Assert.Contains("bad-field-vk.json", text);
        Assert.Contains("publicCount", text);

        File.WriteAllText(P("garbled-proof.json"), File.ReadAllText(keys.Proof(name))[..300]);
        (exit, text) = Verify(keys.Vk(name), P("garbled-proof.json"), keys.Public(name));
        Assert.Equal(2, exit);
        Assert.Contains("garbled-proof.json", text);

        JsonObject proof = JsonNode.Parse(File.ReadAllText(keys.Proof(name)))!.AsObject();
        proof["wiresAtZeta"]!.AsArray().RemoveAt(0);
        File.WriteAllText(P("short-proof.json"), proof.ToJsonString());
        (exit, text) = Verify(keys.Vk(name), P("short-proof.json"), keys.Public(name));
        Assert.Equal(2, exit);
        Assert.Contains("short-proof.json", text);
        Assert.Contains("wiresAtZeta", text);
        Assert.DoesNotContain("   at ", text);
    }

    [Fact]
    public void A_proof_of_the_other_protocol_is_bad_input_saying_which_is_which()
    {
        string v1Vk = PipelineInputs.Vector("public_inputs.vkey.json");
        var (exit, text) = Verify(v1Vk, keys.Proof("cubic"), keys.Public("cubic"));
        Assert.Equal(2, exit);
        Assert.Contains("cubic.proof.json: protocol is \"zkoptions-plonk-v2\" (a PLONK v2 proof), but the verification key", text);
        Assert.Contains("snarkjs PLONK (v1) key", text);

        (exit, text) = Verify(keys.Vk("cubic"), PipelineInputs.Vector("public_inputs.proof.json"), PipelineInputs.Vector("public_inputs.public.json"));
        Assert.Equal(2, exit);
        Assert.Contains("public_inputs.proof.json: protocol is \"plonk\", but the verification key", text);
        Assert.Contains("a v2 key verifies only v2 proofs", text);
    }

    [Fact]
    public void An_input_that_breaks_a_rule_is_refused_naming_the_CSharp_line_and_nothing_is_written()
    {
        File.WriteAllText(P("cubic-bad.json"), """{"y": "36", "x": "3"}""");
        var (exit, stdout, stderr) = CliRunner.Run("prove", "--zkey", keys.Key("cubic"), "--circuit", "cubic", "--input", P("cubic-bad.json"),
            "--proof", P("never-proof.json"), "--public", P("never-public.json"));
        Assert.True(exit == 1, stdout + stderr);
        Assert.Contains("cubic-bad.json does not satisfy cubic; no proof written", stderr);
        Assert.Matches(@"ExampleCircuits\.cs:\d+ assert", stderr);
        Assert.False(File.Exists(P("never-proof.json")));
        Assert.False(File.Exists(P("never-public.json")));

        var (jExit, json, _) = JsonOutputTests.RunJson("prove", "--zkey", keys.Key("cubic"), "--circuit", "cubic", "--input", P("cubic-bad.json"),
            "--proof", P("never-proof.json"), "--public", P("never-public.json"));
        Assert.Equal(1, jExit);
        JsonOutputTests.AssertMatches("prove", json);
    }

    [Fact]
    public void A_key_for_another_circuit_is_refused_naming_the_key_and_the_circuit()
    {
        var (exit, _, stderr) = CliRunner.Run("prove", "--zkey", keys.Key("cubic"), "--circuit", "price-band", "--input", keys.Input("price-band"),
            "--proof", P("never-proof.json"), "--public", P("never-public.json"));
        Assert.Equal(2, exit);
        Assert.Contains("cubic.v2key: is a v2 key for a circuit of 5 wires, 1 public input", stderr);
        Assert.Contains("but price-band (for input ", stderr);
        Assert.False(File.Exists(P("never-proof.json")));
    }

    [Fact]
    public void Export_vk_of_a_v2_key_is_the_verifying_key_of_the_same_setup_in_the_library()
    {
        const string name = "price-band";
        var (exit, json, err) = JsonOutputTests.RunJson("zkey", "export-vk", "--zkey", keys.Key(name), "--vk", P("again.vk.json"));
        Assert.True(exit == 0, err);
        JsonOutputTests.AssertMatches("zkey-export-vk", json);
        Assert.Equal("v2", (string)json["system"]!);
        Assert.Equal(File.ReadAllText(keys.Vk(name)), File.ReadAllText(P("again.vk.json")));

        var circuit = CircuitCompiler.Compile(CircuitCatalog.Find(name)!.Create(), name, ProofSystem.V2).ToWideCircuit();
        int power = PlonkV2Setup.DomainPower(circuit);
        var srs = DevPowersOfTau.Create(new QuotientLayout(power, WideGates.All).CommitmentKeySize, PlonkV2Fixture.Seed);
        var key = new PlonkV2Setup(new CpuNttEngine(), new CpuMsmEngine()).Create(circuit, srs.TauG1, srs.TauG2);
        Assert.Equal(key.VerifyingKey.ToJsonText(), File.ReadAllText(keys.Vk(name)));
    }

    [Fact]
    public void Setup_from_a_ptau_file_proves_and_verifies()
    {
        string ptau = PipelineInputs.Vector("pot8_final.ptau");
        var (sExit, setup, sErr) = JsonOutputTests.RunJson("setup", "--system", "v2", "--circuit", "price-band", "--ptau", ptau, "--zkey", P("ptau.v2key"), "--device", "cpu");
        Assert.True(sExit == 0, sErr);
        JsonOutputTests.AssertMatches("setup", setup);
        Assert.False((bool)setup["insecureDevSrs"]!);
        Assert.DoesNotContain("WARNING", sErr);
        Assert.Equal(0, CliRunner.Run("zkey", "export-vk", "--zkey", P("ptau.v2key"), "--vk", P("ptau.vk.json")).Exit);
        var (pExit, _, pErr) = CliRunner.Run("prove", "--zkey", P("ptau.v2key"), "--circuit", "price-band", "--input", keys.Input("price-band"),
            "--proof", P("ptau.proof.json"), "--public", P("ptau.public.json"), "--device", "cpu");
        Assert.True(pExit == 0, pErr);
        Assert.Equal(0, Verify(P("ptau.vk.json"), P("ptau.proof.json"), P("ptau.public.json")).Exit);
        // The dev-SRS key's vk is another key: the proof does not verify against it.
        Assert.Equal(1, Verify(keys.Vk("price-band"), P("ptau.proof.json"), P("ptau.public.json")).Exit);
    }

    [Fact]
    public void Circuit_info_and_check_on_v2()
    {
        var (exit, info, err) = JsonOutputTests.RunJson("circuit", "info", "price-band", "--system", "v2");
        Assert.True(exit == 0, err);
        JsonOutputTests.AssertMatches("circuit-info", info);
        var compiled = CircuitCompiler.Compile(CircuitCatalog.Find("price-band")!.Create(), "price-band", ProofSystem.V2);
        Assert.Equal("price-band", (string)info["name"]!);
        Assert.Equal("v2", (string)info["system"]!);
        Assert.Equal(compiled.RowCount, (int)info["rows"]!);
        Assert.Equal(PlonkV2Setup.DomainPower(compiled.ToWideCircuit()), (int)info["domainPower"]!);
        Assert.Equal(compiled.RowCount, info["rowsByScope"]!.AsArray().Sum(s => (int)s!["rows"]!));
        Assert.NotEmpty(info["tables"]!.AsArray());
        Assert.Equal(3, info["publicInputs"]!.AsArray().Count);
        Assert.Null(info["gates"]);

        var (v1Exit, v1Info, _) = JsonOutputTests.RunJson("circuit", "info", "price-band");
        Assert.Equal(0, v1Exit);
        Assert.Equal("v1", (string)v1Info["system"]!);
        Assert.NotNull(v1Info["gates"]);

        var (textExit, text, _) = CliRunner.Run("circuit", "info", "poseidon-2", "--system", "v2");
        Assert.Equal(0, textExit);
        Assert.Contains("rows by scope", text);
        Assert.Contains("system    v2", text);

        var (okExit, ok, _) = JsonOutputTests.RunJson("circuit", "check", "cubic", "--system", "v2", "--input", keys.Input("cubic"));
        Assert.Equal(0, okExit);
        JsonOutputTests.AssertMatches("circuit-check", ok);
        Assert.Equal(4, (int)ok["rows"]!);

        File.WriteAllText(P("band-bad.json"), """{"low": "10", "high": "20", "notional": "63", "price": "21", "quantity": "3"}""");
        var (badExit, bad, _) = JsonOutputTests.RunJson("circuit", "check", "price-band", "--system", "v2", "--input", P("band-bad.json"));
        Assert.Equal(1, badExit);
        JsonOutputTests.AssertMatches("circuit-check", bad);
        Assert.NotEmpty(bad["failures"]!.AsArray());
        Assert.EndsWith(".cs", (string)bad["failures"]![0]!["file"]!);
    }

    [Theory]
    [InlineData(new[] { "setup", "--system", "v2", "--r1cs", "x.r1cs", "--insecure-dev-srs", "1" }, "--r1cs applies only to --system v1")]
    [InlineData(new[] { "setup", "--system", "v3", "--circuit", "cubic", "--insecure-dev-srs", "1" }, "--system must be v1 or v2, not 'v3'")]
    [InlineData(new[] { "circuit", "info", "cubic", "--system", "plonk" }, "--system must be v1 or v2, not 'plonk'")]
    public void Usage_errors_exit_two(string[] args, string message)
    {
        string[] withOutputs = args[0] == "setup" ? [.. args, "--zkey", P("never.key")] : args;
        var (exit, _, stderr) = CliRunner.Run(withOutputs);
        Assert.Equal(2, exit);
        Assert.Contains(message, stderr);
        Assert.False(File.Exists(P("never.key")));
    }

    [Fact]
    public void A_v2_key_takes_no_witness_file()
    {
        var (exit, _, stderr) = CliRunner.Run("prove", "--zkey", keys.Key("cubic"), "--witness", PipelineInputs.Vector("public_inputs.wtns"),
            "--proof", P("never-proof.json"), "--public", P("never-public.json"));
        Assert.Equal(2, exit);
        Assert.Contains("is a PLONK v2 key, which proves DSL circuits", stderr);
    }
}
