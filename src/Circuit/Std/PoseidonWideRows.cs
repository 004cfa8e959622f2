// SPDX-License-Identifier: MIT
using ZkOptions.Constraints.V2;
using ZkOptions.Constraints.V2.Gates;
using ZkOptions.Field;
using ZkOptions.Field.Hashing;

namespace ZkOptions.Circuit.Std;

/// <summary>
/// circomlib's Poseidon for widths t &gt; 5 in v2 rows, on circomlib's optimised schedule (the one the v1 gadget
/// follows): every S-box is one <see cref="PoseidonSboxGate"/> row whose input the arithmetic rows before it sum into
/// w0 (four terms a row, qNext = −1), and in the partial rounds the t − 1 lanes that only take multiples of the S-box
/// output live in strips of four (<see cref="PoseidonLanesGate"/>, one row per round), so a partial round costs its
/// S-box, its sum and one row per strip instead of an update row per lane.
/// </summary>
internal static class PoseidonWideRows
{
    private const int LanesPerStrip = 4;

    public static Variable Permute(Api api, Api.Site site, PoseidonParameters p, Variable[] state)
    {
        var opt = p.Optimized;
        int t = p.Width;
        int half = p.FullRounds / 2;
        ReadOnlySpan<Fr> c = opt.Constants;
        ReadOnlySpan<Fr> mds = p.MdsRowMajor;

        Poseidon.AddConstants(state, c[..t]);
        int next = t;
        for (int r = 0; r < half - 1; r++)
        {
            SboxAll(api, site, state);
            Poseidon.AddConstants(state, c.Slice(next, t));
            next += t;
            Poseidon.Mix(state, mds);
        }
        SboxAll(api, site, state);
        Poseidon.AddConstants(state, c.Slice(next, t));
        next += t;
        Poseidon.Mix(state, opt.PRowMajor);

        PartialRounds(api, site, p, state, c.Slice(next, p.PartialRounds), opt.Sparse);
        next += p.PartialRounds;

        for (int r = 0; r < half - 1; r++)
        {
            SboxAll(api, site, state);
            Poseidon.AddConstants(state, c.Slice(next, t));
            next += t;
            Poseidon.Mix(state, mds);
        }
        SboxAll(api, site, state);
        Poseidon.Mix(state, mds, onlyFirst: true);
        return state[0];
    }

    /// <summary>
    /// The partial rounds: y = S(state[0]) + cᵣ, state[0] ← Σⱼ sⱼ·state[j] (with y for j = 0), state[k] ← state[k] +
    /// y·ŵₖ. The lanes k ≥ 1 are cells of the strips, laid out first (one strip of rows per four lanes), their wires
    /// filled round by round after the round's S-box.
    /// </summary>
    private static void PartialRounds(Api api, Api.Site site, PoseidonParameters p, Variable[] state, ReadOnlySpan<Fr> c, ReadOnlySpan<Fr> sparse)
    {
        int t = p.Width, rounds = p.PartialRounds, width = 2 * t - 1;
        int strips = (t - 1 + LanesPerStrip - 1) / LanesPerStrip;
        var lanes = new int[rounds + 1, t];   // lanes[r, k], k ≥ 1: lane k at the start of partial round r
        for (int k = 1; k < t; k++)
        {
            lanes[0, k] = api.Materialize(state[k], site);
        }
        var sboxOut = new int[rounds];
        for (int r = 0; r < rounds; r++)
        {
            sboxOut[r] = api.NewWire();
            for (int k = 1; k < t; k++)
            {
                lanes[r + 1, k] = api.NewWire();
            }
        }

        var stripRows = new int[strips, rounds];
        for (int g = 0; g < strips; g++)
        {
            for (int r = 0; r <= rounds; r++)
            {
                var row = new WideRow { Gate = r < rounds ? GateKind.PoseidonLanes : GateKind.None };
                row.Wires[0] = (uint)(r < rounds ? sboxOut[r] : 0);
                for (int j = 1; j <= LanesPerStrip; j++)
                {
                    int k = g * LanesPerStrip + j;
                    if (k >= t)
                    {
                        continue;   // the cell holds wire 0 (one) with multiplier and offset 0, so it stays one
                    }
                    row.Wires[j] = (uint)lanes[r, k];
                    if (r < rounds)
                    {
                        Fr multiplier = sparse[r * width + t + k - 1];
                        PoseidonLanesGate.SetLane(ref row.Coefficients, j, multiplier, multiplier * c[r]);
                    }
                }
                int index = api.AddRow(row, site);
                if (r < rounds)
                {
                    stripRows[g, r] = index;
                }
            }
        }

        Variable s0 = state[0];
        for (int r = 0; r < rounds; r++)
        {
            Sbox(api, site, s0, sboxOut[r]);
            for (int g = 0; g < strips; g++)
            {
                api.SolveRow(stripRows[g, r]);
            }
            ReadOnlySpan<Fr> s = sparse.Slice(r * width, width);
            var y = Variable.FromWire(sboxOut[r]) + new Variable(c[r]);
            var sum = y * s[0];
            for (int j = 1; j < t; j++)
            {
                sum += Variable.FromWire(lanes[r, j]) * s[j];
            }
            s0 = sum;
        }
        state[0] = s0;
        for (int k = 1; k < t; k++)
        {
            state[k] = Variable.FromWire(lanes[rounds, k]);
        }
    }

    private static void SboxAll(Api api, Api.Site site, Variable[] state)
    {
        for (int i = 0; i < state.Length; i++)
        {
            state[i] = state[i].IsConstant ? new Variable(state[i].Constant.Pow(5)) : Variable.FromWire(Sbox(api, site, state[i], api.NewWire()));
        }
    }

    /// <summary>
    /// x⁵ into <paramref name="output"/>: x's terms summed into the S-box row's w0 by chain rows (five terms in the
    /// first, the running sum and four more in each further one), x's constant in the S-box row's q0.
    /// </summary>
    private static int Sbox(Api api, Api.Site site, Variable x, int output)
    {
        var terms = x.Terms;
        int input;
        if (terms.Length == 1 && terms[0].Coefficient.IsOne)
        {
            input = terms[0].Wire;
        }
        else
        {
            input = -1;
            int i = 0;
            while (i < terms.Length)
            {
                var row = new WideRow { Gate = GateKind.Arithmetic };
                int cell = 0;
                if (input >= 0)
                {
                    row.Wires[0] = (uint)input;
                    row.Coefficients[(int)Coefficient.Q0] = Fr.One;
                    cell = 1;
                }
                for (; cell < WideLayout.Width && i < terms.Length; cell++, i++)
                {
                    row.Wires[cell] = (uint)terms[i].Wire;
                    row.Coefficients[(int)Coefficient.Q0 + cell] = terms[i].Coefficient;
                }
                row.Coefficients[(int)Coefficient.Qnext] = -Fr.One;
                int index = api.AddRow(row, site);
                input = api.NewWire();          // the next row's w0, filled by this row's step
                api.SolveRow(index);
            }
        }
        var sbox = new WideRow { Gate = GateKind.PoseidonSbox };
        sbox.Wires[0] = (uint)input;
        sbox.Wires[1] = (uint)output;
        sbox.Coefficients[(int)Coefficient.Q0] = x.Constant;
        api.SolveRow(api.AddRow(sbox, site));
        return output;
    }
}
