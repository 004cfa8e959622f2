// SPDX-License-Identifier: MIT
using System.Text.Json.Nodes;
using ZkOptions.Field;
using ZkOptions.Prover.Polynomials;

namespace ZkOptions.Prover.Formats;

/// <summary>
/// A snarkjs PLONK verification key (verification_key.json from <c>snarkjs zkey export verificationkey</c>).
/// Reading checks protocol, curve, counts, points (G2 also in the subgroup), scalars below r, and that w is
/// the 2^power-th root of unity snarkjs uses (its JS verifier ignores w and recomputes it from power, while the
/// Solidity verifier uses w, so a key where the two disagree would verify differently on and off chain).
/// </summary>
public sealed class PlonkVerificationKey
{
    /// <summary>Number of public signals (outputs, then public inputs).</summary>
    public required int NPublic { get; init; }

    /// <summary>log2 of the PLONK domain size n.</summary>
    public required int Power { get; init; }

    /// <summary>Coset shift for the b wires (snarkjs: 2).</summary>
    public required Fr K1 { get; init; }

    /// <summary>Coset shift for the c wires (snarkjs: 3).</summary>
    public required Fr K2 { get; init; }

    /// <summary>Commitment to the multiplication selector.</summary>
    public required G1Affine Qm { get; init; }

    /// <summary>Commitment to the left selector.</summary>
    public required G1Affine Ql { get; init; }

    /// <summary>Commitment to the right selector.</summary>
    public required G1Affine Qr { get; init; }

    /// <summary>Commitment to the output selector.</summary>
    public required G1Affine Qo { get; init; }

    /// <summary>Commitment to the constant selector.</summary>
    public required G1Affine Qc { get; init; }

    /// <summary>Commitment to the first permutation polynomial σ1.</summary>
    public required G1Affine S1 { get; init; }

    /// <summary>Commitment to σ2.</summary>
    public required G1Affine S2 { get; init; }

    /// <summary>Commitment to σ3.</summary>
    public required G1Affine S3 { get; init; }

    /// <summary>[τ]₂ from the powers of tau (X_2).</summary>
    public required G2Affine X2 { get; init; }

    /// <summary>ω, the generator of the size-2^Power domain (w).</summary>
    public required Fr W { get; init; }

    /// <summary>Reads and validates verification_key.json; any problem is an <see cref="InputFileException"/>.</summary>
    public static PlonkVerificationKey Read(string path) => FromJson(SnarkjsJsonText.Load(path), path);

    /// <summary>Validates an already parsed key; <paramref name="path"/> names it in errors.</summary>
    public static PlonkVerificationKey FromJson(JsonNode root, string path)
    {
        JsonObject obj = SnarkjsJsonText.RootObject(path, root, "a snarkjs PLONK verification key");
        SnarkjsJsonText.ExpectString(path, obj, "protocol", "plonk");
        SnarkjsJsonText.ExpectString(path, obj, "curve", "bn128");
        int power = SnarkjsJsonText.Integer(path, obj, "power", 1, Fr.TwoAdicity);
        Fr w = Scalar(path, obj, "w");
        if (w != EvaluationDomain.Get(power).Generator)
        {
            throw new InputFileException(path, $"w is not the 2^{power}-th root of unity snarkjs uses for power {power} ({EvaluationDomain.Get(power).Generator})");
        }
        return new PlonkVerificationKey
        {
            NPublic = SnarkjsJsonText.Integer(path, obj, "nPublic", 0, int.MaxValue),
            Power = power,
            K1 = Scalar(path, obj, "k1"),
            K2 = Scalar(path, obj, "k2"),
            Qm = SnarkjsJsonText.G1(path, obj, "Qm"),
            Ql = SnarkjsJsonText.G1(path, obj, "Ql"),
            Qr = SnarkjsJsonText.G1(path, obj, "Qr"),
            Qo = SnarkjsJsonText.G1(path, obj, "Qo"),
            Qc = SnarkjsJsonText.G1(path, obj, "Qc"),
            S1 = SnarkjsJsonText.G1(path, obj, "S1"),
            S2 = SnarkjsJsonText.G1(path, obj, "S2"),
            S3 = SnarkjsJsonText.G1(path, obj, "S3"),
            X2 = SnarkjsJsonText.G2(path, obj, "X_2"),
            W = w,
        };
    }

    /// <summary>The JSON tree in snarkjs's key order (zkey_export_verificationkey.js, plonkVk).</summary>
    public JsonObject ToJson() => new()
    {
        ["protocol"] = "plonk",
        ["curve"] = "bn128",
        ["nPublic"] = NPublic,
        ["power"] = Power,
        ["k1"] = SnarkjsJson.WriteFr(K1),
        ["k2"] = SnarkjsJson.WriteFr(K2),
        ["Qm"] = SnarkjsJson.WriteG1(Qm),
        ["Ql"] = SnarkjsJson.WriteG1(Ql),
        ["Qr"] = SnarkjsJson.WriteG1(Qr),
        ["Qo"] = SnarkjsJson.WriteG1(Qo),
        ["Qc"] = SnarkjsJson.WriteG1(Qc),
        ["S1"] = SnarkjsJson.WriteG1(S1),
        ["S2"] = SnarkjsJson.WriteG1(S2),
        ["S3"] = SnarkjsJson.WriteG1(S3),
        ["X_2"] = SnarkjsJson.WriteG2(X2),
        ["w"] = SnarkjsJson.WriteFr(W),
    };

    /// <summary>The text snarkjs writes for this key.</summary>
    public string ToJsonText() => SnarkjsJsonText.Format(ToJson());

    /// <summary>Writes verification_key.json atomically (temporary file, then rename).</summary>
    public void Write(string path) => AtomicFile.WriteAllText(path, ToJsonText());

    private static Fr Scalar(string path, JsonObject obj, string name) =>
        SnarkjsJsonText.Scalar(path, SnarkjsJsonText.Member(path, obj, name), name);
}
