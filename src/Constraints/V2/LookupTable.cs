// SPDX-License-Identifier: MIT
using ZkOptions.Field;

namespace ZkOptions.Constraints.V2;

/// <summary>
/// A fixed single-column table a v2 circuit declares for logUp lookups (eprint 2022/1530): a row whose
/// <see cref="WideRow.Lookup"/> names the table asserts that its w0 is one of <see cref="Values"/>. The tables of a
/// circuit sit in one fixed column on the same domain as the rows, each entry tagged with its table, so the domain
/// must hold max(rows, total table size).
/// </summary>
public sealed class LookupTable
{
    private readonly Dictionary<Fr, int> index;

    /// <summary>A table of <paramref name="values"/> (duplicates allowed; the first occurrence counts).</summary>
    public LookupTable(string name, IReadOnlyList<Fr> values)
    {
        ArgumentException.ThrowIfNullOrEmpty(name);
        if (values.Count == 0)
        {
            throw new ArgumentException("a lookup table needs at least one value", nameof(values));
        }
        Name = name;
        Values = values;
        index = new Dictionary<Fr, int>(values.Count);
        for (int i = 0; i < values.Count; i++)
        {
            index.TryAdd(values[i], i);
        }
    }

    /// <summary>The table's name (keys record it).</summary>
    public string Name { get; }

    /// <summary>The entries.</summary>
    public IReadOnlyList<Fr> Values { get; }

    /// <summary>0 … 2^16 − 1: a 16-bit range check.</summary>
    public static LookupTable Range16 { get; } = Range("range16", 16);

    /// <summary>0 … 2^<paramref name="bits"/> − 1.</summary>
    public static LookupTable Range(string name, int bits)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(bits, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(bits, 24);
        var values = new Fr[1 << bits];
        for (int i = 0; i < values.Length; i++)
        {
            values[i] = Fr.FromUInt64((ulong)i);
        }
        return new LookupTable(name, values);
    }

    /// <summary>The position of <paramref name="value"/>'s first occurrence, or −1.</summary>
    public int IndexOf(in Fr value) => index.TryGetValue(value, out int i) ? i : -1;
}
