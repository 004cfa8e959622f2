// SPDX-License-Identifier: MIT
using ZkOptions.Field;
using ZkOptions.Field.BabyJubjub;

namespace ZkOptions.Settlement.State;

/// <summary>
/// The L1 contract's request queue as the sequencer sees it: entries in arrival order with the chain hash after
/// each. Batches consume a prefix; <see cref="HashAfter"/>(n) is the public input after n entries. Like the contract,
/// it assigns account indices: a deposit either opens account <see cref="NextAccount"/> with the key its sender
/// chose, or tops up an opened account and must name that account's key, so no deposit can be credited to a key its
/// sender did not choose (a front-runner cannot take over an index). Index 0, the insurance account, is open from
/// genesis with the identity point as key.
/// </summary>
public sealed class L1Queue
{
    private readonly List<L1Operation> entries = [];
    private readonly List<Fr> hashes = [Fr.Zero];
    private readonly List<BabyJubjubPoint> keys = [BabyJubjubPoint.Identity];

    /// <summary>Appends an entry (an L1 transaction) and returns its index.</summary>
    public long Enqueue(L1Operation op)
    {
        ArgumentNullException.ThrowIfNull(op);
        if (op.Amount.Micros < 0 || op.Amount.Micros > L1Operation.MaxAmount)
        {
            throw new ArgumentOutOfRangeException(nameof(op), "an L1 amount must be ≥ 0 and fit 62 bits");
        }
        if (op.Kind == L1OperationKind.Deposit)
        {
            if (op.Account == NextAccount)
            {
                keys.Add(op.PublicKey);
            }
            else if (op.Account < 0 || op.Account > NextAccount)
            {
                throw new ArgumentException($"account {op.Account} is not open (the next account a deposit opens is {NextAccount})", nameof(op));
            }
            else if (keys[checked((int)op.Account)] != op.PublicKey)
            {
                throw new ArgumentException($"a top-up of account {op.Account} names another key than the account's", nameof(op));
            }
        }
        entries.Add(op);
        hashes.Add(L1Operation.Chain(hashes[^1], op.Hash()));
        return entries.Count - 1;
    }

    /// <summary>The index the next opening deposit gets (accounts 0 … NextAccount − 1 are open).</summary>
    public long NextAccount => keys.Count;

    /// <summary>The key of opened account <paramref name="account"/>.</summary>
    public BabyJubjubPoint KeyOf(long account) => keys[checked((int)account)];

    /// <summary>Entries so far.</summary>
    public int Count => entries.Count;

    /// <summary>Entry <paramref name="index"/>.</summary>
    public L1Operation this[long index] => entries[checked((int)index)];

    /// <summary>The chain hash after the first <paramref name="count"/> entries (0 for none).</summary>
    public Fr HashAfter(long count) => hashes[checked((int)count)];
}
