// SPDX-License-Identifier: MIT
using System.Numerics;

namespace ZkOptions.Circuit.Std;

/// <summary>
/// values[index] for a variable index: the index is split into bits (and asserted &lt; values.Length), then a
/// binary tree of selects picks the entry, two levels at a time with <see cref="Api.Lookup2"/>. About
/// (n − 1) gates for n variable entries plus 2·log₂n for the index; cheaper for constant entries.
/// </summary>
public static class Multiplexer
{
    /// <summary>values[index]; the index is asserted to be below values.Length.</summary>
    public static Variable Select(Api api, Variable index, ReadOnlySpan<Variable> values)
    {
        if (values.Length == 0)
        {
            throw new ArgumentException("no values to select from", nameof(values));
        }
        using (api.Scope("mux"))
        {
            var bits = IndexBits(api, index, values.Length);
            return Tree(api, bits, values.ToArray());
        }
    }

    /// <summary>rows[index] for rows of equal length (a risk array, a position slot), sharing the index bits.</summary>
    public static Variable[] SelectRow(Api api, Variable index, IReadOnlyList<Variable[]> rows)
    {
        if (rows.Count == 0 || rows.Any(r => r.Length != rows[0].Length))
        {
            throw new ArgumentException("rows must be non-empty and of one length", nameof(rows));
        }
        using (api.Scope("mux row"))
        {
            var bits = IndexBits(api, index, rows.Count);
            var result = new Variable[rows[0].Length];
            for (int j = 0; j < result.Length; j++)
            {
                result[j] = Tree(api, bits, rows.Select(r => r[j]).ToArray());
            }
            return result;
        }
    }

    private static Variable[] IndexBits(Api api, Variable index, int count)
    {
        if (count == 1)
        {
            api.AssertEqual(index, 0);
            return [];
        }
        int width = (int)new BigInteger(count - 1).GetBitLength();
        var bits = api.ToBits(index, width);
        api.AssertBitsAtMost(bits, count - 1);
        return bits;
    }

    private static Variable Tree(Api api, Variable[] bits, Variable[] values)
    {
        if (values.Length == 1)
        {
            return values[0];
        }
        var level = values;
        int b = 0;
        while (level.Length > 1)
        {
            if (b + 1 < bits.Length && level.Length > 2)
            {
                var next = new Variable[(level.Length + 3) / 4];
                for (int i = 0; i < next.Length; i++)
                {
                    Variable At(int k) => 4 * i + k < level.Length ? level[4 * i + k] : level[^1];
                    next[i] = api.Lookup2(bits[b], bits[b + 1], At(0), At(1), At(2), At(3));
                }
                level = next;
                b += 2;
            }
            else
            {
                var next = new Variable[(level.Length + 1) / 2];
                for (int i = 0; i < next.Length; i++)
                {
                    next[i] = 2 * i + 1 < level.Length ? api.Select(bits[b], level[2 * i + 1], level[2 * i]) : level[2 * i];
                }
                level = next;
                b += 1;
            }
        }
        return level[0];
    }
}
