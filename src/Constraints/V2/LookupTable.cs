// SPDX-License-Identifier: MIT
using ZkOptions.Field;

namespace ZkOptions.Constraints.V2;

/// <summary>
/// A fixed table a v2 circuit declares for logUp lookups (eprint 2022/1530), of one to <see cref="MaxArity"/>
/// columns: a row whose <see cref="WideRow.Lookup"/> names the table asserts that its first <see cref="Arity"/>
/// cells (w0, then w1, w2) are one of the table's entries, or, with <see cref="WideRow.Lanes"/> (one-column tables),
/// that each of its lanes w0..w3 is. The tables of a circuit sit in fixed columns on the same
/// domain as the rows, each entry tagged with its table, so the domain must hold max(rows, total table size).
/// </summary>
public sealed class LookupTable
{
    /// <summary>The most columns a table has (the cells w0..w2 of the row that looks up).</summary>
    public const int MaxArity = 3;

    private readonly Dictionary<(Fr, Fr, Fr), int> index;

    /// <summary>A single-column table of <paramref name="values"/> (duplicates allowed; the first occurrence counts).</summary>
    public LookupTable(string name, IReadOnlyList<Fr> values)
        : this(name, [.. values.Select(v => new[] { v })])
    {
    }

    /// <summary>A table of <paramref name="entries"/>, each of the same length 1 … <see cref="MaxArity"/>.</summary>
    public LookupTable(string name, IReadOnlyList<Fr[]> entries)
    {
        ArgumentException.ThrowIfNullOrEmpty(name);
        if (entries.Count == 0)
        {
            throw new ArgumentException("a lookup table needs at least one entry", nameof(entries));
        }
        int arity = entries[0].Length;
        if (arity < 1 || arity > MaxArity || entries.Any(e => e.Length != arity))
        {
            throw new ArgumentException($"every entry of a lookup table has the same 1 to {MaxArity} values", nameof(entries));
        }
        Name = name;
        Arity = arity;
        Entries = entries;
        index = new Dictionary<(Fr, Fr, Fr), int>(entries.Count);
        for (int i = 0; i < entries.Count; i++)
        {
            index.TryAdd(Key(entries[i]), i);
        }
    }

    /// <summary>The table's name (keys record it).</summary>
    public string Name { get; }

    /// <summary>The number of columns (cells a lookup reads).</summary>
    public int Arity { get; }

    /// <summary>The entries, <see cref="Arity"/> values each.</summary>
    public IReadOnlyList<Fr[]> Entries { get; }

    /// <summary>The first column: for a one-column table, its values.</summary>
    public IReadOnlyList<Fr> Values => [.. Entries.Select(e => e[0])];

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

    /// <summary>The position of the first entry of a one-column table equal to <paramref name="value"/>, or −1.</summary>
    /// <exception cref="InvalidOperationException">The table has more than one column: use the overload that takes the row's cells.</exception>
    public int IndexOf(in Fr value) => Arity == 1 ? IndexOf([value])
        : throw new InvalidOperationException($"table {Name} has {Arity} columns: look up the row's first {Arity} cells, not one value");

    /// <summary>The position of the first entry equal to the first <see cref="Arity"/> values of <paramref name="cells"/>, or −1.</summary>
    public int IndexOf(ReadOnlySpan<Fr> cells) => index.TryGetValue(Key(cells), out int i) ? i : -1;

    private (Fr, Fr, Fr) Key(ReadOnlySpan<Fr> cells) =>
        (cells[0], Arity > 1 ? cells[1] : Fr.Zero, Arity > 2 ? cells[2] : Fr.Zero);
}
