// SPDX-License-Identifier: MIT
using ZkOptions.Constraints.V2;
using ZkOptions.Field;
using ZkOptions.Prover.Engines;
using ZkOptions.Prover.Plonk;
using ZkOptions.Prover.Polynomials;

namespace ZkOptions.Prover.PlonkV2;

/// <summary>
/// One PLONK v2 proof in progress, round by round. Polynomials are in coefficient form unless named ...OnH (the n
/// values on H = ⟨ω⟩). Wire polynomials and z are blinded with (b0 + b1·X + b2·X²)·Z_H: each is opened at ζ and ζω,
/// so two evaluations and a commitment reveal nothing about the witness. Each round drops its large arrays once their
/// last use is past (the cells and the lookup columns on H after round 2, the quotient's chunks after round 4), so the
/// proof's peak memory is one round's, not the sum of all of them.
/// </summary>
internal sealed class PlonkV2ProverSession
{
    private readonly PlonkV2ProvingKey pk;
    private readonly PlonkV2VerifyingKey vk;
    private readonly INttEngine ntt;
    private readonly IMsmEngine msm;
    private readonly BlindingSource blinding;
    private readonly int n;
    private readonly Fr omega;
    private Fr[][] cellsOnH;
    private readonly bool ownsCells;
    private readonly Fr[] publicInputs;
    private readonly PlonkV2Transcript transcript;

    // Round 1
    private readonly Fr[][] wires = new Fr[WideLayout.Width][];
    private readonly G1Affine[] wireCommitments = new G1Affine[WideLayout.Width];

    private Fr[]? multiplicities;
    private Fr[] multiplicitiesOnH = [];
    private Fr[][] lookupOnH = [];
    private G1Affine multiplicitiesCommitment;

    // Round 2
    private Fr beta, gamma, theta, betaLookup;
    private Fr[] z = [];
    private G1Affine zCommitment;
    private Fr[]? helper;
    private G1Affine helperCommitment;
    private Fr[]? laneHelper;
    private G1Affine laneHelperCommitment;

    // Round 3
    private Fr alpha, separator;
    private ReadOnlyMemory<Fr>[] chunks = [];
    private G1Affine[] chunkCommitments = [];

    // Round 4
    private Fr zeta;
    private Fr[] combinedQuotient = [];
    private PlonkV2Proof? evaluated;

    // Round 5
    private G1Affine openingAtZeta, openingAtZetaOmega;

    // ownsCells: whether the session may clear cellsOnH's columns once it is done with them (the prover built them for
    // this proof; tests that reuse theirs pass false).
    public PlonkV2ProverSession(PlonkV2ProvingKey pk, INttEngine ntt, IMsmEngine msm, Fr[][] cellsOnH, Fr[] publicInputs,
                                BlindingSource blinding, Func<ITranscriptHash>? hash, bool ownsCells = false)
    {
        this.ownsCells = ownsCells;
        this.pk = pk;
        vk = pk.VerifyingKey;
        this.ntt = ntt;
        this.msm = msm;
        this.blinding = blinding;
        this.cellsOnH = cellsOnH;
        this.publicInputs = publicInputs;
        n = pk.N;
        omega = EvaluationDomain.Get(vk.Power).Generator;
        Layout = new QuotientLayout(vk.Power, WideGates.All);
        transcript = PlonkV2Challenges.Begin(vk, publicInputs, hash);
    }

    internal QuotientLayout Layout { get; }

    /// <summary>
    /// Every gate on every row of H (the next row of row n − 1 is row 0, as on the domain), the public-input rows
    /// read against their inputs: a witness that breaks one is refused before any expensive work.
    /// </summary>
    public void CheckGates()
    {
        if (!cellsOnH[0][n - 1].IsOne)
        {
            throw new InvalidWitnessException("the last row (padding, wire 0) must hold the constant one");
        }
        var coefficientsOnH = pk.Coefficients.Select(Values).ToArray(); // 8 n-sized arrays, dropped when the check returns
        var rowGates = pk.RowGates;
        // Rows are checked in parallel chunks; the first broken row (the lowest index) is the one reported.
        int firstBroken = int.MaxValue;
        ParallelChunks.For(n, (start, end) =>
        {
            Span<Fr> cells = stackalloc Fr[WideLayout.Width];
            Span<Fr> next = stackalloc Fr[WideLayout.Width];
            Span<Fr> coefficients = stackalloc Fr[WideLayout.CoefficientCount];
            Span<Fr> residuals = stackalloc Fr[WideGates.MaxResiduals];
            var gatesOfRows = rowGates.Span;
            for (int i = start; i < end && i < Volatile.Read(ref firstBroken); i++)
            {
                if (gatesOfRows[i] == GateKind.None)
                {
                    continue;
                }
                for (int c = 0; c < WideLayout.Width; c++)
                {
                    cells[c] = cellsOnH[c][i];
                    next[c] = cellsOnH[c][(i + 1) % n];
                }
                for (int j = 0; j < WideLayout.CoefficientCount; j++)
                {
                    coefficients[j] = coefficientsOnH[j][i];
                }
                var gate = WideGates.Of(gatesOfRows[i]);
                var output = residuals[..gate.ResidualCount];
                gate.Residuals(new RowValues<Fr>(cells, next, coefficients), output);
                if (i < publicInputs.Length)
                {
                    output[0] -= publicInputs[i];
                }
                foreach (var r in output)
                {
                    if (!r.IsZero)
                    {
                        InterlockedMin(ref firstBroken, i);
                        return;
                    }
                }
            }
        });
        if (firstBroken != int.MaxValue)
        {
            throw new InvalidWitnessException($"row {firstBroken} ({WideGates.Of(rowGates.Span[firstBroken]).Name} gate) is not satisfied: the witness does not satisfy this circuit");
        }

        static void InterlockedMin(ref int target, int value)
        {
            int seen = Volatile.Read(ref target);
            while (value < seen)
            {
                int previous = Interlocked.CompareExchange(ref target, value, seen);
                if (previous == seen)
                {
                    return;
                }
                seen = previous;
            }
        }
    }

    private Fr[] Values(ReadOnlyMemory<Fr> coefficients)
    {
        var values = coefficients.ToArray();
        ntt.Forward(values);
        return values;
    }

    // ---- Round 1: the five wire polynomials, blinded, and their commitments.

    public void Round1Wires()
    {
        for (int c = 0; c < WideLayout.Width; c++)
        {
            wires[c] = InterpolateBlinded(cellsOnH[c]);
            wireCommitments[c] = Commit(wires[c]);
        }
        if (vk.HasLookups)
        {
            multiplicitiesOnH = MultiplicitiesOnH();
            multiplicities = InterpolateBlinded(multiplicitiesOnH);
            multiplicitiesCommitment = Commit(multiplicities);
        }
    }

    /// <summary>
    /// m on H: for each row that looks up, one more at the first entry of its table equal to its tuple (w0, and w1,
    /// w2 where the table has those columns), or, on a lane row, one more per lane w0..w3 at the entry equal to the
    /// lane. With the prover's checks off, a tuple in no table is counted at an entry that matches its w0 (or
    /// skipped), a lane at an entry of any table that holds it (or skipped), and the verifier refuses the proof.
    /// </summary>
    private Fr[] MultiplicitiesOnH()
    {
        lookupOnH = pk.LookupColumns.Select(Values).ToArray();
        var c = lookupOnH;
        var position = new Dictionary<(Fr, Fr, Fr, Fr), int>();
        var firstColumn = new Dictionary<(Fr, Fr), int>();
        var anyTable = new Dictionary<Fr, int>();
        for (int p = 0; p < n; p++)
        {
            if (!c[(int)LookupColumns.TableTag][p].IsZero)
            {
                position.TryAdd((c[(int)LookupColumns.TableTag][p], c[(int)LookupColumns.TableValue][p],
                                 c[(int)LookupColumns.TableValue1][p], c[(int)LookupColumns.TableValue2][p]), p);
                firstColumn.TryAdd((c[(int)LookupColumns.TableTag][p], c[(int)LookupColumns.TableValue][p]), p);
                anyTable.TryAdd(c[(int)LookupColumns.TableValue][p], p);
            }
        }
        var m = new Fr[n];
        for (int i = 0; i < n; i++)
        {
            if (!c[(int)LookupColumns.LaneSelector][i].IsZero)
            {
                for (int lane = 0; lane < WideLayout.LaneCount; lane++)
                {
                    var entry = (c[(int)LookupColumns.RowTag][i], cellsOnH[lane][i], Fr.Zero, Fr.Zero);
                    if (position.TryGetValue(entry, out int at))
                    {
                        m[at] += Fr.One;
                    }
                    else if (CheckLookups)
                    {
                        throw new InvalidWitnessException($"row {i} looks up lane {lane} = {entry.Item2} in table {entry.Item1}, which does not hold it");
                    }
                    else if (anyTable.TryGetValue(entry.Item2, out at))
                    {
                        // The soundness tests' cheat: count the lane at another table's entry, so a verifier that
                        // ignored the tag would accept.
                        m[at] += Fr.One;
                    }
                }
            }
            if (c[(int)LookupColumns.RowSelector][i].IsZero)
            {
                continue;
            }
            var tuple = (c[(int)LookupColumns.RowTag][i], cellsOnH[0][i], c[(int)LookupColumns.RowReadsW1][i] * cellsOnH[1][i],
                         c[(int)LookupColumns.RowReadsW2][i] * cellsOnH[2][i]);
            if (position.TryGetValue(tuple, out int p))
            {
                m[p] += Fr.One;
            }
            else if (CheckLookups)
            {
                throw new InvalidWitnessException($"row {i} looks up ({tuple.Item2}, …) in table {tuple.Item1}, which does not hold it");
            }
            else if (firstColumn.TryGetValue((tuple.Item1, tuple.Item2), out p))
            {
                // The soundness tests' cheat: count an entry that agrees on w0 only, so a verifier that compressed
                // only the first column would accept.
                m[p] += Fr.One;
            }
        }
        return m;
    }

    /// <summary>Whether round 3 runs its identities on AVX-512 lanes (<see cref="PlonkV2Prover.VectorLanes"/>).</summary>
    public bool VectorLanes { get; init; }

    /// <summary>Whether a lookup of a value in no table is refused in round 1 (off only for soundness tests).</summary>
    public bool CheckLookups { get; set; } = true;

    /// <summary>Soundness tests only: changes h on H before it is interpolated and committed (φ then sums the changed h).</summary>
    public Action<Fr[]>? EditLaneHelper { get; set; }

    private Fr[] InterpolateBlinded(Fr[] onH)
    {
        // Interpolated in place in the blinded array's first n slots: no second n-sized copy.
        var blinded = new Fr[n + QuotientLayout.BlindingTerms];
        onH.CopyTo(blinded, 0);
        ntt.Inverse(blinded.AsMemory(0, n));
        Span<Fr> b = stackalloc Fr[QuotientLayout.BlindingTerms];
        for (int j = 0; j < b.Length; j++)
        {
            b[j] = blinding.Next();
        }
        PolynomialArithmetic.AddBlindingTimesVanishing(blinded, n, b);
        return blinded;
    }

    private G1Affine Commit(ReadOnlyMemory<Fr> coefficients)
    {
        if (coefficients.Length > pk.CommitmentKey.Length)
        {
            throw new InvalidOperationException($"internal error: {coefficients.Length} coefficients exceed the key's {pk.CommitmentKey.Length} powers of tau");
        }
        return msm.MultiScalarMul(pk.CommitmentKey, coefficients).ToAffine();
    }

    // ---- Round 2: β, γ and the grand product z over the five columns.

    /// <summary>
    /// z(ω^0) = 1, z(ω^(i+1)) = z(ω^i)·Π_c (w_c + β·k_c·ω^i + γ) / (w_c + β·σ_c(ω^i) + γ). With
    /// <paramref name="check"/>, a product that does not return to 1 (a broken copy constraint) is refused.
    /// </summary>
    public void Round2Permutation(bool check)
    {
        (beta, gamma, theta, betaLookup) = PlonkV2Challenges.AfterWires(transcript, wireCommitments,
            multiplicities is null ? [] : [multiplicitiesCommitment]);
        var numerators = new Fr[n];
        var denominators = new Fr[n];
        numerators.AsSpan().Fill(Fr.One);
        denominators.AsSpan().Fill(Fr.One);
        Fr[] shifts = vk.Shifts;
        // One σ column on H at a time (not all five): the products are the same, factor by factor.
        for (int c = 0; c < WideLayout.Width; c++)
        {
            var sigmaOnH = Values(pk.Sigmas[c]);
            var cells = cellsOnH[c];
            Fr betaShift = beta * shifts[c];
            ParallelChunks.For(n, (start, end) =>
            {
                Fr x = omega.Pow((ulong)start);
                for (int i = start; i < end; i++, x *= omega)
                {
                    Fr w = cells[i];
                    numerators[i] *= w + betaShift * x + gamma;
                    denominators[i] *= w + beta * sigmaOnH[i] + gamma;
                }
            });
        }
        Fr.BatchInverse(denominators);
        var zOnH = new Fr[n];
        Fr acc = Fr.One;
        for (int i = 0; i < n; i++)
        {
            zOnH[i] = acc;
            acc = acc * numerators[i] * denominators[i];
        }
        if (check && !acc.IsOne)
        {
            throw new InvalidWitnessException("the copy constraints do not hold: two cells of one wire hold different values");
        }
        numerators = denominators = null!;
        z = InterpolateBlinded(zOnH);
        zOnH = null!;
        zCommitment = Commit(z);
        if (multiplicities is not null)
        {
            var laneHelperOnH = LaneHelperOnH();
            EditLaneHelper?.Invoke(laneHelperOnH);
            laneHelper = InterpolateBlinded(laneHelperOnH);
            laneHelperCommitment = Commit(laneHelper);
            helper = InterpolateBlinded(HelperOnH(laneHelperOnH, check));
            helperCommitment = Commit(helper);
        }
        // The values on H are done with: only coefficient forms go on to the quotient and the openings.
        lookupOnH = [];
        multiplicitiesOnH = [];
        if (ownsCells)
        {
            Array.Clear(cellsOnH);
        }
        cellsOnH = [];
    }

    /// <summary>
    /// h on H: h_i = qR_i·Σ_j 1/(βL + g_(i,j)) over the lanes w0..w3 of a lane row (<see cref="LookupCompression.Lane"/>),
    /// 0 elsewhere. A lane term of zero (βL = −g, probability 4n/r) has no inverse; the proof cannot be made.
    /// </summary>
    private Fr[] LaneHelperOnH()
    {
        var laneRows = new List<int>();
        for (int i = 0; i < n; i++)
        {
            if (!lookupOnH[(int)LookupColumns.LaneSelector][i].IsZero)
            {
                laneRows.Add(i);
            }
        }
        Fr theta3 = theta * theta * theta;
        var terms = new Fr[laneRows.Count * WideLayout.LaneCount];
        Span<Fr> columns = stackalloc Fr[PlonkV2LookupProof.ColumnCount];
        for (int r = 0; r < laneRows.Count; r++)
        {
            int i = laneRows[r];
            for (int k = 0; k < columns.Length; k++)
            {
                columns[k] = lookupOnH[k][i];
            }
            for (int lane = 0; lane < WideLayout.LaneCount; lane++)
            {
                var term = LookupCompression.Lane(betaLookup, theta3, cellsOnH[lane][i], columns);
                terms[r * WideLayout.LaneCount + lane] = term.IsZero
                    ? throw new InvalidOperationException("the lookup challenge hit a lane's value (probability 4n/r): prove again")
                    : term;
            }
        }
        Fr.BatchInverse(terms);
        var h = new Fr[n];
        for (int r = 0; r < laneRows.Count; r++)
        {
            int i = laneRows[r];
            Fr sum = Fr.Zero;
            for (int lane = 0; lane < WideLayout.LaneCount; lane++)
            {
                sum += terms[r * WideLayout.LaneCount + lane];
            }
            h[i] = lookupOnH[(int)LookupColumns.LaneSelector][i] * sum;
        }
        return h;
    }

    /// <summary>
    /// φ on H: φ(ω^0) = 0, φ(ω^(i+1)) = φ(ω^i) + h_i + qL_i/(βL + f_i) − m_i/(βL + t_i) (<see cref="LookupCompression"/>).
    /// Around the whole cycle the increments sum to 0 iff every looked-up value and lane is counted by m (with
    /// <paramref name="check"/>, refused otherwise).
    /// </summary>
    private Fr[] HelperOnH(Fr[] laneHelperOnH, bool check)
    {
        var m = multiplicitiesOnH;
        var inputs = new Fr[n];
        var entries = new Fr[n];
        Fr theta2 = theta * theta, theta3 = theta2 * theta;
        Span<Fr> columns = stackalloc Fr[PlonkV2LookupProof.ColumnCount];
        for (int i = 0; i < n; i++)
        {
            for (int k = 0; k < columns.Length; k++)
            {
                columns[k] = lookupOnH[k][i];
            }
            inputs[i] = LookupCompression.Input(betaLookup, theta, theta2, theta3, cellsOnH[0][i], cellsOnH[1][i], cellsOnH[2][i], columns);
            entries[i] = LookupCompression.Entry(betaLookup, theta, theta2, theta3, columns);
        }
        Fr.BatchInverse(inputs);
        Fr.BatchInverse(entries);
        var phi = new Fr[n];
        Fr acc = Fr.Zero;
        for (int i = 0; i < n; i++)
        {
            phi[i] = acc;
            acc += laneHelperOnH[i] + lookupOnH[(int)LookupColumns.RowSelector][i] * inputs[i] - m[i] * entries[i];
        }
        if (check && !acc.IsZero)
        {
            throw new InvalidWitnessException("the lookups do not balance: a looked-up value is missing from its table");
        }
        return phi;
    }

    // ---- Round 3: α, the gate separator, the quotient t and its chunks.

    public void Round3Quotient(bool check)
    {
        (alpha, separator) = PlonkV2Challenges.AfterPermutation(transcript, zCommitment, helper is null ? [] : [helperCommitment],
                                                                 laneHelper is null ? [] : [laneHelperCommitment]);
        Fr[] t = new PlonkV2Quotient(this).Compute();
        for (int i = Layout.QuotientLength; i < t.Length; i++)
        {
            if (check && !t[i].IsZero)
            {
                throw new InvalidWitnessException("the constraint polynomial does not vanish on the domain: the witness does not satisfy this circuit");
            }
        }
        // t = Σ X^(i·n)·tᵢ; each seam is blinded (tᵢ += b·X^n, tᵢ₊₁ −= b), so no chunk alone reveals t's coefficients.
        // The chunks (n + 1 coefficients each, the last fewer) are laid out in t's own array, which has room for them
        // (count·(n + 1) ≤ m), rather than copied out of it: moved from the last to the first, each to a higher offset.
        int count = Layout.ChunkCount;
        if ((long)count * (n + 1) > t.Length)
        {
            throw new InvalidOperationException($"internal error: {count} chunks of {n + 1} do not fit the quotient's {t.Length} values");
        }
        var chunkArrays = new Memory<Fr>[count];
        for (int c = count - 1; c >= 0; c--)
        {
            int start = c * n, length = Math.Min(n, Layout.QuotientLength - start);
            Array.Copy(t, start, t, c * (n + 1), length);
            chunkArrays[c] = t.AsMemory(c * (n + 1), c < count - 1 ? n + 1 : length);
            chunkArrays[c].Span[length..].Clear();
        }
        for (int c = 0; c < count - 1; c++)
        {
            Fr b = blinding.Next();
            chunkArrays[c].Span[n] += b;
            chunkArrays[c + 1].Span[0] -= b;
        }
        chunks = [.. chunkArrays.Select(c => (ReadOnlyMemory<Fr>)c)];
        chunkCommitments = [.. chunks.Select(Commit)];
    }

    // ---- Round 4: ζ and the evaluations.

    public void Round4Evaluations()
    {
        zeta = PlonkV2Challenges.AfterQuotient(transcript, chunkCommitments);
        Fr zetaOmega = zeta * omega;
        Fr zetaN = zeta.Pow((ulong)n);
        combinedQuotient = new Fr[n + 1];
        Fr scale = Fr.One;
        foreach (var chunk in chunks)
        {
            PolynomialArithmetic.AddScaled(combinedQuotient, chunk.Span, scale);
            scale *= zetaN;
        }
        // Committed in round 3 and combined here: the openings need only the combination.
        chunks = [];
        evaluated = new PlonkV2Proof
        {
            Wires = wireCommitments,
            Z = zCommitment,
            Quotient = chunkCommitments,
            OpeningAtZeta = G1Affine.Infinity,
            OpeningAtZetaOmega = G1Affine.Infinity,
            WiresAtZeta = [.. wires.Select(w => PolynomialArithmetic.Evaluate(w, zeta))],
            WiresAtZetaOmega = [.. wires.Select(w => PolynomialArithmetic.Evaluate(w, zetaOmega))],
            ZAtZeta = PolynomialArithmetic.Evaluate(z, zeta),
            ZAtZetaOmega = PolynomialArithmetic.Evaluate(z, zetaOmega),
            CoefficientsAtZeta = [.. pk.Coefficients.Select(q => PolynomialArithmetic.Evaluate(q.Span, zeta))],
            SelectorsAtZeta = [.. pk.Selectors.Select(q => PolynomialArithmetic.Evaluate(q.Span, zeta))],
            SigmasAtZeta = [.. pk.Sigmas.Select(s => PolynomialArithmetic.Evaluate(s.Span, zeta))],
            QuotientAtZeta = PolynomialArithmetic.Evaluate(combinedQuotient, zeta),
            Lookup = multiplicities is null ? null : new PlonkV2LookupProof
            {
                Multiplicities = multiplicitiesCommitment,
                Helper = helperCommitment,
                LaneHelper = laneHelperCommitment,
                MultiplicitiesAtZeta = PolynomialArithmetic.Evaluate(multiplicities, zeta),
                HelperAtZeta = PolynomialArithmetic.Evaluate(helper!, zeta),
                HelperAtZetaOmega = PolynomialArithmetic.Evaluate(helper!, zetaOmega),
                LaneHelperAtZeta = PolynomialArithmetic.Evaluate(laneHelper!, zeta),
                ColumnsAtZeta = [.. pk.LookupColumns.Select(q => PolynomialArithmetic.Evaluate(q.Span, zeta))],
            },
        };
    }

    // ---- Round 5: v and the two batched opening proofs.

    public void Round5Openings()
    {
        var e = evaluated!;
        Fr v = PlonkV2Challenges.AfterEvaluations(transcript, e.Scalars());
        var l = e.Lookup;
        ReadOnlyMemory<Fr>[] lookupAtZeta = l is null ? [] : [multiplicities!, helper!, laneHelper!, .. pk.LookupColumns];
        ReadOnlyMemory<Fr>[] wirePolynomials = [.. wires.Select(w => (ReadOnlyMemory<Fr>)w)];
        Fr[] lookupValuesAtZeta = l is null ? [] : [l.MultiplicitiesAtZeta, l.HelperAtZeta, l.LaneHelperAtZeta, .. l.ColumnsAtZeta];
        ReadOnlyMemory<Fr>[] atZeta = PlonkV2Openings.AtZeta(wirePolynomials, z, pk.Coefficients, pk.Selectors, pk.Sigmas, lookupAtZeta, combinedQuotient);
        Fr[] valuesAtZeta = PlonkV2Openings.AtZeta(e.WiresAtZeta, e.ZAtZeta, e.CoefficientsAtZeta, e.SelectorsAtZeta, e.SigmasAtZeta,
                                                   lookupValuesAtZeta, e.QuotientAtZeta);
        ReadOnlyMemory<Fr>[] atZetaOmega = PlonkV2Openings.AtZetaOmega(wirePolynomials, z, l is null ? [] : [helper!]);
        Fr[] valuesAtZetaOmega = PlonkV2Openings.AtZetaOmega(e.WiresAtZetaOmega, e.ZAtZetaOmega, l is null ? [] : [l.HelperAtZetaOmega]);
        openingAtZeta = Commit(Witness(atZeta, valuesAtZeta, v, zeta));
        openingAtZetaOmega = Commit(Witness(atZetaOmega, valuesAtZetaOmega, v, zeta * omega));
        PlonkV2Challenges.AfterOpenings(transcript, openingAtZeta, openingAtZetaOmega);
    }

    /// <summary>(Σ_k v^k·(p_k − p_k(x))) / (X − x), which must divide exactly.</summary>
    private Fr[] Witness(ReadOnlyMemory<Fr>[] polynomials, Fr[] values, Fr v, Fr x)
    {
        var sum = new Fr[polynomials.Max(p => p.Length)];
        Fr power = Fr.One;
        for (int k = 0; k < polynomials.Length; k++, power *= v)
        {
            PolynomialArithmetic.AddScaled(sum, polynomials[k].Span, power);
            sum[0] -= power * values[k];
        }
        Fr remainder = PolynomialArithmetic.DivideByLinear(sum, x);
        return remainder.IsZero ? sum : throw new InvalidOperationException("internal error: a batched opening does not vanish at its point");
    }

    public PlonkV2Proof Result()
    {
        var e = evaluated!;
        return new PlonkV2Proof
        {
            Wires = e.Wires, Z = e.Z, Quotient = e.Quotient,
            OpeningAtZeta = openingAtZeta, OpeningAtZetaOmega = openingAtZetaOmega,
            WiresAtZeta = e.WiresAtZeta, WiresAtZetaOmega = e.WiresAtZetaOmega, ZAtZeta = e.ZAtZeta, ZAtZetaOmega = e.ZAtZetaOmega,
            CoefficientsAtZeta = e.CoefficientsAtZeta, SelectorsAtZeta = e.SelectorsAtZeta, SigmasAtZeta = e.SigmasAtZeta,
            QuotientAtZeta = e.QuotientAtZeta, Lookup = e.Lookup,
        };
    }

    // ---- For the quotient (its own file: the heaviest loop).

    internal PlonkV2ProvingKey Key => pk;
    internal INttEngine Ntt => ntt;
    internal Fr[][] WirePolynomials => wires;
    internal Fr[] ZPolynomial => z;
    internal Fr[] PublicInputs => publicInputs;
    internal (Fr Beta, Fr Gamma, Fr Alpha, Fr Separator) Challenges => (beta, gamma, alpha, separator);
    internal (Fr Theta, Fr BetaLookup) LookupChallenges => (theta, betaLookup);
    internal (Fr[] Multiplicities, Fr[] Helper, Fr[] LaneHelper)? LookupPolynomials => multiplicities is null ? null : (multiplicities, helper!, laneHelper!);
}
