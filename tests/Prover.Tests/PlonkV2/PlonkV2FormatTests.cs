// SPDX-License-Identifier: MIT
using System.Text;
using System.Text.Json.Nodes;
using ZkOptions.Field;
using ZkOptions.Prover.Formats;
using ZkOptions.Prover.Plonk;
using ZkOptions.Prover.PlonkV2;
using static ZkOptions.Prover.Tests.PlonkV2.WideTestCircuits;

namespace ZkOptions.Prover.Tests.PlonkV2;

/// <summary>The PLONK v2 files: proof and verifying key JSON, the binary proving key; hostile input is refused naming the field.</summary>
public sealed class PlonkV2FormatTests : IDisposable
{
    private static readonly Lazy<PlonkV2ProvingKey> MixedKey = new(() => Key(Mixed()));
    private static readonly Lazy<PlonkV2ProvingKey> LookupKey = new(() => Key(Lookups()));
    private readonly string dir = Directory.CreateTempSubdirectory("zkoptions-plonk-v2-").FullName;

    public void Dispose() => Directory.Delete(dir, recursive: true);

    private string PathOf(string name) => Path.Combine(dir, name);

    public static TheoryData<bool> WithLookups() => [false, true];

    private static (PlonkV2ProvingKey Key, PlonkV2ProofResult Result) Proved(bool lookups)
    {
        var key = lookups ? LookupKey.Value : MixedKey.Value;
        var result = NewProver().Prove(key, lookups ? LookupsWitness() : MixedWitness(), BlindingSource.Seeded(4));
        return (key, result);
    }

    [Theory]
    [MemberData(nameof(WithLookups))]
    public void Proof_and_verifying_key_round_trip_through_JSON(bool lookups)
    {
        var (key, result) = Proved(lookups);
        key.VerifyingKey.Write(PathOf("vk.json"));
        result.Proof.Write(PathOf("proof.json"));
        var vk = PlonkV2VerifyingKey.Read(PathOf("vk.json"));
        var proof = PlonkV2Proof.Read(PathOf("proof.json"), vk);
        Assert.Equal(key.VerifyingKey.Digest(), vk.Digest());
        Assert.Equal(result.Proof.Points(), proof.Points());
        Assert.Equal(result.Proof.Scalars(), proof.Scalars());
        Assert.True(PlonkV2Verifier.Verify(vk, proof, result.PublicInputs));
        string text = File.ReadAllText(PathOf("proof.json"));
        Assert.Contains("\"protocol\": \"zkoptions-plonk-v2\"", text);
        Assert.Contains("\"version\": 2", text);
        Assert.Equal(lookups, text.Contains("\"lookup\""));
    }

    [Theory]
    [MemberData(nameof(WithLookups))]
    public void The_proving_key_round_trips_through_its_binary_file(bool lookups)
    {
        var (key, result) = Proved(lookups);
        PlonkV2ProvingKeyFile.Write(key, PathOf("key.pk"));
        Assert.Equal("ZKPLONK2"u8.ToArray(), File.ReadAllBytes(PathOf("key.pk"))[..8]);
        var read = PlonkV2ProvingKeyFile.Read(PathOf("key.pk"));
        Assert.Equal(key.VerifyingKey.Digest(), read.VerifyingKey.Digest());
        var again = NewProver().Prove(read, lookups ? LookupsWitness() : MixedWitness(), BlindingSource.Seeded(4));
        Assert.Equal(result.Proof.Points(), again.Proof.Points());
        Assert.True(PlonkV2Verifier.Verify(key.VerifyingKey, again.Proof, again.PublicInputs));
    }

    [Fact]
    public void A_truncated_or_garbled_JSON_file_is_refused_naming_the_problem()
    {
        var (key, result) = Proved(lookups: false);
        string proofText = result.Proof.ToJsonText();
        string vkText = key.VerifyingKey.ToJsonText();

        File.WriteAllText(PathOf("cut.json"), proofText[..(proofText.Length / 2)]);
        Assert.Contains("not valid JSON", Assert.Throws<InputFileException>(() => PlonkV2Proof.Read(PathOf("cut.json"), key.VerifyingKey)).Message);
        File.WriteAllText(PathOf("cut-vk.json"), vkText[..(vkText.Length / 3)]);
        Assert.Throws<InputFileException>(() => PlonkV2VerifyingKey.Read(PathOf("cut-vk.json")));

        AssertRefused(Edit(proofText, o => o["protocol"] = "plonk"), "protocol");
        AssertRefused(Edit(proofText, o => o["version"] = 1), "version");
        AssertRefused(Edit(proofText, o => ((JsonArray)o["wires"]!).RemoveAt(4)), "wires has 4 elements");
        AssertRefused(Edit(proofText, o => o.Remove("z")), "\"z\" is missing");
        AssertRefused(Edit(proofText, o => o["quotientChunks"] = 1), "quotient has");
        // A point off the curve: y + 1.
        AssertRefused(Edit(proofText, o => ((JsonArray)((JsonArray)o["wires"]!)[2]!)[1] = BumpedY(result.Proof.Wires[2])), "wires[2]");
        AssertRefused(Edit(proofText, o => o["openingAtZeta"] = SnarkjsJson.WriteG1(G1Affine.Infinity)), "openingAtZeta is the point at infinity");
        // A scalar ≥ r, and one not a decimal string.
        AssertRefused(Edit(proofText, o => ((JsonArray)o["wiresAtZeta"]!)[1] = Fr.Modulus.ToString()), "wiresAtZeta[1] is ≥ r");
        AssertRefused(Edit(proofText, o => o["quotientAtZeta"] = "0x12"), "quotientAtZeta must be a decimal string");

        void AssertRefused(string text, string expected)
        {
            File.WriteAllText(PathOf("bad.json"), text);
            var e = Assert.Throws<InputFileException>(() => PlonkV2Proof.Read(PathOf("bad.json"), key.VerifyingKey));
            Assert.Contains(expected, e.Message);
            Assert.Equal(PathOf("bad.json"), e.FilePath);
        }
    }

    [Fact]
    public void A_garbled_verifying_key_is_refused_naming_the_field()
    {
        var vk = LookupKey.Value.VerifyingKey;
        string text = vk.ToJsonText();
        AssertRefused(Edit(text, o => ((JsonArray)o["sigmas"]!)[3] = new JsonArray("1", "3", "1")), "sigmas[3]");
        AssertRefused(Edit(text, o => ((JsonArray)o["shifts"]!)[2] = "5"), "shifts");
        AssertRefused(Edit(text, o => o["power"] = 2), "power");
        AssertRefused(Edit(text, o => ((JsonArray)o["tableSizes"]!)[0] = 1 << 20), "tableSizes[0]");
        AssertRefused(Edit(text, o => ((JsonArray)o["lookupColumns"]!).RemoveAt(0)), "lookupColumns has 8");
        AssertRefused(Edit(text, o => o["tauG2"] = SnarkjsJson.WriteG2(G2Affine.Infinity)), "tauG2");

        string plain = MixedKey.Value.VerifyingKey.ToJsonText();
        AssertRefused(Edit(plain, o => o["lookupColumns"] = new JsonArray()), "belong to a key with tables");

        // A proof with a lookup part read against a key without tables, and the reverse.
        var (_, withLookups) = Proved(lookups: true);
        File.WriteAllText(PathOf("lookup-proof.json"), withLookups.Proof.ToJsonText());
        Assert.Contains("lookup is present", Assert.Throws<InputFileException>(() => PlonkV2Proof.Read(PathOf("lookup-proof.json"), MixedKey.Value.VerifyingKey)).Message);
        var (_, withoutLookups) = Proved(lookups: false);
        File.WriteAllText(PathOf("plain-proof.json"), withoutLookups.Proof.ToJsonText());
        Assert.Contains("\"lookup\" is missing", Assert.Throws<InputFileException>(() => PlonkV2Proof.Read(PathOf("plain-proof.json"), vk)).Message);

        void AssertRefused(string bad, string expected)
        {
            File.WriteAllText(PathOf("bad-vk.json"), bad);
            var e = Assert.Throws<InputFileException>(() => PlonkV2VerifyingKey.Read(PathOf("bad-vk.json")));
            Assert.Contains(expected, e.Message);
        }
    }

    [Theory]
    [MemberData(nameof(WithLookups))]
    public void A_truncated_proving_key_is_refused_at_every_length(bool lookups)
    {
        var key = lookups ? LookupKey.Value : MixedKey.Value;
        PlonkV2ProvingKeyFile.Write(key, PathOf("key.pk"));
        byte[] bytes = File.ReadAllBytes(PathOf("key.pk"));
        for (int length = 0; length < bytes.Length; length += 1 + length / 16)
        {
            File.WriteAllBytes(PathOf("cut.pk"), bytes[..length]);
            var e = Assert.Throws<InputFileException>(() => PlonkV2ProvingKeyFile.Read(PathOf("cut.pk")));
            Assert.True(e.Message.Contains("truncated") || e.Message.Contains("magic"), e.Message);
        }
        File.WriteAllBytes(PathOf("long.pk"), [.. bytes, 0]);
        Assert.Contains("end 1 bytes follow", Assert.Throws<InputFileException>(() => PlonkV2ProvingKeyFile.Read(PathOf("long.pk"))).Message);
    }

    [Fact]
    public void A_garbled_proving_key_is_refused_naming_the_field()
    {
        var key = MixedKey.Value;
        PlonkV2ProvingKeyFile.Write(key, PathOf("key.pk"));
        byte[] good = File.ReadAllBytes(PathOf("key.pk"));
        var vk = key.VerifyingKey;
        // Offsets from docs/formats.md: magic 8, five u32, the gate names, the table count, five shifts.
        int names = vk.Gates.Sum(g => 4 + Encoding.UTF8.GetByteCount(g));
        int shifts = 8 + 20 + names + 4;
        int commitments = shifts + 5 * 32;
        int points = 8 + vk.Gates.Length + 5;
        int commitmentKey = commitments + 64 * points + 128 + 4;
        int wireMap = commitmentKey + 64 * key.CommitmentKey.Length;
        int rowGates = wireMap + 4 * 5 * key.N;
        int coefficients = rowGates + key.N;

        AssertRefused(b => b[0] = (byte)'X', "magic");
        AssertRefused(b => b[8] = 1, "version is 1");
        AssertRefused(b => b[12] = 40, "power is 40");
        AssertRefused(b => b[8 + 20 + 4] ^= 0x20, "gates");
        AssertRefused(b => b[shifts + 31] ^= 1, "shifts");
        AssertRefused(b => b[commitments + 63] ^= 1, "coefficientCommitments[0]");
        AssertRefused(b => b[commitmentKey + 64 + 63] ^= 1, "commitmentKey[1]");
        AssertRefused(b => b[wireMap + 4 * 7 + 3] = 0x7F, "wireMap[7]");
        AssertRefused(b => b[rowGates + 2] = 200, "rowGates[2]");
        AssertRefused(b => b.AsSpan(coefficients + 32 * 3, 32).Fill(0xFF), "coefficients[0][3] is not below r");

        void AssertRefused(Action<byte[]> garble, string expected)
        {
            var bytes = (byte[])good.Clone();
            garble(bytes);
            File.WriteAllBytes(PathOf("bad.pk"), bytes);
            var e = Assert.Throws<InputFileException>(() => PlonkV2ProvingKeyFile.Read(PathOf("bad.pk")));
            Assert.Contains(expected, e.Message);
            Assert.Equal(PathOf("bad.pk"), e.FilePath);
        }
    }

    private static string Edit(string json, Action<JsonObject> edit)
    {
        var root = JsonNode.Parse(json)!.AsObject();
        edit(root);
        return root.ToJsonString();
    }

    private static string BumpedY(G1Affine point) => (point.Y.ToBigInteger() + 1).ToString();
}
