// SPDX-License-Identifier: MIT
using ZkOptions.Field;

namespace ZkOptions.Prover.PlonkV2;

/// <summary>
/// The order of the PLONK v2 transcript, written once for the prover and the verifier: the key's digest and the
/// public inputs, then each round's commitments before the challenges that must not be known when they are chosen.
/// β, γ after the wires (the grand product must be fixed by committed wires); α and the gate separator after z (they
/// combine identities over polynomials already committed); ζ after every quotient chunk (t must be fixed before the
/// point is known); v after every evaluation (it batches claimed values); u after both opening proofs.
/// </summary>
internal static class PlonkV2Challenges
{
    public static PlonkV2Transcript Begin(PlonkV2VerifyingKey key, ReadOnlySpan<Fr> publicInputs, Func<ITranscriptHash>? hash)
    {
        var transcript = new PlonkV2Transcript(hash?.Invoke());
        transcript.AbsorbBytes("verifying key", key.Digest());
        transcript.AbsorbBytes("public input count", BigEndian(publicInputs.Length));
        for (int i = 0; i < publicInputs.Length; i++)
        {
            transcript.AbsorbScalar("public input", publicInputs[i]);
        }
        return transcript;
    }

    /// <summary>β, γ after the wires and (with lookups) the multiplicities; then θ and βL for the lookup argument when <paramref name="multiplicities"/> is given.</summary>
    public static (Fr Beta, Fr Gamma, Fr Theta, Fr BetaLookup) AfterWires(PlonkV2Transcript transcript, ReadOnlySpan<G1Affine> wires, G1Affine? multiplicities)
    {
        foreach (var w in wires)
        {
            transcript.AbsorbPoint("wire", w);
        }
        if (multiplicities is { } m)
        {
            transcript.AbsorbPoint("lookup multiplicities", m);
        }
        Fr beta = transcript.Challenge("beta"), gamma = transcript.Challenge("gamma");
        return multiplicities is null ? (beta, gamma, default, default)
            : (beta, gamma, transcript.Challenge("lookup compression"), transcript.Challenge("lookup"));
    }

    /// <summary>
    /// α and the gate separator after z and (with lookups) the running sum φ and the lane helper h, which depend on
    /// θ and βL and must be fixed before α combines their identities with the others.
    /// </summary>
    public static (Fr Alpha, Fr Separator) AfterPermutation(PlonkV2Transcript transcript, in G1Affine z, G1Affine? helper, G1Affine? laneHelper)
    {
        transcript.AbsorbPoint("z", z);
        if (helper is { } phi)
        {
            transcript.AbsorbPoint("lookup helper", phi);
        }
        if (laneHelper is { } h)
        {
            transcript.AbsorbPoint("lane helper", h);
        }
        return (transcript.Challenge("alpha"), transcript.Challenge("gate separator"));
    }

    public static Fr AfterQuotient(PlonkV2Transcript transcript, ReadOnlySpan<G1Affine> chunks)
    {
        transcript.AbsorbBytes("quotient chunk count", BigEndian(chunks.Length));
        foreach (var t in chunks)
        {
            transcript.AbsorbPoint("quotient chunk", t);
        }
        return transcript.Challenge("zeta");
    }

    /// <summary>v after every evaluation, in <see cref="PlonkV2Proof.Scalars"/> order.</summary>
    public static Fr AfterEvaluations(PlonkV2Transcript transcript, IEnumerable<Fr> evaluations)
    {
        foreach (var e in evaluations)
        {
            transcript.AbsorbScalar("evaluation", e);
        }
        return transcript.Challenge("v");
    }

    public static Fr AfterOpenings(PlonkV2Transcript transcript, in G1Affine atZeta, in G1Affine atZetaOmega)
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
