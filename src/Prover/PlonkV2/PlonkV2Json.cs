// SPDX-License-Identifier: MIT
using System.Text.Json;
using System.Text.Json.Nodes;
using ZkOptions.Field;
using ZkOptions.Field.Encoding;
using ZkOptions.Prover.Formats;

namespace ZkOptions.Prover.PlonkV2;

/// <summary>
/// The shared reading rules of the PLONK v2 JSON files (proof and verifying key): the protocol label and version
/// first, fixed-length arrays of points and scalars, every error an <see cref="InputFileException"/> naming the file
/// and the member (with its index for array elements).
/// </summary>
internal static class PlonkV2Json
{
    public const string Protocol = "zkoptions-plonk-v2";

    public static JsonObject Open(string path, JsonNode root, string what, int version)
    {
        JsonObject obj = SnarkjsJsonText.RootObject(path, root, what);
        SnarkjsJsonText.ExpectString(path, obj, "protocol", Protocol);
        SnarkjsJsonText.ExpectString(path, obj, "curve", "bn128");
        int found = SnarkjsJsonText.Integer(path, obj, "version", 0, int.MaxValue);
        if (found != version)
        {
            throw new InputFileException(path, $"version is {found}; this reader knows version {version}");
        }
        return obj;
    }

    public static JsonArray Array(string path, JsonObject obj, string name, int count, string? label = null)
    {
        JsonNode node = obj[name] ?? throw new InputFileException(path, $"\"{label ?? name}\" is missing");
        name = label ?? name;
        if (node is not JsonArray array)
        {
            throw new InputFileException(path, $"{name} must be an array");
        }
        if (array.Count != count)
        {
            throw new InputFileException(path, $"{name} has {array.Count} elements; expected {count}");
        }
        return array;
    }

    /// <summary>A G1 point (on the curve; infinity only when <paramref name="infinityAllowed"/>).</summary>
    public static G1Affine G1(string path, JsonNode? node, string name, bool infinityAllowed)
    {
        G1Affine point;
        try
        {
            point = SnarkjsJson.ReadG1(node, name);
        }
        catch (EncodingException e)
        {
            throw new InputFileException(path, e.Message, e);
        }
        if (point.IsInfinity && !infinityAllowed)
        {
            throw new InputFileException(path, $"{name} is the point at infinity, which a proof never holds");
        }
        return point;
    }

    public static G1Affine[] G1Array(string path, JsonObject obj, string name, int count, bool infinityAllowed, string? label = null)
    {
        JsonArray array = Array(path, obj, name, count, label);
        name = label ?? name;
        var points = new G1Affine[count];
        for (int i = 0; i < count; i++)
        {
            points[i] = G1(path, array[i], $"{name}[{i}]", infinityAllowed);
        }
        return points;
    }

    public static Fr[] ScalarArray(string path, JsonObject obj, string name, int count, string? label = null)
    {
        JsonArray array = Array(path, obj, name, count, label);
        name = label ?? name;
        var scalars = new Fr[count];
        for (int i = 0; i < count; i++)
        {
            scalars[i] = SnarkjsJsonText.Scalar(path, array[i], $"{name}[{i}]");
        }
        return scalars;
    }

    public static string[] StringArray(string path, JsonObject obj, string name)
    {
        JsonNode node = SnarkjsJsonText.Member(path, obj, name);
        if (node is not JsonArray array || array.Count == 0 || array.Count > 255)
        {
            throw new InputFileException(path, $"{name} must be an array of 1 to 255 names");
        }
        var names = new string[array.Count];
        for (int i = 0; i < array.Count; i++)
        {
            names[i] = array[i] is JsonValue v && v.GetValueKind() == JsonValueKind.String ? v.GetValue<string>()
                : throw new InputFileException(path, $"{name}[{i}] must be a string");
        }
        return names;
    }

    public static JsonArray Points(IEnumerable<G1Affine> points) => new([.. points.Select(p => (JsonNode)SnarkjsJson.WriteG1(p))]);

    public static JsonArray Scalars(IEnumerable<Fr> scalars) => new([.. scalars.Select(s => (JsonNode)SnarkjsJson.WriteFr(s))]);
}
