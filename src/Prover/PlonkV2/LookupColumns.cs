// SPDX-License-Identifier: MIT
namespace ZkOptions.Prover.PlonkV2;

/// <summary>The fixed columns of the lookup argument, in key and proof order.</summary>
public enum LookupColumns
{
    /// <summary>T: the table entries, all tables one after another (0 on padding).</summary>
    TableValue = 0,

    /// <summary>G: the table tag of each entry (t + 1 for table t, 0 on padding).</summary>
    TableTag = 1,

    /// <summary>Q: the table tag each row looks its w0 up in (0 when it looks nothing up).</summary>
    RowTag = 2,

    /// <summary>qL: 1 on rows that look up, 0 elsewhere.</summary>
    RowSelector = 3,
}
