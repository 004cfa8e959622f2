// SPDX-License-Identifier: MIT
using System.Numerics;
using System.Security.Cryptography;
using System.Text.Json;
using ZkOptions.Field.BabyJubjub;
using ZkOptions.Field.Tests.Support;
using Jubjub = ZkOptions.Field.BabyJubjub.BabyJubjub;

namespace ZkOptions.Field.Tests.BabyJubjub;

/// <summary>
/// EdDSA-Poseidon against circomlibjs 0.1.7 <c>eddsa.js</c> (vectors/circomlib/eddsa.json: key derivation, signatures
/// byte for byte, verification of genuine and tampered signatures), plus round trips and tampering with random keys.
/// </summary>
public sealed class EddsaPoseidonTests
{
    private static readonly JsonElement Doc = JsonDocument.Parse(File.ReadAllText(RepoPaths.Vector("circomlib", "eddsa.json"))).RootElement;

    private static Fr F(JsonElement c, string name) => Fr.Parse(c.GetProperty(name).GetString()!);

    private static EddsaPrivateKey Key(JsonElement c) => new(Convert.FromHexString(c.GetProperty("privateKey").GetString()!));

    [Fact]
    public void Public_keys_match_prv2pub()
    {
        int count = 0;
        foreach (var c in Doc.GetProperty("keys").EnumerateArray())
        {
            var key = Key(c);
            Assert.Equal(new BabyJubjubPoint(F(c, "Ax"), F(c, "Ay")), key.PublicKey);
            Assert.True(key.PublicKey.IsInPrimeSubgroup);
            Assert.Equal(Convert.FromHexString(c.GetProperty("privateKey").GetString()!), key.Bytes.ToArray());
            count++;
        }
        Assert.True(count >= 8, $"{count} keys");
    }

    [Fact]
    public void Signatures_match_signPoseidon_and_verify()
    {
        int count = 0;
        foreach (var c in Doc.GetProperty("signatures").EnumerateArray())
        {
            var key = Key(c);
            Fr message = F(c, "message");
            EddsaSignature sig = key.Sign(message);
            string at = $"key {c.GetProperty("privateKey").GetString()}, message {message}";
            Assert.True(new BabyJubjubPoint(F(c, "R8x"), F(c, "R8y")) == sig.R8, at + ": R8");
            Assert.True(BigInteger.Parse(c.GetProperty("S").GetString()!) == sig.S, at + ": S");
            Assert.True(EddsaPoseidon.Verify(key.PublicKey, message, sig), at + ": verify");
            count++;
        }
        Assert.True(count >= 16, $"{count} signatures");
    }

    [Fact]
    public void Verification_matches_verifyPoseidon_on_genuine_and_tampered_signatures()
    {
        var kinds = new HashSet<string>();
        int valid = 0, invalid = 0;
        foreach (var c in Doc.GetProperty("verifications").EnumerateArray())
        {
            var publicKey = new BabyJubjubPoint(F(c, "Ax"), F(c, "Ay"));
            var sig = new EddsaSignature(new BabyJubjubPoint(F(c, "R8x"), F(c, "R8y")), BigInteger.Parse(c.GetProperty("S").GetString()!));
            bool expected = c.GetProperty("valid").GetBoolean();
            string what = c.GetProperty("what").GetString()!;
            Assert.True(expected == EddsaPoseidon.Verify(publicKey, F(c, "message"), sig), what);
            kinds.Add(what);
            (expected ? ref valid : ref invalid)++;
        }
        Assert.True(valid >= 5 && invalid >= 30, $"{valid} valid, {invalid} invalid");
        Assert.Superset(new HashSet<string> { "genuine", "S + 1", "other message", "other public key", "R8 + Base8", "R8 off the curve (R8y + 1)", "public key off the curve (Ay + 1)" }, kinds);
    }

    [Fact]
    public void Random_keys_sign_and_verify_and_every_tampering_fails()
    {
        using var rng = RandomNumberGenerator.Create();
        var other = EddsaPrivateKey.Generate(rng);
        for (int i = 0; i < 6; i++)
        {
            var key = EddsaPrivateKey.Generate(rng);
            Assert.Equal(32, key.Bytes.Length);
            Fr message = Fr.Random(rng);
            var sig = key.Sign(message);
            Assert.Equal(sig, key.Sign(message)); // deterministic, as circomlibjs
            Assert.True(sig.S.Sign >= 0 && sig.S < Jubjub.SubgroupOrder);
            Assert.True(sig.R8.IsInPrimeSubgroup);
            Assert.True(EddsaPoseidon.Verify(key.PublicKey, message, sig));

            Assert.False(EddsaPoseidon.Verify(key.PublicKey, message + Fr.One, sig));
            Assert.False(EddsaPoseidon.Verify(other.PublicKey, message, sig));
            Assert.False(EddsaPoseidon.Verify(key.PublicKey, message, sig with { S = (sig.S + 1) % Jubjub.SubgroupOrder }));
            Assert.False(EddsaPoseidon.Verify(key.PublicKey, message, sig with { R8 = Jubjub.Add(sig.R8, Jubjub.Base8) }));
            Assert.False(EddsaPoseidon.Verify(key.PublicKey, message, sig with { R8 = Jubjub.Negate(sig.R8) }));
            // Base8·(S + l) = Base8·S, so only the range check rejects these.
            Assert.False(EddsaPoseidon.Verify(key.PublicKey, message, sig with { S = sig.S + Jubjub.SubgroupOrder }));
            Assert.False(EddsaPoseidon.Verify(key.PublicKey, message, sig with { S = sig.S - Jubjub.SubgroupOrder }));
        }
    }

    [Fact]
    public void Verify_returns_false_instead_of_throwing_for_points_off_the_curve()
    {
        var key = new EddsaPrivateKey(new byte[32]);
        var sig = key.Sign(Fr.FromUInt64(7));
        var offCurve = new BabyJubjubPoint(sig.R8.X, sig.R8.Y + Fr.One);
        Assert.False(EddsaPoseidon.Verify(key.PublicKey, Fr.FromUInt64(7), sig with { R8 = offCurve }));
        Assert.False(EddsaPoseidon.Verify(offCurve, Fr.FromUInt64(7), sig));
        Assert.False(EddsaPoseidon.Verify(default, Fr.FromUInt64(7), sig)); // (0, 0) is not on the curve
        Assert.False(EddsaPoseidon.Verify(key.PublicKey, Fr.FromUInt64(7), sig with { S = -1 }));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(31)]
    [InlineData(33)]
    [InlineData(64)]
    public void A_private_key_must_be_32_bytes(int length)
    {
        var e = Assert.Throws<ArgumentException>(() => new EddsaPrivateKey(new byte[length]));
        Assert.Contains($"got {length}", e.Message);
    }

    [Fact]
    public void Generate_needs_a_generator()
    {
        Assert.Throws<ArgumentNullException>(() => EddsaPrivateKey.Generate(null!));
    }
}
