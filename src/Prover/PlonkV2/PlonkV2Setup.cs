// SPDX-License-Identifier: MIT
using System.Numerics;
using ZkOptions.Constraints.V2;
using ZkOptions.Field;
using ZkOptions.Prover.Engines;
using ZkOptions.Prover.Formats;
using ZkOptions.Prover.Plonk;
using ZkOptions.Prover.Polynomials;

namespace ZkOptions.Prover.PlonkV2;

/// <summary>
/// PLONK v2 setup: from a <see cref="WideCircuit"/> and an SRS, the domain, the fixed polynomials (8 coefficient
/// columns, a selector per gate of <see cref="WideGates.All"/>, the permutation σ0..σ4 over the cosets kᵢ·H of
/// <see cref="CosetShifts"/>), their KZG commitments, and the proving and verifying keys.
/// </summary>
public sealed class PlonkV2Setup(INttEngine ntt, IMsmEngine msm)
{
    /// <summary>The smallest domain power: 2^3 rows.</summary>
    public const int MinPower = 3;

    /// <summary>The domain power for a number of rows: the smallest 2^k ≥ rows, at least 2^3.</summary>
    public static int DomainPower(int rows) =>
        Math.Max(MinPower, rows <= 1 ? 0 : BitOperations.Log2((uint)(rows - 1)) + 1);

    /// <summary>
    /// The domain power for <paramref name="circuit"/>: room for its rows plus one padding row (row n − 1, all cells
    /// wire 0, where the constant one is pinned) and for all its table entries.
    /// </summary>
    public static int DomainPower(WideCircuit circuit) => DomainPower(Math.Max(circuit.Rows.Count + 1, circuit.TableSize));

    /// <summary>
    /// The keys for <paramref name="circuit"/> from a powers-of-tau file (its first n + 3 points, checked to be
    /// consecutive powers of one τ by <see cref="PowersOfTauConsistency"/>).
    /// </summary>
    public PlonkV2ProvingKey Create(WideCircuit circuit, PowersOfTau ptau)
    {
        int power = DomainPower(circuit);
        var layout = new QuotientLayout(power, WideGates.All);
        if (ptau.TauG1Count < layout.CommitmentKeySize)
        {
            throw new InputFileException(ptau.Path,
                $"has power {ptau.Power}, but the circuit has {circuit.Rows.Count} rows and needs {layout.CommitmentKeySize} powers of tau in G1");
        }
        var (tauG1, tauG2) = PowersOfTauConsistency.ReadChecked(ptau, layout.CommitmentKeySize, msm);
        return Create(circuit, tauG1, tauG2);
    }

    /// <summary>
    /// The keys for <paramref name="circuit"/>; <paramref name="tauG1"/> must hold at least n + 3 monomial points
    /// [τ^i]₁ and <paramref name="tauG2"/> is [τ]₂.
    /// </summary>
    /// <exception cref="ArgumentException">The circuit is malformed (a wire out of range, a public-input row of the wrong shape, an unknown gate) or the SRS is too short.</exception>
    public PlonkV2ProvingKey Create(WideCircuit circuit, ReadOnlySpan<G1Affine> tauG1, in G2Affine tauG2)
    {
        var points = tauG1.ToArray();
        return Create(circuit, points, tauG2, polynomials => [.. polynomials.Select(p => msm.MultiScalarMul(points, p).ToAffine())]);
    }

    /// <summary>
    /// The keys for <paramref name="circuit"/> from the INSECURE development SRS, bit for bit those of
    /// <c>Create(circuit, srs.TauG1, srs.TauG2)</c>, made faster with what makes that SRS insecure: τ is known, so the
    /// commitment Σ cᵢ·[τ^i]₁ of a fixed polynomial is [p(τ)]₁, one evaluation and one scalar multiple instead of an
    /// MSM. A ceremony's SRS has no known τ; its keys come from the other overloads.
    /// </summary>
    public PlonkV2ProvingKey Create(WideCircuit circuit, DevPowersOfTau srs)
    {
        ArgumentNullException.ThrowIfNull(srs);
        Fr tau = srs.Tau;
        return Create(circuit, srs.TauG1, srs.TauG2, polynomials =>
        {
            var commitments = new G1Affine[polynomials.Count];
            Parallel.For(0, polynomials.Count, ParallelLimit.Options, i =>
                commitments[i] = G1Jacobian.ScalarMul(G1Affine.Generator, PolynomialArithmetic.Evaluate(polynomials[i], tau)).ToAffine());
            return commitments;
        });
    }

    private PlonkV2ProvingKey Create(WideCircuit circuit, G1Affine[] tauG1, G2Affine tauG2, Func<IReadOnlyList<Fr[]>, G1Affine[]> commit)
    {
        int power = DomainPower(circuit);
        int n = 1 << power;
        var gates = WideGates.All;
        var layout = new QuotientLayout(power, gates);
        if (tauG1.Length < layout.CommitmentKeySize)
        {
            throw new ArgumentException($"the circuit needs {layout.CommitmentKeySize} powers of tau in G1, got {tauG1.Length}", nameof(tauG1));
        }
        Validate(circuit, n);
        Fr[] shifts = CosetShifts.Default();
        if (!CosetShifts.AreDisjoint(shifts, Fr.TwoAdicity))
        {
            throw new InvalidOperationException("internal error: the coset shifts are not disjoint");
        }
        var commitmentKey = tauG1[..layout.CommitmentKeySize];

        var wireMap = new uint[WideLayout.Width * n];
        var rowGates = new GateKind[n];
        var coefficientValues = new Fr[WideLayout.CoefficientCount][];
        for (int j = 0; j < coefficientValues.Length; j++)
        {
            coefficientValues[j] = new Fr[n];
        }
        for (int i = 0; i < circuit.Rows.Count; i++)
        {
            var row = circuit.Rows[i];
            rowGates[i] = row.Gate;
            for (int c = 0; c < WideLayout.Width; c++)
            {
                wireMap[c * n + i] = row.Wires[c];
            }
            for (int j = 0; j < WideLayout.CoefficientCount; j++)
            {
                coefficientValues[j][i] = row.Coefficients[j];
            }
        }

        var coefficients = coefficientValues.Select(Interpolate).ToArray();
        var selectors = new Fr[gates.Count][];
        for (int g = 0; g < gates.Count; g++)
        {
            var onH = new Fr[n];
            for (int i = 0; i < n; i++)
            {
                onH[i] = rowGates[i] == gates[g].Kind ? Fr.One : Fr.Zero;
            }
            selectors[g] = Interpolate(onH);
        }
        var sigmas = Permutation(wireMap, n, power, shifts).Select(Interpolate).ToArray();

        var lookupValues = LookupColumnsOnH(circuit, n);
        var lookupColumns = lookupValues.Select(Interpolate).ToArray();

        // One call commits every fixed polynomial, in the order the verifying key lists them.
        var commitments = commit([.. lookupColumns, .. coefficients, .. selectors, .. sigmas]).AsSpan();
        var vk = new PlonkV2VerifyingKey
        {
            Tables = [.. circuit.Tables.Select(t => t.Name)],
            TableSizes = [.. circuit.Tables.Select(t => t.Entries.Count)],
            LookupColumns = Take(ref commitments, lookupColumns.Length),
            Power = power,
            PublicCount = circuit.PublicCount,
            Shifts = shifts,
            Gates = [.. gates.Select(g => g.Name)],
            Coefficients = Take(ref commitments, coefficients.Length),
            Selectors = Take(ref commitments, selectors.Length),
            Sigmas = Take(ref commitments, sigmas.Length),
            TauG2 = tauG2,
        };
        return new PlonkV2ProvingKey(vk, circuit.WireCount, wireMap, rowGates, coefficients, selectors, sigmas, commitmentKey,
                                     lookupColumns);

        Fr[] Interpolate(Fr[] onH)
        {
            var copy = (Fr[])onH.Clone();
            ntt.Inverse(copy);
            return copy;
        }

        static G1Affine[] Take(ref Span<G1Affine> rest, int count)
        {
            var taken = rest[..count].ToArray();
            rest = rest[count..];
            return taken;
        }
    }

    /// <summary>
    /// The lookup columns on H (<see cref="LookupColumns"/> order): T0..T2 hold every table's entries one after
    /// another and G their tags (t + 1), 0 on padding; Q holds each row's lookup tag; qL is 1 on rows that look up
    /// their first cells, and a1, a2 are 1 there where the row's table has a second, third column; qR is 1 on rows
    /// that look up their lanes. Nothing when the circuit declares no tables.
    /// </summary>
    private static Fr[][] LookupColumnsOnH(WideCircuit circuit, int n)
    {
        if (circuit.Tables.Count == 0)
        {
            return [];
        }
        var columns = new Fr[PlonkV2LookupProof.ColumnCount][];
        for (int j = 0; j < columns.Length; j++)
        {
            columns[j] = new Fr[n];
        }
        LookupColumns[] valueColumns = [PlonkV2.LookupColumns.TableValue, PlonkV2.LookupColumns.TableValue1, PlonkV2.LookupColumns.TableValue2];
        int at = 0;
        for (int t = 0; t < circuit.Tables.Count; t++)
        {
            foreach (var entry in circuit.Tables[t].Entries)
            {
                for (int k = 0; k < entry.Length; k++)
                {
                    columns[(int)valueColumns[k]][at] = entry[k];
                }
                columns[(int)PlonkV2.LookupColumns.TableTag][at] = Fr.FromUInt64((ulong)(t + 1));
                at++;
            }
        }
        for (int i = 0; i < circuit.Rows.Count; i++)
        {
            byte lookup = circuit.Rows[i].Lookup;
            if (lookup != 0 && circuit.Rows[i].Lanes)
            {
                columns[(int)PlonkV2.LookupColumns.RowTag][i] = Fr.FromUInt64(lookup);
                columns[(int)PlonkV2.LookupColumns.LaneSelector][i] = Fr.One;
            }
            else if (lookup != 0)
            {
                int arity = circuit.Tables[lookup - 1].Arity;
                columns[(int)PlonkV2.LookupColumns.RowTag][i] = Fr.FromUInt64(lookup);
                columns[(int)PlonkV2.LookupColumns.RowSelector][i] = Fr.One;
                columns[(int)PlonkV2.LookupColumns.RowReadsW1][i] = arity > 1 ? Fr.One : Fr.Zero;
                columns[(int)PlonkV2.LookupColumns.RowReadsW2][i] = arity > 2 ? Fr.One : Fr.Zero;
            }
        }
        return columns;
    }

    private static void Validate(WideCircuit circuit, int n)
    {
        if (circuit.Tables.Count > byte.MaxValue || circuit.TableSize > n)
        {
            throw new ArgumentException($"the circuit declares {circuit.Tables.Count} tables of {circuit.TableSize} entries; at most 255 tables, and the domain holds {n}");
        }
        if (circuit.WireCount < 1 + circuit.PublicCount)
        {
            throw new ArgumentException($"the circuit has {circuit.WireCount} wires, fewer than 1 + {circuit.PublicCount} public inputs");
        }
        if (circuit.PublicCount > circuit.Rows.Count || circuit.Rows.Count >= n)
        {
            throw new ArgumentException($"the circuit has {circuit.PublicCount} public inputs and {circuit.Rows.Count} rows");
        }
        for (int i = 0; i < circuit.Rows.Count; i++)
        {
            var row = circuit.Rows[i];
            if (row.Gate != GateKind.None && !WideGates.All.Any(g => g.Kind == row.Gate))
            {
                throw new ArgumentException($"row {i} switches on gate {row.Gate}, which no gate of this build answers to");
            }
            if (row.Lookup > circuit.Tables.Count)
            {
                throw new ArgumentException($"row {i} looks up table {row.Lookup - 1}, but the circuit declares {circuit.Tables.Count} tables");
            }
            if (row.Lanes && (row.Lookup == 0 || circuit.Tables[row.Lookup - 1].Arity != 1))
            {
                throw new ArgumentException($"row {i} looks up its lanes, which needs a table of one column");
            }
            for (int c = 0; c < WideLayout.Width; c++)
            {
                if (row.Wires[c] >= circuit.WireCount)
                {
                    throw new ArgumentException($"row {i} cell {c} holds wire {row.Wires[c]}, but the circuit has {circuit.WireCount} wires");
                }
            }
            if (i < circuit.PublicCount && (row.Gate != GateKind.Arithmetic || row.Wires[0] != i + 1 || !row[Coefficient.Q0].IsOne))
            {
                throw new ArgumentException($"row {i} is a public-input row: an arithmetic row with w0 = wire {i + 1} and q0 = 1");
            }
        }
    }

    /// <summary>
    /// σ0..σ4 on H: cell (c, i) is labelled k_c·ω^i; the cells holding one wire form a cycle in cell order (each
    /// points to the next, the last to the first), so σ_c(ω^i) is the label of the next cell of the same wire.
    /// </summary>
    internal static Fr[][] Permutation(uint[] wireMap, int n, int power, Fr[] shifts)
    {
        Fr omega = EvaluationDomain.Get(power).Generator;
        var powers = new Fr[n];
        Fr w = Fr.One;
        for (int i = 0; i < n; i++, w *= omega)
        {
            powers[i] = w;
        }
        Fr Label(int position) => shifts[position / n] * powers[position % n];

        int cells = WideLayout.Width * n;
        var sigma = new Fr[cells];
        var first = new Dictionary<uint, int>();
        var last = new Dictionary<uint, int>();
        for (int p = 0; p < cells; p++)
        {
            uint wire = wireMap[p];
            if (last.TryGetValue(wire, out int previous))
            {
                sigma[previous] = Label(p);
            }
            else
            {
                first[wire] = p;
            }
            last[wire] = p;
        }
        foreach (var (wire, p) in last)
        {
            sigma[p] = Label(first[wire]);
        }
        var columns = new Fr[WideLayout.Width][];
        for (int c = 0; c < columns.Length; c++)
        {
            columns[c] = sigma.AsSpan(c * n, n).ToArray();
        }
        return columns;
    }
}
