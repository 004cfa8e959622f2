// SPDX-License-Identifier: MIT
using System.Text.Json;
using System.Text.Json.Nodes;
using ZkOptions.Circuit.Compiler;
using ZkOptions.Cli.Output;
using ZkOptions.Prover.Formats;
using ZkOptions.Prover.PlonkV2;

namespace ZkOptions.Cli.Commands;

/// <summary>
/// What the verbs share for PLONK v2: telling a v2 proving key from a snarkjs .zkey by its magic, a JSON file's
/// "protocol", and the check that a v2 key was made for the circuit about to be proved.
/// </summary>
internal static class PlonkV2Keys
{
    /// <summary>The "protocol" of the v2 proof and verifying key JSON files.</summary>
    public const string Protocol = "zkoptions-plonk-v2";

    /// <summary>Whether the file starts with the v2 proving key's magic "ZKPLONK2" (else it is read as a snarkjs .zkey).</summary>
    public static bool IsV2Key(string path)
    {
        Span<byte> head = stackalloc byte[8];
        int read;
        try
        {
            using var stream = File.OpenRead(path);
            read = stream.ReadAtLeast(head, head.Length, throwOnEndOfStream: false);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new InputFileException(path, $"cannot open: {e.Message}", e);
        }
        return read == head.Length && head.SequenceEqual(PlonkV2ProvingKeyFile.Magic);
    }

    /// <summary>
    /// The "protocol" string of a JSON file's root object, or null when the file is not such an object (its own
    /// reader then says what is wrong with it, naming the file).
    /// </summary>
    public static string? ProtocolOf(string path)
    {
        try
        {
            return JsonNode.Parse(File.ReadAllText(path)) is JsonObject obj && obj["protocol"] is JsonValue v && v.GetValueKind() == JsonValueKind.String
                ? v.GetValue<string>()
                : null;
        }
        catch (Exception e) when (e is JsonException or IOException or UnauthorizedAccessException or InvalidOperationException or ArgumentException)
        {
            return null;
        }
    }

    /// <summary>
    /// Refuses a v2 key made for another circuit than <paramref name="circuit"/> (compiled for v2): the key holds its
    /// wire count, public-input count and domain, which must all be the circuit's.
    /// </summary>
    public static void RequireFor(PlonkV2ProvingKey key, string keyPath, CompiledCircuit circuit, string circuitSource)
    {
        int power = PlonkV2Setup.DomainPower(circuit.ToWideCircuit());
        var vk = key.VerifyingKey;
        if (key.WireCount != circuit.WireCount || vk.PublicCount != circuit.PublicCount || vk.Power != power)
        {
            throw new InputFileException(keyPath,
                $"is a v2 key for a circuit of {Counted.Of(key.WireCount, "wire")}, {Counted.Of(vk.PublicCount, "public input")} and domain 2^{vk.Power}, " +
                $"but {circuit.Name} ({circuitSource}) compiles for v2 to {Counted.Of(circuit.RowCount, "row")}, {Counted.Of(circuit.WireCount, "wire")}, " +
                $"{Counted.Of(circuit.PublicCount, "public input")} and domain 2^{power}; was the key made for another circuit (or other --parameters)?");
        }
    }
}
