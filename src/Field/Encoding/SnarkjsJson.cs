// SPDX-License-Identifier: MIT
using System.Text.Json;
using System.Text.Json.Nodes;

namespace ZkOptions.Field;

/// <summary>
/// Points and field elements as snarkjs writes them in proof.json, public.json and verification_key.json,
/// following ffjavascript 0.3.1 (<c>WasmCurve.toObject</c>/<c>fromObject</c>):
/// <list type="bullet">
/// <item>field elements are decimal strings;</item>
/// <item>G1 is <c>["x","y","z"]</c> and G2 <c>[["x_real","x_imag"],["y_real","y_imag"],["z_real","z_imag"]]</c>
/// (real part first, unlike the EVM);</item>
/// <item>the triple is JACOBIAN: (X, Y, Z) is (X/Z², Y/Z³), because fromObject hands a z ≠ 1 triple to the wasm
/// curve code, whose toAffine divides that way; z = 1 is affine, and z = 0 is infinity whatever x and y are;
/// a two-element array means z = 1;</item>
/// <item>infinity is written <c>["0","1","0"]</c> (G1) and <c>[["0","0"],["1","0"],["0","0"]]</c> (G2); other
/// points as affine with z = 1.</item>
/// </list>
/// Readers are stricter than ffjavascript: coordinates must be canonical (below p) and the point must be on
/// the curve (and for G2 in the subgroup unless the caller opts out). Errors name the offending member.
/// </summary>
public static class SnarkjsJson
{
    /// <summary>Writes a G1 point as <c>["x","y","1"]</c>, or <c>["0","1","0"]</c> for infinity.</summary>
    public static JsonArray WriteG1(in G1Affine point) =>
        point.IsInfinity ? Strings("0", "1", "0") : Strings(point.X.ToString(), point.Y.ToString(), "1");

    /// <summary>
    /// Reads a G1 point (Jacobian triple or affine pair of decimal strings), throwing
    /// <see cref="EncodingException"/> that names <paramref name="name"/> and what was wrong.
    /// </summary>
    public static G1Affine ReadG1(JsonNode? node, string name = "G1 point")
    {
        string? error = DecodeG1(node, name, out G1Affine p);
        return error is null ? p : throw new EncodingException(error);
    }

    /// <summary>Reads a G1 point; false on any error <see cref="ReadG1"/> would throw for.</summary>
    public static bool TryReadG1(JsonNode? node, out G1Affine point) => DecodeG1(node, "G1 point", out point) is null;

    /// <summary>Writes a G2 point as <c>[["x_real","x_imag"],["y_real","y_imag"],["1","0"]]</c>.</summary>
    public static JsonArray WriteG2(in G2Affine point)
    {
        if (point.IsInfinity)
        {
            return new JsonArray(Strings("0", "0"), Strings("1", "0"), Strings("0", "0"));
        }
        return new JsonArray(WriteFq2(point.X), WriteFq2(point.Y), Strings("1", "0"));
    }

    /// <summary>
    /// Reads a G2 point, throwing <see cref="EncodingException"/> that names <paramref name="name"/>. The
    /// subgroup check is skipped only with <paramref name="checkSubgroup"/> = false.
    /// </summary>
    public static G2Affine ReadG2(JsonNode? node, string name = "G2 point", bool checkSubgroup = true)
    {
        string? error = DecodeG2(node, name, checkSubgroup, out G2Affine p);
        return error is null ? p : throw new EncodingException(error);
    }

    /// <summary>Reads a G2 point; false on any error <see cref="ReadG2"/> would throw for.</summary>
    public static bool TryReadG2(JsonNode? node, out G2Affine point, bool checkSubgroup = true) =>
        DecodeG2(node, "G2 point", checkSubgroup, out point) is null;

    /// <summary>An element of Fr as a decimal string (public signals).</summary>
    public static JsonValue WriteFr(in Fr value) => JsonValue.Create(value.ToString());

    /// <summary>Reads an element of Fr from a decimal string below r.</summary>
    public static Fr ReadFr(JsonNode? node, string name = "Fr element")
    {
        string? text = AsString(node);
        if (text is null)
        {
            throw new EncodingException($"{name}: expected a decimal string.");
        }
        return Fr.TryParse(text, out Fr r) ? r : throw new EncodingException($"{name}: \"{Shorten(text)}\" is not a decimal integer below r.");
    }

    /// <summary>An element of Fq as a decimal string.</summary>
    public static JsonValue WriteFq(in Fq value) => JsonValue.Create(value.ToString());

    /// <summary>Reads an element of Fq from a decimal string below p.</summary>
    public static Fq ReadFq(JsonNode? node, string name = "Fq element")
    {
        string? error = DecodeFq(node, name, out Fq r);
        return error is null ? r : throw new EncodingException(error);
    }

    private static JsonArray WriteFq2(in Fq2 v) => Strings(v.C0.ToString(), v.C1.ToString());

    private static JsonArray Strings(params string[] values)
    {
        var array = new JsonArray();
        foreach (string v in values)
        {
            array.Add(JsonValue.Create(v));
        }
        return array;
    }

    private static string? AsString(JsonNode? node) =>
        node is JsonValue value && value.GetValueKind() == JsonValueKind.String ? value.GetValue<string>() : null;

    private static string Shorten(string text) => text.Length > 90 ? text[..90] + "…" : text;

    private static string? DecodeFq(JsonNode? node, string name, out Fq r)
    {
        r = default;
        string? text = AsString(node);
        if (text is null)
        {
            return $"{name}: expected a decimal string.";
        }
        return Fq.TryParse(text, out r) ? null : $"{name}: \"{Shorten(text)}\" is not a decimal integer below p.";
    }

    private static string? DecodeFq2(JsonNode? node, string name, out Fq2 r)
    {
        r = default;
        if (node is not JsonArray array || array.Count != 2)
        {
            return $"{name}: expected an array of 2 decimal strings [real, imaginary].";
        }
        Fq c1 = default;
        string? error = DecodeFq(array[0], name + "[0]", out Fq c0);
        error ??= DecodeFq(array[1], name + "[1]", out c1);
        if (error is null)
        {
            r = new Fq2(c0, c1);
        }
        return error;
    }

    private static string? DecodeG1(JsonNode? node, string name, out G1Affine point)
    {
        point = G1Affine.Infinity;
        if (node is not JsonArray array || array.Count is not (2 or 3))
        {
            return $"{name}: expected an array of 3 decimal strings [x, y, z].";
        }
        Fq x = default, y = default, z = Fq.One;
        string? error = DecodeFq(array[0], name + "[0]", out x);
        error ??= DecodeFq(array[1], name + "[1]", out y);
        if (error is null && array.Count == 3)
        {
            error = DecodeFq(array[2], name + "[2]", out z);
        }
        if (error is not null)
        {
            return error;
        }
        if (z.IsZero)
        {
            return null;
        }
        var p = new G1Jacobian(x, y, z).ToAffine();
        error = CurveChecks.G1(in p);
        if (error is null)
        {
            point = p;
            return null;
        }
        return $"{name}: {error}";
    }

    private static string? DecodeG2(JsonNode? node, string name, bool checkSubgroup, out G2Affine point)
    {
        point = G2Affine.Infinity;
        if (node is not JsonArray array || array.Count is not (2 or 3))
        {
            return $"{name}: expected an array of 3 pairs of decimal strings [[x_real, x_imag], [y_real, y_imag], [z_real, z_imag]].";
        }
        Fq2 x = default, y = default, z = Fq2.One;
        string? error = DecodeFq2(array[0], name + "[0]", out x);
        error ??= DecodeFq2(array[1], name + "[1]", out y);
        if (error is null && array.Count == 3)
        {
            error = DecodeFq2(array[2], name + "[2]", out z);
        }
        if (error is not null)
        {
            return error;
        }
        if (z.IsZero)
        {
            return null;
        }
        var p = new G2Jacobian(x, y, z).ToAffine();
        error = CurveChecks.G2(in p, checkSubgroup);
        if (error is null)
        {
            point = p;
            return null;
        }
        return $"{name}: {error}";
    }
}
