// SPDX-License-Identifier: MIT
using System.CommandLine;
using System.Globalization;
using System.Numerics;
using System.Security.Cryptography;
using System.Text.Json;
using System.Text.Json.Nodes;
using ZkOptions.Field.Encoding;
using ZkOptions.Cli.Output;
using ZkOptions.Field;
using ZkOptions.Field.BabyJubjub;
using ZkOptions.Prover.Formats;
using Jubjub = ZkOptions.Field.BabyJubjub.BabyJubjub;

namespace ZkOptions.Cli.Commands;

/// <summary>
/// <c>zkoptions eddsa keygen|sign|verify</c>: EdDSA-Poseidon over BabyJubjub with circomlibjs 0.1.7's key derivation
/// and signatures, in JSON with circomlibjs's names (Ax, Ay, R8x, R8y, S; decimal strings).
/// </summary>
/// <remarks>
/// verify's exit codes: 0 valid; 1 invalid, which includes everything circomlibjs's <c>verifyPoseidon</c> answers
/// false for (a point off the curve, S ≥ l, a signature that does not match); 2 when the file cannot be read as
/// a signature at all (missing member, not a decimal string, a coordinate or message ≥ r), naming the file and
/// the member.
/// With --json the object printed gains "ok" and "exitCode": keygen {privateKey, publicKey} (with --out: {out,
/// publicKey}, the private key only in the file), sign {publicKey, message, signature}, verify {valid} (and error when
/// invalid).
/// </remarks>
internal static class EddsaCommand
{
    public static Command Build() => new("eddsa", "EdDSA-Poseidon signatures over BabyJubjub, compatible with circomlibjs and circomlib's EdDSAPoseidonVerifier.")
    {
        Keygen(),
        Sign(),
        Verify(),
    };

    private static Command Keygen()
    {
        var output = new Option<string?>("--out")
        {
            Description = "Write the key to this file instead of stdout: atomically (temporary file, then rename), readable only by " +
                "its owner, and never over an existing file.",
        };
        var command = new Command("keygen",
            "Make a random private key (32 bytes from the OS's CSPRNG) and print {\"privateKey\":HEX,\"publicKey\":{\"Ax\",\"Ay\"}}.")
        {
            output,
        };
        command.SetAction(parse =>
        {
            string? outPath = parse.GetValue(output);
            if (outPath is not null)
            {
                CheckOutputPath(outPath);
            }
            using var rng = RandomNumberGenerator.Create();
            var key = EddsaPrivateKey.Generate(rng);
            var json = new JsonObject
            {
                ["privateKey"] = Convert.ToHexStringLower(key.Bytes),
                ["publicKey"] = PublicKeyJson(key.PublicKey),
            };
            string text = json.ToJsonString();
            var run = CommandRun.Of(parse);
            if (outPath is null)
            {
                run.Result.Succeeded(json);
                if (!run.Json)
                {
                    run.Out.WriteLine(text);
                }
            }
            else
            {
                WritePrivateFile(outPath, text + "\n");
                run.Result.Succeeded(new JsonObject { ["out"] = outPath, ["publicKey"] = PublicKeyJson(key.PublicKey) });
            }
            return ExitCodes.Ok;
        });
        return command;
    }

    private static Command Sign()
    {
        var keyHex = new Option<string?>("--key") { Description = "The private key: 64 hex digits (0x optional). Prefer --key-file: arguments are visible to other local users." };
        var keyFile = new Option<string?>("--key-file") { Description = "Read the private key from this file: the JSON `keygen --out` writes, or 64 hex digits." };
        var message = new Option<string>("--message", "-m") { Description = "The message: a field element, decimal or 0x-hex, below r.", Required = true };
        var command = new Command("sign",
            "Sign a field element as circomlibjs signPoseidon (deterministic) and print {\"publicKey\",\"message\",\"signature\":{\"R8x\",\"R8y\",\"S\"}}.")
        {
            keyHex, keyFile, message,
        };
        command.SetAction(parse =>
        {
            string? hex = parse.GetValue(keyHex);
            string? file = parse.GetValue(keyFile);
            if ((hex is null) == (file is null))
            {
                throw new UsageException("eddsa sign: give exactly one of --key HEX or --key-file FILE.");
            }
            Fr m = FieldInput.Parse(parse.GetValue(message)!, "--message");
            EddsaPrivateKey key = hex is not null ? PrivateKeyInput.FromHex(hex, "--key") : PrivateKeyInput.FromFile(file!, "--key-file");
            EddsaSignature sig = key.Sign(m);
            var json = new JsonObject
            {
                ["publicKey"] = PublicKeyJson(key.PublicKey),
                ["message"] = m.ToString(),
                ["signature"] = new JsonObject
                {
                    ["R8x"] = sig.R8.X.ToString(),
                    ["R8y"] = sig.R8.Y.ToString(),
                    ["S"] = sig.S.ToString(CultureInfo.InvariantCulture),
                },
            };
            var run = CommandRun.Of(parse);
            run.Result.Succeeded(json);
            if (!run.Json)
            {
                run.Out.WriteLine(json.ToJsonString());
            }
            return ExitCodes.Ok;
        });
        return command;
    }

    private static Command Verify()
    {
        var input = FileOptions.Input("--input", "The signature JSON, as `eddsa sign` prints it: {\"publicKey\":{\"Ax\",\"Ay\"},\"message\",\"signature\":{\"R8x\",\"R8y\",\"S\"}}.");
        var command = new Command("verify",
            "Verify an EdDSA-Poseidon signature as circomlibjs verifyPoseidon: print valid or invalid; exit 0 valid, 1 invalid, 2 bad input.")
        {
            input,
        };
        command.SetAction(parse =>
        {
            string path = FileOptions.ExistingFile(parse, input);
            JsonObject root = LoadObject(path);
            JsonObject publicKey = Object(path, root, "publicKey");
            JsonObject signature = Object(path, root, "signature");
            var a = new BabyJubjubPoint(Element(path, publicKey, "publicKey.Ax"), Element(path, publicKey, "publicKey.Ay"));
            Fr m = Element(path, root, "message");
            var r8 = new BabyJubjubPoint(Element(path, signature, "signature.R8x"), Element(path, signature, "signature.R8y"));
            BigInteger s = Integer(path, signature, "signature.S");
            var sig = new EddsaSignature(r8, s);

            bool valid = EddsaPoseidon.Verify(a, m, sig);
            var run = CommandRun.Of(parse);
            if (valid)
            {
                run.Out.WriteLine("valid");
                run.Result.Succeeded(new JsonObject { ["valid"] = true });
                return ExitCodes.Ok;
            }
            string reason =
                !a.IsOnCurve ? "the public key (Ax, Ay) is not on the BabyJubjub curve" :
                !r8.IsOnCurve ? "R8 is not on the BabyJubjub curve" :
                s >= Jubjub.SubgroupOrder ? "S is not below the subgroup order l" :
                "Base8·S ≠ R8 + 8·hm·A: the signature does not match this public key and message";
            run.Out.WriteLine("invalid");
            run.Err.WriteLine($"invalid: {reason}");
            run.Result.Rejected(reason, new JsonObject { ["valid"] = false });
            return ExitCodes.Rejected;
        });
        return command;
    }

    private static JsonObject PublicKeyJson(in BabyJubjubPoint a) => new()
    {
        ["Ax"] = a.X.ToString(),
        ["Ay"] = a.Y.ToString(),
    };

    private static void CheckOutputPath(string path)
    {
        string dir = Path.GetDirectoryName(Path.GetFullPath(path)) ?? ".";
        if (Directory.Exists(path))
        {
            throw new UsageException($"--out: {path} is a directory; give a file path.");
        }
        if (!Directory.Exists(dir))
        {
            throw new UsageException($"--out: the directory {dir} does not exist.");
        }
        if (File.Exists(path))
        {
            throw new UsageException($"--out: {path} exists; refusing to overwrite a key file (move or delete it first).");
        }
    }

    /// <summary>Temporary file created owner-only (0600 on Unix), then renamed into place without overwriting.</summary>
    private static void WritePrivateFile(string path, string contents)
    {
        string tmp = AtomicFile.TemporaryPathFor(path);
        try
        {
            var options = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write };
            if (!OperatingSystem.IsWindows())
            {
                options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
            }
            using (var writer = new StreamWriter(tmp, System.Text.Encoding.UTF8, options))
            {
                writer.Write(contents);
            }
            try
            {
                File.Move(tmp, path, overwrite: false);
            }
            catch (IOException) when (File.Exists(path))
            {
                throw new UsageException($"--out: {path} appeared while the key was being written; refusing to overwrite it.");
            }
        }
        finally
        {
            File.Delete(tmp);
        }
    }

    // ------------------------------------------------------------------ the signature file

    private static string ReadText(string path)
    {
        try
        {
            return File.ReadAllText(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new InputFileException(path, $"cannot open: {e.Message}", e);
        }
    }

    private static JsonObject LoadObject(string path) => ParseObject(path, ReadText(path));

    private static JsonObject ParseObject(string path, string text)
    {
        JsonNode? root;
        try
        {
            root = StrictJson.Parse(text);
        }
        catch (JsonException e)
        {
            throw new InputFileException(path, $"not valid JSON: {e.Message}", e);
        }
        return root as JsonObject ?? throw new InputFileException(path, $"expected a JSON object, found {Kind(root)}");
    }

    private static JsonObject Object(string path, JsonObject parent, string name)
    {
        JsonNode? node = parent[name] ?? throw new InputFileException(path, $"\"{name}\" is missing");
        return node as JsonObject ?? throw new InputFileException(path, $"{name} must be an object; found {Kind(node)}");
    }

    /// <summary>The member's text, which must be a decimal string of at most 100 digits.</summary>
    private static BigInteger Integer(string path, JsonObject parent, string dotted)
    {
        string name = dotted[(dotted.LastIndexOf('.') + 1)..];
        JsonNode? node = parent[name] ?? throw new InputFileException(path, $"\"{dotted}\" is missing");
        string? text = node is JsonValue v && v.GetValueKind() == JsonValueKind.String ? v.GetValue<string>() : null;
        if (text is null || text.Length == 0 || text.Length > 100 || !text.All(char.IsAsciiDigit))
        {
            string found = text is null ? Kind(node) : $"\"{Shorten(text)}\"";
            throw new InputFileException(path, $"{dotted} must be a decimal string (at most 100 digits); found {found}");
        }
        return BigInteger.Parse(text, NumberStyles.None, CultureInfo.InvariantCulture);
    }

    /// <summary>A coordinate or the message: a decimal string below r (never reduced).</summary>
    private static Fr Element(string path, JsonObject parent, string dotted)
    {
        BigInteger value = Integer(path, parent, dotted);
        if (value >= Fr.Modulus)
        {
            throw new InputFileException(path, $"{dotted} is ≥ r (the BN254 scalar field modulus): {Shorten(value.ToString(CultureInfo.InvariantCulture))}");
        }
        return Fr.FromBigInteger(value);
    }

    private static string Kind(JsonNode? node) => node switch
    {
        null => "null",
        JsonObject => "an object",
        JsonArray => "an array",
        _ => $"the {node.GetValueKind().ToString().ToLowerInvariant()} {Shorten(node.ToJsonString())}",
    };

    private static string Shorten(string text) => text.Length > 90 ? text[..90] + "…" : text;
}
