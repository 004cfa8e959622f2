// SPDX-License-Identifier: MIT
using ZkOptions.Field;

namespace ZkOptions.Settlement.State;

/// <summary>
/// The L1 contract's request queue as the sequencer sees it: entries in arrival order with the chain hash after
/// each. Batches consume a prefix; <see cref="HashAfter"/>(n) is the public input after n entries.
/// </summary>
public sealed class L1Queue
{
    private readonly List<L1Operation> entries = [];
    private readonly List<Fr> hashes = [Fr.Zero];

    /// <summary>Appends an entry (an L1 transaction) and returns its index.</summary>
    public long Enqueue(L1Operation op)
    {
        ArgumentNullException.ThrowIfNull(op);
        if (op.Amount.Micros < 0 || op.Amount.Micros > L1Operation.MaxAmount)
        {
            throw new ArgumentOutOfRangeException(nameof(op), "an L1 amount must be ≥ 0 and fit 62 bits");
        }
        entries.Add(op);
        hashes.Add(L1Operation.Chain(hashes[^1], op.Hash()));
        return entries.Count - 1;
    }

    /// <summary>Entries so far.</summary>
    public int Count => entries.Count;

    /// <summary>Entry <paramref name="index"/>.</summary>
    public L1Operation this[long index] => entries[checked((int)index)];

    /// <summary>The chain hash after the first <paramref name="count"/> entries (0 for none).</summary>
    public Fr HashAfter(long count) => hashes[checked((int)count)];
}
