// SPDX-License-Identifier: MIT
using System.Runtime.CompilerServices;
using ZkOptions.Field;
using Native = ZkOptions.Field.Hashing.PoseidonSponge;

namespace ZkOptions.Circuit.Std;

/// <summary>
/// The width-5 Poseidon sponge of <see cref="Native"/> in circuit: the state starts as [n, 0, 0, 0, 0], each block of
/// four inputs is added into lanes 1 … 4 before a permutation, and the hash is lane 0. On v2 a block costs its 73
/// permutation rows and one row per lane it adds into (none for the first block).
/// </summary>
public static class PoseidonSponge
{
    /// <summary>The sponge hash of <paramref name="values"/> (at least one).</summary>
    public static Variable Hash(Api api, ReadOnlySpan<Variable> values, [CallerFilePath] string file = "", [CallerLineNumber] int line = 0)
    {
        if (values.IsEmpty)
        {
            throw new ArgumentException("nothing to hash", nameof(values));
        }
        using (api.Scope($"poseidon sponge({values.Length})"))
        {
            var state = new Variable[Native.Width];
            state[0] = new Variable(Fr.FromUInt64((ulong)values.Length));
            for (int j = 1; j < Native.Width; j++)
            {
                state[j] = new Variable(Fr.Zero);
            }
            for (int offset = 0; offset < values.Length; offset += Native.Rate)
            {
                int n = Math.Min(Native.Rate, values.Length - offset);
                for (int j = 0; j < n; j++)
                {
                    state[1 + j] += values[offset + j];
                }
                state = Poseidon.Permute(api, state, file, line);
            }
            return state[0];
        }
    }
}
