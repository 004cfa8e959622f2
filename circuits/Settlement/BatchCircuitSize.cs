// SPDX-License-Identifier: MIT
using ZkOptions.Settlement.Batches;

namespace ZkOptions.Circuits.Settlement;

/// <summary>
/// Which <c>batch-N</c> circuit proves a batch: a circuit of N slots holds any batch of at most N transactions (the
/// rest of its slots are noop padding), so a batch file alone calls for N = its transaction count, and a proving key
/// made for N slots proves the batches that fit in them.
/// </summary>
public static class BatchCircuitSize
{
    /// <summary>The slot count of the smallest circuit that holds <paramref name="batch"/> (at least one slot).</summary>
    public static int SlotsFor(Batch batch)
    {
        ArgumentNullException.ThrowIfNull(batch);
        return Math.Max(1, batch.Transactions.Count);
    }

    /// <summary>
    /// Whether a circuit of <paramref name="shape"/> has a slot for each of <paramref name="batch"/>'s transactions,
    /// in order (a trade in any slot, anything else in a general one).
    /// </summary>
    public static bool Fits(Batch batch, SettlementShape shape)
    {
        ArgumentNullException.ThrowIfNull(batch);
        ArgumentNullException.ThrowIfNull(shape);
        return shape.Layout.Assign(TypeCodes(batch)) is not null;
    }

    /// <summary>The batch's transaction type codes in order, what a layout places.</summary>
    public static int[] TypeCodes(Batch batch)
    {
        ArgumentNullException.ThrowIfNull(batch);
        return batch.Transactions.Select(t => t.Transaction.TypeCode).ToArray();
    }

    /// <summary>The circuit's name, <c>batch-N</c>.</summary>
    public static string Name(int slots) => $"batch-{slots}";
}
