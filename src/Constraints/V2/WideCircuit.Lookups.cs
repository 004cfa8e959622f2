// SPDX-License-Identifier: MIT
using ZkOptions.Field;

namespace ZkOptions.Constraints.V2;

public sealed partial class WideCircuit
{
    /// <summary>A circuit that also declares lookup tables; a row's <see cref="WideRow.Lookup"/> = t + 1 looks its first cells (or its lanes) up in <paramref name="tables"/>[t].</summary>
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
        for (int r = 0; r < Rows.Count && failing.Count < max; r++)
        {
            if (LookupMiss(r, witness) is not null)
            {
                failing.Add(r);
            }
        }
        return failing;
    }

    /// <summary>
    /// Null when row <paramref name="r"/> looks nothing up or its lookup holds on <paramref name="witness"/>; else the
    /// first value (w0 of the tuple, or the lane) that its table does not hold. This is the membership the logUp
    /// argument proves: the tuple of the first cells, or with <see cref="WideRow.Lanes"/> each of the lanes
    /// w0 … w(<see cref="WideLayout.LaneCount"/> − 1) alone.
    /// </summary>
    public (Fr Value, int Cell)? LookupMiss(int r, ReadOnlySpan<Fr> witness)
    {
        var row = Rows[r];
        if (row.Lookup == 0)
        {
            return null;
        }
        if (row.Lookup > Tables.Count)
        {
            return (witness[(int)row.Wires[0]], 0);
        }
        var table = Tables[row.Lookup - 1];
        Span<Fr> cells = stackalloc Fr[LookupTable.MaxArity];
        if (row.Lanes)
        {
            for (int lane = 0; lane < WideLayout.LaneCount; lane++)
            {
                cells.Clear();
                cells[0] = witness[(int)row.Wires[lane]];
                if (table.IndexOf(cells) < 0)
                {
                    return (cells[0], lane);
                }
            }
            return null;
        }
        for (int c = 0; c < cells.Length; c++)
        {
            cells[c] = witness[(int)row.Wires[c]];
        }
        return table.IndexOf(cells) < 0 ? (cells[0], 0) : null;
    }
}
