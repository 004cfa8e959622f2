// SPDX-License-Identifier: MIT
using ZkOptions.Field;

namespace ZkOptions.Prover.PlonkV2;

/// <summary>
/// The order of the PLONK v2 transcript, written once for the prover, the verifier and the Solidity generator: the
/// key's digest and the public inputs, then each round's commitments before the challenges that must not be known when
/// they are chosen. β, γ after the wires (the grand product must be fixed by committed wires); α and the gate separator
/// after z (they combine identities over polynomials already committed); ζ after every quotient chunk (t must be fixed
/// before the point is known); v after every evaluation (it batches claimed values); u after both opening proofs.
/// </summary>
internal static class PlonkV2Challenges
{
    public static PlonkV2Transcript Begin(PlonkV2VerifyingKey key, ReadOnlySpan<Fr> publicInputs, Func<ITranscriptHash>? hash)
    {
        var transcript = new PlonkV2Transcript(hash?.Invoke());
        Begin(transcript, key.Digest(), publicInputs);
        return transcript;
    }

    /// <summary>The key's digest, the public-input count and every public input.</summary>
    public static void Begin<TPoint, TScalar>(IPlonkV2Transcript<TPoint, TScalar> transcript, ReadOnlySpan<byte> keyDigest,
                                              ReadOnlySpan<TScalar> publicInputs)
    {
        transcript.AbsorbBytes("verifying key", keyDigest);
        transcript.AbsorbBytes("public input count", BigEndian(publicInputs.Length));
        for (int i = 0; i < publicInputs.Length; i++)
        {
            transcript.AbsorbScalar("public input", publicInputs[i]);
        }
    }

    /// <summary>
    /// β, γ after the wires and (with lookups) the multiplicities; then θ and βL for the lookup argument when
    /// <paramref name="multiplicities"/> is not empty (θ and βL are default without lookups).
    /// </summary>
    public static (TScalar Beta, TScalar Gamma, TScalar Theta, TScalar BetaLookup) AfterWires<TPoint, TScalar>(
        IPlonkV2Transcript<TPoint, TScalar> transcript, ReadOnlySpan<TPoint> wires, ReadOnlySpan<TPoint> multiplicities)
    {
        foreach (var w in wires)
        {
            transcript.AbsorbPoint("wire", w);
        }
        foreach (var m in multiplicities)
        {
            transcript.AbsorbPoint("lookup multiplicities", m);
        }
        TScalar beta = transcript.Challenge("beta"), gamma = transcript.Challenge("gamma");
        return multiplicities.IsEmpty ? (beta, gamma, default!, default!)
            : (beta, gamma, transcript.Challenge("lookup compression"), transcript.Challenge("lookup"));
    }

    /// <summary>
    /// α and the gate separator after z and (with lookups) the running sum φ and the lane helper h, which depend on
    /// θ and βL and must be fixed before α combines their identities with the others.
    /// </summary>
    public static (TScalar Alpha, TScalar Separator) AfterPermutation<TPoint, TScalar>(IPlonkV2Transcript<TPoint, TScalar> transcript,
        in TPoint z, ReadOnlySpan<TPoint> helper, ReadOnlySpan<TPoint> laneHelper)
    {
        transcript.AbsorbPoint("z", z);
        foreach (var phi in helper)
        {
            transcript.AbsorbPoint("lookup helper", phi);
        }
        foreach (var h in laneHelper)
        {
            transcript.AbsorbPoint("lane helper", h);
        }
        return (transcript.Challenge("alpha"), transcript.Challenge("gate separator"));
    }

    public static TScalar AfterQuotient<TPoint, TScalar>(IPlonkV2Transcript<TPoint, TScalar> transcript, ReadOnlySpan<TPoint> chunks)
    {
        transcript.AbsorbBytes("quotient chunk count", BigEndian(chunks.Length));
        foreach (var t in chunks)
        {
            transcript.AbsorbPoint("quotient chunk", t);
        }
        return transcript.Challenge("zeta");
    }

    /// <summary>v after every evaluation, in <see cref="PlonkV2Proof.Scalars"/> order.</summary>
    public static TScalar AfterEvaluations<TPoint, TScalar>(IPlonkV2Transcript<TPoint, TScalar> transcript, IEnumerable<TScalar> evaluations)
    {
        foreach (var e in evaluations)
        {
            transcript.AbsorbScalar("evaluation", e);
        }
        return transcript.Challenge("v");
    }

    public static TScalar AfterOpenings<TPoint, TScalar>(IPlonkV2Transcript<TPoint, TScalar> transcript, in TPoint atZeta, in TPoint atZetaOmega)
    {
        transcript.AbsorbPoint("opening at zeta", atZeta);
        transcript.AbsorbPoint("opening at zeta omega", atZetaOmega);
        return transcript.Challenge("u");
    }

    private static byte[] BigEndian(int value)
    {
        var bytes = new byte[4];
        System.Buffers.Binary.BinaryPrimitives.WriteInt32BigEndian(bytes, value);
        return bytes;
    }
}
