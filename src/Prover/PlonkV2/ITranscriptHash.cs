// SPDX-License-Identifier: MIT
namespace ZkOptions.Prover.PlonkV2;

/// <summary>
/// The hash behind the PLONK v2 Fiat–Shamir transcript: a running state that absorbs bytes and can be forked, so a
/// challenge is the hash of everything absorbed so far without ending the transcript. Keccak-256
/// (<see cref="KeccakTranscriptHash"/>) is the one implementation; another hash (Poseidon, for recursion) plugs in
/// here without touching the rounds.
/// </summary>
public interface ITranscriptHash
{
    /// <summary>A short name ("keccak256").</summary>
    string Name { get; }

    /// <summary>The digest length in bytes (at least 32).</summary>
    int OutputSize { get; }

    /// <summary>Appends <paramref name="data"/> to the state.</summary>
    void Absorb(ReadOnlySpan<byte> data);

    /// <summary>An independent copy of the current state.</summary>
    ITranscriptHash Fork();

    /// <summary>Writes the digest of what was absorbed into <paramref name="output"/> (<see cref="OutputSize"/> bytes); the instance is spent.</summary>
    void Finish(Span<byte> output);
}
