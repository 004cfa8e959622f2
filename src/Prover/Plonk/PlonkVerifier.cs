// SPDX-License-Identifier: MIT
using ZkOptions.Field;
using ZkOptions.Prover.Polynomials;
using ZkOptions.Prover.Formats;

namespace ZkOptions.Prover.Plonk;

/// <summary>
/// The snarkjs PLONK verifier (src/plonk_verify.js): recompute the challenges, fold the linearisation into one
/// commitment F and one scalar E, and check the batched KZG opening with a single two-pair pairing product:
/// e(−([Wξ] + u[Wξω]), [τ]₂) · e(ξ[Wξ] + uξω[Wξω] + F − E, G2) = 1.
/// </summary>
public static class PlonkVerifier
{
    /// <summary>
    /// True iff the proof is valid for these public signals. Structural problems (a point off the curve, a value ≥ r,
    /// the wrong number of public signals) make it false too; the JSON readers report them with names beforehand. A
    /// commitment at infinity reads fine (a verifying key may hold one) but makes a proof false, as on-chain.
    /// </summary>
    public static bool Verify(PlonkVerificationKey vk, PlonkProof proof, ReadOnlySpan<Fr> publicSignals)
    {
        if (publicSignals.Length != vk.NPublic || !IsWellFormed(proof))
        {
            return false;
        }
        int n = 1 << vk.Power;
        Fr omega = EvaluationDomain.Get(vk.Power).Generator;
        var e = new PlonkEvaluations(proof.EvalA, proof.EvalB, proof.EvalC, proof.EvalS1, proof.EvalS2, proof.EvalZw);

        Fr beta = PlonkChallenges.Beta(PlonkKeyCommitments.Of(vk), publicSignals, proof.A, proof.B, proof.C);
        Fr gamma = PlonkChallenges.Gamma(beta);
        Fr alpha = PlonkChallenges.Alpha(beta, gamma, proof.Z);
        Fr xi = PlonkChallenges.Xi(alpha, proof.T1, proof.T2, proof.T3);
        Fr v1 = PlonkChallenges.V(xi, e);
        Fr u = PlonkChallenges.U(proof.Wxi, proof.Wxiw);
        Fr v2 = v1 * v1, v3 = v2 * v1, v4 = v3 * v1, v5 = v4 * v1;

        Fr xin = xi;
        for (int i = 0; i < vk.Power; i++)
        {
            Fr.Square(in xin, out xin);
        }
        Fr zh = xin - Fr.One;
        Fr[] lagrange = LagrangeAt(xi, zh, omega, n, Math.Max(1, vk.NPublic));
        Fr pi = Fr.Zero;
        for (int i = 0; i < publicSignals.Length; i++)
        {
            pi -= publicSignals[i] * lagrange[i];
        }
        Fr l1 = lagrange[0];
        Fr alpha2 = alpha * alpha;

        Fr permB = (e.A + beta * e.S1 + gamma) * (e.B + beta * e.S2 + gamma);
        Fr r0 = pi - l1 * alpha2 - alpha * permB * (e.C + gamma) * e.Zw;

        Fr betaXi = beta * xi;
        Fr zScalar = alpha * (e.A + betaXi + gamma) * (e.B + betaXi * vk.K1 + gamma) * (e.C + betaXi * vk.K2 + gamma) + l1 * alpha2 + u;
        Fr s3Scalar = -(permB * alpha * beta * e.Zw);
        Fr negZh = -zh;

        // F = D + v1[A] + v2[B] + v3[C] + v4[S1] + v5[S2], with D the linearisation commitment.
        G1Affine[] points = [vk.Qm, vk.Ql, vk.Qr, vk.Qo, vk.Qc, proof.Z, vk.S3, proof.T1, proof.T2, proof.T3, proof.A, proof.B, proof.C, vk.S1, vk.S2];
        Fr[] scalars = [e.A * e.B, e.A, e.B, e.C, Fr.One, zScalar, s3Scalar, negZh, negZh * xin, negZh * xin * xin, v1, v2, v3, v4, v5];
        G1Jacobian f = G1Jacobian.MultiScalarMul(points, scalars);

        Fr eScalar = -r0 + v1 * e.A + v2 * e.B + v3 * e.C + v4 * e.S1 + v5 * e.S2 + u * e.Zw;
        G1Jacobian bigE = G1Jacobian.ScalarMul(G1Affine.Generator, eScalar);

        G1Jacobian a1 = G1Jacobian.MultiScalarMul([proof.Wxi, proof.Wxiw], [Fr.One, u]);
        G1Jacobian b1 = G1Jacobian.MultiScalarMul([proof.Wxi, proof.Wxiw], [xi, u * xi * omega]);
        b1 = b1 + f - bigE;

        return Pairing.ProductIsOne([(-a1).ToAffine(), b1.ToAffine()], [vk.X2, G2Affine.Generator]);
    }

    /// <summary>L_i(ξ) = ω^(i−1)·Z_H(ξ) / (n·(ξ − ω^(i−1))) for i = 1..count (index 0 holds L_1).</summary>
    internal static Fr[] LagrangeAt(in Fr xi, in Fr zh, in Fr omega, int n, int count)
    {
        var result = new Fr[count];
        var denominators = new Fr[count];
        Fr nField = Fr.FromUInt64((ulong)n);
        Fr w = Fr.One;
        for (int i = 0; i < count; i++)
        {
            denominators[i] = nField * (xi - w);
            result[i] = w * zh;
            w *= omega;
        }
        Fr.BatchInverse(denominators);
        for (int i = 0; i < count; i++)
        {
            result[i] *= denominators[i];
        }
        return result;
    }

    // Every commitment must be a finite curve point. The point at infinity is refused as the generated Solidity
    // verifier refuses it: its on-curve test reads (0, 0), the EVM's encoding of infinity, as off the curve. The two
    // verifiers must agree on every proof, or a proof checked off-chain could fail on-chain (or the reverse).
    private static bool IsWellFormed(PlonkProof p)
    {
        foreach (var point in (ReadOnlySpan<G1Affine>)[p.A, p.B, p.C, p.Z, p.T1, p.T2, p.T3, p.Wxi, p.Wxiw])
        {
            if (point.IsInfinity || !point.IsOnCurve())
            {
                return false;
            }
        }
        return true;
    }
}
