// SPDX-License-Identifier: MIT
using System.Numerics;
using System.Security.Cryptography;
using ZkOptions.Field.Hashing;

namespace ZkOptions.Field.BabyJubjub;

/// <summary>
/// A 32-byte EdDSA-Poseidon private key with circomlibjs 0.1.7's key derivation (<c>src/eddsa.js</c>), so that the
/// same 32 bytes give the same public key and the same signatures here and in circomlibjs.
/// </summary>
/// <remarks>
/// <para>Derivation: h = BLAKE-512(key) (64 bytes). The first 32 bytes are pruned as circomlibjs's
/// <c>pruneBuffer</c> does (clear the low 3 bits of byte 0, clear the top bit of byte 31, set bit 6 of byte 31) and
/// read as a little-endian integer s. The public key is A = Base8·(s >> 3). The last 32 bytes of h are the nonce
/// prefix.</para>
/// <para>Signing (deterministic, as <c>signPoseidon</c>): r = BLAKE-512(h[32..64] ‖ message as 32 little-endian
/// bytes) read as a 512-bit little-endian integer mod l; R8 = Base8·r; hm = Poseidon(R8.x, R8.y, A.x, A.y,
/// message); S = (r + hm·s) mod l.</para>
/// <para>Warning: the scalar multiplications are not constant-time (they skip zero digits and read a precomputed
/// table at offsets given by the secret digits). Keep signing keys on machines where the timing of signing cannot
/// be observed by an attacker.</para>
/// </remarks>
public sealed class EddsaPrivateKey
{
    /// <summary>Length of a private key in bytes.</summary>
    public const int KeyLength = 32;

    private readonly byte[] key;
    private readonly byte[] noncePrefix; // h[32..64]
    private readonly Scalar256 s;        // the pruned scalar (a multiple of 8, 2^254 ≤ s < 2^255)

    /// <summary>Wraps 32 private-key bytes (as circomlibjs's <c>prv</c>). Throws <see cref="ArgumentException"/> for any other length.</summary>
    public EddsaPrivateKey(ReadOnlySpan<byte> key32)
    {
        if (key32.Length != KeyLength)
        {
            throw new ArgumentException($"An EdDSA private key is {KeyLength} bytes; got {key32.Length}.", nameof(key32));
        }
        key = key32.ToArray();
        byte[] h = Blake512.Hash(key);
        Span<byte> scalar = h.AsSpan(0, 32);
        scalar[0] &= 0xF8;
        scalar[31] &= 0x7F;
        scalar[31] |= 0x40;
        s = Scalar256.FromLittleEndian(scalar);
        noncePrefix = h[32..];
        CryptographicOperations.ZeroMemory(h);
        // Base8 has order l, so (s >> 3) mod l gives the same point as circomlibjs's unreduced s >> 3.
        Base8Table.Multiply(SubgroupScalar.Reduce(s.ShiftRight(3)), out ExtendedPoint publicKey);
        PublicKey = publicKey.ToAffine();
    }

    /// <summary>A new key: 32 bytes from <paramref name="rng"/> (use <see cref="RandomNumberGenerator.Create()"/>).</summary>
    public static EddsaPrivateKey Generate(RandomNumberGenerator rng)
    {
        ArgumentNullException.ThrowIfNull(rng);
        Span<byte> bytes = stackalloc byte[KeyLength];
        rng.GetBytes(bytes);
        try
        {
            return new EddsaPrivateKey(bytes);
        }
        finally
        {
            CryptographicOperations.ZeroMemory(bytes);
        }
    }

    /// <summary>The 32 private-key bytes.</summary>
    public ReadOnlySpan<byte> Bytes => key;

    /// <summary>The public key A = Base8·(s >> 3) (circomlibjs <c>prv2pub</c>), in the prime-order subgroup.</summary>
    public BabyJubjubPoint PublicKey { get; }

    /// <summary>Signs a field element as circomlibjs <c>signPoseidon(prv, message)</c>; deterministic.</summary>
    public EddsaSignature Sign(Fr message)
    {
        Span<byte> nonceInput = stackalloc byte[64];
        noncePrefix.CopyTo(nonceInput);
        message.WriteBytes(nonceInput[32..], ByteOrder.LittleEndian);
        byte[] rBytes = Blake512.Hash(nonceInput);
        Scalar256 r = SubgroupScalar.Reduce(Scalar256.FromLittleEndian(rBytes.AsSpan(0, 32)), Scalar256.FromLittleEndian(rBytes.AsSpan(32)));
        CryptographicOperations.ZeroMemory(rBytes);
        Base8Table.Multiply(in r, out ExtendedPoint r8Extended);
        BabyJubjubPoint r8 = r8Extended.ToAffine();
        BabyJubjubPoint a = PublicKey;
        Fr hm = EddsaPoseidon.Challenge(in r8, in a, message);
        BigInteger sig = SubgroupScalar.MultiplyAdd(Scalar256.FromFr(in hm), in s, in r).ToBigInteger();
        return new EddsaSignature(r8, sig);
    }
}
