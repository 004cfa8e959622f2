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
        using var read = PlonkV2ProvingKeyFile.Read(PathOf("key.pk"));
        Assert.True(read.IsMapped);
        Assert.False(key.IsMapped);
        Assert.Equal(key.VerifyingKey.Digest(), read.VerifyingKey.Digest());
        var again = NewProver().Prove(read, lookups ? LookupsWitness() : MixedWitness(), BlindingSource.Seeded(4));
        Assert.Equal(result.Proof.Points(), again.Proof.Points());
        Assert.Equal(result.Proof.ToJsonText(), again.Proof.ToJsonText());
        Assert.True(PlonkV2Verifier.Verify(key.VerifyingKey, again.Proof, again.PublicInputs));
    }

    [Theory]
    [MemberData(nameof(WithLookups))]
    public void A_mapped_key_proves_bit_for_bit_what_the_key_in_memory_proves(bool lookups)
    {
        // The same key twice through the file (the second written from the mapped one), proved with one seed each time:
        // the mapping changes where the arrays live, not a bit of the proof.
        var key = lookups ? LookupKey.Value : MixedKey.Value;
        var witness = lookups ? LookupsWitness() : MixedWitness();
        PlonkV2ProvingKeyFile.Write(key, PathOf("key.pk"));
        using (var mapped = PlonkV2ProvingKeyFile.Read(PathOf("key.pk")))
        {
            PlonkV2ProvingKeyFile.Write(mapped, PathOf("again.pk"));
            var fromHeap = NewProver().Prove(key, witness, BlindingSource.Seeded(9));
            var fromMap = NewProver().Prove(mapped, witness, BlindingSource.Seeded(9));
            Assert.Equal(fromHeap.Proof.ToJsonText(), fromMap.Proof.ToJsonText());
        }
        Assert.Equal(File.ReadAllBytes(PathOf("key.pk")), File.ReadAllBytes(PathOf("again.pk")));
        // The large arrays start on 64-byte boundaries, so they map in place.
        Assert.Equal(0, File.ReadAllBytes(PathOf("key.pk")).Length % 64);
    }

    [Fact]
    public void A_missing_or_empty_proving_key_is_refused_naming_the_file()
    {
        var missing = Assert.Throws<InputFileException>(() => PlonkV2ProvingKeyFile.Read(PathOf("missing.pk")));
        Assert.Equal(PathOf("missing.pk"), missing.FilePath);
        Assert.Contains("cannot open", missing.Message);
        File.WriteAllBytes(PathOf("empty.pk"), []);
        var empty = Assert.Throws<InputFileException>(() => PlonkV2ProvingKeyFile.Read(PathOf("empty.pk")));
        Assert.Equal(PathOf("empty.pk"), empty.FilePath);
        Assert.Contains("magic", empty.Message);
    }

    [Fact]
    public void A_key_of_an_earlier_version_is_refused_by_name_with_what_to_do()
    {
        PlonkV2ProvingKeyFile.Write(MixedKey.Value, PathOf("key.pk"));
        byte[] bytes = File.ReadAllBytes(PathOf("key.pk"));
        bytes[8] = 2;
        File.WriteAllBytes(PathOf("v2.pk"), bytes);
        var e = Assert.Throws<InputFileException>(() => PlonkV2ProvingKeyFile.Read(PathOf("v2.pk")));
        Assert.Equal(PathOf("v2.pk"), e.FilePath);
        Assert.Contains("version is 2", e.Message);
        Assert.Contains("memory-mapped", e.Message);
        Assert.Contains("setup", e.Message);
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
            Assert.Equal(PathOf("cut.pk"), e.FilePath);
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
        int padding = commitments + 64 * points + 128 + 4;
        int commitmentKey = Aligned(padding);
        int wireMap = commitmentKey + 72 * key.CommitmentKey.Length;
        int rowGates = wireMap + 4 * 5 * key.N;
        int coefficients = Aligned(rowGates + key.N);
        Assert.True(commitmentKey > padding, "the test needs padding before the commitment key");

        AssertRefused(b => b[0] = (byte)'X', "magic");
        AssertRefused(b => b[8] = 1, "version is 1");
        AssertRefused(b => b[12] = 40, "power is 40");
        AssertRefused(b => b[8 + 20 + 4] ^= 0x20, "gates");
        AssertRefused(b => b[shifts + 31] ^= 1, "shifts");
        AssertRefused(b => b[commitments + 63] ^= 1, "coefficientCommitments[0]");
        AssertRefused(b => b[padding] = 1, "the padding before commitmentKey");
        AssertRefused(b => b[commitmentKey + 72 + 63] ^= 1, "commitmentKey[1]");
        AssertRefused(b => b[commitmentKey + 72 + 5] ^= 1, "commitmentKey[1]");
        AssertRefused(b => b[commitmentKey + 72 * 2 + 64] = 1, "commitmentKey[2]");
        AssertRefused(b => b[commitmentKey + 72 * 3 + 70] = 1, "commitmentKey[3]");
        AssertRefused(b => b[wireMap + 4 * 7 + 3] = 0x7F, "wireMap[7]");
        AssertRefused(b => b[rowGates + 2] = 200, "rowGates[2]");
        AssertRefused(b => b.AsSpan(coefficients + 32 * 3, 32).Fill(0xFF), "coefficients[0][3] is not below r");
        AssertRefused(b => b[coefficients + 32 * key.N * 8 + 32 * 5 + 31] = 0x31, "selectors[0][5] is not below r");

        static int Aligned(int offset) => (offset + 63) / 64 * 64;

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
