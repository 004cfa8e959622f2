// SPDX-License-Identifier: MIT
using ZkOptions.Field;

namespace ZkOptions.Constraints.V2;

public sealed partial class WideCircuit
{
    /// <summary>A circuit that also declares lookup tables; a row's <see cref="WideRow.Lookup"/> = t + 1 looks its first cells up in <paramref name="tables"/>[t].</summary>
    public WideCircuit(IReadOnlyList<WideRow> rows, int wireCount, int publicCount, IReadOnlyList<LookupTable> tables)
        : this(rows, wireCount, publicCount)
    {
        Tables = tables;
    }

    /// <summary>The lookup tables (none unless declared).</summary>
    public IReadOnlyList<LookupTable> Tables { get; } = [];

    /// <summary>The number of table entries, all tables together (the domain must hold this many).</summary>
    public int TableSize => Tables.Sum(t => t.Entries.Count);

    /// <summary>The rows whose lookup fails on <paramref name="witness"/> (a table that does not exist, or cells not an entry of it), at most <paramref name="max"/>.</summary>
    public IReadOnlyList<int> FailingLookups(ReadOnlySpan<Fr> witness, int max = 100)
    {
        var failing = new List<int>();
        Span<Fr> cells = stackalloc Fr[LookupTable.MaxArity];
        for (int r = 0; r < Rows.Count && failing.Count < max; r++)
        {
            int lookup = Rows[r].Lookup;
            if (lookup == 0)
            {
                continue;
            }
            for (int c = 0; c < cells.Length; c++)
            {
                cells[c] = witness[(int)Rows[r].Wires[c]];
            }
            if (lookup > Tables.Count || Tables[lookup - 1].IndexOf(cells) < 0)
            {
                failing.Add(r);
            }
        }
        return failing;
    }
}
