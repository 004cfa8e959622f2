// SPDX-License-Identifier: MIT
using System.Numerics;
using ZkOptions.Constraints.V2;
using ZkOptions.Field;
using ZkOptions.Prover.Plonk;
using ZkOptions.Prover.Polynomials;

namespace ZkOptions.Prover.PlonkV2;

/// <summary>
/// The PLONK v2 verifier: checks the shapes, the curve points and the public inputs, recomputes the challenges,
/// evaluates every identity at ζ (<see cref="PlonkV2Identities"/>, the gates through <see cref="IWideGate.Residuals{T}"/>)
/// from the opened evaluations, checks
/// N(ζ) = t(ζ)·Z_H(ζ), and checks both batched KZG openings with one pairing product:
/// e(W_ζ + u·W_ζω, [τ]₂) = e(ζ·W_ζ + uζω·W_ζω + F − E·G₁, G₂).
/// </summary>
public static class PlonkV2Verifier
{
    /// <summary>
    /// True iff the proof is valid for these public inputs. A public input outside [0, r) makes it false (never
    /// reduced), as does a key for another gate set or domain, a wrong count, or a point off the curve or at infinity.
    /// </summary>
    public static bool Verify(PlonkV2VerifyingKey key, PlonkV2Proof proof, IReadOnlyList<BigInteger> publicInputs,
                              Func<ITranscriptHash>? transcriptHash = null)
    {
        var inputs = new Fr[publicInputs.Count];
        for (int i = 0; i < inputs.Length; i++)
        {
            if (publicInputs[i].Sign < 0 || publicInputs[i] >= Fr.Modulus)
            {
                return false;
            }
            inputs[i] = Fr.FromBigInteger(publicInputs[i]);
        }
        return Verify(key, proof, inputs, transcriptHash);
    }

    /// <summary>True iff the proof is valid for these public inputs (field elements, so below r by construction).</summary>
    public static bool Verify(PlonkV2VerifyingKey key, PlonkV2Proof proof, ReadOnlySpan<Fr> publicInputs,
                              Func<ITranscriptHash>? transcriptHash = null)
    {
        var gates = WideGates.All;
        if (!key.Gates.SequenceEqual(gates.Select(g => g.Name)) || key.Power < PlonkV2Setup.MinPower || key.Power > Fr.TwoAdicity - 3
            || publicInputs.Length != key.PublicCount || key.Shifts.Length != WideLayout.Width || !key.Shifts[0].IsOne
            || !CosetShifts.AreDisjoint(key.Shifts, key.Power))
        {
            return false;
        }
        QuotientLayout layout;
        try
        {
            layout = new QuotientLayout(key.Power, gates);
        }
        catch (ArgumentOutOfRangeException)
        {
            return false; // a domain whose quotient would not fit in Fr's 2-adic subgroup: no proof can exist
        }
        if (!IsWellFormed(key, proof, layout.ChunkCount))
        {
            return false;
        }
        int n = key.N;
        Fr omega = EvaluationDomain.Get(key.Power).Generator;

        var transcript = PlonkV2Challenges.Begin(key, publicInputs, transcriptHash);
        var (beta, gamma, theta, betaLookup) = PlonkV2Challenges.AfterWires(transcript, proof.Wires,
            proof.Lookup is { } m ? [m.Multiplicities] : []);
        var (alpha, separator) = PlonkV2Challenges.AfterPermutation(transcript, proof.Z, proof.Lookup is { } phi ? [phi.Helper] : [],
            proof.Lookup is { } h ? [h.LaneHelper] : []);
        Fr zeta = PlonkV2Challenges.AfterQuotient(transcript, proof.Quotient);
        Fr v = PlonkV2Challenges.AfterEvaluations(transcript, proof.Scalars());
        Fr u = PlonkV2Challenges.AfterOpenings(transcript, proof.OpeningAtZeta, proof.OpeningAtZetaOmega);

        Fr zetaN = zeta.Pow((ulong)n);
        Fr zh = zetaN - Fr.One;
        if (zh.IsZero)
        {
            return false; // ζ in H: the Lagrange formulas divide by zero (probability n/r)
        }
        Fr[] lagrange = PlonkVerifier.LagrangeAt(zeta, zh, omega, n, Math.Max(1, publicInputs.Length));
        Fr publicSum = Fr.Zero;
        for (int i = 0; i < publicInputs.Length; i++)
        {
            publicSum += publicInputs[i] * lagrange[i];
        }
        Fr nField = Fr.FromUInt64((ulong)n);
        Fr omegaLast = omega.Pow((ulong)(n - 1));
        Fr numerator = PlonkV2Identities.Numerator(proof.Opened(), key.Shifts,
            new PlonkV2Identities.Challenges<Fr>(beta, gamma, theta, betaLookup, alpha, separator, zeta), publicSum,
            zh / (nField * (zeta - Fr.One)), omegaLast * zh / (nField * (zeta - omegaLast)));
        if (numerator != proof.QuotientAtZeta * zh)
        {
            return false;
        }
        return OpeningsHold(key, proof, v, u, zeta, zeta * omega, zetaN);
    }

    /// <summary>The two batched KZG openings, folded with u into one pairing product.</summary>
    private static bool OpeningsHold(PlonkV2VerifyingKey key, PlonkV2Proof p, Fr v, Fr u, Fr zeta, Fr zetaOmega, Fr zetaN)
    {
        // The quotient's commitment at ζ: Σᵢ ζ^(i·n)·[tᵢ].
        var chunkScalars = new Fr[p.Quotient.Length];
        Fr scale = Fr.One;
        for (int i = 0; i < chunkScalars.Length; i++, scale *= zetaN)
        {
            chunkScalars[i] = scale;
        }
        G1Affine quotient = G1Jacobian.MultiScalarMul(p.Quotient, chunkScalars).ToAffine();

        var l = p.Lookup;
        G1Affine[] atZeta = PlonkV2Openings.AtZeta(p.Wires, p.Z, key.Coefficients, key.Selectors, key.Sigmas,
            l is null ? [] : [l.Multiplicities, l.Helper, l.LaneHelper, .. key.LookupColumns], quotient);
        Fr[] valuesAtZeta = PlonkV2Openings.AtZeta(p.WiresAtZeta, p.ZAtZeta, p.CoefficientsAtZeta, p.SelectorsAtZeta, p.SigmasAtZeta,
            l is null ? [] : [l.MultiplicitiesAtZeta, l.HelperAtZeta, l.LaneHelperAtZeta, .. l.ColumnsAtZeta], p.QuotientAtZeta);
        G1Affine[] atZetaOmega = PlonkV2Openings.AtZetaOmega(p.Wires, p.Z, l is null ? [] : [l.Helper]);
        Fr[] valuesAtZetaOmega = PlonkV2Openings.AtZetaOmega(p.WiresAtZetaOmega, p.ZAtZetaOmega, l is null ? [] : [l.HelperAtZetaOmega]);

        // F − E·G₁ = Σ v^k·([p_k] − p_k(ζ)·G₁) + u·Σ v^k·([q_k] − q_k(ζω)·G₁), then + ζ·W_ζ + uζω·W_ζω.
        var points = new List<G1Affine>();
        var scalars = new List<Fr>();
        Fr e = Fr.Zero, power = Fr.One;
        for (int k = 0; k < atZeta.Length; k++, power *= v)
        {
            points.Add(atZeta[k]);
            scalars.Add(power);
            e += power * valuesAtZeta[k];
        }
        power = Fr.One;
        for (int k = 0; k < atZetaOmega.Length; k++, power *= v)
        {
            points.Add(atZetaOmega[k]);
            scalars.Add(u * power);
            e += u * power * valuesAtZetaOmega[k];
        }
        points.AddRange([G1Affine.Generator, p.OpeningAtZeta, p.OpeningAtZetaOmega]);
        scalars.AddRange([-e, zeta, u * zetaOmega]);
        G1Jacobian right = G1Jacobian.MultiScalarMul([.. points], [.. scalars]);
        G1Jacobian left = G1Jacobian.MultiScalarMul([p.OpeningAtZeta, p.OpeningAtZetaOmega], [Fr.One, u]);
        return Pairing.ProductIsOne([(-left).ToAffine(), right.ToAffine()], [key.TauG2, G2Affine.Generator]);
    }

    private static bool IsWellFormed(PlonkV2VerifyingKey key, PlonkV2Proof p, int chunkCount)
    {
        if (key.Coefficients.Length != WideLayout.CoefficientCount || key.Selectors.Length != key.Gates.Length
            || key.Sigmas.Length != WideLayout.Width || key.TauG2.IsInfinity || !key.TauG2.IsOnCurve() || !key.TauG2.IsInSubgroup()
            || p.Wires.Length != WideLayout.Width || p.Quotient.Length != chunkCount || p.WiresAtZeta.Length != WideLayout.Width
            || p.WiresAtZetaOmega.Length != WideLayout.Width || p.CoefficientsAtZeta.Length != WideLayout.CoefficientCount
            || p.SelectorsAtZeta.Length != key.Gates.Length || p.SigmasAtZeta.Length != WideLayout.Width
            || key.HasLookups != (p.Lookup is not null) || key.TableSizes.Length != key.Tables.Length
            || key.LookupColumns.Length != (key.HasLookups ? PlonkV2LookupProof.ColumnCount : 0)
            || (p.Lookup is { } l && l.ColumnsAtZeta.Length != PlonkV2LookupProof.ColumnCount))
        {
            return false;
        }
        foreach (var point in p.Points())
        {
            if (point.IsInfinity || !point.IsOnCurve())
            {
                return false;
            }
        }
        foreach (var point in key.Coefficients.Concat(key.Selectors).Concat(key.Sigmas).Concat(key.LookupColumns))
        {
            if (!point.IsInfinity && !point.IsOnCurve())
            {
                return false;
            }
        }
        return true;
    }
}
