// SPDX-License-Identifier: MIT
namespace ZkOptions.Sequencer.Journal;

/// <summary>The life of a batch after the sequencer seals it; a status only moves forward.</summary>
public static class BatchStatus
{
    /// <summary>The statuses in order.</summary>
    public static readonly IReadOnlyList<string> Order = ["sealed", "proving", "proved", "submitted"];

    /// <summary>Whether <paramref name="to"/> may follow <paramref name="from"/> (forward, or the same: idempotent).</summary>
    public static bool MayMove(string from, string to)
    {
        int a = Order.ToList().IndexOf(from), b = Order.ToList().IndexOf(to);
        return a >= 0 && b >= a;
    }
}
