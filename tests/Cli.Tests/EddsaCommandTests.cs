// SPDX-License-Identifier: MIT
using System.Numerics;
using System.Text.Json;
using System.Text.Json.Nodes;
using ZkOptions.Field;
using ZkOptions.Field.BabyJubjub;

namespace ZkOptions.Cli.Tests;

/// <summary>
/// <c>zkoptions eddsa keygen|sign|verify</c>: round trips, circomlibjs-made signatures and keys
/// (vectors/circomlib/eddsa.json), tampering (exit 1), and bad input (exit 2, the file and the member named).
/// </summary>
public sealed class EddsaCommandTests : IDisposable
{
    private readonly string dir = Directory.CreateTempSubdirectory("zkoptions-eddsa-").FullName;

    private static readonly JsonElement Vectors =
        JsonDocument.Parse(File.ReadAllText(CliRunner.RepoFile("vectors", "circomlib", "eddsa.json"))).RootElement;

    public void Dispose() => Directory.Delete(dir, recursive: true);

    private string Path(string name) => System.IO.Path.Combine(dir, name);

    private string WriteFile(string name, string text)
    {
        File.WriteAllText(Path(name), text);
        return Path(name);
    }

    private static string SignatureJson(string ax, string ay, string message, string r8x, string r8y, string s) =>
        new JsonObject
        {
            ["publicKey"] = new JsonObject { ["Ax"] = ax, ["Ay"] = ay },
            ["message"] = message,
            ["signature"] = new JsonObject { ["R8x"] = r8x, ["R8y"] = r8y, ["S"] = s },
        }.ToJsonString();

    private static string SignatureJson(JsonElement c) => SignatureJson(
        c.GetProperty("Ax").GetString()!, c.GetProperty("Ay").GetString()!, c.GetProperty("message").GetString()!,
        c.GetProperty("R8x").GetString()!, c.GetProperty("R8y").GetString()!, c.GetProperty("S").GetString()!);

    private static void AssertBadInput((int Exit, string Out, string Err) r, params string[] fragments)
    {
        Assert.True(r.Exit == ExitCodes.BadInput, $"exit {r.Exit}: {r.Err}");
        Assert.Empty(r.Out);
        foreach (string f in fragments)
        {
            Assert.Contains(f, r.Err);
        }
        Assert.DoesNotContain("   at ", r.Err);
    }

    [Fact]
    public void Keygen_prints_a_key_whose_public_key_is_derived_from_it()
    {
        var (exit, stdout, stderr) = CliRunner.Run("eddsa", "keygen");
        Assert.True(exit == ExitCodes.Ok, stderr);
        using var doc = JsonDocument.Parse(stdout);
        string hex = doc.RootElement.GetProperty("privateKey").GetString()!;
        Assert.Matches("^[0-9a-f]{64}$", hex);
        var key = new EddsaPrivateKey(Convert.FromHexString(hex));
        Assert.Equal(key.PublicKey.X.ToString(), doc.RootElement.GetProperty("publicKey").GetProperty("Ax").GetString());
        Assert.Equal(key.PublicKey.Y.ToString(), doc.RootElement.GetProperty("publicKey").GetProperty("Ay").GetString());
        Assert.NotEqual(hex, JsonDocument.Parse(CliRunner.Run("eddsa", "keygen").Out).RootElement.GetProperty("privateKey").GetString());
    }

    [Fact]
    public void Keygen_out_writes_an_owner_only_file_atomically_and_never_overwrites()
    {
        string file = Path("key.json");
        var (exit, stdout, stderr) = CliRunner.Run("eddsa", "keygen", "--out", file);
        Assert.True(exit == ExitCodes.Ok, stderr);
        Assert.Empty(stdout);
        string written = File.ReadAllText(file);
        using var doc = JsonDocument.Parse(written);
        Assert.Matches("^[0-9a-f]{64}$", doc.RootElement.GetProperty("privateKey").GetString()!);
        if (!OperatingSystem.IsWindows())
        {
            Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(file));
        }
        AssertBadInput(CliRunner.Run("eddsa", "keygen", "--out", file), "exists", "refusing to overwrite");
        Assert.Equal(written, File.ReadAllText(file));
        AssertBadInput(CliRunner.Run("eddsa", "keygen", "--out", Path("no/such/dir/key.json")), "does not exist");
        Assert.Equal(["key.json"], Directory.GetFiles(dir).Select(System.IO.Path.GetFileName));

        // The file keygen wrote is what sign --key-file reads.
        var sign = CliRunner.Run("eddsa", "sign", "--key-file", file, "--message", "5");
        Assert.True(sign.Exit == ExitCodes.Ok, sign.Err);
        Assert.Equal(doc.RootElement.GetProperty("publicKey").GetProperty("Ax").GetString(),
            JsonDocument.Parse(sign.Out).RootElement.GetProperty("publicKey").GetProperty("Ax").GetString());
    }

    [Fact]
    public void Sign_reproduces_circomlibjs_signatures_with_its_names()
    {
        int count = 0;
        foreach (var c in Vectors.GetProperty("signatures").EnumerateArray().Take(8))
        {
            var (exit, stdout, stderr) = CliRunner.Run("eddsa", "sign", "--key", c.GetProperty("privateKey").GetString()!, "--message", c.GetProperty("message").GetString()!);
            Assert.True(exit == ExitCodes.Ok, stderr);
            Assert.Equal(SignatureJson(c) + Environment.NewLine, stdout);
            count++;
        }
        Assert.Equal(8, count);
    }

    [Fact]
    public void Sign_then_verify_round_trips_and_a_hex_message_is_the_same_message()
    {
        string key = "0x" + new string('7', 64);
        var sign = CliRunner.Run("eddsa", "sign", "--key", key, "-m", "0xff");
        Assert.True(sign.Exit == ExitCodes.Ok, sign.Err);
        Assert.Equal("255", JsonDocument.Parse(sign.Out).RootElement.GetProperty("message").GetString());
        Assert.Equal(sign.Out, CliRunner.Run("eddsa", "sign", "--key", key, "-m", "255").Out);
        var verify = CliRunner.Run("eddsa", "verify", "--input", WriteFile("sig.json", sign.Out));
        Assert.Equal(ExitCodes.Ok, verify.Exit);
        Assert.Equal("valid", verify.Out.Trim());
    }

    [Fact]
    public void A_circomlibjs_signature_verifies_and_a_tampered_one_is_exit_1()
    {
        var c = Vectors.GetProperty("signatures")[0];
        var ok = CliRunner.Run("eddsa", "verify", "--input", WriteFile("good.json", SignatureJson(c)));
        Assert.True(ok.Exit == ExitCodes.Ok, ok.Err);
        Assert.Equal("valid", ok.Out.Trim());

        string tamperedS = (BigInteger.Parse(c.GetProperty("S").GetString()!) + 1).ToString();
        var bad = CliRunner.Run("eddsa", "verify", "--input", WriteFile("bad.json", SignatureJson(
            c.GetProperty("Ax").GetString()!, c.GetProperty("Ay").GetString()!, c.GetProperty("message").GetString()!,
            c.GetProperty("R8x").GetString()!, c.GetProperty("R8y").GetString()!, tamperedS)));
        Assert.Equal(ExitCodes.Rejected, bad.Exit);
        Assert.Equal("invalid", bad.Out.Trim());
        Assert.Contains("does not match", bad.Err);
    }

    [Fact]
    public void Every_circomlibjs_verification_case_gives_its_exit_code()
    {
        int i = 0;
        foreach (var c in Vectors.GetProperty("verifications").EnumerateArray())
        {
            bool valid = c.GetProperty("valid").GetBoolean();
            var r = CliRunner.Run("eddsa", "verify", "--input", WriteFile($"case{i++}.json", SignatureJson(c)));
            Assert.True((valid ? ExitCodes.Ok : ExitCodes.Rejected) == r.Exit, $"{c.GetProperty("what").GetString()}: exit {r.Exit} {r.Err}");
            Assert.Equal(valid ? "valid" : "invalid", r.Out.Trim());
        }
        Assert.True(i >= 40);
    }

    [Fact]
    public void Off_curve_points_and_S_not_below_l_are_invalid_with_the_reason()
    {
        var c = Vectors.GetProperty("signatures")[1];
        string Get(string n) => c.GetProperty(n).GetString()!;
        string plusOne(string n) => ((BigInteger.Parse(Get(n)) + 1) % Fr.Modulus).ToString();

        var offKey = CliRunner.Run("eddsa", "verify", "--input", WriteFile("a.json", SignatureJson(Get("Ax"), plusOne("Ay"), Get("message"), Get("R8x"), Get("R8y"), Get("S"))));
        Assert.Equal(ExitCodes.Rejected, offKey.Exit);
        Assert.Contains("public key (Ax, Ay) is not on the BabyJubjub curve", offKey.Err);

        var offR8 = CliRunner.Run("eddsa", "verify", "--input", WriteFile("r.json", SignatureJson(Get("Ax"), Get("Ay"), Get("message"), plusOne("R8x"), Get("R8y"), Get("S"))));
        Assert.Equal(ExitCodes.Rejected, offR8.Exit);
        Assert.Contains("R8 is not on the BabyJubjub curve", offR8.Err);

        string sPlusL = (BigInteger.Parse(Get("S")) + BabyJubjub.SubgroupOrder).ToString();
        var bigS = CliRunner.Run("eddsa", "verify", "--input", WriteFile("s.json", SignatureJson(Get("Ax"), Get("Ay"), Get("message"), Get("R8x"), Get("R8y"), sPlusL)));
        Assert.Equal(ExitCodes.Rejected, bigS.Exit);
        Assert.Contains("S is not below the subgroup order", bigS.Err);
    }

    [Fact]
    public void Malformed_signature_files_are_exit_2_naming_the_file_and_the_member()
    {
        var c = Vectors.GetProperty("signatures")[0];
        JsonObject Good() => JsonNode.Parse(SignatureJson(c))!.AsObject();
        string r = Fr.Modulus.ToString();

        var noS = Good();
        noS["signature"]!.AsObject().Remove("S");
        string f = WriteFile("noS.json", noS.ToJsonString());
        AssertBadInput(CliRunner.Run("eddsa", "verify", "--input", f), f, "\"signature.S\" is missing");

        var noKey = Good();
        noKey.Remove("publicKey");
        AssertBadInput(CliRunner.Run("eddsa", "verify", "--input", WriteFile("noKey.json", noKey.ToJsonString())), "\"publicKey\" is missing");

        var number = Good();
        number["message"] = 5;
        AssertBadInput(CliRunner.Run("eddsa", "verify", "--input", WriteFile("number.json", number.ToJsonString())), "message must be a decimal string", "the number 5");

        var word = Good();
        word["publicKey"]!["Ax"] = "12abc";
        AssertBadInput(CliRunner.Run("eddsa", "verify", "--input", WriteFile("word.json", word.ToJsonString())), "publicKey.Ax must be a decimal string", "\"12abc\"");

        var negative = Good();
        negative["signature"]!["S"] = "-1";
        AssertBadInput(CliRunner.Run("eddsa", "verify", "--input", WriteFile("neg.json", negative.ToJsonString())), "signature.S must be a decimal string");

        var tooBig = Good();
        tooBig["signature"]!["R8y"] = r;
        AssertBadInput(CliRunner.Run("eddsa", "verify", "--input", WriteFile("big.json", tooBig.ToJsonString())), "signature.R8y is ≥ r");

        var bigMessage = Good();
        bigMessage["message"] = r;
        AssertBadInput(CliRunner.Run("eddsa", "verify", "--input", WriteFile("bigm.json", bigMessage.ToJsonString())), "message is ≥ r");

        var notObject = Good();
        notObject["signature"] = new JsonArray("1", "2", "3");
        AssertBadInput(CliRunner.Run("eddsa", "verify", "--input", WriteFile("arr.json", notObject.ToJsonString())), "signature must be an object");

        AssertBadInput(CliRunner.Run("eddsa", "verify", "--input", WriteFile("broken.json", "{\"publicKey\":")), "broken.json", "not valid JSON");
        AssertBadInput(CliRunner.Run("eddsa", "verify", "--input", WriteFile("array.json", "[]")), "expected a JSON object");
        AssertBadInput(CliRunner.Run("eddsa", "verify", "--input", Path("missing.json")), "file not found", "missing.json");
        AssertBadInput(CliRunner.Run("eddsa", "verify"), "--input");
    }

    [Theory]
    [InlineData("abcd", "got 2 bytes")]
    [InlineData("0x" + "00", "got 1 bytes")]
    [InlineData("zz", "not a hex digit")]
    [InlineData("123", "odd number")]
    public void A_bad_private_key_is_exit_2(string key, string message)
    {
        AssertBadInput(CliRunner.Run("eddsa", "sign", "--key", key, "--message", "1"), "--key", message);
    }

    [Fact]
    public void Sign_needs_exactly_one_key_source_and_a_valid_message()
    {
        string key = new('1', 64);
        AssertBadInput(CliRunner.Run("eddsa", "sign", "--message", "1"), "exactly one of --key");
        AssertBadInput(CliRunner.Run("eddsa", "sign", "--key", key, "--key-file", "x", "--message", "1"), "exactly one of --key");
        AssertBadInput(CliRunner.Run("eddsa", "sign", "--key", key, "--message", "x1"), "--message \"x1\" is not a decimal or 0x-hex integer");
        AssertBadInput(CliRunner.Run("eddsa", "sign", "--key", key, "--message", Fr.Modulus.ToString()), "--message", "≥ r");
        AssertBadInput(CliRunner.Run("eddsa", "sign", "--key", key), "--message");
        AssertBadInput(CliRunner.Run("eddsa", "sign", "--key-file", Path("none"), "--message", "1"), "file not found");
        AssertBadInput(CliRunner.Run("eddsa", "sign", "--key-file", WriteFile("k.json", "{\"publicKey\":{}}"), "--message", "1"), "k.json", "\"privateKey\" is missing");
        // A bare hex key file works too.
        Assert.Equal(CliRunner.Run("eddsa", "sign", "--key", key, "--message", "1").Out,
            CliRunner.Run("eddsa", "sign", "--key-file", WriteFile("k.hex", key + "\n"), "--message", "1").Out);
    }

    [Fact]
    public void Every_eddsa_verb_has_help()
    {
        foreach (string verb in new[] { "keygen", "sign", "verify" })
        {
            var (exit, stdout, _) = CliRunner.Run("eddsa", verb, "--help");
            Assert.Equal(ExitCodes.Ok, exit);
            Assert.Contains("Usage", stdout);
        }
        Assert.Contains("eddsa", CliRunner.Run("--help").Out);
    }
}
