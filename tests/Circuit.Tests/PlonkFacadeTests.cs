// SPDX-License-Identifier: MIT
using ZkOptions.Circuit.Catalog;
using ZkOptions.Circuit.Compiler;
using ZkOptions.Circuit.Solving;
using ZkOptions.Constraints;
using ZkOptions.Field;
using ZkOptions.Prover.Formats;
using ZkOptions.Prover.Plonk;
using ZkOptions.Prover.Tests.Support;

namespace ZkOptions.Circuit.Tests;

/// <summary>The few-lines API (<see cref="Plonk"/>, <see cref="Srs"/>, <see cref="PlonkProvingKey"/>) and its files.</summary>
public sealed class PlonkFacadeTests : IDisposable
{
    private readonly string dir = Directory.CreateTempSubdirectory("zkoptions-facade-").FullName;

    public void Dispose() => Directory.Delete(dir, recursive: true);

    private string F(string name) => Path.Combine(dir, name);

    [Fact]
    public void Compile_setup_prove_verify_from_input_json_an_assignment_and_an_assigned_circuit()
    {
        var cs = Plonk.Compile(new CubicCircuit());
        var (pk, vk) = Plonk.Setup(cs, Srs.InsecureDev(1));
        using (pk)
        {
            var fromJson = Plonk.Prove(cs, pk, """{"y": "35", "x": "3"}""");
            var fromAssignment = Plonk.Prove(cs, pk, new InputAssignment().Set("y", Fr.FromUInt64(35)).Set("x", Fr.FromUInt64(3)));
            var fromCircuit = Plonk.Prove(cs, pk, new CubicCircuit { Y = 35, X = 3 });
            foreach (var proof in new[] { fromJson, fromAssignment, fromCircuit })
            {
                Assert.Equal([Fr.FromUInt64(35)], proof.PublicSignals);
                Assert.True(Plonk.Verify(vk, proof, proof.PublicSignals));
                Assert.True(Plonk.Verify(vk, proof.Proof, [Fr.FromUInt64(35)]));
                Assert.False(Plonk.Verify(vk, proof, [Fr.FromUInt64(36)]));
            }
            // Blinding is on by default: the same statement twice gives two different proofs.
            Assert.NotEqual(fromJson.Proof.ToJsonText(), fromAssignment.Proof.ToJsonText());
        }
    }

    [Fact]
    public void Keys_and_proofs_go_to_the_files_of_the_cli_and_snarkjs_and_back()
    {
        var cs = Plonk.Compile(new CubicCircuit());
        var (pk, vk) = Plonk.Setup(cs, Srs.FromPtau(RepoPaths.Vector("snarkjs", "pot8_final.ptau")), F("cubic.zkey"));
        using (pk)
        {
            Assert.False(pk.IsTemporary);
            Assert.Equal(F("cubic.zkey"), pk.Path);
            Assert.Equal(vk.ToJsonText(), pk.VerificationKey().ToJsonText());
            Plonk.Prove(cs, pk, new CubicCircuit { Y = 35, X = 3 }).Write(F("proof.json"), F("public.json"));
            vk.Write(F("vk.json"));
        }

        using var reopened = PlonkProvingKey.Open(F("cubic.zkey"));
        var readBack = PlonkProofResult.Read(F("proof.json"), F("public.json"));
        var vkRead = PlonkVerificationKey.Read(F("vk.json"));
        Assert.True(Plonk.Verify(vkRead, readBack, readBack.PublicSignals));
        Assert.True(Plonk.Verify(vkRead, Plonk.Prove(cs, reopened, """{"y": "35", "x": "3"}"""), [Fr.FromUInt64(35)]));
    }

    [Fact]
    public void A_key_set_up_in_a_temporary_file_is_deleted_on_dispose_and_can_be_saved_first()
    {
        var cs = Plonk.Compile(new CubicCircuit());
        var (pk, _) = Plonk.Setup(cs, Srs.InsecureDev(1));
        string temporary = pk.Path;
        Assert.True(pk.IsTemporary);
        Assert.True(File.Exists(temporary));
        pk.Save(F("saved.zkey"));
        pk.Dispose();
        Assert.False(File.Exists(temporary));
        using var saved = PlonkProvingKey.Open(F("saved.zkey"));
        Assert.Equal(cs.GateCount, saved.Header.NConstraints);
    }

    [Fact]
    public void The_same_seed_gives_the_same_key()
    {
        var cs = Plonk.Compile(new CubicCircuit());
        Plonk.Setup(cs, Srs.InsecureDev(7), F("a.zkey")).ProvingKey.Dispose();
        Plonk.Setup(cs, Srs.InsecureDev(7), F("b.zkey")).ProvingKey.Dispose();
        Plonk.Setup(cs, Srs.InsecureDev(8), F("c.zkey")).ProvingKey.Dispose();
        Assert.Equal(File.ReadAllBytes(F("a.zkey")), File.ReadAllBytes(F("b.zkey")));
        Assert.NotEqual(File.ReadAllBytes(F("a.zkey")), File.ReadAllBytes(F("c.zkey")));
        Assert.True(Srs.InsecureDev(7).IsInsecure);
        Assert.False(Srs.FromPtau("pot12.ptau").IsInsecure);
    }

    [Fact]
    public void An_input_that_breaks_a_rule_is_refused_with_its_file_and_line_before_proving()
    {
        var cs = Plonk.Compile(new CubicCircuit());
        var (pk, _) = Plonk.Setup(cs, Srs.InsecureDev(1));
        using (pk)
        {
            var e = Assert.Throws<ConstraintViolationException>(() => Plonk.Prove(cs, pk, new CubicCircuit { Y = 36, X = 3 }));
            Assert.StartsWith("ExampleCircuits.cs:", e.Failure.Origin.Location, StringComparison.Ordinal);
            Assert.Contains("b = y = 36", e.Message);
            Assert.Throws<InputFileException>(() => Plonk.Prove(cs, pk, """{"y": "35"}"""));
        }
    }

    [Fact]
    public void A_key_of_another_circuit_is_refused()
    {
        var cubic = Plonk.Compile(new CubicCircuit());
        var poseidon = Plonk.Compile(new Poseidon2Circuit());
        var (pk, _) = Plonk.Setup(cubic, Srs.InsecureDev(1));
        using (pk)
        {
            var e = Assert.Throws<ArgumentException>(() => Plonk.Prove(poseidon, pk, CircuitCatalog.Find("poseidon-2")!.ExampleInput()));
            Assert.Contains("Poseidon2Circuit", e.Message);
        }
    }

    [Fact]
    public void A_circuit_compiled_for_v2_is_refused_with_the_reason()
    {
        var v2 = CircuitCompiler.Compile(new CubicCircuit(), system: ProofSystem.V2);
        var e = Assert.Throws<ArgumentException>(() => Plonk.Setup(v2, Srs.InsecureDev(1)));
        Assert.Contains("compiled for v2", e.Message);
    }

    [Fact]
    public void A_ptau_too_small_for_the_circuit_names_the_power_it_needs()
    {
        var priceBand = Plonk.Compile(new PriceBandCircuit());
        var e = Assert.Throws<InputFileException>(() => Plonk.Setup(priceBand, Srs.FromPtau(RepoPaths.Vector("snarkjs", "pot8_final.ptau"))));
        Assert.Contains("needs 2^10", e.Message);
        Assert.Empty(Directory.EnumerateFiles(Path.GetTempPath(), "zkoptions-PriceBandCircuit-*.zkey"));
    }

    [Fact]
    public void A_compiled_instance_is_not_an_assignment()
    {
        var compiledInstance = new CubicCircuit();
        var cs = Plonk.Compile(compiledInstance);
        var e = Assert.Throws<ArgumentException>(() => InputAssignment.FromCircuit(compiledInstance));
        Assert.Contains("'y'", e.Message);
        Assert.Equal(1, cs.PublicCount);
    }
}
