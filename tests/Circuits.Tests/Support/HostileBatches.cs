// SPDX-License-Identifier: MIT
using ZkOptions.Field;
using ZkOptions.Settlement.Batches;
using ZkOptions.Settlement.Engine;
using ZkOptions.Settlement.Transactions;

namespace ZkOptions.Circuits.Tests.Support;

/// <summary>
/// Batches a hostile sequencer could write: real scenario batches edited so that one transaction breaks a rule
/// while the file stays self-consistent (every hash, proof and commitment the batch reader checks still holds).
/// Shared by the circuit tests and the CLI tests.
/// </summary>
public static class HostileBatches
{
    /// <summary>The index of the first trade in <paramref name="batch"/>, or -1.</summary>
    public static int FirstTrade(Batch batch) => batch.Transactions.ToList().FindIndex(r => r.Transaction is TradeTx);

    /// <summary>
    /// The first trade of <paramref name="batch"/> with the maker's account as the taker's too. The maker's order slot
    /// is recorded twice (the second a no-op on the same slot, so its proof still opens the order root), the taker's
    /// own records stay, and the data commitment is recomputed: the batch reader accepts it.
    /// </summary>
    public static Batch MakerIsTaker(Batch batch)
    {
        int i = FirstTrade(batch);
        if (i < 0)
        {
            throw new ArgumentException($"batch {batch.Number} has no trade", nameof(batch));
        }
        var r = batch.Transactions[i];
        var t = (TradeTx)r.Transaction;
        long maker = t.Maker.Order.Account;
        var slot = r.OrderSlots.Single(s => s.Account == maker);
        var taker = t.Taker with { Order = t.Taker.Order with { Account = maker } };
        return WithTransaction(batch, i, r with
        {
            Transaction = t with { Taker = taker },
            OrderSlots = [slot, slot with { Before = slot.After }],
        });
    }

    /// <summary><paramref name="batch"/> with transaction <paramref name="index"/> replaced, its data commitment recomputed.</summary>
    public static Batch WithTransaction(Batch batch, int index, TransactionResult replacement)
    {
        var transactions = batch.Transactions.ToArray();
        transactions[index] = replacement;
        Fr data = transactions.Where(r => r.Transaction is not NoopTx).Aggregate(Fr.Zero, TransactionData.Chain);
        return batch with { Transactions = transactions, DataCommitment = data };
    }
}
