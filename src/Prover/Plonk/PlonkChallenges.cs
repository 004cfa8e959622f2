// SPDX-License-Identifier: MIT
using ZkOptions.Field;

namespace ZkOptions.Prover.Plonk;

/// <summary>
/// The named challenges of snarkjs PLONK, in the order the protocol hands them out (β, γ, α, ξ, v, u), each derived
/// from exactly the data snarkjs hashes for it (plonk_prove.js rounds 2–5, plonk_verify.js calculateChallenges).
/// Prover and verifier both call these, so the order is written down once. β absorbs the whole verifying key
/// (the eight commitments) and every public signal, which binds the proof to the circuit and the statement.
/// </summary>
public static class PlonkChallenges
{
    /// <summary>β = H(Qm, Ql, Qr, Qo, Qc, S1, S2, S3, public signals…, [A], [B], [C]).</summary>
    public static Fr Beta(in PlonkKeyCommitments key, ReadOnlySpan<Fr> publicSignals, in G1Affine a, in G1Affine b, in G1Affine c)
    {
        var t = new KeccakTranscript();
        t.AddPoint(key.Qm).AddPoint(key.Ql).AddPoint(key.Qr).AddPoint(key.Qo).AddPoint(key.Qc)
         .AddPoint(key.S1).AddPoint(key.S2).AddPoint(key.S3);
        foreach (var s in publicSignals)
        {
            t.AddScalar(s);
        }
        return t.AddPoint(a).AddPoint(b).AddPoint(c).Challenge();
    }

    /// <summary>γ = H(β).</summary>
    public static Fr Gamma(in Fr beta) => new KeccakTranscript().AddScalar(beta).Challenge();

    /// <summary>α = H(β, γ, [Z]).</summary>
    public static Fr Alpha(in Fr beta, in Fr gamma, in G1Affine z) =>
        new KeccakTranscript().AddScalar(beta).AddScalar(gamma).AddPoint(z).Challenge();

    /// <summary>ξ = H(α, [T1], [T2], [T3]).</summary>
    public static Fr Xi(in Fr alpha, in G1Affine t1, in G1Affine t2, in G1Affine t3) =>
        new KeccakTranscript().AddScalar(alpha).AddPoint(t1).AddPoint(t2).AddPoint(t3).Challenge();

    /// <summary>v₁ = H(ξ, a(ξ), b(ξ), c(ξ), s1(ξ), s2(ξ), z(ξω)); v₂…v₅ are its powers.</summary>
    public static Fr V(in Fr xi, in PlonkEvaluations e) =>
        new KeccakTranscript().AddScalar(xi).AddScalar(e.A).AddScalar(e.B).AddScalar(e.C)
            .AddScalar(e.S1).AddScalar(e.S2).AddScalar(e.Zw).Challenge();

    /// <summary>u = H([Wξ], [Wξω]) — used only by the verifier to batch the two openings.</summary>
    public static Fr U(in G1Affine wxi, in G1Affine wxiw) => new KeccakTranscript().AddPoint(wxi).AddPoint(wxiw).Challenge();
}

/// <summary>The six opening evaluations of a snarkjs PLONK proof.</summary>
public readonly record struct PlonkEvaluations(Fr A, Fr B, Fr C, Fr S1, Fr S2, Fr Zw);
