// SPDX-License-Identifier: MIT
using Org.BouncyCastle.Crypto.Digests;

namespace ZkOptions.Prover.PlonkV2;

/// <summary>Keccak-256 (the Ethereum variant, not SHA3-256) as a forkable transcript hash.</summary>
public sealed class KeccakTranscriptHash : ITranscriptHash
{
    private readonly KeccakDigest keccak;

    /// <summary>An empty Keccak-256 state.</summary>
    public KeccakTranscriptHash() => keccak = new KeccakDigest(256);

    private KeccakTranscriptHash(KeccakDigest state) => keccak = new KeccakDigest(state);

    /// <inheritdoc/>
    public string Name => "keccak256";

    /// <inheritdoc/>
    public int OutputSize => 32;

    /// <inheritdoc/>
    public void Absorb(ReadOnlySpan<byte> data) => keccak.BlockUpdate(data);

    /// <inheritdoc/>
    public ITranscriptHash Fork() => new KeccakTranscriptHash(keccak);

    /// <inheritdoc/>
    public void Finish(Span<byte> output) => keccak.DoFinal(output);
}
