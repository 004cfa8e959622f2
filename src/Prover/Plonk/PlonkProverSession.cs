// SPDX-License-Identifier: MIT
using ZkOptions.Constraints.V1;
using ZkOptions.Field;
using ZkOptions.Prover.Engines;
using ZkOptions.Prover.Formats;
using ZkOptions.Prover.Polynomials;

namespace ZkOptions.Prover.Plonk;

/// <summary>
/// One proof in progress: the state that flows from round to round. Polynomials named X are in coefficient form;
/// XOnH are the n evaluations on the domain H = ⟨ω⟩; X4 are the 4n evaluations on the size-4n domain (which contains
/// H at every fourth point), as snarkjs stores them in the .zkey.
/// </summary>
internal sealed class PlonkProverSession
{
    private readonly PlonkZkeyFile zkey;
    private readonly PlonkZkeyHeader key;
    private readonly INttEngine ntt;
    private readonly IMsmEngine msm;
    private readonly int n;
    private readonly int n4;
    private readonly Fr omega;
    private readonly Fr omega4;
    private readonly Fr[] wires;
    private readonly Fr[] publicSignals;
    private readonly Fr[] b = new Fr[12]; // b[1..11], as in the paper and snarkjs
    private readonly G1Affine[] ptau;

    // Selectors and permutation from the key.
    private readonly Fr[] qm4, ql4, qr4, qo4, qc4, s1_4, s2_4, s3_4;

    // Round 1
    private Fr[] aOnH = [], bOnH = [], cOnH = [];
    private Fr[] a4 = [], b4 = [], c4 = [];
    private Fr[] aPoly = [], bPoly = [], cPoly = [];
    private G1Affine commitA, commitB, commitC;

    // Round 2
    private Fr beta, gamma;
    private Fr[] z4 = [], zPoly = [];
    private G1Affine commitZ;

    // Round 3
    private Fr alpha;
    private Fr[] t1 = [], t2 = [], t3 = [];
    private G1Affine commitT1, commitT2, commitT3;

    // Round 4
    private Fr xi;
    private PlonkEvaluations evaluations;
    private Fr[] sigma1 = [], sigma2 = [], sigma3 = [];

    // Round 5
    private G1Affine commitWxi, commitWxiw;

    public PlonkProverSession(PlonkZkeyFile zkey, INttEngine ntt, IMsmEngine msm, ReadOnlySpan<Fr> witness, BlindingSource blinding)
    {
        this.zkey = zkey;
        key = zkey.Header;
        this.ntt = ntt;
        this.msm = msm;
        n = key.DomainSize;
        n4 = 4 * n;
        omega = EvaluationDomain.Get(key.Power).Generator;
        omega4 = EvaluationDomain.Get(key.Power + 2).Generator;

        if (witness.Length != key.NWitness)
        {
            throw new InvalidWitnessException(
                $"the witness has {witness.Length} values, but this key's circuit has {key.NWitness} witness wires (is it for another circuit?)");
        }
        wires = ComputeWires(zkey.ReadAdditions(), witness);
        publicSignals = wires.AsSpan(1, key.NPublic).ToArray();
        for (int i = 1; i <= 11; i++)
        {
            b[i] = blinding.Next();
        }

        qm4 = zkey.ReadEvaluations(PlonkZkeySection.Qm);
        ql4 = zkey.ReadEvaluations(PlonkZkeySection.Ql);
        qr4 = zkey.ReadEvaluations(PlonkZkeySection.Qr);
        qo4 = zkey.ReadEvaluations(PlonkZkeySection.Qo);
        qc4 = zkey.ReadEvaluations(PlonkZkeySection.Qc);
        s1_4 = zkey.ReadEvaluations(PlonkZkeySection.Sigma, 0);
        s2_4 = zkey.ReadEvaluations(PlonkZkeySection.Sigma, 1);
        s3_4 = zkey.ReadEvaluations(PlonkZkeySection.Sigma, 2);
        ptau = zkey.ReadPTau();
        FillWireColumns();
    }

    /// <summary>The witness wires followed by snarkjs's internal addition wires; wire 0 (the constant one) is zeroed as snarkjs does.</summary>
    private Fr[] ComputeWires(PlonkAddition[] additions, ReadOnlySpan<Fr> witness)
    {
        var w = new Fr[key.NVars];
        witness.CopyTo(w);
        w[0] = Fr.Zero;
        for (int i = 0; i < additions.Length; i++)
        {
            var add = additions[i];
            w[key.NWitness + i] = add.FactorA * w[add.SignalA] + add.FactorB * w[add.SignalB];
        }
        return w;
    }

    private void FillWireColumns()
    {
        uint[] mapA = zkey.ReadMap(PlonkZkeySection.MapA);
        uint[] mapB = zkey.ReadMap(PlonkZkeySection.MapB);
        uint[] mapC = zkey.ReadMap(PlonkZkeySection.MapC);
        aOnH = new Fr[n];
        bOnH = new Fr[n];
        cOnH = new Fr[n];
        for (int i = 0; i < mapA.Length; i++)
        {
            aOnH[i] = wires[mapA[i]];
            bOnH[i] = wires[mapB[i]];
            cOnH[i] = wires[mapC[i]];
        }
    }

    /// <summary>
    /// Checks every gate on H before any expensive work, so a wrong witness is reported by gate number instead of
    /// producing a proof that no verifier accepts. (Copy constraints are checked when Z is built in round 2.)
    /// </summary>
    public void CheckWitness()
    {
        int bad = -1;
        ParallelChunks.For(n, (start, end) =>
        {
            for (int i = start; i < end && Volatile.Read(ref bad) < 0; i++)
            {
                if (!GateValueOnH(i).IsZero)
                {
                    Interlocked.CompareExchange(ref bad, i, -1);
                }
            }
        });
        if (bad >= 0)
        {
            throw new InvalidWitnessException(
                $"gate {bad} is not satisfied (qM·a·b + qL·a + qR·b + qO·c + qC + PI = {GateValueOnH(bad)} with a = {aOnH[bad]}, " +
                $"b = {bOnH[bad]}, c = {cOnH[bad]}): the witness does not satisfy this circuit");
        }
    }

    private Fr GateValueOnH(int i)
    {
        int j = 4 * i; // H sits at every fourth point of the 4n domain
        Fr a = aOnH[i], bv = bOnH[i], c = cOnH[i];
        Fr v = qm4[j] * a * bv + ql4[j] * a + qr4[j] * bv + qo4[j] * c + qc4[j];
        return i < key.NPublic ? v - publicSignals[i] : v;
    }

    // ---- Round 1: wire polynomials a, b, c, blinded with (b2 + b1·X)·Z_H etc., and their commitments.

    public void Round1WireCommitments()
    {
        (aPoly, a4) = Interpolate(aOnH, b[2], b[1]);
        (bPoly, b4) = Interpolate(bOnH, b[4], b[3]);
        (cPoly, c4) = Interpolate(cOnH, b[6], b[5]);
        commitA = Commit(aPoly);
        commitB = Commit(bPoly);
        commitC = Commit(cPoly);
    }

    /// <summary>
    /// From n evaluations on H: the blinded coefficients (length n + blinding count) and the 4n evaluations of the
    /// UNblinded polynomial (round 3 adds the blinding terms analytically, as snarkjs does).
    /// </summary>
    private (Fr[] Blinded, Fr[] Evaluations4) Interpolate(Fr[] onH, params Fr[] blinding)
    {
        var coefficients = (Fr[])onH.Clone();
        ntt.Inverse(coefficients);
        var evaluations4 = new Fr[n4];
        coefficients.CopyTo(evaluations4, 0);
        ntt.Forward(evaluations4);
        var blinded = new Fr[n + blinding.Length];
        coefficients.CopyTo(blinded, 0);
        PolynomialArithmetic.AddBlindingTimesVanishing(blinded, n, blinding);
        return (blinded, evaluations4);
    }

    private G1Affine Commit(Fr[] coefficients)
    {
        if (coefficients.Length > ptau.Length)
        {
            throw new InvalidOperationException($"a polynomial of {coefficients.Length} coefficients exceeds the key's {ptau.Length} powers of tau");
        }
        return msm.MultiScalarMul(ptau, coefficients).ToAffine();
    }

    // ---- Round 2: β, γ and the permutation accumulator Z.

    public void Round2PermutationCommitment()
    {
        beta = PlonkChallenges.Beta(PlonkKeyCommitments.Of(key), aOnH.AsSpan(0, key.NPublic), commitA, commitB, commitC);
        gamma = PlonkChallenges.Gamma(beta);

        // z(ω^0) = 1, z(ω^(i+1)) = z(ω^i) · Π(w + β·id + γ) / Π(w + β·σ + γ).
        var numerators = new Fr[n];
        var denominators = new Fr[n];
        Fr betaK1 = beta * key.K1, betaK2 = beta * key.K2;
        ParallelChunks.For(n, (start, end) =>
        {
            Fr w = omega.Pow((ulong)start);
            for (int i = start; i < end; i++)
            {
                Fr a = aOnH[i], bv = bOnH[i], c = cOnH[i];
                numerators[i] = (a + beta * w + gamma) * (bv + betaK1 * w + gamma) * (c + betaK2 * w + gamma);
                denominators[i] = (a + beta * s1_4[4 * i] + gamma) * (bv + beta * s2_4[4 * i] + gamma) * (c + beta * s3_4[4 * i] + gamma);
                Fr.Mul(in w, in omega, out w);
            }
        });
        BatchInverseParallel(denominators);
        var zOnH = new Fr[n];
        Fr acc = Fr.One;
        for (int i = 0; i < n; i++)
        {
            zOnH[i] = acc;
            acc = acc * numerators[i] * denominators[i];
        }
        if (!acc.IsOne)
        {
            throw new InvalidWitnessException("the copy constraints do not hold: the witness does not satisfy this circuit's wiring");
        }
        (zPoly, z4) = Interpolate(zOnH, b[9], b[8], b[7]);
        commitZ = Commit(zPoly);
    }

    private static void BatchInverseParallel(Fr[] values) =>
        ParallelChunks.For(values.Length, (start, end) => Fr.BatchInverse(values.AsSpan(start, end - start)), chunk: 1 << 15);

    // ---- Round 3: α and the quotient t = (gate + α·perm + α²·L1·(z − 1)) / Z_H, split in three.

    public void Round3QuotientCommitments()
    {
        alpha = PlonkChallenges.Alpha(beta, gamma, commitZ);
        var quotient = new PlonkQuotient(this);
        Fr[] t = quotient.Compute();
        if (PolynomialArithmetic.Degree(t) >= 3 * n + 6)
        {
            throw new InvalidOperationException($"internal error: deg t = {PolynomialArithmetic.Degree(t)} ≥ 3n + 6");
        }
        // t = T1 + X^n·T2 + X^2n·T3, re-blinded with b10, b11 so that no part reveals t's middle coefficients.
        t1 = new Fr[n + 1];
        t2 = new Fr[n + 1];
        t3 = new Fr[n + 6];
        Array.Copy(t, 0, t1, 0, n);
        Array.Copy(t, n, t2, 0, n);
        Array.Copy(t, 2 * n, t3, 0, n + 6);
        t1[n] = b[10];
        t2[0] -= b[10];
        t2[n] = b[11];
        t3[0] -= b[11];
        commitT1 = Commit(t1);
        commitT2 = Commit(t2);
        commitT3 = Commit(t3);
    }

    // ---- Round 4: ξ and the six evaluations.

    public void Round4Evaluations()
    {
        xi = PlonkChallenges.Xi(alpha, commitT1, commitT2, commitT3);
        sigma1 = zkey.ReadCoefficients(PlonkZkeySection.Sigma, 0);
        sigma2 = zkey.ReadCoefficients(PlonkZkeySection.Sigma, 1);
        sigma3 = zkey.ReadCoefficients(PlonkZkeySection.Sigma, 2);
        Fr xiOmega = xi * omega;
        evaluations = new PlonkEvaluations(
            PolynomialArithmetic.Evaluate(aPoly, xi),
            PolynomialArithmetic.Evaluate(bPoly, xi),
            PolynomialArithmetic.Evaluate(cPoly, xi),
            PolynomialArithmetic.Evaluate(sigma1, xi),
            PolynomialArithmetic.Evaluate(sigma2, xi),
            PolynomialArithmetic.Evaluate(zPoly, xiOmega));
    }

    // ---- Round 5: v, the linearisation R, and the opening proofs Wξ and Wξω.

    public void Round5OpeningCommitments()
    {
        Fr v1 = PlonkChallenges.V(xi, evaluations);
        Fr v2 = v1 * v1, v3 = v2 * v1, v4 = v3 * v1, v5 = v4 * v1;
        var e = evaluations;

        Fr[] r = Linearisation();
        var wxi = new Fr[n + 6];
        r.CopyTo(wxi, 0);
        PolynomialArithmetic.AddScaled(wxi, aPoly, v1);
        PolynomialArithmetic.AddScaled(wxi, bPoly, v2);
        PolynomialArithmetic.AddScaled(wxi, cPoly, v3);
        PolynomialArithmetic.AddScaled(wxi, sigma1, v4);
        PolynomialArithmetic.AddScaled(wxi, sigma2, v5);
        wxi[0] -= v1 * e.A + v2 * e.B + v3 * e.C + v4 * e.S1 + v5 * e.S2;
        Fr remainder = PolynomialArithmetic.DivideByLinear(wxi, xi);
        if (!remainder.IsZero)
        {
            throw new InvalidOperationException("internal error: the batched opening polynomial does not vanish at ξ");
        }

        var wxiw = (Fr[])zPoly.Clone();
        wxiw[0] -= e.Zw;
        PolynomialArithmetic.DivideByLinear(wxiw, xi * omega);

        commitWxi = Commit(wxi);
        commitWxiw = Commit(wxiw);
    }

    /// <summary>
    /// R(X) = qM·ab + qL·a + qR·b + qO·c + qC + (α(a+βξ+γ)(b+βk1ξ+γ)(c+βk2ξ+γ) + α²L1(ξ))·Z
    ///        − αβ(a+βs1+γ)(b+βs2+γ)z_ω·S3 − Z_H(ξ)(T1 + ξ^n·T2 + ξ^2n·T3) + r0, with R(ξ) = 0.
    /// </summary>
    private Fr[] Linearisation()
    {
        var e = evaluations;
        Fr xin = xi;
        for (int i = 0; i < key.Power; i++)
        {
            Fr.Square(in xin, out xin);
        }
        Fr zh = xin - Fr.One;
        Fr[] lagrange = PlonkVerifier.LagrangeAt(xi, zh, omega, n, key.NLagrange);
        Fr pi = Fr.Zero;
        for (int i = 0; i < publicSignals.Length; i++)
        {
            pi -= publicSignals[i] * lagrange[i];
        }
        Fr alpha2 = alpha * alpha;
        Fr betaXi = beta * xi;
        Fr e2 = alpha * (e.A + betaXi + gamma) * (e.B + betaXi * key.K1 + gamma) * (e.C + betaXi * key.K2 + gamma);
        Fr e3 = alpha * (e.A + beta * e.S1 + gamma) * (e.B + beta * e.S2 + gamma) * e.Zw;
        Fr e4 = alpha2 * lagrange[0];

        var r = new Fr[n + 6];
        PolynomialArithmetic.AddScaled(r, zkey.ReadCoefficients(PlonkZkeySection.Qm), e.A * e.B);
        PolynomialArithmetic.AddScaled(r, zkey.ReadCoefficients(PlonkZkeySection.Ql), e.A);
        PolynomialArithmetic.AddScaled(r, zkey.ReadCoefficients(PlonkZkeySection.Qr), e.B);
        PolynomialArithmetic.AddScaled(r, zkey.ReadCoefficients(PlonkZkeySection.Qo), e.C);
        PolynomialArithmetic.Add(r, zkey.ReadCoefficients(PlonkZkeySection.Qc));
        PolynomialArithmetic.AddScaled(r, zPoly, e2 + e4);
        PolynomialArithmetic.AddScaled(r, sigma3, -(e3 * beta));
        Fr negZh = -zh;
        PolynomialArithmetic.AddScaled(r, t1, negZh);
        PolynomialArithmetic.AddScaled(r, t2, negZh * xin);
        PolynomialArithmetic.AddScaled(r, t3, negZh * xin * xin);
        r[0] += pi - e3 * (e.C + gamma) - e4;
        return r;
    }

    public PlonkProofResult Result() => new(
        new PlonkProof
        {
            A = commitA, B = commitB, C = commitC, Z = commitZ, T1 = commitT1, T2 = commitT2, T3 = commitT3,
            Wxi = commitWxi, Wxiw = commitWxiw,
            EvalA = evaluations.A, EvalB = evaluations.B, EvalC = evaluations.C,
            EvalS1 = evaluations.S1, EvalS2 = evaluations.S2, EvalZw = evaluations.Zw,
        },
        (Fr[])publicSignals.Clone());

    // ---- Accessors for the quotient computation (kept in its own file: it is the heaviest loop of the prover).

    internal PlonkZkeyHeader Key => key;
    internal int N => n;
    internal Fr Omega => omega;
    internal Fr Omega4 => omega4;
    internal INttEngine Ntt => ntt;
    internal Fr Alpha => alpha;
    internal Fr Beta => beta;
    internal Fr Gamma => gamma;
    internal Fr[] Blinding => b;

    /// <summary>Whether round 3 runs on AVX-512 lanes (<see cref="PlonkProver.VectorLanes"/>).</summary>
    internal bool VectorLanes { get; init; }
    internal Fr[] PublicSignals => publicSignals;
    internal (Fr[] A, Fr[] B, Fr[] C, Fr[] Z) Wire4 => (a4, b4, c4, z4);
    internal (Fr[] Qm, Fr[] Ql, Fr[] Qr, Fr[] Qo, Fr[] Qc) Selectors4 => (qm4, ql4, qr4, qo4, qc4);
    internal (Fr[] S1, Fr[] S2, Fr[] S3) Sigma4 => (s1_4, s2_4, s3_4);
    internal Fr[] ReadL1Evaluations4() => zkey.ReadEvaluations(PlonkZkeySection.Lagrange, 0);
}
