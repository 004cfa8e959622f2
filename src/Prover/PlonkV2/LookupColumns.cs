// SPDX-License-Identifier: MIT
namespace ZkOptions.Prover.PlonkV2;

/// <summary>The fixed columns of the lookup argument, in key and proof order.</summary>
public enum LookupColumns
{
    /// <summary>T0: the tables' first column, all tables one after another (0 on padding).</summary>
    TableValue = 0,

    /// <summary>G: the table tag of each entry (t + 1 for table t, 0 on padding).</summary>
    TableTag = 1,

    /// <summary>Q: the table tag each row looks up in, its first cells or its lanes (0 when it looks nothing up).</summary>
    RowTag = 2,

    /// <summary>qL: 1 on rows that look up, 0 elsewhere.</summary>
    RowSelector = 3,

    /// <summary>T1: the tables' second column (0 for a table of one column).</summary>
    TableValue1 = 4,

    /// <summary>T2: the tables' third column (0 for a table of fewer).</summary>
    TableValue2 = 5,

    /// <summary>1 on rows that look up in a table of two or more columns (w1 is read).</summary>
    RowReadsW1 = 6,

    /// <summary>1 on rows that look up in a table of three columns (w2 is read).</summary>
    RowReadsW2 = 7,

    /// <summary>qR: 1 on rows that look up each lane w0..w3 alone in the table tagged Q (qL is 0 there).</summary>
    LaneSelector = 8,
}
