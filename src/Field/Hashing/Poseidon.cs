// SPDX-License-Identifier: MIT
using System.Runtime.CompilerServices;

namespace ZkOptions.Field.Hashing;

/// <summary>
/// Poseidon over BN254's Fr with circomlib's parameters (<see cref="PoseidonParameters"/>), giving exactly the
/// values of circomlibjs 0.1.7's <c>poseidon</c> and of circomlib's <c>Poseidon(n)</c> template: for n = 1 … 16
/// inputs the state is [0, inputs…] of width t = n + 1, and the hash is state[0] after the permutation.
/// </summary>
/// <remarks>
/// Each round adds the round constants, applies x⁵ to every element (full rounds: the first 4 and the last 4) or
/// to state[0] only (partial rounds), then multiplies by the MDS matrix. The state lives on the stack; hashing
/// allocates nothing. Checked against circomlibjs for every width (vectors/circomlib/poseidon.json).
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
        int t = p.Width;
        int half = p.FullRounds / 2;
        int partialEnd = half + p.PartialRounds;
        int rounds = p.FullRounds + p.PartialRounds;
        ReadOnlySpan<Fr> constants = p.RoundConstants;
        ReadOnlySpan<Fr> mds = p.MdsRowMajor;
        Span<Fr> mixed = stackalloc Fr[t];
        for (int r = 0; r < rounds; r++)
        {
            ReadOnlySpan<Fr> rc = constants.Slice(r * t, t);
            for (int i = 0; i < t; i++)
            {
                Fr.Add(in state[i], in rc[i], out state[i]);
            }
            if (r < half || r >= partialEnd)
            {
                for (int i = 0; i < t; i++)
                {
                    Pow5(ref state[i]);
                }
            }
            else
            {
                Pow5(ref state[0]);
            }
            for (int i = 0; i < t; i++)
            {
                ReadOnlySpan<Fr> row = mds.Slice(i * t, t);
                Fr.Mul(in row[0], in state[0], out Fr acc);
                for (int j = 1; j < t; j++)
                {
                    Fr.Mul(in row[j], in state[j], out Fr term);
                    Fr.Add(in acc, in term, out acc);
                }
                mixed[i] = acc;
            }
            mixed.CopyTo(state);
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void Pow5(ref Fr x)
    {
        Fr.Square(in x, out Fr x2);
        Fr.Square(in x2, out Fr x4);
        Fr.Mul(in x4, in x, out x);
    }
}
