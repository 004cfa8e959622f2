// SPDX-License-Identifier: MIT
using System.Runtime.CompilerServices;
using ZkOptions.Constraints;
using ZkOptions.Constraints.V2;
using ZkOptions.Constraints.V2.Gates;
using ZkOptions.Field;
using ZkOptions.Field.Hashing;

namespace ZkOptions.Circuit.Std;

/// <summary>
/// circomlib's Poseidon hash of 1–16 inputs in circuit (t = n + 1, 8 full rounds, circomlib's partial-round counts,
/// x⁵ S-box), equal to circomlibjs's <c>poseidon</c> and to <see cref="ZkOptions.Field.Hashing.Poseidon"/>.
/// </summary>
/// <remarks>
/// It follows the equivalent "optimised" schedule of circomlibjs's poseidon_opt.js (derived in
/// <c>PoseidonOptimizedConstants</c>): round constants pushed through the linear layers, and in the partial rounds
/// one dense matrix P followed by a sparse matrix per round. In this gate shape an S-box costs 3 gates when its
/// input is one wire plus a constant, and a sum of k wires costs k − 1 gates to collapse, so per partial round the
/// cost is 3 (S-box) + (t − 1) (the next S-box input) + (t − 1) (one gate to update each other state element).
/// The output is returned as a symbolic sum (no gates until it is used).
/// </remarks>
public static class Poseidon
{
    /// <summary>Poseidon(inputs) for 1 to 16 inputs.</summary>
    public static Variable Hash(Api api, ReadOnlySpan<Variable> inputs, [CallerFilePath] string file = "", [CallerLineNumber] int line = 0)
    {
        if (inputs.Length < PoseidonParameters.MinInputs || inputs.Length > PoseidonParameters.MaxInputs)
        {
            throw new ArgumentException($"Poseidon takes {PoseidonParameters.MinInputs} to {PoseidonParameters.MaxInputs} inputs, got {inputs.Length}", nameof(inputs));
        }
        var p = PoseidonParameters.ForInputs(inputs.Length);
        int t = p.Width;
        var state = new Variable[t];
        inputs.CopyTo(state.AsSpan(1));
        using (api.Scope($"poseidon({inputs.Length})"))
        {
            var site = api.At($"poseidon({inputs.Length}) round", file, line);
            if (api.TargetSystem == ProofSystem.V2 && state.Any(v => !v.IsConstant))
            {
                return t <= WideLayout.Width ? PermuteInRows(api, site, p, state) : PoseidonWideRows.Permute(api, site, p, state);
            }
            Permute(api, site, p, state);
        }
        return state[0];
    }

    /// <summary>
    /// The whole Poseidon permutation of width <paramref name="state"/>.Length (2 … 5) in circuit, every output lane
    /// (<see cref="ZkOptions.Field.Hashing.Poseidon.Permute(Span{Fr})"/>): what a sponge needs between blocks.
    /// </summary>
    public static Variable[] Permute(Api api, ReadOnlySpan<Variable> state, [CallerFilePath] string file = "", [CallerLineNumber] int line = 0)
    {
        if (state.Length < 2 || state.Length > WideLayout.Width)
        {
            throw new ArgumentException($"the in-circuit permutation takes widths 2 to {WideLayout.Width}, got {state.Length}", nameof(state));
        }
        var p = PoseidonParameters.ForWidth(state.Length);
        var lanes = state.ToArray();
        using (api.Scope($"poseidon permutation({lanes.Length})"))
        {
            var site = api.At($"poseidon permutation({lanes.Length}) round", file, line);
            if (api.TargetSystem == ProofSystem.V2 && lanes.Any(v => !v.IsConstant))
            {
                PermuteInRows(api, site, p, lanes);
            }
            else
            {
                Permute(api, site, p, lanes, everyLane: true);
            }
        }
        return lanes;
    }

    /// <summary>
    /// The v2 layout: one <see cref="PoseidonRoundGate"/> row per round and a row for the output, the round states
    /// filled by the solver (a hint running the gate's own round function) and bound by the rows. The input cells
    /// carry their constants in the first round's constants, so a constant or an offset input costs no row.
    /// </summary>
    private static Variable PermuteInRows(Api api, Api.Site site, PoseidonParameters p, Variable[] state)
    {
        int t = p.Width;
        int rounds = p.FullRounds + p.PartialRounds;
        int half = p.FullRounds / 2;
        var gate = (PoseidonRoundGate)WideGates.Of(PoseidonRoundGate.KindFor(t));
        var cells = new int[t];
        var offsets = new Fr[t];
        for (int j = 0; j < t; j++)
        {
            (cells[j], offsets[j]) = api.Cell(state[j], site);
        }
        var coefficients = new Fr[rounds][];
        for (int r = 0; r < rounds; r++)
        {
            var q = coefficients[r] = new Fr[WideLayout.CoefficientCount];
            q[(int)Coefficient.Qm] = r < half || r >= half + p.PartialRounds ? Fr.One : Fr.Zero;
            for (int j = 0; j < t; j++)
            {
                q[(int)Coefficient.Q0 + j] = p.RoundConstants[r * t + j] + (r == 0 ? offsets[j] : Fr.Zero);
            }
        }

        var inputs = cells.Select(Variable.FromWire).ToArray();
        var states = api.HintCore($"poseidon({t - 1}) rounds", inputs, rounds * t, (values, outputs) =>
        {
            Span<Fr> current = stackalloc Fr[t];
            values.CopyTo(current);
            for (int r = 0; r < rounds; r++)
            {
                var next = outputs.Slice(r * t, t);
                gate.Round(current, coefficients[r], next);
                next.CopyTo(current);
            }
        }, site);

        for (int r = 0; r <= rounds; r++)
        {
            var row = new WideRow { Gate = r < rounds ? gate.Kind : GateKind.None };
            for (int j = 0; j < t; j++)
            {
                row.Wires[j] = (uint)(r == 0 ? cells[j] : WireOf(states[(r - 1) * t + j]));
            }
            if (r < rounds)
            {
                for (int i = 0; i < WideLayout.CoefficientCount; i++)
                {
                    row.Coefficients[i] = coefficients[r][i];
                }
            }
            api.AddRow(row, site);
        }
        for (int j = 0; j < t; j++)
        {
            state[j] = states[(rounds - 1) * t + j];
        }
        return state[0];

        static int WireOf(Variable hintOutput) =>
            hintOutput.IsSingleWire(out int wire) ? wire : throw new InvalidOperationException("a hint output is one wire");
    }

    private static void Permute(Api api, Api.Site site, PoseidonParameters p, Variable[] state, bool everyLane = false)
    {
        var opt = p.Optimized;
        int t = p.Width;
        int half = p.FullRounds / 2;
        ReadOnlySpan<Fr> c = opt.Constants;
        ReadOnlySpan<Fr> mds = p.MdsRowMajor;
        ReadOnlySpan<Fr> sparse = opt.Sparse;

        AddConstants(state, c[..t]);
        int next = t;
        for (int r = 0; r < half - 1; r++)
        {
            SboxAll(api, site, state);
            AddConstants(state, c.Slice(next, t));
            next += t;
            Mix(state, mds);
        }
        SboxAll(api, site, state);
        AddConstants(state, c.Slice(next, t));
        next += t;
        Mix(state, opt.PRowMajor);

        int width = 2 * t - 1;
        for (int r = 0; r < p.PartialRounds; r++)
        {
            var y = Pow5(api, site, state[0]) + new Variable(c[next + r]);
            ReadOnlySpan<Fr> s = sparse.Slice(r * width, width);
            Variable s0 = y * s[0];
            for (int j = 1; j < t; j++)
            {
                s0 += state[j] * s[j];
            }
            for (int k = 1; k < t; k++)
            {
                // Collapsed every round: each update costs one gate and keeps the next S-box input t terms long.
                state[k] = api.Collapse(state[k] + y * s[t + k - 1], site);
            }
            state[0] = s0;
        }
        next += p.PartialRounds;

        for (int r = 0; r < half - 1; r++)
        {
            SboxAll(api, site, state);
            AddConstants(state, c.Slice(next, t));
            next += t;
            Mix(state, mds);
        }
        SboxAll(api, site, state);
        Mix(state, mds, onlyFirst: !everyLane);
    }

    internal static void AddConstants(Variable[] state, ReadOnlySpan<Fr> rc)
    {
        for (int i = 0; i < state.Length; i++)
        {
            state[i] += new Variable(rc[i]);
        }
    }

    private static void SboxAll(Api api, Api.Site site, Variable[] state)
    {
        for (int i = 0; i < state.Length; i++)
        {
            state[i] = Pow5(api, site, state[i]);
        }
    }

    /// <summary>x⁵ in 3 gates (x², x⁴, x⁴·x) once x is one wire plus a constant; constants fold.</summary>
    private static Variable Pow5(Api api, Api.Site site, Variable x)
    {
        if (x.IsConstant)
        {
            return new Variable(x.Constant.Pow(5));
        }
        var x2 = api.MulCore(x, x, site);
        var x4 = api.MulCore(x2, x2, site);
        return api.MulCore(x4, x, site);
    }

    /// <summary>state ← A·state, new[i] = Σ_j A[i·t + j]·state[j] (symbolic: no gates).</summary>
    internal static void Mix(Variable[] state, ReadOnlySpan<Fr> matrix, bool onlyFirst = false)
    {
        int t = state.Length;
        var mixed = new Variable[t];
        for (int i = 0; i < (onlyFirst ? 1 : t); i++)
        {
            Variable sum = default;
            for (int j = 0; j < t; j++)
            {
                sum += state[j] * matrix[i * t + j];
            }
            mixed[i] = sum;
        }
        mixed.CopyTo(state, 0);
    }
}
