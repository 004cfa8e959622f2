// SPDX-License-Identifier: MIT
using System.Text.Json;
using ZkOptions.Circuit.Catalog;
using ZkOptions.Prover.Tests.Interop;

namespace ZkOptions.Cli.Tests;

/// <summary>
/// The circuit verbs and the DSL path through setup/prove, checked against snarkjs both ways: a proof made by
/// `zkoptions prove --circuit` passes `snarkjs plonk verify`, and the exported .r1cs goes through `snarkjs plonk
/// setup` and `snarkjs plonk prove` (with the witness zkoptions solved) to a proof both verifiers accept.
/// </summary>
public sealed class CircuitCommandTests : IDisposable
{
    private readonly string dir = Directory.CreateTempSubdirectory("zkoptions-circuit-cli-").FullName;

    public void Dispose() => Directory.Delete(dir, recursive: true);

    private string Out(string name) => Path.Combine(dir, name);

    private string Input(string name, string json)
    {
        string path = Out("input-" + name);
        File.WriteAllText(path, json);
        return path;
    }

    private static string Ptau => CircomSet.Get("poseidon").Ptau;

    [Fact]
    public void ListShowsEveryCatalogCircuitAndTheSettlementBatch()
    {
        var r = CliRunner.Run("circuit", "list");
        Assert.Equal(0, r.Exit);
        foreach (var d in CircuitCatalog.All)
        {
            Assert.Contains(d.Name, r.Out);
        }
        Assert.Contains("batch-N", r.Out);
        var json = CliRunner.Run("circuit", "list", "--json");
        using var doc = JsonDocument.Parse(json.Out);
        var circuits = doc.RootElement.GetProperty("circuits");
        Assert.Equal(CircuitCatalog.All.Count + 1, circuits.GetArrayLength());
        Assert.Equal("batch-N", circuits[CircuitCatalog.All.Count].GetProperty("name").GetString());
    }

    [Fact]
    public void InfoGivesGatesByScopeAndInputs()
    {
        var r = CliRunner.Run("circuit", "info", "price-band");
        Assert.True(r.Exit == 0, r.Err);
        Assert.Contains("public    low, high, notional", r.Out);
        Assert.Contains("price band", r.Out);
        var json = CliRunner.Run("circuit", "info", "price-band", "--json");
        using var doc = JsonDocument.Parse(json.Out);
        int total = doc.RootElement.GetProperty("gates").GetInt32();
        int sum = doc.RootElement.GetProperty("gatesByScope").EnumerateArray().Sum(s => s.GetProperty("gates").GetInt32());
        Assert.Equal(total, sum);
    }

    [Fact]
    public void CheckPassesTheExampleAndNamesTheFailedRule()
    {
        var ok = CliRunner.Run("circuit", "check", "price-band", "--input", Input("ok.json", CircuitCatalog.Find("price-band")!.ExampleInput()));
        Assert.True(ok.Exit == 0, ok.Out + ok.Err);
        Assert.Contains("satisfied", ok.Out);

        var bad = CliRunner.Run("circuit", "check", "price-band", "--input",
            Input("bad.json", """{"low": "100", "high": "200", "notional": "1500", "price": "250", "quantity": "6"}"""));
        Assert.Equal(1, bad.Exit);
        Assert.Contains("ExampleCircuits.cs:", bad.Out);
        Assert.Contains("price band: assert a ≤ b failed", bad.Out);
        Assert.Contains("a = price = 250, b = high = 200", bad.Out);
    }

    [Theory]
    [InlineData("""{"low": "1", "high": "2", "notional": "3", "price": "1"}""", "has no value for input 'quantity'")]
    [InlineData("""{"low": "1", "high": "2", "notional": "3", "price": "1", "quantity": "x"}""", "input 'quantity' = \"x\" is not an integer")]
    [InlineData("""{"low": "1", "high": "2", "notional": "3", "price": "1", "quantity": "1", "extra": 1}""", "names input 'extra', which the circuit does not have")]
    [InlineData("""{"low": "1", "high": "2", "notional": "3", "price": "1", "quantity": "21888242871839275222246405745257275088548364400416034343698204186575808495617"}""", "|value| < r")]
    [InlineData("""[1, 2]""", "must hold a JSON object")]
    [InlineData("""{"low": """, "is not valid JSON")]
    public void BadInputIsExitTwoNamingTheFile(string json, string problem)
    {
        string path = Input("bad.json", json);
        var r = CliRunner.Run("circuit", "check", "price-band", "--input", path);
        Assert.True(r.Exit == 2, $"exit {r.Exit}: {r.Out} {r.Err}");
        Assert.Contains(path, r.Err);
        Assert.Contains(problem, r.Err);
        Assert.DoesNotContain("   at ", r.Err);
    }

    [Fact]
    public void UnknownCircuitIsUsageError()
    {
        var r = CliRunner.Run("circuit", "info", "no-such-circuit");
        Assert.Equal(2, r.Exit);
        Assert.Contains("unknown circuit 'no-such-circuit'", r.Err);
        Assert.Contains("price-band", r.Err);
    }

    [Fact]
    public void ProveRefusesAnUnsatisfiedInputAndWritesNothing()
    {
        var setup = CliRunner.Run("setup", "--circuit", "cubic", "--ptau", Ptau, "--zkey", Out("cubic.zkey"), "--device", "cpu");
        Assert.True(setup.Exit == 0, setup.Err);
        var r = CliRunner.Run("prove", "--circuit", "cubic", "--input", Input("bad.json", """{"x": "3", "y": "36"}"""),
            "--zkey", Out("cubic.zkey"), "--proof", Out("proof.json"), "--public", Out("public.json"), "--device", "cpu");
        Assert.Equal(1, r.Exit);
        Assert.Contains("assert a == b failed", r.Err);
        Assert.False(File.Exists(Out("proof.json")));
        Assert.False(File.Exists(Out("public.json")));
    }

    [Fact]
    public void SetupAndProveNeedExactlyOneSource()
    {
        Assert.Equal(2, CliRunner.Run("setup", "--ptau", Ptau, "--zkey", Out("k.zkey")).Exit);
        Assert.Equal(2, CliRunner.Run("prove", "--circuit", "cubic", "--zkey", Ptau, "--proof", Out("p"), "--public", Out("q")).Exit);
        Assert.False(File.Exists(Out("k.zkey")));
    }

    [Theory]
    [InlineData("price-band")]
    [InlineData("poseidon-2")]
    public void DslProofPassesSnarkjsVerify(string name)
    {
        string zkey = Out(name + ".zkey");
        Assert.Equal(0, CliRunner.Run("setup", "--circuit", name, "--ptau", Ptau, "--zkey", zkey, "--device", "cpu").Exit);
        var prove = CliRunner.Run("prove", "--circuit", name, "--input", Input("ok.json", CircuitCatalog.Find(name)!.ExampleInput()),
            "--zkey", zkey, "--proof", Out("proof.json"), "--public", Out("public.json"), "--device", "cpu");
        Assert.True(prove.Exit == 0, prove.Err);
        string publics = File.ReadAllText(Out("public.json"));

        var vk = CircomSet.Snarkjs("zkey", "export", "verificationkey", zkey, Out("vk.json"));
        Assert.True(vk.Exit == 0, vk.Stderr + vk.Stdout);
        var verify = CircomSet.Snarkjs("plonk", "verify", Out("vk.json"), Out("public.json"), Out("proof.json"));
        Assert.True(verify.Exit == 0 && verify.Stdout.Contains("OK!"), verify.Stdout + verify.Stderr);

        // And a wrong public signal is rejected by snarkjs too (the check can fail).
        File.WriteAllText(Out("public.json"), publics.Replace("\"\n]", "1\"\n]"));
        var wrong = CircomSet.Snarkjs("plonk", "verify", Out("vk.json"), Out("public.json"), Out("proof.json"));
        Assert.DoesNotContain("OK!", wrong.Stdout);
    }

    [Fact]
    public void ExportedR1csGoesThroughSnarkjsSetupAndProve()
    {
        string r1cs = Out("price-band.r1cs"), wtns = Out("price-band.wtns"), zkey = Out("snarkjs.zkey");
        Assert.Equal(0, CliRunner.Run("circuit", "export-r1cs", "price-band", "--out", r1cs).Exit);
        var witness = CliRunner.Run("circuit", "witness", "price-band", "--input", Input("ok.json", CircuitCatalog.Find("price-band")!.ExampleInput()), "--out", wtns);
        Assert.True(witness.Exit == 0, witness.Err);

        var info = CircomSet.Snarkjs("r1cs", "info", r1cs);
        Assert.Contains("# of Public Inputs: 3", info.Stdout);
        Assert.Contains("# of Private Inputs: 2", info.Stdout);

        var setup = CircomSet.Snarkjs("plonk", "setup", r1cs, Ptau, zkey);
        Assert.True(setup.Exit == 0, setup.Stdout + setup.Stderr);
        // snarkjs's own R1CS → PLONK conversion gets back exactly our gate count: one gate per exported constraint.
        var ours = CliRunner.Run("circuit", "info", "price-band", "--json");
        using (var doc = JsonDocument.Parse(ours.Out))
        {
            Assert.Contains($"Plonk constraints: {doc.RootElement.GetProperty("gates").GetInt32()}", setup.Stdout);
        }

        var prove = CircomSet.Snarkjs("plonk", "prove", zkey, wtns, Out("proof.json"), Out("public.json"));
        Assert.True(prove.Exit == 0, prove.Stdout + prove.Stderr);
        Assert.Equal(0, CircomSet.Snarkjs("zkey", "export", "verificationkey", zkey, Out("vk.json")).Exit);
        var snarkjsVerify = CircomSet.Snarkjs("plonk", "verify", Out("vk.json"), Out("public.json"), Out("proof.json"));
        Assert.Contains("OK!", snarkjsVerify.Stdout);
        var ourVerify = CliRunner.Run("verify", "--vk", Out("vk.json"), "--proof", Out("proof.json"), "--public", Out("public.json"));
        Assert.True(ourVerify.Exit == 0, ourVerify.Err);

        // zkoptions proves with snarkjs's key from our r1cs, too.
        var ourProof = CliRunner.Run("prove", "--zkey", zkey, "--witness", wtns, "--proof", Out("p2.json"), "--public", Out("q2.json"), "--device", "cpu");
        Assert.True(ourProof.Exit == 0, ourProof.Err);
        Assert.Contains("OK!", CircomSet.Snarkjs("plonk", "verify", Out("vk.json"), Out("q2.json"), Out("p2.json")).Stdout);
    }
}
