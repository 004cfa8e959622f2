// SPDX-License-Identifier: MIT
using ZkOptions.Field;
using ZkOptions.Prover.Engines.Cpu;
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

        var terms = new Terms<Fr>(alpha, alpha2, beta, gamma, betaK1, betaK2, Fr.One, bl);
        var n0 = new Fr[n4];
        var m = new Fr[n4];
        var inputs = new Inputs(a4, b4, c4, z4, qm, ql, qr, qo, qc, s1, s2, s3, l1, pi4, zh, zhInverse);
        if (s.VectorLanes && n4 % LaneBlock == 0)
        {
            OnLanes(inputs, new Terms<FrLanes>(alpha, alpha2, beta, gamma, betaK1, betaK2, Fr.One, bl), omega, omega4, n0, m);
        }
        else
        {
            ParallelChunks.For(n4, (start, end) =>
            {
                Fr x = omega4.Pow((ulong)start);
                for (int i = start; i < end; i++, x *= omega4)
                {
                    int k = i & 3;
                    Point(terms, x, x * omega, a4[i], b4[i], c4[i], z4[i], z4[(i + 4) & mask], qm[i], ql[i], qr[i], qo[i], qc[i],
                          s1[i], s2[i], s3[i], l1[i], k == 0, zh[k], zhInverse[k], out Fr unblinded, out m[i]);
                    n0[i] = unblinded + pi4[i];
                }
            });
        }

        s.Ntt.Inverse(n0);
        if (!PolynomialArithmetic.DivideByVanishing(n0, n))
        {
            throw new InvalidWitnessException("the constraint polynomial does not vanish on the domain: the witness does not satisfy this circuit");
        }
        s.Ntt.Inverse(m);
        PolynomialArithmetic.Add(n0, m);
        return n0;
    }

    /// <summary>The challenges and blinding factors, as constants of the element type the loop runs on.</summary>
    private sealed class Terms<T> where T : IFieldArithmetic<T>
    {
        public Terms(Fr alpha, Fr alpha2, Fr beta, Fr gamma, Fr betaK1, Fr betaK2, Fr one, Fr[] blinding)
        {
            (Alpha, Alpha2, Beta, Gamma, BetaK1, BetaK2, One) =
                (T.Constant(alpha), T.Constant(alpha2), T.Constant(beta), T.Constant(gamma), T.Constant(betaK1), T.Constant(betaK2), T.Constant(one));
            Blinding = [.. blinding.Select(b => T.Constant(b))];
        }

        public T Alpha { get; }
        public T Alpha2 { get; }
        public T Beta { get; }
        public T Gamma { get; }
        public T BetaK1 { get; }
        public T BetaK2 { get; }
        public T One { get; }
        public T[] Blinding { get; }
    }

    /// <summary>
    /// N0 (without PI) and M at one point x of the 4n domain (xw = ω·x), from the unblinded values there; written once
    /// for one point (<see cref="Fr"/>) and eight (<see cref="FrLanes"/>).
    /// </summary>
    private static void Point<T>(Terms<T> t, T x, T xw, T a, T b, T c, T z, T zw, T qm, T ql, T qr, T qo, T qc, T s1, T s2, T s3, T l1,
                                 bool onH, T zh, T zhInverse, out T unblinded, out T m)
        where T : IFieldArithmetic<T>
    {
        T[] bl = t.Blinding;
        // Blinding polynomials g at x (and at ωx for z(ωX)).
        T ga = bl[2] + bl[1] * x, gb = bl[4] + bl[3] * x, gc = bl[6] + bl[5] * x;
        T gz = bl[9] + (bl[8] + bl[7] * x) * x;
        T gzw = bl[9] + (bl[8] + bl[7] * xw) * xw;
        T id1 = t.Beta * x + t.Gamma, id2 = t.BetaK1 * x + t.Gamma, id3 = t.BetaK2 * x + t.Gamma;
        T sg1 = t.Beta * s1 + t.Gamma, sg2 = t.Beta * s2 + t.Gamma, sg3 = t.Beta * s3 + t.Gamma;

        unblinded = Numerator(a, b, c, z, zw);
        if (onH)
        {
            // First-order terms in Z_H: Σ g_k·∂N/∂f_k at the unblinded values.
            T gate = qm * (ga * b + a * gb) + ql * ga + qr * gb + qo * gc;
            T pa = a + id1, pb = b + id2, pc = c + id3;
            T p1 = (ga * pb * pc + pa * gb * pc + pa * pb * gc) * z + pa * pb * pc * gz;
            T qa = a + sg1, qb = b + sg2, qcv = c + sg3;
            T p2 = (ga * qb * qcv + qa * gb * qcv + qa * qb * gc) * zw + qa * qb * qcv * gzw;
            m = gate + t.Alpha * (p1 - p2) + t.Alpha2 * gz * l1;
        }
        else
        {
            T blinded = Numerator(a + zh * ga, b + zh * gb, c + zh * gc, z + zh * gz, zw + zh * gzw);
            m = (blinded - unblinded) * zhInverse;
        }

        // N without the public-input term (it carries no blinding).
        T Numerator(T fa, T fb, T fc, T fz, T fzw)
        {
            T gateValue = qm * fa * fb + ql * fa + qr * fb + qo * fc + qc;
            T perm = (fa + id1) * (fb + id2) * (fc + id3) * fz - (fa + sg1) * (fb + sg2) * (fc + sg3) * fzw;
            return gateValue + t.Alpha * perm + t.Alpha2 * (fz - t.One) * l1;
        }
    }

    private sealed record Inputs(Fr[] A, Fr[] B, Fr[] C, Fr[] Z, Fr[] Qm, Fr[] Ql, Fr[] Qr, Fr[] Qo, Fr[] Qc, Fr[] S1, Fr[] S2, Fr[] S3,
                                 Fr[] L1, Fr[] Pi, Fr[] Zh, Fr[] ZhInverse);

    /// <summary>Points a lane block covers: 8 lanes for each of the 4 residues i mod 4, which decide the branch.</summary>
    private const int LaneBlock = 4 * FrLanes.Count;

    /// <summary>
    /// The loop on AVX-512 lanes: in each block of 32 points, the points with one residue k = i mod 4 (stride 4) share
    /// a branch (on H or not) and a Z_H value, so they go through <see cref="Point{T}"/> together.
    /// </summary>
    private static void OnLanes(Inputs p, Terms<FrLanes> terms, Fr omega, Fr omega4, Fr[] n0, Fr[] m)
    {
        int n4 = n0.Length, mask = n4 - 1;
        FrLanes omegaLanes = FrLanes.Constant(omega);
        var zh = p.Zh.Select(v => FrLanes.Constant(v)).ToArray();
        var zhInverse = p.ZhInverse.Select(v => FrLanes.Constant(v)).ToArray();
        // The lanes of residue k hold ω4^(k + 4l) for l = 0 … 7, times the block's first point.
        var offsets = new FrLanes[4];
        Span<Fr> powers = stackalloc Fr[FrLanes.Count];
        for (int k = 0; k < 4; k++)
        {
            for (int l = 0; l < FrLanes.Count; l++)
            {
                powers[l] = omega4.Pow((ulong)(k + 4 * l));
            }
            offsets[k] = FrLanes.Load(powers);
        }
        Fr blockStep = omega4.Pow(LaneBlock);
        ParallelChunks.For(n4 / LaneBlock, (startBlock, endBlock) =>
        {
            Span<Fr> scratch = stackalloc Fr[FrLanes.Count];
            Fr first = omega4.Pow((ulong)(startBlock * LaneBlock));
            for (int block = startBlock; block < endBlock; block++, first *= blockStep)
            {
                FrLanes start = FrLanes.Constant(first);
                for (int k = 0; k < 4; k++)
                {
                    int i = block * LaneBlock + k;
                    FrLanes x = start * offsets[k];
                    Point(terms, x, x * omegaLanes, Strided(p.A, i), Strided(p.B, i), Strided(p.C, i), Strided(p.Z, i),
                          StridedWrapped(p.Z, i + 4, mask, scratch), Strided(p.Qm, i), Strided(p.Ql, i), Strided(p.Qr, i), Strided(p.Qo, i),
                          Strided(p.Qc, i), Strided(p.S1, i), Strided(p.S2, i), Strided(p.S3, i), Strided(p.L1, i), k == 0, zh[k],
                          zhInverse[k], out FrLanes unblinded, out FrLanes mk);
                    Scatter(unblinded + Strided(p.Pi, i), n0, i, scratch);
                    Scatter(mk, m, i, scratch);
                }
            }
        });

        static FrLanes Strided(Fr[] values, int i) => FrLanes.LoadStrided(values.AsSpan(i), 4);

        // values[(i + 4l) mod 4n] for l = 0 … 7: z(ωX) of the block's last points wraps to the start.
        static FrLanes StridedWrapped(Fr[] values, int i, int mask, Span<Fr> scratch)
        {
            if (i + 4 * (FrLanes.Count - 1) <= mask)
            {
                return Strided(values, i);
            }
            for (int l = 0; l < FrLanes.Count; l++)
            {
                scratch[l] = values[(i + 4 * l) & mask];
            }
            return FrLanes.Load(scratch);
        }

        static void Scatter(FrLanes lanes, Fr[] into, int i, Span<Fr> scratch)
        {
            lanes.Store(scratch);
            for (int l = 0; l < FrLanes.Count; l++)
            {
                into[i + 4 * l] = scratch[l];
            }
        }
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
