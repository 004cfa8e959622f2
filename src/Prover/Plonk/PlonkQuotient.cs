// SPDX-License-Identifier: MIT
using ZkOptions.Field;
using ZkOptions.Prover.Polynomials;

namespace ZkOptions.Prover.Plonk;

/// <summary>
/// Round 3's quotient t(X) = N(X) / Z_H(X), where
/// N = qM·a·b + qL·a + qR·b + qO·c + qC + PI + α[(a+βX+γ)(b+βk1X+γ)(c+βk2X+γ)z − (a+βσ1+γ)(b+βσ2+γ)(c+βσ3+γ)z(ωX)]
///     + α²(z − 1)L1.
/// Like snarkjs, it works on the size-4n domain (where the .zkey stores the selectors) rather than on a coset.
/// Each blinded polynomial is f = f0 + Z_H·g (f0 unblinded, g the blinding polynomial), so N = N0 + Z_H·M with N0
/// built from the unblinded f0 alone (degree &lt; 4n, exactly representable on 4n points) and
/// M = (N − N0)/Z_H. Then t = N0/Z_H (divided in coefficient form) + M. At points where Z_H = 0 (H itself, every fourth
/// point), M is the first-order term Σ_k g_k·∂N/∂f_k; elsewhere M = (N − N0)·Z_H⁻¹ with Z_H taking only 3 values.
/// </summary>
internal sealed class PlonkQuotient(PlonkProverSession s)
{
    public Fr[] Compute()
    {
        int n = s.N, n4 = 4 * n, mask = n4 - 1;
        var key = s.Key;
        var (a4, b4, c4, z4) = s.Wire4;
        var (qm, ql, qr, qo, qc) = s.Selectors4;
        var (s1, s2, s3) = s.Sigma4;
        Fr[] l1 = s.ReadL1Evaluations4();
        Fr[] pi4 = PublicInputPolynomial4();
        Fr[] bl = s.Blinding;
        Fr alpha = s.Alpha, alpha2 = alpha * alpha, beta = s.Beta, gamma = s.Gamma;
        Fr betaK1 = beta * key.K1, betaK2 = beta * key.K2;
        Fr omega = s.Omega, omega4 = s.Omega4;

        // Z_H(ω4^i) = (ω4^n)^(i mod 4) − 1.
        Fr fourthRoot = omega4.Pow((ulong)n);
        var zh = new Fr[4];
        var zhInverse = new Fr[4];
        for (int k = 0; k < 4; k++)
        {
            zh[k] = fourthRoot.Pow((ulong)k) - Fr.One;
            zhInverse[k] = k == 0 ? Fr.Zero : zh[k].Inverse();
        }

        var n0 = new Fr[n4];
        var m = new Fr[n4];
        ParallelChunks.For(n4, (start, end) =>
        {
            Fr x = omega4.Pow((ulong)start);
            for (int i = start; i < end; i++, x *= omega4)
            {
                int k = i & 3;
                Fr xw = x * omega;
                // Blinding polynomials g at x (and at ωx for z(ωX)).
                Fr ga = bl[2] + bl[1] * x, gb = bl[4] + bl[3] * x, gc = bl[6] + bl[5] * x;
                Fr gz = bl[9] + (bl[8] + bl[7] * x) * x;
                Fr gzw = bl[9] + (bl[8] + bl[7] * xw) * xw;

                Fr a = a4[i], b = b4[i], c = c4[i], z = z4[i], zw = z4[(i + 4) & mask];
                Fr id1 = beta * x + gamma, id2 = betaK1 * x + gamma, id3 = betaK2 * x + gamma;
                Fr sg1 = beta * s1[i] + gamma, sg2 = beta * s2[i] + gamma, sg3 = beta * s3[i] + gamma;

                Fr unblinded = Numerator(a, b, c, z, zw);
                n0[i] = unblinded + pi4[i];
                if (k == 0)
                {
                    // First-order terms in Z_H: Σ g_k·∂N/∂f_k at the unblinded values.
                    Fr gate = qm[i] * (ga * b + a * gb) + ql[i] * ga + qr[i] * gb + qo[i] * gc;
                    Fr pa = a + id1, pb = b + id2, pc = c + id3;
                    Fr p1 = (ga * pb * pc + pa * gb * pc + pa * pb * gc) * z + pa * pb * pc * gz;
                    Fr qa = a + sg1, qb = b + sg2, qcv = c + sg3;
                    Fr p2 = (ga * qb * qcv + qa * gb * qcv + qa * qb * gc) * zw + qa * qb * qcv * gzw;
                    m[i] = gate + alpha * (p1 - p2) + alpha2 * gz * l1[i];
                }
                else
                {
                    Fr h = zh[k];
                    Fr blinded = Numerator(a + h * ga, b + h * gb, c + h * gc, z + h * gz, zw + h * gzw);
                    m[i] = (blinded - unblinded) * zhInverse[k];
                }

                // N without the public-input term (it carries no blinding).
                Fr Numerator(Fr fa, Fr fb, Fr fc, Fr fz, Fr fzw)
                {
                    Fr gateValue = qm[i] * fa * fb + ql[i] * fa + qr[i] * fb + qo[i] * fc + qc[i];
                    Fr perm = (fa + id1) * (fb + id2) * (fc + id3) * fz - (fa + sg1) * (fb + sg2) * (fc + sg3) * fzw;
                    return gateValue + alpha * perm + alpha2 * (fz - Fr.One) * l1[i];
                }
            }
        });

        s.Ntt.Inverse(n0);
        if (!PolynomialArithmetic.DivideByVanishing(n0, n))
        {
            throw new InvalidWitnessException("the constraint polynomial does not vanish on the domain: the witness does not satisfy this circuit");
        }
        s.Ntt.Inverse(m);
        PolynomialArithmetic.Add(n0, m);
        return n0;
    }

    /// <summary>PI(X) = −Σ w_i·L_i(X) on the 4n domain: its values on H are −w_i at the first nPublic points.</summary>
    private Fr[] PublicInputPolynomial4()
    {
        int n = s.N;
        var onH = new Fr[n];
        for (int i = 0; i < s.PublicSignals.Length; i++)
        {
            onH[i] = -s.PublicSignals[i];
        }
        s.Ntt.Inverse(onH);
        var pi4 = new Fr[4 * n];
        onH.CopyTo(pi4, 0);
        s.Ntt.Forward(pi4);
        return pi4;
    }
}
