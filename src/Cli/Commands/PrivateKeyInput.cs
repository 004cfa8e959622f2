// SPDX-License-Identifier: MIT
using System.Security.Cryptography;
using System.Text.Json;
using System.Text.Json.Nodes;
using ZkOptions.Field.Encoding;
using ZkOptions.Field.BabyJubjub;
using ZkOptions.Prover.Formats;

namespace ZkOptions.Cli.Commands;

/// <summary>
/// EdDSA private keys from the command line (64 hex digits) or from a key file (the hex alone, or the JSON object
/// <c>eddsa keygen</c> writes, with a <c>privateKey</c> field), as <c>eddsa sign</c> and <c>oracle epoch</c> read them.
/// The raw bytes are wiped once the key is made.
/// </summary>
internal static class PrivateKeyInput
{
    /// <summary>The key from hex text; <paramref name="source"/> names it in errors.</summary>
    public static EddsaPrivateKey FromHex(string text, string source) => Make(BytesFromHex(text, source));

    /// <summary>The key from a file given with <paramref name="flag"/>.</summary>
    public static EddsaPrivateKey FromFile(string path, string flag)
    {
        FileOptions.RequireFile(flag, path);
        string text;
        try
        {
            text = File.ReadAllText(path).Trim();
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new InputFileException(path, $"cannot open: {e.Message}", e);
        }
        if (!text.StartsWith('{'))
        {
            return Make(BytesFromHex(text, path));
        }
        JsonNode? root;
        try
        {
            root = StrictJson.Parse(text);
        }
        catch (JsonException e)
        {
            throw new InputFileException(path, $"not valid JSON: {e.Message}", e);
        }
        JsonNode node = (root as JsonObject)?["privateKey"] ?? throw new InputFileException(path, "\"privateKey\" is missing");
        string? hex = node is JsonValue v && v.GetValueKind() == JsonValueKind.String ? v.GetValue<string>() : null;
        return Make(BytesFromHex(hex ?? throw new InputFileException(path, "privateKey must be a string of 64 hex digits"), $"{path}: privateKey"));
    }

    private static byte[] BytesFromHex(string text, string source)
    {
        byte[] bytes = HexInput.Parse(text, source);
        if (bytes.Length != EddsaPrivateKey.KeyLength)
        {
            CryptographicOperations.ZeroMemory(bytes);
            throw new UsageException($"{source}: a private key is {EddsaPrivateKey.KeyLength} bytes (64 hex digits); got {bytes.Length} bytes.");
        }
        return bytes;
    }

    private static EddsaPrivateKey Make(byte[] bytes)
    {
        try
        {
            return new EddsaPrivateKey(bytes);
        }
        finally
        {
            CryptographicOperations.ZeroMemory(bytes);
        }
    }
}
