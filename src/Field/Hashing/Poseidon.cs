// SPDX-License-Identifier: MIT
using System.Runtime.CompilerServices;
using ZkOptions.Field.Primitives;

namespace ZkOptions.Field.Hashing;

/// <summary>
/// Poseidon over BN254's Fr with circomlib's parameters (<see cref="PoseidonParameters"/>), giving exactly the
/// values of circomlibjs 0.1.7's <c>poseidon</c> and of circomlib's <c>Poseidon(n)</c> template: for n = 1 … 16
/// inputs the state is [0, inputs…] of width t = n + 1, and the hash is state[0] after the permutation.
/// </summary>
/// <remarks>
/// The permutation is the textbook one — each round adds the round constants, applies x⁵ to every element (full
/// rounds: the first 4 and the last 4) or to state[0] only (partial rounds), then multiplies by the MDS matrix —
/// computed in the equivalent form with sparse partial rounds that circomlibjs's <c>poseidon_opt.js</c> uses (see
/// <see cref="PoseidonOptimizedConstants"/>), which needs 2 to 4 times fewer products for wide states. The state
/// lives on the stack; hashing allocates nothing. Every product calls the one out-of-line copy of
/// <see cref="Fr.Mul"/> (<see cref="OutOfLineFr"/>): with each call site inlined, the permutation measured 1.3–1.7
/// times slower. Checked against circomlibjs for every width (vectors/circomlib/poseidon.json) and against the
/// textbook form on random states.
/// </remarks>
public static class Poseidon
{
    /// <summary>
    /// Hashes 1 … 16 field elements as circomlibjs <c>poseidon(inputs)</c>. Throws <see cref="ArgumentException"/>
    /// for any other count.
    /// </summary>
    public static Fr Hash(ReadOnlySpan<Fr> inputs)
    {
        PoseidonParameters p = PoseidonParameters.ForInputs(inputs.Length);
        Span<Fr> state = stackalloc Fr[p.Width];
        state[0] = Fr.Zero;
        inputs.CopyTo(state[1..]);
        Permute(state, p);
        return state[0];
    }

    /// <inheritdoc cref="Hash(ReadOnlySpan{Fr})"/>
    public static Fr Hash(params Fr[] inputs)
    {
        ArgumentNullException.ThrowIfNull(inputs);
        return Hash((ReadOnlySpan<Fr>)inputs);
    }

    /// <summary>
    /// The full Poseidon permutation of width t = <paramref name="state"/>.Length (2 … 17), in place. Throws
    /// <see cref="ArgumentException"/> for other widths. <c>Hash(x)</c> is <c>Permute([0, x…])[0]</c>.
    /// </summary>
    public static void Permute(Span<Fr> state) => Permute(state, PoseidonParameters.ForWidth(state.Length));

    private static void Permute(Span<Fr> state, PoseidonParameters p)
    {
        PoseidonOptimizedConstants opt = p.Optimized;
        int t = p.Width;
        int half = p.FullRounds / 2;
        int partialRounds = p.PartialRounds;
        ReadOnlySpan<Fr> c = opt.Constants;
        ReadOnlySpan<Fr> mds = p.MdsRowMajor;
        ReadOnlySpan<Fr> sparse = opt.Sparse;
        Span<Fr> scratch = stackalloc Fr[t];

        AddConstants(state, c[..t]);
        int next = t;
        for (int r = 0; r < half - 1; r++)
        {
            SboxAll(state);
            AddConstants(state, c.Slice(next, t));
            next += t;
            Mix(state, mds, scratch);
        }
        SboxAll(state);
        AddConstants(state, c.Slice(next, t));
        next += t;
        Mix(state, opt.PRowMajor, scratch);

        int width = 2 * t - 1;
        for (int r = 0; r < partialRounds; r++)
        {
            Pow5(ref state[0]);
            Fr.Add(in state[0], in c[next + r], out state[0]);
            ReadOnlySpan<Fr> s = sparse.Slice(r * width, width);
            OutOfLineFr.Mul(in s[0], in state[0], out Fr s0);
            for (int j = 1; j < t; j++)
            {
                OutOfLineFr.Mul(in s[j], in state[j], out Fr term);
                Fr.Add(in s0, in term, out s0);
            }
            for (int k = 1; k < t; k++)
            {
                OutOfLineFr.Mul(in state[0], in s[t + k - 1], out Fr term);
                Fr.Add(in state[k], in term, out state[k]);
            }
            state[0] = s0;
        }
        next += partialRounds;

        for (int r = 0; r < half - 1; r++)
        {
            SboxAll(state);
            AddConstants(state, c.Slice(next, t));
            next += t;
            Mix(state, mds, scratch);
        }
        SboxAll(state);
        Mix(state, mds, scratch);
    }

    /// <summary>
    /// The textbook permutation, straight from circomlibjs <c>poseidon_reference.js</c>: kept as the oracle the tests
    /// compare the optimised form with.
    /// </summary>
    internal static void PermuteReference(Span<Fr> state, PoseidonParameters p)
    {
        int t = p.Width;
        int half = p.FullRounds / 2;
        int partialEnd = half + p.PartialRounds;
        int rounds = p.FullRounds + p.PartialRounds;
        ReadOnlySpan<Fr> constants = p.RoundConstants;
        ReadOnlySpan<Fr> mds = p.MdsRowMajor;
        Span<Fr> scratch = stackalloc Fr[t];
        for (int r = 0; r < rounds; r++)
        {
            AddConstants(state, constants.Slice(r * t, t));
            if (r < half || r >= partialEnd)
            {
                SboxAll(state);
            }
            else
            {
                Pow5(ref state[0]);
            }
            Mix(state, mds, scratch);
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void AddConstants(Span<Fr> state, ReadOnlySpan<Fr> rc)
    {
        for (int i = 0; i < state.Length; i++)
        {
            Fr.Add(in state[i], in rc[i], out state[i]);
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void SboxAll(Span<Fr> state)
    {
        for (int i = 0; i < state.Length; i++)
        {
            Pow5(ref state[i]);
        }
    }

    /// <summary>state ← A·state for A row-major t×t: new[i] = Σ_j A[i·t + j]·state[j].</summary>
    private static void Mix(Span<Fr> state, ReadOnlySpan<Fr> matrix, Span<Fr> scratch)
    {
        int t = state.Length;
        for (int i = 0; i < t; i++)
        {
            ReadOnlySpan<Fr> row = matrix.Slice(i * t, t);
            OutOfLineFr.Mul(in row[0], in state[0], out Fr acc);
            for (int j = 1; j < t; j++)
            {
                OutOfLineFr.Mul(in row[j], in state[j], out Fr term);
                Fr.Add(in acc, in term, out acc);
            }
            scratch[i] = acc;
        }
        scratch.CopyTo(state);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void Pow5(ref Fr x)
    {
        OutOfLineFr.Mul(in x, in x, out Fr x2);
        OutOfLineFr.Mul(in x2, in x2, out Fr x4);
        OutOfLineFr.Mul(in x4, in x, out x);
    }
}
