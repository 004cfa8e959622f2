// SPDX-License-Identifier: MIT
using ZkOptions.Field;
using ZkOptions.Field.Hashing;
using ZkOptions.Settlement.Engine;
using ZkOptions.Settlement.Hashing;
using ZkOptions.Settlement.Transactions;

namespace ZkOptions.Settlement.Batches;

/// <summary>
/// The public data of each transaction — what someone needs, with the L1 queue and the epochs, to rebuild the state
/// — as a vector of field elements starting with the type code. A batch's data commitment is the chain
/// <c>d₀ = 0, dᵢ₊₁ = Poseidon(dᵢ, HashMany(dataᵢ))</c>.
/// </summary>
public static class TransactionData
{
    /// <summary>The public fields of an accepted transaction.</summary>
    public static Fr[] Fields(TransactionResult result)
    {
        Fr U(long v) => FieldCodec.Unsigned(v);
        Transaction tx = result.Transaction;
        return tx switch
        {
            NoopTx => [U(0)],
            DepositTx d => [U(1), U(d.QueueIndex)],
            WithdrawTx w => [U(2), U(w.Account), U(w.Amount.Micros), Fr.FromBigInteger(w.Recipient), U(w.Nonce)],
            ForcedWithdrawTx f => [U(3), U(f.QueueIndex), U(result.Details.GetValueOrDefault("applied") == "true" ? 1 : 0)],
            TradeTx t => [U(4), U(t.Maker.Order.Account), U(t.Taker.Order.Account), t.Maker.Order.Series.ToField(),
                U(t.Maker.Order.LimitPrice.Micros), U(t.Fill.Units), U(t.Maker.Order.StorageId), U(t.Taker.Order.StorageId)],
            LiquidationStartTx s => [U(5), U(s.Account)],
            LiquidationBidTx b => [U(6), U(b.Liquidator), U(b.Victim), U(b.Fraction), U(b.Price.Micros)],
            LiquidationEndTx e => [U(7), U(e.Account)],
            SettleTx s => [U(8), U(s.Account), s.Series.ToField()],
            OracleUpdateTx o => [U(9), U(o.Epoch.Id), o.Epoch.Commitment],
            RiskRefreshTx r => [U(10), U(r.Account)],
            _ => throw new ArgumentException($"unknown transaction {tx.GetType().Name}", nameof(result)),
        };
    }

    /// <summary>The data chain after appending <paramref name="result"/>.</summary>
    public static Fr Chain(Fr previous, TransactionResult result) => Poseidon.Hash(previous, FieldCodec.HashMany(Fields(result)));
}
