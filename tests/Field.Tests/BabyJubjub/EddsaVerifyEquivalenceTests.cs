// SPDX-License-Identifier: MIT
using System.Numerics;
using ZkOptions.Field.BabyJubjub;
using ZkOptions.Field.Hashing;
using ZkOptions.Field.Tests.Support;
using Jubjub = ZkOptions.Field.BabyJubjub.BabyJubjub;

namespace ZkOptions.Field.Tests.BabyJubjub;

/// <summary>
/// <see cref="EddsaPoseidon.Verify"/> (fixed-base table, width-5 NAF, projective comparison) gives the answer of
/// circomlibjs's <c>verifyPoseidon</c> written plainly (<see cref="ReferenceBabyJubjub.Verify"/>) on genuine signatures
/// and on every kind of tampering: S out of range, flipped bits, points off the curve or moved by a small-order point,
/// another message or key.
/// </summary>
public sealed class EddsaVerifyEquivalenceTests
{
    private static readonly BigInteger L = Jubjub.SubgroupOrder;
    private static readonly BabyJubjubPoint Order8 = ReferenceBabyJubjub.Multiply(Jubjub.Generator, L);
    private static readonly BabyJubjubPoint Order2 = new(Fr.Zero, -Fr.One);

    private static EddsaPrivateKey Key(int seed)
    {
        var bytes = new byte[EddsaPrivateKey.KeyLength];
        new Random(seed).NextBytes(bytes);
        return new EddsaPrivateKey(bytes);
    }

    private static bool Same(BabyJubjubPoint publicKey, Fr message, EddsaSignature signature, string what)
    {
        bool expected = ReferenceBabyJubjub.Verify(publicKey, message, signature);
        bool actual = EddsaPoseidon.Verify(publicKey, message, signature);
        Assert.True(expected == actual, $"{what}: reference {expected}, Verify {actual}");
        return actual;
    }

    private static Fr FlipBit(Fr value, int bit) => Fr.FromBigInteger(value.ToBigInteger() ^ (BigInteger.One << bit));

    [Fact]
    public void Genuine_signatures_verify_and_S_out_of_range_is_refused_even_when_the_equation_holds()
    {
        for (int i = 0; i < 3; i++)
        {
            EddsaPrivateKey key = Key(100 + i);
            Fr message = Fr.FromUInt64((ulong)(1000 + i));
            EddsaSignature sig = key.Sign(message);
            Assert.True(Same(key.PublicKey, message, sig, "genuine"));
            // S + k·l satisfies Base8·S = R8 + A·(8·hm) too; only the range check refuses it.
            foreach (BigInteger s in new[] { sig.S + L, sig.S + 2 * L, sig.S + 8 * L, sig.S - L, L, L + 1, (BigInteger.One << 256) - 1,
                BigInteger.One << 256, (BigInteger.One << 300) + sig.S, -1, -sig.S })
            {
                Assert.False(Same(key.PublicKey, message, sig with { S = s }, $"S = {s}"));
            }
            Assert.False(Same(key.PublicKey, message, sig with { S = 0 }, "S = 0"));
            Assert.False(Same(key.PublicKey, message, sig with { S = L - 1 }, "S = l − 1"));
        }
    }

    [Fact]
    public void Flipping_any_one_bit_of_S_R8_or_the_message_is_refused()
    {
        EddsaPrivateKey key = Key(200);
        Fr message = Fr.FromUInt64(424242);
        EddsaSignature sig = key.Sign(message);
        foreach (int bit in new[] { 0, 1, 3, 64, 128, 250, 251, 255 })
        {
            Assert.False(Same(key.PublicKey, message, sig with { S = sig.S ^ (BigInteger.One << bit) }, $"S bit {bit}"));
        }
        foreach (int bit in new[] { 0, 128, 253 })
        {
            var r8x = new BabyJubjubPoint(FlipBit(sig.R8.X, bit), sig.R8.Y);
            var r8y = new BabyJubjubPoint(sig.R8.X, FlipBit(sig.R8.Y, bit));
            Assert.False(Same(key.PublicKey, message, sig with { R8 = r8x }, $"R8.x bit {bit}"));
            Assert.False(Same(key.PublicKey, message, sig with { R8 = r8y }, $"R8.y bit {bit}"));
            Assert.False(Same(key.PublicKey, FlipBit(message, bit), sig, $"message bit {bit}"));
        }
    }

    [Fact]
    public void Points_off_the_curve_or_moved_are_refused_and_a_small_order_component_in_A_is_ignored_as_in_circomlibjs()
    {
        EddsaPrivateKey key = Key(300), other = Key(301);
        Fr message = Fr.FromUInt64(7);
        EddsaSignature sig = key.Sign(message);
        BabyJubjubPoint a = key.PublicKey, r8 = sig.R8;

        Assert.False(Same(a, message, sig with { R8 = new BabyJubjubPoint(r8.X, r8.Y + Fr.One) }, "R8 off the curve"));
        Assert.False(Same(new BabyJubjubPoint(a.X + Fr.One, a.Y), message, sig, "A off the curve"));
        Assert.False(Same(default, message, sig, "A = (0, 0)"));
        Assert.False(Same(a, message, sig with { R8 = default }, "R8 = (0, 0)"));
        Assert.False(Same(a, message, sig with { R8 = Jubjub.Negate(r8) }, "−R8"));
        Assert.False(Same(a, message, sig with { R8 = BabyJubjubPoint.Identity }, "R8 = identity"));
        Assert.False(Same(a, message, sig with { R8 = Jubjub.Add(r8, Jubjub.Base8) }, "R8 + Base8"));
        Assert.False(Same(other.PublicKey, message, sig, "another key"));
        Assert.False(Same(BabyJubjubPoint.Identity, message, sig, "A = identity"));
        Assert.False(Same(Jubjub.Negate(a), message, sig, "−A"));

        // The factor 8 in A·(8·hm) removes any small-order part of A, but R8 is added as it is: moving R8 by a
        // small-order point breaks the equation, moving A does not (the challenge hash still changes, so it is
        // re-signed here to isolate the curve check).
        Assert.False(Same(a, message, sig with { R8 = Jubjub.Add(r8, Order8) }, "R8 + a point of order 8"));
        Assert.False(Same(a, message, sig with { R8 = Jubjub.Add(r8, Order2) }, "R8 + a point of order 2"));
        Assert.False(Same(Jubjub.Add(a, Order8), message, sig, "A + a point of order 8, old signature"));
    }

    [Fact]
    public void A_signature_made_for_a_public_key_with_a_small_order_component_verifies_as_in_circomlibjs()
    {
        // Build (R8, S) by hand for A' = A + T8, T8 of order 8: hm is computed with A', and Base8·S = R8 + 8·hm·A'
        // holds because 8·T8 is the identity. The reference and Verify must both accept it.
        EddsaPrivateKey key = Key(400);
        BabyJubjubPoint tweaked = Jubjub.Add(key.PublicKey, Order8);
        Fr message = Fr.FromUInt64(99);
        BigInteger r = 123456789;
        BabyJubjubPoint r8 = ReferenceBabyJubjub.Multiply(Jubjub.Base8, r);
        Fr hm = Poseidon.Hash([r8.X, r8.Y, tweaked.X, tweaked.Y, message]);
        // A = Base8·s' with s' the private scalar >> 3; recover it from the reference: S = r + 8·hm·s' (mod l).
        BigInteger secret = PrivateScalar(key);
        BigInteger s = (r + 8 * hm.ToBigInteger() * secret) % L;
        Assert.True(Same(tweaked, message, new EddsaSignature(r8, s), "A + T8, signed for A + T8"));
        Assert.False(Same(key.PublicKey, message, new EddsaSignature(r8, s), "the same signature for A"));
    }

    /// <summary>The private scalar s >> 3 of circomlibjs's derivation, so that A = Base8·(s >> 3).</summary>
    private static BigInteger PrivateScalar(EddsaPrivateKey key)
    {
        byte[] h = Blake512.Hash(key.Bytes);
        h[0] &= 0xF8;
        h[31] &= 0x7F;
        h[31] |= 0x40;
        BigInteger s = new BigInteger(h.AsSpan(0, 32), isUnsigned: true) >> 3;
        Assert.Equal(key.PublicKey, ReferenceBabyJubjub.Multiply(Jubjub.Base8, s));
        return s;
    }
}
