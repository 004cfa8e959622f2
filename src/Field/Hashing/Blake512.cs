// SPDX-License-Identifier: MIT
using System.Buffers.Binary;
using System.Numerics;
using System.Runtime.CompilerServices;

namespace ZkOptions.Field.Hashing;

/// <summary>
/// BLAKE-512, the SHA-3 finalist of Aumasson, Henzen, Meier and Phan (final round version: 16 rounds, 64-bit
/// words), with a zero salt. Not BLAKE2b: the two give different digests.
/// </summary>
/// <remarks>
/// circomlibjs derives EdDSA keys and nonces with npm <c>blake-hash</c>'s <c>createBlakeHash("blake512")</c>, which
/// is this function; <see cref="ZkOptions.Field.BabyJubjub.EddsaPrivateKey"/> needs it to produce the same keys
/// and signatures. Checked against that package for every message length 0 … 300 and against the BLAKE paper's
/// test vectors. One-shot only; not constant-time with respect to the message length (the data is not secret in
/// that sense: the lengths circomlibjs hashes are fixed).
/// </remarks>
public static class Blake512
{
    /// <summary>Digest size in bytes.</summary>
    public const int HashSizeInBytes = 64;

    private const int BlockBytes = 128;
    private const int Rounds = 16;

    // The first 16 words of the fractional part of π (BLAKE's constants c0 … c15).
    private static ReadOnlySpan<ulong> C =>
    [
        0x243F6A8885A308D3UL, 0x13198A2E03707344UL, 0xA4093822299F31D0UL, 0x082EFA98EC4E6C89UL,
        0x452821E638D01377UL, 0xBE5466CF34E90C6CUL, 0xC0AC29B7C97C50DDUL, 0x3F84D5B5B5470917UL,
        0x9216D5D98979FB1BUL, 0xD1310BA698DFB5ACUL, 0x2FFD72DBD01ADFB7UL, 0xB8E1AFED6A267E96UL,
        0xBA7C9045F12C7F99UL, 0x24A19947B3916CF7UL, 0x0801F2E2858EFC16UL, 0x636920D871574E69UL,
    ];

    // SHA-512's initial value, which BLAKE-512 reuses.
    private static ReadOnlySpan<ulong> IV =>
    [
        0x6A09E667F3BCC908UL, 0xBB67AE8584CAA73BUL, 0x3C6EF372FE94F82BUL, 0xA54FF53A5F1D36F1UL,
        0x510E527FADE682D1UL, 0x9B05688C2B3E6C1FUL, 0x1F83D9ABFB41BD6BUL, 0x5BE0CD19137E2179UL,
    ];

    // The ten message permutations σ0 … σ9; round r uses σ(r mod 10).
    private static ReadOnlySpan<byte> Sigma =>
    [
        0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15,
        14, 10, 4, 8, 9, 15, 13, 6, 1, 12, 0, 2, 11, 7, 5, 3,
        11, 8, 12, 0, 5, 2, 15, 13, 10, 14, 3, 6, 7, 1, 9, 4,
        7, 9, 3, 1, 13, 12, 11, 14, 2, 6, 5, 10, 4, 0, 15, 8,
        9, 0, 5, 7, 2, 4, 10, 15, 14, 1, 11, 12, 6, 8, 3, 13,
        2, 12, 6, 10, 0, 11, 8, 3, 4, 13, 7, 5, 15, 14, 1, 9,
        12, 5, 1, 15, 14, 13, 4, 10, 0, 7, 6, 3, 9, 2, 8, 11,
        13, 11, 7, 14, 12, 1, 3, 9, 5, 0, 15, 4, 8, 6, 2, 10,
        6, 15, 14, 9, 11, 3, 0, 8, 12, 2, 13, 7, 1, 4, 10, 5,
        10, 2, 8, 4, 7, 6, 1, 5, 15, 11, 9, 14, 3, 12, 13, 0,
    ];

    /// <summary>The 64-byte BLAKE-512 digest of <paramref name="data"/>.</summary>
    public static byte[] Hash(ReadOnlySpan<byte> data)
    {
        Span<ulong> h = stackalloc ulong[8];
        IV.CopyTo(h);
        int fullBlocks = data.Length / BlockBytes;
        int tail = data.Length % BlockBytes;
        // A final block made of message bytes only is compressed as a message block, and the padding then
        // goes into a block of its own (npm blake-hash compresses a block as soon as it is full).
        ulong bits = 0;
        for (int b = 0; b < fullBlocks; b++)
        {
            bits += BlockBytes * 8;
            Compress(h, data.Slice(b * BlockBytes, BlockBytes), bits);
        }

        // Padding: a 1 bit, zeros, a 1 bit just before the 128-bit big-endian message length in bits, so that
        // the padded length is a multiple of 1024 bits. The counter of a block that holds no message bits is 0.
        ulong totalBits = (ulong)data.Length * 8;
        Span<byte> last = stackalloc byte[2 * BlockBytes];
        last.Clear();
        data[(fullBlocks * BlockBytes)..].CopyTo(last);
        last[tail] = 0x80;
        int padBlocks = tail <= BlockBytes - 17 ? 1 : 2;
        Span<byte> final = last.Slice((padBlocks - 1) * BlockBytes, BlockBytes);
        final[BlockBytes - 17] |= 0x01;
        BinaryPrimitives.WriteUInt64BigEndian(final[(BlockBytes - 16)..], 0); // high 64 bits of the length
        BinaryPrimitives.WriteUInt64BigEndian(final[(BlockBytes - 8)..], totalBits);
        if (padBlocks == 1)
        {
            Compress(h, final, tail == 0 ? 0 : totalBits);
        }
        else
        {
            Compress(h, last[..BlockBytes], totalBits);
            Compress(h, final, 0);
        }

        var digest = new byte[HashSizeInBytes];
        for (int i = 0; i < 8; i++)
        {
            BinaryPrimitives.WriteUInt64BigEndian(digest.AsSpan(i * 8), h[i]);
        }
        return digest;
    }

    /// <summary>One compression: h ← compress(h, block, counter) with salt 0 (the counter's high 64 bits are 0).</summary>
    private static void Compress(Span<ulong> h, ReadOnlySpan<byte> block, ulong counter)
    {
        Span<ulong> m = stackalloc ulong[16];
        for (int i = 0; i < 16; i++)
        {
            m[i] = BinaryPrimitives.ReadUInt64BigEndian(block[(i * 8)..]);
        }
        ReadOnlySpan<ulong> c = C;
        Span<ulong> v = stackalloc ulong[16];
        h.CopyTo(v);
        v[8] = c[0];
        v[9] = c[1];
        v[10] = c[2];
        v[11] = c[3];
        v[12] = counter ^ c[4];
        v[13] = counter ^ c[5];
        v[14] = c[6];
        v[15] = c[7];
        ReadOnlySpan<byte> sigmaAll = Sigma;
        for (int r = 0; r < Rounds; r++)
        {
            ReadOnlySpan<byte> s = sigmaAll.Slice(r % 10 * 16, 16);
            G(v, m, s, 0, 4, 8, 12, 0);
            G(v, m, s, 1, 5, 9, 13, 2);
            G(v, m, s, 2, 6, 10, 14, 4);
            G(v, m, s, 3, 7, 11, 15, 6);
            G(v, m, s, 0, 5, 10, 15, 8);
            G(v, m, s, 1, 6, 11, 12, 10);
            G(v, m, s, 2, 7, 8, 13, 12);
            G(v, m, s, 3, 4, 9, 14, 14);
        }
        for (int i = 0; i < 8; i++)
        {
            h[i] ^= v[i] ^ v[i + 8];
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void G(Span<ulong> v, ReadOnlySpan<ulong> m, ReadOnlySpan<byte> s, int a, int b, int c, int d, int e)
    {
        ReadOnlySpan<ulong> k = C;
        v[a] += v[b] + (m[s[e]] ^ k[s[e + 1]]);
        v[d] = BitOperations.RotateRight(v[d] ^ v[a], 32);
        v[c] += v[d];
        v[b] = BitOperations.RotateRight(v[b] ^ v[c], 25);
        v[a] += v[b] + (m[s[e + 1]] ^ k[s[e]]);
        v[d] = BitOperations.RotateRight(v[d] ^ v[a], 16);
        v[c] += v[d];
        v[b] = BitOperations.RotateRight(v[b] ^ v[c], 11);
    }
}
