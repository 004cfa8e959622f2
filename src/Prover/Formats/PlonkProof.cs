// SPDX-License-Identifier: MIT
using System.Text.Json.Nodes;
using ZkOptions.Field;

namespace ZkOptions.Prover.Formats;

/// <summary>
/// A snarkjs PLONK proof (proof.json from <c>snarkjs plonk prove</c>): nine G1 commitments and six evaluations.
/// Reading checks protocol "plonk", curve "bn128", every point on the curve and every evaluation below r;
/// writing reproduces snarkjs's text byte for byte (see <see cref="SnarkjsJsonText"/>).
/// </summary>
public sealed class PlonkProof
{
    /// <summary>Commitment to the left wire polynomial a(X).</summary>
    public required G1Affine A { get; init; }

    /// <summary>Commitment to the right wire polynomial b(X).</summary>
    public required G1Affine B { get; init; }

    /// <summary>Commitment to the output wire polynomial c(X).</summary>
    public required G1Affine C { get; init; }

    /// <summary>Commitment to the permutation polynomial z(X).</summary>
    public required G1Affine Z { get; init; }

    /// <summary>Commitment to the low third of the quotient t(X).</summary>
    public required G1Affine T1 { get; init; }

    /// <summary>Commitment to the middle third of the quotient.</summary>
    public required G1Affine T2 { get; init; }

    /// <summary>Commitment to the high third of the quotient.</summary>
    public required G1Affine T3 { get; init; }

    /// <summary>Opening proof at ξ.</summary>
    public required G1Affine Wxi { get; init; }

    /// <summary>Opening proof at ξω.</summary>
    public required G1Affine Wxiw { get; init; }

    /// <summary>a(ξ) (eval_a).</summary>
    public required Fr EvalA { get; init; }

    /// <summary>b(ξ) (eval_b).</summary>
    public required Fr EvalB { get; init; }

    /// <summary>c(ξ) (eval_c).</summary>
    public required Fr EvalC { get; init; }

    /// <summary>σ1(ξ) (eval_s1).</summary>
    public required Fr EvalS1 { get; init; }

    /// <summary>σ2(ξ) (eval_s2).</summary>
    public required Fr EvalS2 { get; init; }

    /// <summary>z(ξω) (eval_zw).</summary>
    public required Fr EvalZw { get; init; }

    /// <summary>Reads and validates proof.json; any problem is an <see cref="InputFileException"/> naming the member.</summary>
    public static PlonkProof Read(string path) => FromJson(SnarkjsJsonText.Load(path), path);

    /// <summary>Validates an already parsed proof; <paramref name="path"/> names it in errors.</summary>
    public static PlonkProof FromJson(JsonNode root, string path)
    {
        JsonObject obj = SnarkjsJsonText.RootObject(path, root, "a snarkjs PLONK proof");
        SnarkjsJsonText.ExpectString(path, obj, "protocol", "plonk");
        SnarkjsJsonText.ExpectString(path, obj, "curve", "bn128");
        return new PlonkProof
        {
            A = SnarkjsJsonText.G1(path, obj, "A"),
            B = SnarkjsJsonText.G1(path, obj, "B"),
            C = SnarkjsJsonText.G1(path, obj, "C"),
            Z = SnarkjsJsonText.G1(path, obj, "Z"),
            T1 = SnarkjsJsonText.G1(path, obj, "T1"),
            T2 = SnarkjsJsonText.G1(path, obj, "T2"),
            T3 = SnarkjsJsonText.G1(path, obj, "T3"),
            Wxi = SnarkjsJsonText.G1(path, obj, "Wxi"),
            Wxiw = SnarkjsJsonText.G1(path, obj, "Wxiw"),
            EvalA = Eval(path, obj, "eval_a"),
            EvalB = Eval(path, obj, "eval_b"),
            EvalC = Eval(path, obj, "eval_c"),
            EvalS1 = Eval(path, obj, "eval_s1"),
            EvalS2 = Eval(path, obj, "eval_s2"),
            EvalZw = Eval(path, obj, "eval_zw"),
        };
    }

    /// <summary>The JSON tree in snarkjs's key order (commitments, evaluations, protocol, curve).</summary>
    public JsonObject ToJson() => new()
    {
        ["A"] = SnarkjsJson.WriteG1(A),
        ["B"] = SnarkjsJson.WriteG1(B),
        ["C"] = SnarkjsJson.WriteG1(C),
        ["Z"] = SnarkjsJson.WriteG1(Z),
        ["T1"] = SnarkjsJson.WriteG1(T1),
        ["T2"] = SnarkjsJson.WriteG1(T2),
        ["T3"] = SnarkjsJson.WriteG1(T3),
        ["Wxi"] = SnarkjsJson.WriteG1(Wxi),
        ["Wxiw"] = SnarkjsJson.WriteG1(Wxiw),
        ["eval_a"] = SnarkjsJson.WriteFr(EvalA),
        ["eval_b"] = SnarkjsJson.WriteFr(EvalB),
        ["eval_c"] = SnarkjsJson.WriteFr(EvalC),
        ["eval_s1"] = SnarkjsJson.WriteFr(EvalS1),
        ["eval_s2"] = SnarkjsJson.WriteFr(EvalS2),
        ["eval_zw"] = SnarkjsJson.WriteFr(EvalZw),
        ["protocol"] = "plonk",
        ["curve"] = "bn128",
    };

    /// <summary>The text snarkjs writes for this proof.</summary>
    public string ToJsonText() => SnarkjsJsonText.Format(ToJson());

    /// <summary>Writes proof.json atomically (temporary file, then rename).</summary>
    public void Write(string path) => AtomicFile.WriteAllText(path, ToJsonText());

    private static Fr Eval(string path, JsonObject obj, string name) =>
        SnarkjsJsonText.Scalar(path, SnarkjsJsonText.Member(path, obj, name), name);
}
