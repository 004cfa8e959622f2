// SPDX-License-Identifier: MIT
using System.Runtime.Loader;
using System.Text.Json;
using ZkOptions.Cli.Tests.Support;
using ZkOptions.Cli.UserCircuits;
using ZkOptions.Prover.Tests.Interop;

namespace ZkOptions.Cli.Tests;

/// <summary>
/// The circuit verbs, setup and prove on a user's own circuit assembly (tests/UserCircuits.Fixture) with --assembly:
/// the same answers as for a built-in circuit, the checker naming the user's file and line, and a proof that
/// `zkoptions verify` and `snarkjs plonk verify` accept.
/// </summary>
public sealed class UserAssemblyCommandTests : IDisposable
{
    private const string Satisfying = """{"product": "391", "x": "17", "y": "23"}""";
    private const string WrongProduct = """{"product": "392", "x": "17", "y": "23"}""";

    private readonly string dir = Directory.CreateTempSubdirectory("zkoptions-user-assembly-").FullName;

    public void Dispose() => Directory.Delete(dir, recursive: true);

    private static string Fixture => UserCircuitsFixture.Dll;

    private string Out(string name) => Path.Combine(dir, name);

    private string Input(string name, string json)
    {
        string path = Out(name);
        File.WriteAllText(path, json);
        return path;
    }

    [Fact]
    public void The_circuits_derive_from_the_CLIs_Circuit_type_though_their_assembly_has_its_own_load_context()
    {
        // The fixture's directory holds its own copy of ZkOptions.Circuit.dll; the CLI's copy must be used instead.
        Assert.True(File.Exists(Path.Combine(UserCircuitsFixture.OutputDirectory, "ZkOptions.Circuit.dll")));
        var product = UserCircuitAssembly.Load(Fixture).Circuits.Single(c => c.Name == "ProductCircuit").Type;
        Assert.Equal(typeof(ZkOptions.Circuit.Circuit), product.BaseType);
        Assert.IsType<UserAssemblyLoadContext>(AssemblyLoadContext.GetLoadContext(product.Assembly));
        Assert.Equal(Path.GetFullPath(Fixture), product.Assembly.Location);
    }

    [Fact]
    public void List_shows_the_assemblys_circuits_with_their_descriptions()
    {
        var r = CliRunner.Run("circuit", "list", "--assembly", Fixture);
        Assert.True(r.Exit == 0, r.Err);
        Assert.Contains("ProductCircuit", r.Out);
        Assert.Contains("x·y = product with 32-bit secret factors", r.Out); // its [Description]
        Assert.Contains("circuit class UserCircuits.Fixture.SquareCircuit", r.Out); // no [Description]
        // A class name two classes share is listed by full name, as the verbs then take it.
        Assert.Contains("UserCircuits.Fixture.RangeCircuit", r.Out);
        Assert.Contains("UserCircuits.Fixture.Legacy.RangeCircuit", r.Out);
        foreach (string absent in new[] { "SizedCircuit", "BooleanCircuitBase", "InternalCircuit", "price-band", "batch-N" })
        {
            Assert.DoesNotContain(absent, r.Out);
        }

        var (exit, json, err) = JsonOutputTests.RunJson("circuit", "list", "--assembly", Fixture);
        Assert.True(exit == 0, err);
        JsonOutputTests.AssertMatches("circuit-list", json);
        var names = json["circuits"]!.AsArray().Select(c => (string)c!["name"]!).ToList();
        Assert.Equal(["ProductCircuit", "SquareCircuit", "ThrowingConstructorCircuit", "ThrowingDefineCircuit",
            "UserCircuits.Fixture.Legacy.RangeCircuit", "UserCircuits.Fixture.RangeCircuit"], names);
    }

    [Fact]
    public void Info_gives_gates_and_inputs_of_a_user_circuit()
    {
        var r = CliRunner.Run("circuit", "info", "--assembly", Fixture, "ProductCircuit");
        Assert.True(r.Exit == 0, r.Err);
        Assert.Contains("circuit   ProductCircuit: x·y = product with 32-bit secret factors", r.Out);
        Assert.Contains("public    product", r.Out);
        Assert.Contains("secret    x, y", r.Out);
        Assert.Contains("factors", r.Out); // its api.Scope

        var (exit, json, err) = JsonOutputTests.RunJson("circuit", "info", "--assembly", Fixture, "ProductCircuit");
        Assert.True(exit == 0, err);
        JsonOutputTests.AssertMatches("circuit-info", json);
        Assert.Equal("ProductCircuit", (string)json["name"]!);
    }

    [Fact]
    public void Type_picks_one_of_two_classes_that_share_a_class_name()
    {
        int Gates(string type)
        {
            var (exit, json, err) = JsonOutputTests.RunJson("circuit", "info", "--assembly", Fixture, "--type", type);
            Assert.True(exit == 0, err);
            Assert.Equal(type, (string)json["name"]!);
            return (int)json["gates"]!;
        }
        // 16 bits against 64: the legacy class is the smaller circuit.
        Assert.True(Gates("UserCircuits.Fixture.Legacy.RangeCircuit") < Gates("UserCircuits.Fixture.RangeCircuit"));
        // The full name also works as NAME, and NAME may agree with --type.
        Assert.Equal(0, CliRunner.Run("circuit", "info", "--assembly", Fixture, "UserCircuits.Fixture.RangeCircuit").Exit);
        Assert.Equal(0, CliRunner.Run("circuit", "info", "--assembly", Fixture, "ProductCircuit", "--type", "UserCircuits.Fixture.ProductCircuit").Exit);
    }

    [Fact]
    public void An_assembly_with_one_circuit_needs_no_name()
    {
        var r = CliRunner.Run("circuit", "info", "--assembly", UserCircuitsFixture.GadgetsDll);
        Assert.True(r.Exit == 0, r.Err);
        Assert.Contains("circuit   SquareGadgetCircuit: circuit class UserCircuits.Gadgets.SquareGadgetCircuit", r.Out);
    }

    [Fact]
    public void A_circuit_using_a_dependency_of_the_assembly_resolves_it_through_its_deps_json()
    {
        var r = CliRunner.Run("circuit", "check", "--assembly", Fixture, "SquareCircuit", "--input", Input("square.json", """{"y": "49", "x": "7"}"""));
        Assert.True(r.Exit == 0, r.Out + r.Err);
        Assert.Contains("satisfied: all 3 gates of SquareCircuit hold", r.Out);
    }

    [Fact]
    public void Check_names_the_users_file_and_line_of_the_failed_rule()
    {
        var ok = CliRunner.Run("circuit", "check", "--assembly", Fixture, "ProductCircuit", "--input", Input("ok.json", Satisfying));
        Assert.True(ok.Exit == 0, ok.Out + ok.Err);
        Assert.Contains("satisfied", ok.Out);

        var bad = CliRunner.Run("circuit", "check", "--assembly", Fixture, "ProductCircuit", "--input", Input("bad.json", WrongProduct));
        Assert.Equal(1, bad.Exit);
        int line = UserCircuitsFixture.LineOf("ProductCircuit.cs", "api.AssertEqual(api.Mul(X, Y), Product)");
        Assert.Contains($"ProductCircuit.cs:{line} assert a == b failed", bad.Out);
        Assert.Contains("b = product = 392", bad.Out);

        var (exit, json, _) = JsonOutputTests.RunJson("circuit", "check", "--assembly", Fixture, "ProductCircuit", "--input", Out("bad.json"));
        Assert.Equal(1, exit);
        JsonOutputTests.AssertMatches("circuit-check", json);
        var failure = json["failures"]!.AsArray().Single()!;
        Assert.EndsWith("ProductCircuit.cs", (string)failure["file"]!);
        Assert.Equal(line, (int)failure["line"]!);
    }

    [Fact]
    public void Witness_and_export_r1cs_write_their_files()
    {
        var witness = CliRunner.Run("circuit", "witness", "--assembly", Fixture, "ProductCircuit", "--input", Input("ok.json", Satisfying), "--out", Out("p.wtns"));
        Assert.True(witness.Exit == 0, witness.Err);
        Assert.True(File.Exists(Out("p.wtns")));
        var unsatisfied = CliRunner.Run("circuit", "witness", "--assembly", Fixture, "ProductCircuit", "--input", Input("bad.json", WrongProduct), "--out", Out("bad.wtns"));
        Assert.Equal(1, unsatisfied.Exit);
        Assert.False(File.Exists(Out("bad.wtns")));

        var export = CliRunner.Run("circuit", "export-r1cs", "--assembly", Fixture, "ProductCircuit", "--out", Out("p.r1cs"));
        Assert.True(export.Exit == 0, export.Err);
        var info = CircomSet.Snarkjs("r1cs", "info", Out("p.r1cs"));
        Assert.Contains("# of Public Inputs: 1", info.Stdout);
        Assert.Contains("# of Private Inputs: 2", info.Stdout);
    }

    [Fact]
    public void Setup_prove_and_verify_a_user_circuit_and_snarkjs_accepts_the_proof()
    {
        string zkey = Out("product.zkey");
        var setup = CliRunner.Run("setup", "--assembly", Fixture, "--circuit", "ProductCircuit", "--insecure-dev-srs", "7", "--zkey", zkey, "--device", "cpu");
        Assert.True(setup.Exit == 0, setup.Err);
        var prove = CliRunner.Run("prove", "--assembly", Fixture, "--circuit", "ProductCircuit", "--input", Input("ok.json", Satisfying),
            "--zkey", zkey, "--proof", Out("proof.json"), "--public", Out("public.json"), "--device", "cpu");
        Assert.True(prove.Exit == 0, prove.Err);
        using (var publics = JsonDocument.Parse(File.ReadAllText(Out("public.json"))))
        {
            Assert.Equal(["391"], publics.RootElement.EnumerateArray().Select(e => e.GetString()!));
        }

        Assert.Equal(0, CliRunner.Run("zkey", "export-vk", "--zkey", zkey, "--vk", Out("vk.json")).Exit);
        var verify = CliRunner.Run("verify", "--vk", Out("vk.json"), "--proof", Out("proof.json"), "--public", Out("public.json"));
        Assert.True(verify.Exit == 0, verify.Err);

        var vk = CircomSet.Snarkjs("zkey", "export", "verificationkey", zkey, Out("snarkjs-vk.json"));
        Assert.True(vk.Exit == 0, vk.Stderr + vk.Stdout);
        var snarkjs = CircomSet.Snarkjs("plonk", "verify", Out("snarkjs-vk.json"), Out("public.json"), Out("proof.json"));
        Assert.True(snarkjs.Exit == 0 && snarkjs.Stdout.Contains("OK!"), snarkjs.Stdout + snarkjs.Stderr);

        // An input that does not satisfy the circuit is refused before proving, naming the user's line; nothing is written.
        var refused = CliRunner.Run("prove", "--assembly", Fixture, "--circuit", "ProductCircuit", "--input", Input("bad.json", WrongProduct),
            "--zkey", zkey, "--proof", Out("proof2.json"), "--public", Out("public2.json"), "--device", "cpu");
        Assert.Equal(1, refused.Exit);
        Assert.Contains($"ProductCircuit.cs:{UserCircuitsFixture.LineOf("ProductCircuit.cs", "api.AssertEqual(api.Mul(X, Y), Product)")}", refused.Err);
        Assert.False(File.Exists(Out("proof2.json")));
        Assert.False(File.Exists(Out("public2.json")));
    }

    [Fact]
    public void A_user_circuit_proves_and_verifies_on_v2_and_a_bad_input_names_its_line()
    {
        string key = Out("product.v2key");
        var setup = CliRunner.Run("setup", "--system", "v2", "--assembly", Fixture, "--circuit", "ProductCircuit", "--insecure-dev-srs", "7", "--zkey", key, "--device", "cpu");
        Assert.True(setup.Exit == 0, setup.Err);
        var prove = CliRunner.Run("prove", "--assembly", Fixture, "--circuit", "ProductCircuit", "--input", Input("ok.json", Satisfying),
            "--zkey", key, "--proof", Out("proof.json"), "--public", Out("public.json"), "--device", "cpu");
        Assert.True(prove.Exit == 0, prove.Err);
        Assert.Equal(0, CliRunner.Run("zkey", "export-vk", "--zkey", key, "--vk", Out("vk.json")).Exit);
        Assert.Contains("zkoptions-plonk-v2", File.ReadAllText(Out("vk.json")));
        var verify = CliRunner.Run("verify", "--vk", Out("vk.json"), "--proof", Out("proof.json"), "--public", Out("public.json"));
        Assert.True(verify.Exit == 0, verify.Err);

        var refused = CliRunner.Run("circuit", "check", "--system", "v2", "--assembly", Fixture, "ProductCircuit", "--input", Input("bad.json", WrongProduct));
        Assert.Equal(1, refused.Exit);
        Assert.Contains($"ProductCircuit.cs:{UserCircuitsFixture.LineOf("ProductCircuit.cs", "api.AssertEqual(api.Mul(X, Y), Product)")}", refused.Out + refused.Err);
    }
}
