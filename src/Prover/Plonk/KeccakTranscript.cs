// SPDX-License-Identifier: MIT
using Org.BouncyCastle.Crypto.Digests;
using ZkOptions.Field;

namespace ZkOptions.Prover.Plonk;

/// <summary>
/// The Fiat–Shamir transcript of snarkjs PLONK (src/Keccak256Transcript.js): absorb G1 points as big-endian x‖y
/// (64 bytes; the point at infinity as 64 zero bytes) and scalars as 32 big-endian bytes, then
/// challenge = keccak256(everything) mod r. snarkjs resets the transcript before every challenge, so there is no
/// running state between challenges: each challenge's inputs are listed in full by <see cref="PlonkChallenges"/>.
/// </summary>
internal sealed class KeccakTranscript
{
    private readonly KeccakDigest keccak = new(256);
    private readonly byte[] buffer = new byte[64];
    private bool empty = true;

    public KeccakTranscript AddPoint(in G1Affine point)
    {
        EvmEncoding.WriteG1(point, buffer);
        keccak.BlockUpdate(buffer, 0, 64);
        empty = false;
        return this;
    }

    public KeccakTranscript AddScalar(in Fr value)
    {
        value.WriteBytes(buffer.AsSpan(0, 32), ByteOrder.BigEndian);
        keccak.BlockUpdate(buffer, 0, 32);
        empty = false;
        return this;
    }

    /// <summary>keccak256 of what was absorbed, reduced mod r; the transcript starts empty again.</summary>
    public Fr Challenge()
    {
        if (empty)
        {
            throw new InvalidOperationException("a challenge needs at least one absorbed value");
        }
        var hash = new byte[32];
        keccak.DoFinal(hash, 0);
        empty = true;
        return Fr.FromBytesReduced(hash, ByteOrder.BigEndian);
    }
}
