// SPDX-License-Identifier: MIT
using System.Text.Json.Nodes;
using ZkOptions.Field;

namespace ZkOptions.Prover.Formats;

/// <summary>
/// public.json as snarkjs writes it: an array of decimal strings, the witness values 1..nPublic (outputs first,
/// then public inputs). Each value must be below r; a value ≥ r is an error, not reduced.
/// </summary>
public static class PublicSignals
{
    /// <summary>
    /// Reads public.json. With <paramref name="expectedCount"/> (the key's nPublic) a different length is an
    /// error. Errors name the signal by its 0-based position in the array.
    /// </summary>
    public static Fr[] Read(string path, int? expectedCount = null) => FromJson(SnarkjsJsonText.Load(path), path, expectedCount);

    /// <summary>Validates an already parsed public.json; <paramref name="path"/> names it in errors.</summary>
    public static Fr[] FromJson(JsonNode root, string path, int? expectedCount = null)
    {
        if (root is not JsonArray array)
        {
            throw new InputFileException(path, "expected a JSON array of decimal strings (public signals)");
        }
        if (expectedCount is int n && array.Count != n)
        {
            throw new InputFileException(path, $"holds {array.Count} public signals; the key expects {n}");
        }
        var signals = new Fr[array.Count];
        for (int i = 0; i < signals.Length; i++)
        {
            signals[i] = SnarkjsJsonText.Scalar(path, array[i], $"signal {i}");
        }
        return signals;
    }

    /// <summary>The JSON array of decimal strings.</summary>
    public static JsonArray ToJson(ReadOnlySpan<Fr> signals)
    {
        var array = new JsonArray();
        foreach (Fr s in signals)
        {
            array.Add(SnarkjsJson.WriteFr(s));
        }
        return array;
    }

    /// <summary>The text snarkjs writes for these signals.</summary>
    public static string ToJsonText(ReadOnlySpan<Fr> signals) => SnarkjsJsonText.Format(ToJson(signals));

    /// <summary>Writes public.json atomically (temporary file, then rename).</summary>
    public static void Write(string path, ReadOnlySpan<Fr> signals) => AtomicFile.WriteAllText(path, ToJsonText(signals));
}
