// SPDX-License-Identifier: MIT
using System.Text.Json.Nodes;
using ZkOptions.Field;
using ZkOptions.Prover.Formats;

namespace ZkOptions.Prover.Tests.Formats;

/// <summary>
/// proof.json, verification_key.json and public.json: snarkjs's own files read and written back byte for byte,
/// values cross-checked with the witness, and each kind of invalid content rejected with the member named.
/// </summary>
public sealed class PlonkJsonTests
{
    [Fact]
    public void Proof_written_back_equals_snarkjs_text_byte_for_byte()
    {
        PlonkProof proof = PlonkProof.Read(FormatFiles.Proof);
        Assert.Equal(File.ReadAllText(FormatFiles.Proof), proof.ToJsonText());
        using var dir = new ScratchDirectory();
        string path = dir.File("proof.json");
        proof.Write(path);
        Assert.Equal(File.ReadAllBytes(FormatFiles.Proof), File.ReadAllBytes(path));
        Assert.Single(Directory.GetFiles(dir.Root));
    }

    [Fact]
    public void Verification_key_written_back_equals_snarkjs_text_byte_for_byte()
    {
        PlonkVerificationKey vk = PlonkVerificationKey.Read(FormatFiles.Vkey);
        Assert.Equal(4, vk.NPublic);
        Assert.Equal(3, vk.Power);
        Assert.Equal(Fr.FromUInt64(2), vk.K1);
        Assert.Equal(Fr.FromUInt64(3), vk.K2);
        Assert.True(vk.Qc.IsInfinity); // circuit (a) has no constants: snarkjs writes ["0","1","0"]
        using var dir = new ScratchDirectory();
        string path = dir.File("verification_key.json");
        vk.Write(path);
        Assert.Equal(File.ReadAllBytes(FormatFiles.Vkey), File.ReadAllBytes(path));
    }

    [Fact]
    public void Public_signals_written_back_equal_snarkjs_text_and_match_the_witness()
    {
        Fr[] signals = PublicSignals.Read(FormatFiles.Public, expectedCount: 4);
        Fr[] witness = WitnessFile.Read(FormatFiles.Wtns);
        Assert.Equal(witness[1..5], signals); // outputs, then public inputs
        Assert.Equal(R1csFile.Read(FormatFiles.R1cs).PublicCount, signals.Length);
        using var dir = new ScratchDirectory();
        string path = dir.File("public.json");
        PublicSignals.Write(path, signals);
        Assert.Equal(File.ReadAllBytes(FormatFiles.Public), File.ReadAllBytes(path));
    }

    [Fact]
    public void Empty_containers_are_written_the_way_snarkjs_bfj_writes_them()
    {
        // snarkjs 0.7.6 writes JSON with bfj, which puts even an empty array over two lines (checked with
        // `bfj.write(f, [], {space: 1})` from tools/node_modules); JSON.stringify would write "[]".
        Assert.Equal("[\n]", PublicSignals.ToJsonText([]));
        Assert.Equal("{\n \"a\": [\n ],\n \"b\": 5\n}", SnarkjsJsonText.Format(new JsonObject { ["a"] = new JsonArray(), ["b"] = 5 }));
    }

    [Fact]
    public void A_proof_point_off_the_curve_is_named()
    {
        JsonObject proof = FormatFiles.LoadObject(FormatFiles.Proof);
        proof["Wxi"]![1] = "5";
        using var dir = new ScratchDirectory();
        string path = dir.WriteText("proof.json", proof.ToJsonString());
        FormatFiles.Fails(path, () => PlonkProof.Read(path), "Wxi", "not on the curve");
    }

    [Fact]
    public void A_proof_evaluation_not_below_r_is_an_error_not_reduced()
    {
        JsonObject proof = FormatFiles.LoadObject(FormatFiles.Proof);
        proof["eval_zw"] = Fr.Modulus.ToString();
        using var dir = new ScratchDirectory();
        string path = dir.WriteText("proof.json", proof.ToJsonString());
        FormatFiles.Fails(path, () => PlonkProof.Read(path), "eval_zw is ≥ r");

        proof["eval_zw"] = "-1";
        path = dir.WriteText("negative.json", proof.ToJsonString());
        FormatFiles.Fails(path, () => PlonkProof.Read(path), "eval_zw must be a decimal string", "\"-1\"");

        proof["eval_zw"] = 5;
        path = dir.WriteText("number.json", proof.ToJsonString());
        FormatFiles.Fails(path, () => PlonkProof.Read(path), "eval_zw must be a decimal string");
    }

    [Theory]
    [InlineData("protocol", "groth16", "protocol is \"groth16\"; expected \"plonk\"")]
    [InlineData("curve", "bls12381", "curve is \"bls12381\"; expected \"bn128\"")]
    public void A_proof_for_another_protocol_or_curve_is_rejected(string member, string value, string message)
    {
        JsonObject proof = FormatFiles.LoadObject(FormatFiles.Proof);
        proof[member] = value;
        using var dir = new ScratchDirectory();
        string path = dir.WriteText("proof.json", proof.ToJsonString());
        FormatFiles.Fails(path, () => PlonkProof.Read(path), message);
    }

    [Fact]
    public void A_proof_with_a_missing_member_or_broken_json_is_rejected()
    {
        JsonObject proof = FormatFiles.LoadObject(FormatFiles.Proof);
        proof.Remove("T2");
        using var dir = new ScratchDirectory();
        string path = dir.WriteText("proof.json", proof.ToJsonString());
        FormatFiles.Fails(path, () => PlonkProof.Read(path), "\"T2\" is missing");

        string text = File.ReadAllText(FormatFiles.Proof);
        string cut = dir.WriteText("cut.json", text[..(text.Length / 2)]);
        FormatFiles.Fails(cut, () => PlonkProof.Read(cut), "not valid JSON");

        string array = dir.WriteText("array.json", "[]");
        FormatFiles.Fails(array, () => PlonkProof.Read(array), "expected a JSON object");

        // The verification key is not a proof.
        FormatFiles.Fails(FormatFiles.Vkey, () => PlonkProof.Read(FormatFiles.Vkey), "\"A\" is missing");
    }

    [Fact]
    public void A_verification_key_with_a_bad_member_is_rejected()
    {
        using var dir = new ScratchDirectory();
        JsonObject vk = FormatFiles.LoadObject(FormatFiles.Vkey);
        vk["w"] = ZkOptions.Prover.Polynomials.EvaluationDomain.Get(4).Generator.ToString();
        string w = dir.WriteText("w.json", vk.ToJsonString());
        FormatFiles.Fails(w, () => PlonkVerificationKey.Read(w), "w is not the 2^3-th root of unity");

        vk = FormatFiles.LoadObject(FormatFiles.Vkey);
        vk["X_2"]![0]![0] = "1";
        string x2 = dir.WriteText("x2.json", vk.ToJsonString());
        FormatFiles.Fails(x2, () => PlonkVerificationKey.Read(x2), "X_2", "not on the twist");

        vk = FormatFiles.LoadObject(FormatFiles.Vkey);
        vk["k1"] = (Fr.Modulus + 2).ToString();
        string k1 = dir.WriteText("k1.json", vk.ToJsonString());
        FormatFiles.Fails(k1, () => PlonkVerificationKey.Read(k1), "k1 is ≥ r");

        vk = FormatFiles.LoadObject(FormatFiles.Vkey);
        vk["nPublic"] = "4";
        string nPublic = dir.WriteText("npublic.json", vk.ToJsonString());
        FormatFiles.Fails(nPublic, () => PlonkVerificationKey.Read(nPublic), "nPublic must be an integer");

        vk = FormatFiles.LoadObject(FormatFiles.Vkey);
        vk["power"] = 29;
        string power = dir.WriteText("power.json", vk.ToJsonString());
        FormatFiles.Fails(power, () => PlonkVerificationKey.Read(power), "power must be an integer from 1 to 28");

        vk = FormatFiles.LoadObject(FormatFiles.Vkey);
        vk["S3"]![0] = Fq.Modulus.ToString();
        string s3 = dir.WriteText("s3.json", vk.ToJsonString());
        FormatFiles.Fails(s3, () => PlonkVerificationKey.Read(s3), "S3[0]", "below p");

        FormatFiles.Fails(FormatFiles.Proof, () => PlonkVerificationKey.Read(FormatFiles.Proof), "\"power\" is missing");
    }

    [Fact]
    public void Public_signals_must_be_below_r_strings_and_the_expected_count()
    {
        using var dir = new ScratchDirectory();
        string high = dir.WriteText("high.json", $"[\"1\", \"2\", \"{Fr.Modulus}\"]");
        FormatFiles.Fails(high, () => PublicSignals.Read(high), "signal 2 is ≥ r");

        string count = dir.WriteText("count.json", "[\"1\", \"2\"]");
        Assert.Equal(2, PublicSignals.Read(count).Length);
        FormatFiles.Fails(count, () => PublicSignals.Read(count, expectedCount: 4), "holds 2 public signals; the key expects 4");

        string hex = dir.WriteText("hex.json", "[\"0x10\"]");
        FormatFiles.Fails(hex, () => PublicSignals.Read(hex), "signal 0 must be a decimal string", "\"0x10\"");

        FormatFiles.Fails(FormatFiles.Proof, () => PublicSignals.Read(FormatFiles.Proof), "expected a JSON array");
    }

    [Fact]
    public void Proof_points_round_trip_through_values_not_just_text()
    {
        // Guard against a writer that merely echoes input: build a proof from values and read it back.
        G1Affine g = G1Affine.Generator;
        G1Affine g2 = G1Jacobian.ScalarMul(g, Fr.FromUInt64(2)).ToAffine();
        var proof = new PlonkProof
        {
            A = g, B = g2, C = G1Affine.Infinity, Z = g, T1 = g2, T2 = g, T3 = g2, Wxi = g, Wxiw = g2,
            EvalA = Fr.FromUInt64(1), EvalB = Fr.FromBigInteger(Fr.Modulus - 1), EvalC = Fr.Zero,
            EvalS1 = Fr.FromUInt64(7), EvalS2 = Fr.FromUInt64(8), EvalZw = Fr.FromUInt64(9),
        };
        using var dir = new ScratchDirectory();
        string path = dir.File("p.json");
        proof.Write(path);
        PlonkProof back = PlonkProof.Read(path);
        Assert.Equal(proof.B, back.B);
        Assert.True(back.C.IsInfinity);
        Assert.Equal(proof.EvalB, back.EvalB);
        Assert.Equal(proof.EvalZw, back.EvalZw);
        Assert.StartsWith("{\n \"A\": [\n  \"1\",\n  \"2\",\n  \"1\"\n ],\n", File.ReadAllText(path));
        Assert.Contains("\"C\": [\n  \"0\",\n  \"1\",\n  \"0\"\n ]", File.ReadAllText(path));
        Assert.EndsWith("\"protocol\": \"plonk\",\n \"curve\": \"bn128\"\n}", File.ReadAllText(path));
    }
}
