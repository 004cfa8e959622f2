// SPDX-License-Identifier: MIT
namespace ZkOptions.Field.Hashing;

/// <summary>
/// Hashes any number of field elements with the width-5 Poseidon permutation as a sponge: the state starts as
/// [n, 0, 0, 0, 0] for n inputs, each block of four inputs (the last one padded with zeros) is added into lanes
/// 1 … 4 and the state permuted, and the hash is lane 0 at the end. One block is circomlibjs's
/// <c>poseidon(block, n)</c> (the length as the initial state), and every further block is
/// <c>poseidon(lanes 1…4 + block, lane 0, 5)</c>, so the construction can be checked against circomlibjs step by step.
/// </summary>
/// <remarks>
/// Why a sponge of width 5 rather than one wide Poseidon: width 5 is the widest state a PLONK v2 row holds, where a
/// permutation costs one row per round (73 rows), against about 1,270 rows for circomlib's width-17 Poseidon; on v1
/// gates the sponge is no dearer (four width-5 permutations cost less than one of width 17). The length in the
/// capacity lane keeps inputs of different lengths apart although the padding is zeros.
/// </remarks>
public static class PoseidonSponge
{
    /// <summary>The permutation's width.</summary>
    public const int Width = 5;

    /// <summary>Elements absorbed per permutation.</summary>
    public const int Rate = Width - 1;

    /// <summary>The number of permutations that hash <paramref name="count"/> elements.</summary>
    public static int Permutations(int count) => Math.Max(1, (count + Rate - 1) / Rate);

    /// <summary>The sponge hash of <paramref name="values"/> (at least one element).</summary>
    public static Fr Hash(ReadOnlySpan<Fr> values)
    {
        if (values.IsEmpty)
        {
            throw new ArgumentException("nothing to hash", nameof(values));
        }
        Span<Fr> state = stackalloc Fr[Width];
        state.Clear();
        state[0] = Fr.FromUInt64((ulong)values.Length);
        for (int offset = 0; offset < values.Length; offset += Rate)
        {
            var block = values.Slice(offset, Math.Min(Rate, values.Length - offset));
            for (int j = 0; j < block.Length; j++)
            {
                state[1 + j] += block[j];
            }
            Poseidon.Permute(state);
        }
        return state[0];
    }
}
