// SPDX-License-Identifier: MIT
using ZkOptions.Constraints.V2;
using ZkOptions.Field;
using ZkOptions.Prover.Plonk;
using ZkOptions.Prover.Polynomials;

namespace ZkOptions.Prover.PlonkV2;

/// <summary>
/// Round 3's quotient t = N / Z_H with
/// N = Σ_g q_g·Σ_j s^j·r_(g,j) + PI + α·[z·Π_c(w_c + β·k_c·X + γ) − z(ωX)·Π_c(w_c + β·σ_c + γ)] + α²·L₀·(z − 1),
///     [+ α³·((φ(ωX) − φ − h)(βL + f)(βL + t) − qL·(βL + t) + m·(βL + f)) with lookup tables, <see cref="LookupCompression"/>],
///     + α⁴·L_(n−1)·(w0 − 1) (the last row is padding, all wire 0: this pins the constant one),
///     [+ α⁵·(h·Π_j(βL + g_j) − qR·Σ_j Π_(k≠j)(βL + g_k)) with lookup tables: the lanes],
/// where q_g is gate g's selector, r_(g,j) its residuals read through <see cref="IWideGate.Residuals"/> (so a new
/// gate needs no change here), s the gate separator and PI = −Σᵢ xᵢ·Lᵢ the public inputs. N is evaluated
/// pointwise on a coset g·H_m of the extended domain (m = <see cref="QuotientLayout.ExtendedSize"/> &gt; deg N, so
/// the evaluations determine N), where Z_H takes m/n values, none zero; the quotient is interpolated back.
/// </summary>
internal sealed class PlonkV2Quotient(PlonkV2ProverSession s)
{
    /// <summary>The coset shift of the extended domain; 7^m ≠ 1 for every m ≤ 2^28, so Z_H never vanishes there.</summary>
    private static readonly Fr CosetShift = Fr.FromUInt64(7);

    public Fr[] Compute()
    {
        var layout = s.Layout;
        var pk = s.Key;
        var vk = pk.VerifyingKey;
        var gates = WideGates.All;
        int n = layout.N, m = layout.ExtendedSize, e = m / n, mask = m - 1;
        var (beta, gamma, alpha, separator) = s.Challenges;
        Fr alpha2 = alpha * alpha;
        Fr omegaM = EvaluationDomain.ForSize(m).Generator;

        var wires = s.WirePolynomials.Select(Extend).ToArray();
        var z = Extend(s.ZPolynomial);
        var coefficients = pk.Coefficients.Select(Extend).ToArray();
        // A gate no row switches on has the zero selector: its term vanishes and is skipped (no extension, no residuals).
        bool[] used = [.. pk.Selectors.Select(q => q.Any(c => !c.IsZero))];
        var selectors = pk.Selectors.Select((q, g) => used[g] ? Extend(q) : []).ToArray();
        var sigmas = pk.Sigmas.Select(Extend).ToArray();
        Fr nInverse = Fr.FromUInt64((ulong)n).Inverse();
        var l0 = Extend(Enumerable.Repeat(nInverse, n).ToArray());
        // L_(n−1)(X) = (1/n)·Σ_k (ω^(−(n−1))·X)^k = (1/n)·Σ_k ω^k·X^k.
        var lastCoefficients = new Fr[n];
        Fr omegaPower = nInverse, omegaN = EvaluationDomain.Get(vk.Power).Generator;
        for (int k = 0; k < n; k++, omegaPower *= omegaN)
        {
            lastCoefficients[k] = omegaPower;
        }
        var lLast = Extend(lastCoefficients);
        var pi = PublicInputPolynomial(n);
        var lookupPolynomials = s.LookupPolynomials;
        bool lookups = lookupPolynomials is not null;
        var multiplicity = lookups ? Extend(lookupPolynomials!.Value.Multiplicities) : [];
        var phi = lookups ? Extend(lookupPolynomials!.Value.Helper) : [];
        var laneHelper = lookups ? Extend(lookupPolynomials!.Value.LaneHelper) : [];
        var lookupColumns = lookups ? pk.LookupColumns.Select(Extend).ToArray() : [];
        var (theta, betaLookup) = s.LookupChallenges;
        Fr theta2 = theta * theta, theta3 = theta2 * theta;
        Fr alpha3 = alpha2 * alpha, alpha4 = alpha3 * alpha, alpha5 = alpha4 * alpha;

        // Z_H(g·ω_m^i) = g^n·ω_e^(i mod e) − 1.
        var zhInverse = new Fr[e];
        Fr gn = CosetShift.Pow((ulong)n), omegaE = omegaM.Pow((ulong)n), w = Fr.One;
        for (int k = 0; k < e; k++, w *= omegaE)
        {
            zhInverse[k] = gn * w - Fr.One;
            if (zhInverse[k].IsZero)
            {
                throw new InvalidOperationException("internal error: Z_H vanishes on the quotient coset");
            }
        }
        Fr.BatchInverse(zhInverse);

        var separatorPowers = new Fr[Math.Max(1, WideGates.MaxResiduals)];
        separatorPowers[0] = Fr.One;
        for (int j = 1; j < separatorPowers.Length; j++)
        {
            separatorPowers[j] = separatorPowers[j - 1] * separator;
        }
        Fr[] betaShifts = [.. vk.Shifts.Select(k => beta * k)];

        var numerator = new Fr[m];
        ParallelChunks.For(m, (start, end) =>
        {
            Span<Fr> cells = stackalloc Fr[WideLayout.Width];
            Span<Fr> next = stackalloc Fr[WideLayout.Width];
            Span<Fr> q = stackalloc Fr[WideLayout.CoefficientCount];
            Span<Fr> residuals = stackalloc Fr[WideGates.MaxResiduals];
            Span<Fr> lookupAt = stackalloc Fr[PlonkV2LookupProof.ColumnCount];
            Span<Fr> lanes = stackalloc Fr[WideLayout.LaneCount];
            Fr x = CosetShift * omegaM.Pow((ulong)start);
            for (int i = start; i < end; i++, x *= omegaM)
            {
                int iNext = (i + e) & mask;
                for (int c = 0; c < WideLayout.Width; c++)
                {
                    cells[c] = wires[c][i];
                    next[c] = wires[c][iNext];
                }
                for (int j = 0; j < WideLayout.CoefficientCount; j++)
                {
                    q[j] = coefficients[j][i];
                }
                var row = new RowValues<Fr>(cells, next, q);
                Fr gateSum = pi[i];
                for (int g = 0; g < gates.Count; g++)
                {
                    if (!used[g])
                    {
                        continue;
                    }
                    var output = residuals[..gates[g].ResidualCount];
                    gates[g].Residuals(row, output);
                    Fr combined = Fr.Zero;
                    for (int j = 0; j < output.Length; j++)
                    {
                        combined += separatorPowers[j] * output[j];
                    }
                    gateSum += selectors[g][i] * combined;
                }
                Fr identity = z[i], permuted = z[iNext];
                for (int c = 0; c < WideLayout.Width; c++)
                {
                    identity *= cells[c] + betaShifts[c] * x + gamma;
                    permuted *= cells[c] + beta * sigmas[c][i] + gamma;
                }
                Fr total = gateSum + alpha * (identity - permuted) + alpha2 * l0[i] * (z[i] - Fr.One)
                           + alpha4 * lLast[i] * (cells[0] - Fr.One);
                if (lookups)
                {
                    for (int k = 0; k < lookupAt.Length; k++)
                    {
                        lookupAt[k] = lookupColumns[k][i];
                    }
                    Fr f = LookupCompression.Input(betaLookup, theta, theta2, theta3, cells[0], cells[1], cells[2], lookupAt);
                    Fr t = LookupCompression.Entry(betaLookup, theta, theta2, theta3, lookupAt);
                    for (int lane = 0; lane < lanes.Length; lane++)
                    {
                        lanes[lane] = LookupCompression.Lane(betaLookup, theta3, cells[lane], lookupAt);
                    }
                    total += alpha3 * LookupCompression.Constraint(phi[i], phi[iNext], laneHelper[i], multiplicity[i], f, t, lookupAt)
                             + alpha5 * LookupCompression.LaneConstraint(laneHelper[i], lanes, lookupAt);
                }
                numerator[i] = total * zhInverse[i % e];
            }
        });
        s.Ntt.InverseCoset(numerator, CosetShift);
        return numerator;

        Fr[] Extend(Fr[] polynomial)
        {
            var values = new Fr[m];
            polynomial.CopyTo(values, 0);
            s.Ntt.ForwardCoset(values, CosetShift);
            return values;
        }
    }

    /// <summary>PI = −Σᵢ xᵢ·Lᵢ on the coset: its values on H are −xᵢ on the first rows.</summary>
    private Fr[] PublicInputPolynomial(int n)
    {
        var onH = new Fr[n];
        for (int i = 0; i < s.PublicInputs.Length; i++)
        {
            onH[i] = -s.PublicInputs[i];
        }
        s.Ntt.Inverse(onH);
        var values = new Fr[s.Layout.ExtendedSize];
        onH.CopyTo(values, 0);
        s.Ntt.ForwardCoset(values, CosetShift);
        return values;
    }
}
