// SPDX-License-Identifier: MIT
using ZkOptions.Constraints.V2;
using ZkOptions.Field;
using ZkOptions.Prover.Engines.Cpu;
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
/// the evaluations determine N), where Z_H takes m/n values, none zero. It goes one coset h_k·H of size n at a time
/// (g·H_m is their union), so the round holds n-sized arrays, and the quotient's coefficients are recombined from
/// the cosets' interpolations.
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
        int n = layout.N, m = layout.ExtendedSize, cosets = m / n;
        var (beta, gamma, alpha, separator) = s.Challenges;
        Fr alpha2 = alpha * alpha;
        Fr omegaM = EvaluationDomain.ForSize(m).Generator, omegaN = EvaluationDomain.Get(vk.Power).Generator;

        // A gate no row switches on has the zero selector: its term vanishes and is skipped (no extension, no residuals).
        bool[] used = [.. pk.Selectors.Select(q => IsNonZero(q.Span))];
        // Likewise a coefficient or lookup column no row uses is the zero polynomial: zero on every coset, no NTT.
        bool[] coefficientUsed = [.. pk.Coefficients.Select(q => IsNonZero(q.Span))];
        bool[] lookupColumnUsed = [.. pk.LookupColumns.Select(q => IsNonZero(q.Span))];
        int selectorCount = used.Length;
        Fr nInverse = Fr.FromUInt64((ulong)n).Inverse();
        // L₀, L_(n−1) and PI are written into scratch arrays afresh on each coset (a fill, or an NTT for PI) rather than
        // held as three more n-sized arrays through the round.
        void L0Coefficients(Fr[] into) => into.AsSpan().Fill(nInverse);
        // L_(n−1)(X) = (1/n)·Σ_k (ω^(−(n−1))·X)^k = (1/n)·Σ_k ω^k·X^k.
        void LastCoefficients(Fr[] into)
        {
            Fr omegaPower = nInverse;
            for (int k = 0; k < n; k++, omegaPower *= omegaN)
            {
                into[k] = omegaPower;
            }
        }
        var lookupPolynomials = s.LookupPolynomials;
        bool lookups = lookupPolynomials is not null;
        var (theta, betaLookup) = s.LookupChallenges;
        Fr theta2 = theta * theta, theta3 = theta2 * theta;
        Fr alpha3 = alpha2 * alpha, alpha4 = alpha3 * alpha, alpha5 = alpha4 * alpha;

        var gateTerms = new GateSum<Fr>(used, separator);
        // Eight points at a time on the AVX-512 lanes where the CPU has them: the same sums, bit for bit.
        var gateLanes = s.VectorLanes ? new GateSum<FrLanes>(used, separator) : null;
        Fr[] betaShifts = [.. vk.Shifts.Select(k => beta * k)];

        // The extended domain g·H_m is the union of the cosets h_k·H, h_k = g·ω_m^k, k < m/n. Evaluating N one coset at
        // a time needs each polynomial's values on n points only, so round 3 holds n-sized arrays instead of m-sized
        // ones (m = 8n today), and ω·x, the next row of x, stays in x's coset. Within a coset, N is summed in three
        // passes (gates and public inputs; the permutation and the two Lagrange terms; the lookups) that take turns
        // on one set of scratch arrays: only the wires are extended for all three. Field sums do not depend on order,
        // so the values are the same as one pass's.
        var wires = Buffers(WideLayout.Width);
        int usedSelectors = used.Count(u => u);
        int gatePass = WideLayout.CoefficientCount + usedSelectors + 1;
        int permutationPass = WideLayout.Width + 3;
        int lookupPass = lookups ? PlonkV2LookupProof.ColumnCount + 3 : 0;
        var scratch = Buffers(Math.Max(gatePass, Math.Max(permutationPass, lookupPass)));
        var numerator = new Fr[m];

        for (int k = 0; k < cosets; k++)
        {
            Fr shift = CosetShift * omegaM.Pow((ulong)k);
            for (int c = 0; c < WideLayout.Width; c++)
            {
                Extend(s.WirePolynomials[c], shift, wires[c]);
            }
            // Z_H(h_k·ω^i) = h_k^n − 1, one value per coset, never zero (7^m ≠ 1).
            Fr zh = shift.Pow((ulong)n) - Fr.One;
            if (zh.IsZero)
            {
                throw new InvalidOperationException("internal error: Z_H vanishes on the quotient coset");
            }
            Fr zhInverse = zh.Inverse();
            var values = numerator.AsMemory(k * n, n);

            // Pass 1: Σ_g q_g·Σ_j s^j·r_(g,j) + PI.
            var coefficients = scratch[..WideLayout.CoefficientCount];
            for (int j = 0; j < WideLayout.CoefficientCount; j++)
            {
                ExtendFixed(pk.Coefficients[j].Span, coefficientUsed[j], shift, coefficients[j]);
            }
            var selectors = new Fr[selectorCount][];
            for (int g = 0, next = WideLayout.CoefficientCount; g < selectorCount; g++)
            {
                selectors[g] = used[g] ? scratch[next++] : [];
                if (used[g])
                {
                    Extend(pk.Selectors[g].Span, shift, selectors[g]);
                }
            }
            var pi = scratch[gatePass - 1];
            PublicInputCoefficients(pi);
            s.Ntt.ForwardCoset(pi, shift);
            if (gateLanes is not null)
            {
                GateTermsOnLanes(gateLanes, wires, coefficients, selectors, used, pi, values);
            }
            else
            {
                ParallelChunks.For(n, (start, end) =>
            {
                Span<Fr> cells = stackalloc Fr[WideLayout.Width];
                Span<Fr> next = stackalloc Fr[WideLayout.Width];
                Span<Fr> q = stackalloc Fr[WideLayout.CoefficientCount];
                Span<Fr> selectorAt = stackalloc Fr[gates.Count];
                var output = values.Span;
                for (int i = start; i < end; i++)
                {
                    int iNext = i + 1 == n ? 0 : i + 1;
                    for (int c = 0; c < WideLayout.Width; c++)
                    {
                        cells[c] = wires[c][i];
                        next[c] = wires[c][iNext];
                    }
                    for (int j = 0; j < WideLayout.CoefficientCount; j++)
                    {
                        q[j] = coefficients[j][i];
                    }
                    for (int g = 0; g < selectorAt.Length; g++)
                    {
                        selectorAt[g] = used[g] ? selectors[g][i] : Fr.Zero;
                    }
                    output[i] = pi[i] + gateTerms.Evaluate(new RowValues<Fr>(cells, next, q), selectorAt);
                }
            });
            }

            // Pass 2: α·[z·Π_c(w_c + β·k_c·X + γ) − z(ωX)·Π_c(w_c + β·σ_c + γ)] + α²·L₀·(z − 1) + α⁴·L_(n−1)·(w0 − 1).
            var sigmas = scratch[..WideLayout.Width];
            for (int c = 0; c < WideLayout.Width; c++)
            {
                Extend(pk.Sigmas[c].Span, shift, sigmas[c]);
            }
            Fr[] z = scratch[WideLayout.Width], l0 = scratch[WideLayout.Width + 1], lLast = scratch[WideLayout.Width + 2];
            Extend(s.ZPolynomial, shift, z);
            L0Coefficients(l0);
            s.Ntt.ForwardCoset(l0, shift);
            LastCoefficients(lLast);
            s.Ntt.ForwardCoset(lLast, shift);
            if (gateLanes is not null)
            {
                PermutationOnLanes(new PermutationTerms(wires, sigmas, z, l0, lLast, betaShifts, beta, gamma, alpha, alpha2, alpha4, shift, omegaN), values);
            }
            else
            {
                ParallelChunks.For(n, (start, end) =>
            {
                var output = values.Span;
                Fr x = shift * omegaN.Pow((ulong)start);
                for (int i = start; i < end; i++, x *= omegaN)
                {
                    int iNext = i + 1 == n ? 0 : i + 1;
                    Fr identity = z[i], permuted = z[iNext];
                    for (int c = 0; c < WideLayout.Width; c++)
                    {
                        Fr cell = wires[c][i];
                        identity *= cell + betaShifts[c] * x + gamma;
                        permuted *= cell + beta * sigmas[c][i] + gamma;
                    }
                    output[i] += alpha * (identity - permuted) + alpha2 * l0[i] * (z[i] - Fr.One) + alpha4 * lLast[i] * (wires[0][i] - Fr.One);
                }
            });
            }

            // Pass 3, with tables: α³·(running sum) + α⁵·(lanes).
            if (lookups)
            {
                var lookupColumns = scratch[..PlonkV2LookupProof.ColumnCount];
                for (int c = 0; c < lookupColumns.Length; c++)
                {
                    ExtendFixed(pk.LookupColumns[c].Span, lookupColumnUsed[c], shift, lookupColumns[c]);
                }
                Fr[] multiplicity = scratch[PlonkV2LookupProof.ColumnCount], phi = scratch[PlonkV2LookupProof.ColumnCount + 1],
                     laneHelper = scratch[PlonkV2LookupProof.ColumnCount + 2];
                Extend(lookupPolynomials!.Value.Multiplicities, shift, multiplicity);
                Extend(lookupPolynomials!.Value.Helper, shift, phi);
                Extend(lookupPolynomials!.Value.LaneHelper, shift, laneHelper);
                if (gateLanes is not null)
                {
                    LookupsOnLanes(new LookupTerms(wires, lookupColumns, multiplicity, phi, laneHelper, betaLookup, theta, theta2, theta3, alpha3, alpha5), values);
                }
                else
                {
                    ParallelChunks.For(n, (start, end) =>
                {
                    Span<Fr> lookupAt = stackalloc Fr[PlonkV2LookupProof.ColumnCount];
                    Span<Fr> lanes = stackalloc Fr[WideLayout.LaneCount];
                    var output = values.Span;
                    for (int i = start; i < end; i++)
                    {
                        int iNext = i + 1 == n ? 0 : i + 1;
                        for (int c = 0; c < lookupAt.Length; c++)
                        {
                            lookupAt[c] = lookupColumns[c][i];
                        }
                        Fr w0 = wires[0][i];
                        Fr f = LookupCompression.Input(betaLookup, theta, theta2, theta3, w0, wires[1][i], wires[2][i], lookupAt);
                        Fr t = LookupCompression.Entry(betaLookup, theta, theta2, theta3, lookupAt);
                        for (int lane = 0; lane < lanes.Length; lane++)
                        {
                            lanes[lane] = LookupCompression.Lane(betaLookup, theta3, wires[lane][i], lookupAt);
                        }
                        output[i] += alpha3 * LookupCompression.Constraint(phi[i], phi[iNext], laneHelper[i], multiplicity[i], f, t, lookupAt)
                                     + alpha5 * LookupCompression.LaneConstraint(laneHelper[i], lanes, lookupAt);
                    }
                });
                }
            }

            ParallelChunks.For(n, (start, end) =>
            {
                var output = values.Span;
                for (int i = start; i < end; i++)
                {
                    output[i] *= zhInverse;
                }
            });
            s.Ntt.InverseCoset(values, shift);
        }
        Recombine(numerator, n, cosets, omegaM);
        return numerator;

        Fr[][] Buffers(int count) => [.. Enumerable.Range(0, count).Select(_ => new Fr[n])];

        // The values of p on h·H: fold p's coefficients mod n (X^n = h^n there after the shift), then one size-n NTT.
        void ExtendFixed(ReadOnlySpan<Fr> polynomial, bool nonZero, Fr shift, Fr[] into)
        {
            if (nonZero)
            {
                Extend(polynomial, shift, into);
            }
            else
            {
                Array.Clear(into);
            }
        }

        void Extend(ReadOnlySpan<Fr> polynomial, Fr shift, Fr[] into)
        {
            int head = Math.Min(n, polynomial.Length);
            polynomial[..head].CopyTo(into);
            into.AsSpan(head).Clear();
            // Only blinded polynomials reach past X^n, by a few coefficients.
            Fr shiftN = shift.Pow((ulong)n), fold = shiftN;
            for (int start = n; start < polynomial.Length; start += n, fold *= shiftN)
            {
                int length = Math.Min(n, polynomial.Length - start);
                for (int j = 0; j < length; j++)
                {
                    into[j] += fold * polynomial[start + j];
                }
            }
            s.Ntt.ForwardCoset(into, shift);
        }
    }

    /// <summary>
    /// Pass 1 of a coset on <see cref="FrLanes"/>: values[i] = PI(i) + Σ_g q_g·Σⱼ sʲ·r_(g,j) for blocks of 8 points (n is a
    /// power of two ≥ 8); the next row of the last block wraps to point 0, as in the scalar loop.
    /// </summary>
    private static void GateTermsOnLanes(GateSum<FrLanes> gateLanes, Fr[][] wires, Fr[][] coefficients, Fr[][] selectors, bool[] used,
                                         Fr[] pi, Memory<Fr> values)
    {
        int n = pi.Length;
        FrLanes zero = FrLanes.Constant(Fr.Zero);
        ParallelChunks.For(n / FrLanes.Count, (startBlock, endBlock) =>
        {
            Span<FrLanes> cells = stackalloc FrLanes[WideLayout.Width];
            Span<FrLanes> next = stackalloc FrLanes[WideLayout.Width];
            Span<FrLanes> q = stackalloc FrLanes[WideLayout.CoefficientCount];
            Span<FrLanes> selectorAt = stackalloc FrLanes[used.Length];
            Span<Fr> wrapped = stackalloc Fr[FrLanes.Count];
            var output = values.Span;
            for (int block = startBlock; block < endBlock; block++)
            {
                int i = block * FrLanes.Count;
                for (int c = 0; c < WideLayout.Width; c++)
                {
                    cells[c] = FrLanes.Load(wires[c].AsSpan(i, FrLanes.Count));
                    next[c] = LoadNext(wires[c], i, wrapped);
                }
                for (int j = 0; j < WideLayout.CoefficientCount; j++)
                {
                    q[j] = FrLanes.Load(coefficients[j].AsSpan(i, FrLanes.Count));
                }
                for (int g = 0; g < selectorAt.Length; g++)
                {
                    selectorAt[g] = used[g] ? FrLanes.Load(selectors[g].AsSpan(i, FrLanes.Count)) : zero;
                }
                FrLanes sum = FrLanes.Load(pi.AsSpan(i, FrLanes.Count)) + gateLanes.Evaluate(new RowValues<FrLanes>(cells, next, q), selectorAt);
                sum.Store(output.Slice(i, FrLanes.Count));
            }
        });
    }

    private sealed record PermutationTerms(Fr[][] Wires, Fr[][] Sigmas, Fr[] Z, Fr[] L0, Fr[] LLast, Fr[] BetaShifts, Fr Beta, Fr Gamma,
                                           Fr Alpha, Fr Alpha2, Fr Alpha4, Fr Shift, Fr OmegaN);

    /// <summary>Pass 2 of a coset on <see cref="FrLanes"/>, eight points at a time (see the scalar loop).</summary>
    private static void PermutationOnLanes(PermutationTerms p, Memory<Fr> values)
    {
        int n = p.Z.Length;
        FrLanes beta = FrLanes.Constant(p.Beta), gamma = FrLanes.Constant(p.Gamma), alpha = FrLanes.Constant(p.Alpha);
        FrLanes alpha2 = FrLanes.Constant(p.Alpha2), alpha4 = FrLanes.Constant(p.Alpha4), one = FrLanes.One;
        FrLanes stride = FrLanes.Constant(p.OmegaN.Pow(FrLanes.Count));
        var betaShifts = p.BetaShifts.Select(b => FrLanes.Constant(b)).ToArray();
        ParallelChunks.For(n / FrLanes.Count, (startBlock, endBlock) =>
        {
            Span<Fr> eight = stackalloc Fr[FrLanes.Count];
            // The points x = shift·ω^i of the block, advanced by ω^8 from block to block.
            eight[0] = p.Shift * p.OmegaN.Pow((ulong)(startBlock * FrLanes.Count));
            for (int l = 1; l < FrLanes.Count; l++)
            {
                eight[l] = eight[l - 1] * p.OmegaN;
            }
            FrLanes x = FrLanes.Load(eight);
            var output = values.Span;
            for (int block = startBlock; block < endBlock; block++, x *= stride)
            {
                int i = block * FrLanes.Count;
                FrLanes z = FrLanes.Load(p.Z.AsSpan(i, FrLanes.Count));
                FrLanes identity = z, permuted = LoadNext(p.Z, i, eight);
                FrLanes w0 = default;
                for (int c = 0; c < WideLayout.Width; c++)
                {
                    FrLanes cell = FrLanes.Load(p.Wires[c].AsSpan(i, FrLanes.Count));
                    w0 = c == 0 ? cell : w0;
                    identity *= cell + betaShifts[c] * x + gamma;
                    permuted *= cell + beta * FrLanes.Load(p.Sigmas[c].AsSpan(i, FrLanes.Count)) + gamma;
                }
                FrLanes sum = FrLanes.Load(output.Slice(i, FrLanes.Count)) + alpha * (identity - permuted)
                              + alpha2 * FrLanes.Load(p.L0.AsSpan(i, FrLanes.Count)) * (z - one)
                              + alpha4 * FrLanes.Load(p.LLast.AsSpan(i, FrLanes.Count)) * (w0 - one);
                sum.Store(output.Slice(i, FrLanes.Count));
            }
        });
    }

    private sealed record LookupTerms(Fr[][] Wires, Fr[][] Columns, Fr[] Multiplicity, Fr[] Phi, Fr[] LaneHelper, Fr BetaLookup, Fr Theta,
                                      Fr Theta2, Fr Theta3, Fr Alpha3, Fr Alpha5);

    /// <summary>Pass 3 of a coset on <see cref="FrLanes"/>, eight points at a time (see the scalar loop).</summary>
    private static void LookupsOnLanes(LookupTerms p, Memory<Fr> values)
    {
        int n = p.Phi.Length;
        FrLanes betaLookup = FrLanes.Constant(p.BetaLookup), theta = FrLanes.Constant(p.Theta), theta2 = FrLanes.Constant(p.Theta2);
        FrLanes theta3 = FrLanes.Constant(p.Theta3), alpha3 = FrLanes.Constant(p.Alpha3), alpha5 = FrLanes.Constant(p.Alpha5);
        ParallelChunks.For(n / FrLanes.Count, (startBlock, endBlock) =>
        {
            Span<FrLanes> lookupAt = stackalloc FrLanes[PlonkV2LookupProof.ColumnCount];
            Span<FrLanes> lanes = stackalloc FrLanes[WideLayout.LaneCount];
            Span<FrLanes> cells = stackalloc FrLanes[WideLayout.LaneCount];
            Span<Fr> eight = stackalloc Fr[FrLanes.Count];
            var output = values.Span;
            for (int block = startBlock; block < endBlock; block++)
            {
                int i = block * FrLanes.Count;
                for (int c = 0; c < lookupAt.Length; c++)
                {
                    lookupAt[c] = FrLanes.Load(p.Columns[c].AsSpan(i, FrLanes.Count));
                }
                for (int c = 0; c < cells.Length; c++)
                {
                    cells[c] = FrLanes.Load(p.Wires[c].AsSpan(i, FrLanes.Count));
                }
                FrLanes f = LookupCompression.Input(betaLookup, theta, theta2, theta3, cells[0], cells[1], cells[2], lookupAt);
                FrLanes t = LookupCompression.Entry(betaLookup, theta, theta2, theta3, lookupAt);
                for (int lane = 0; lane < lanes.Length; lane++)
                {
                    lanes[lane] = LookupCompression.Lane(betaLookup, theta3, cells[lane], lookupAt);
                }
                FrLanes laneHelper = FrLanes.Load(p.LaneHelper.AsSpan(i, FrLanes.Count));
                FrLanes sum = FrLanes.Load(output.Slice(i, FrLanes.Count))
                              + alpha3 * LookupCompression.Constraint(FrLanes.Load(p.Phi.AsSpan(i, FrLanes.Count)), LoadNext(p.Phi, i, eight), laneHelper,
                                                                      FrLanes.Load(p.Multiplicity.AsSpan(i, FrLanes.Count)), f, t, lookupAt)
                              + alpha5 * LookupCompression.LaneConstraint(laneHelper, lanes, lookupAt);
                sum.Store(output.Slice(i, FrLanes.Count));
            }
        });
    }

    /// <summary>values[i + 1 … i + 8], the last wrapping to values[0] (the next row of row n − 1 is row 0).</summary>
    private static FrLanes LoadNext(Fr[] values, int i, Span<Fr> scratch)
    {
        if (i + FrLanes.Count < values.Length)
        {
            return FrLanes.Load(values.AsSpan(i + 1, FrLanes.Count));
        }
        values.AsSpan(i + 1, FrLanes.Count - 1).CopyTo(scratch);
        scratch[^1] = values[0];
        return FrLanes.Load(scratch);
    }

    /// <summary>
    /// Turns the per-coset coefficients back into t's. After InverseCoset on h_k·H, slot k holds
    /// c_k[j] = Σ_l t[j + l·n]·(h_k^n)^l with h_k^n = g^n·ω_e^k (ω_e = ω_m^n, e = m/n): for each j, (c_0 … c_(e−1)) is the
    /// size-e DFT of a_l = t[j + l·n]·g^(n·l), so t[j + l·n] = g^(−n·l)·(1/e)·Σ_k c_k[j]·ω_e^(−k·l), in place.
    /// </summary>
    private static void Recombine(Fr[] values, int n, int cosets, Fr omegaM)
    {
        var inverse = new Fr[cosets * cosets];
        Fr omegaEInverse = omegaM.Pow((ulong)n).Inverse(), gnInverse = CosetShift.Pow((ulong)n).Inverse();
        Fr eInverse = Fr.FromUInt64((ulong)cosets).Inverse();
        Fr rowScale = eInverse;
        for (int l = 0; l < cosets; l++, rowScale *= gnInverse)
        {
            Fr step = omegaEInverse.Pow((ulong)l), entry = rowScale;
            for (int k = 0; k < cosets; k++, entry *= step)
            {
                inverse[l * cosets + k] = entry;
            }
        }
        ParallelChunks.For(n, (start, end) =>
        {
            Span<Fr> slot = stackalloc Fr[cosets];
            for (int j = start; j < end; j++)
            {
                for (int k = 0; k < cosets; k++)
                {
                    slot[k] = values[k * n + j];
                }
                for (int l = 0; l < cosets; l++)
                {
                    Fr sum = Fr.Zero;
                    for (int k = 0; k < cosets; k++)
                    {
                        sum += inverse[l * cosets + k] * slot[k];
                    }
                    values[l * n + j] = sum;
                }
            }
        });
    }

    private static bool IsNonZero(ReadOnlySpan<Fr> values)
    {
        foreach (var value in values)
        {
            if (!value.IsZero)
            {
                return true;
            }
        }
        return false;
    }

    /// <summary>PI = −Σᵢ xᵢ·Lᵢ in coefficients: its values on H are −xᵢ on the first rows.</summary>
    private void PublicInputCoefficients(Fr[] into)
    {
        Array.Clear(into);
        for (int i = 0; i < s.PublicInputs.Length; i++)
        {
            into[i] = -s.PublicInputs[i];
        }
        s.Ntt.Inverse(into);
    }
}
