// SPDX-License-Identifier: MIT
using ZkOptions.Field;
using ZkOptions.Prover.Polynomials;
using ZkOptions.Prover.Formats;
using ZkOptions.Prover.Plonk;

namespace ZkOptions.Prover.Tests.Support;

/// <summary>
/// Forges PLONK proofs that pass the verifier's pairing check for a verifying key whose [τ]₂ comes from a known τ:
/// the test double that shows a verifier's own point rules do the rejecting. Whoever knows τ can open any
/// commitment at any value, so the commitments and evaluations may be anything, the point at infinity included.
/// Only public API is used, so Solidity.Tests links this file too.
/// </summary>
/// <remarks>
/// The verifier accepts iff (τ − ξ)·[Wξ] + u·(τ − ξω)·[Wξω] = F − E, and F − E = X + u·Y with Y = [Z] − z̄ω·G1 and X
/// the rest (u enters F only through [Z]'s scalar and E only through u·z̄ω). So [Wξ] = X/(τ − ξ) and
/// [Wξω] = Y/(τ − ξω) satisfy it whatever u the transcript then gives. [Wξω] is O when [Z] = z̄ω·G1. [Wξ] = O would
/// need X = O, a point fixed by the hash of everything before it, so that one cannot be forged.
/// </remarks>
public static class KnownTauProofForger
{
    /// <summary>The proof's G1 commitments in proof order.</summary>
    public static readonly string[] Commitments = ["A", "B", "C", "Z", "T1", "T2", "T3", "Wxi", "Wxiw"];

    /// <summary>The commitments that <see cref="Forge"/> can set to the point at infinity in a proof that still passes the pairing check.</summary>
    public static bool CanForgeAtInfinity(string commitment) => commitment != "Wxi";

    /// <summary>A verifying key with random selector and permutation commitments and X2 = τ·G2 (no circuit behind it; none is needed).</summary>
    public static PlonkVerificationKey Key(Fr tau, int nPublic, int power, Random rng) => new()
    {
        NPublic = nPublic,
        Power = power,
        K1 = Fr.FromUInt64(2),
        K2 = Fr.FromUInt64(3),
        Qm = RandomPoint(rng),
        Ql = RandomPoint(rng),
        Qr = RandomPoint(rng),
        Qo = RandomPoint(rng),
        Qc = RandomPoint(rng),
        S1 = RandomPoint(rng),
        S2 = RandomPoint(rng),
        S3 = RandomPoint(rng),
        X2 = G2Jacobian.ScalarMul(G2Affine.Generator, tau).ToAffine(),
        W = EvaluationDomain.Get(power).Generator,
    };

    /// <summary>
    /// A proof of <paramref name="publicSignals"/> that passes the pairing check for <paramref name="vk"/> (whose X2
    /// must be τ·G2), with the commitment named <paramref name="infinity"/> at infinity when that is forgeable
    /// (<see cref="CanForgeAtInfinity"/>). For "Wxi" it returns a valid forgery with [Wξ] then replaced by O, which
    /// no verifier accepts anyway.
    /// </summary>
    public static PlonkProof Forge(PlonkVerificationKey vk, Fr tau, Fr[] publicSignals, string? infinity, Random rng)
    {
        G1Affine Commitment(string name) => name == infinity ? G1Affine.Infinity : RandomPoint(rng);
        var e = new PlonkEvaluations(Fr.Random(rng), Fr.Random(rng), Fr.Random(rng), Fr.Random(rng), Fr.Random(rng), Fr.Random(rng));
        G1Affine a = Commitment("A"), b = Commitment("B"), c = Commitment("C");
        G1Affine z = infinity == "Wxiw" ? G1Jacobian.ScalarMul(G1Affine.Generator, e.Zw).ToAffine() : Commitment("Z");
        G1Affine t1 = Commitment("T1"), t2 = Commitment("T2"), t3 = Commitment("T3");

        Fr beta = PlonkChallenges.Beta(PlonkKeyCommitments.Of(vk), publicSignals, a, b, c);
        Fr gamma = PlonkChallenges.Gamma(beta);
        Fr alpha = PlonkChallenges.Alpha(beta, gamma, z);
        Fr xi = PlonkChallenges.Xi(alpha, t1, t2, t3);
        Fr v1 = PlonkChallenges.V(xi, e);
        Fr v2 = v1 * v1, v3 = v2 * v1, v4 = v3 * v1, v5 = v4 * v1;

        int n = 1 << vk.Power;
        Fr omega = EvaluationDomain.Get(vk.Power).Generator;
        Fr.Pow(xi, (ulong)n, out Fr xin);
        Fr zh = xin - Fr.One;
        Fr pi = Fr.Zero, l1 = Fr.Zero, w = Fr.One;
        for (int i = 0; i < Math.Max(1, vk.NPublic); i++, w *= omega)
        {
            Fr li = w * zh / (Fr.FromUInt64((ulong)n) * (xi - w)); // L_(i+1)(ξ)
            l1 = i == 0 ? li : l1;
            pi -= i < publicSignals.Length ? publicSignals[i] * li : Fr.Zero;
        }
        Fr alpha2 = alpha * alpha;
        Fr permB = (e.A + beta * e.S1 + gamma) * (e.B + beta * e.S2 + gamma);
        Fr r0 = pi - l1 * alpha2 - alpha * permB * (e.C + gamma) * e.Zw;
        Fr betaXi = beta * xi;
        Fr zScalarWithoutU = alpha * (e.A + betaXi + gamma) * (e.B + betaXi * vk.K1 + gamma) * (e.C + betaXi * vk.K2 + gamma) + l1 * alpha2;
        Fr s3Scalar = -(permB * alpha * beta * e.Zw);
        Fr negZh = -zh;
        G1Jacobian f = G1Jacobian.MultiScalarMul(
            [vk.Qm, vk.Ql, vk.Qr, vk.Qo, vk.Qc, z, vk.S3, t1, t2, t3, a, b, c, vk.S1, vk.S2],
            [e.A * e.B, e.A, e.B, e.C, Fr.One, zScalarWithoutU, s3Scalar, negZh, negZh * xin, negZh * xin * xin, v1, v2, v3, v4, v5]);
        Fr eScalarWithoutU = -r0 + v1 * e.A + v2 * e.B + v3 * e.C + v4 * e.S1 + v5 * e.S2;
        G1Jacobian x = f - G1Jacobian.ScalarMul(G1Affine.Generator, eScalarWithoutU);
        G1Jacobian y = G1Jacobian.FromAffine(z) - G1Jacobian.ScalarMul(G1Affine.Generator, e.Zw);

        return new PlonkProof
        {
            A = a, B = b, C = c, Z = z, T1 = t1, T2 = t2, T3 = t3,
            Wxi = infinity == "Wxi" ? G1Affine.Infinity : G1Jacobian.ScalarMul(x, (tau - xi).Inverse()).ToAffine(),
            Wxiw = G1Jacobian.ScalarMul(y, (tau - xi * omega).Inverse()).ToAffine(),
            EvalA = e.A, EvalB = e.B, EvalC = e.C, EvalS1 = e.S1, EvalS2 = e.S2, EvalZw = e.Zw,
        };
    }

    private static G1Affine RandomPoint(Random rng) => G1Jacobian.ScalarMul(G1Affine.Generator, Fr.Random(rng)).ToAffine();
}
