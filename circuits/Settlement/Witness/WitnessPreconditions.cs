// SPDX-License-Identifier: MIT
using System.Globalization;
using System.Numerics;
using ZkOptions.Field;
using ZkOptions.Settlement.Batches;
using ZkOptions.Settlement.Engine;
using ZkOptions.Settlement.Parameters;
using ZkOptions.Settlement.Transactions;

namespace ZkOptions.Circuits.Settlement.Witness;

/// <summary>
/// What <see cref="BatchWitness"/> needs of each transaction's witness records before it can lay them out in a slot.
/// A batch file is untrusted input: the reader checks that it is self-consistent (hashes, proofs, commitments) but not
/// the exchange's rules, so a file can hold a trade whose maker is its taker, or a settle with no record of its
/// series. Each such transaction is refused here with a <see cref="BatchRuleException"/> naming the rule the circuit
/// enforces, so a hostile file gets the circuit's "no" instead of crashing the witness builder. Everything a slot
/// can hold is left to the circuit.
/// </summary>
public static class WitnessPreconditions
{
    /// <summary>Throws a <see cref="BatchRuleException"/> for the first transaction whose records cannot fill a slot.</summary>
    public static void Check(Batch batch, ExchangeParameters parameters)
    {
        ArgumentNullException.ThrowIfNull(batch);
        ArgumentNullException.ThrowIfNull(parameters);
        for (int i = 0; i < batch.Transactions.Count; i++)
        {
            new TransactionCheck(batch.Number, i, batch.Transactions[i], parameters).Run();
        }
    }

    private sealed class TransactionCheck(long batch, int index, TransactionResult r, ExchangeParameters p)
    {
        private void Require(bool holds, Rule rule, string detail) => Require(holds, rule.Name(), detail);

        private void Require(bool holds, string rule, string detail)
        {
            if (!holds)
            {
                throw new BatchRuleException(batch, index, r.Transaction.TypeName, rule, detail);
            }
        }

        public void Run()
        {
            Accounts();
            switch (r.Transaction)
            {
                case TradeTx t:
                    Trade(t);
                    break;
                case LiquidationBidTx b:
                    Require(b.Liquidator != b.Victim, "liquidation.in-progress", $"account {b.Victim} cannot bid on its own liquidation");
                    Require(b.Liquidator != p.InsuranceAccount && b.Victim != p.InsuranceAccount, Rule.NotInsurance,
                        $"the insurance account {p.InsuranceAccount} takes no part in a liquidation");
                    PrimaryExists();
                    break;
                case RiskRefreshTx:
                    PrimaryExists();
                    break;
                case SettleTx s:
                    Require(s.Account != p.InsuranceAccount, Rule.NotInsurance, $"the insurance account {p.InsuranceAccount} does not settle");
                    OneSeries(s.Series);
                    break;
                case DepositTx or ForcedWithdrawTx:
                    QueueEntry();
                    break;
                case OracleUpdateTx o:
                    Require(o.Epoch.Signature is not null, Rule.OracleSignature, $"epoch {o.Epoch.Id} is not signed");
                    break;
            }
        }

        /// <summary>Every account record is in the tree; the slot has two full account ports and the insurance port.</summary>
        private void Accounts()
        {
            foreach (var u in r.AccountUpdates)
            {
                Require(u.Index >= 0 && u.Index < p.AccountCapacity, Rule.AccountExists,
                    $"account index {u.Index} is outside the account tree (0 to {p.AccountCapacity - 1})");
                Require(u.Before is null || u.Before.Positions.Length == p.PositionSlots, Rule.PositionSlotFree,
                    $"account {u.Index} has {u.Before?.Positions.Length} position slots; the exchange has {p.PositionSlots}");
            }
            bool paysInsurance = r.Transaction is TradeTx or LiquidationBidTx or SettleTx or LiquidationEndTx;
            var insurance = r.AccountUpdates.Where(u => paysInsurance && u.Index == p.InsuranceAccount).ToList();
            // A slot opens the accounts its rule uses (two for a trade or a bid, none for an oracle update, else one) and
            // the insurance account once: any other record would sit in a port no rule reads.
            int ports = r.Transaction switch
            {
                TradeTx or LiquidationBidTx => 2,
                NoopTx or OracleUpdateTx => 0,
                _ => 1,
            };
            Require(r.AccountUpdates.Count - insurance.Count <= ports && insurance.Count <= 1, "state.account-proof",
                $"the transaction has {r.AccountUpdates.Count} account records; a {r.Transaction.TypeName} opens {ports}" +
                (paysInsurance ? " and the insurance account" : ""));
            Require(insurance.All(u => u.Before is not null), Rule.AccountExists,
                $"the insurance account {p.InsuranceAccount} must exist before it pays or is paid");
        }

        private void PrimaryExists() =>
            Require(r.AccountUpdates.Count > 0 && r.AccountUpdates[0].Before is not null, Rule.AccountExists,
                "the transaction's account does not exist before it (the batch holds no record of it)");

        private void Trade(TradeTx t)
        {
            long maker = t.Maker.Order.Account, taker = t.Taker.Order.Account;
            Require(maker != taker, Rule.OrderSides, $"account {maker} is both maker and taker");
            Require(maker != p.InsuranceAccount && taker != p.InsuranceAccount, Rule.NotInsurance,
                $"the insurance account {p.InsuranceAccount} does not trade");
            OneSeries(t.Maker.Order.Series);
            OneOrderSlot("maker", maker);
            OneOrderSlot("taker", taker);
        }

        private void OneSeries(ZkOptions.Settlement.Instruments.SeriesKey key)
        {
            int found = r.Series.Count(s => s.Risk.Key == key);
            Require(found == 1, Rule.SeriesListed, found == 0
                ? $"the batch holds no record of series {key} in the epoch"
                : $"the batch holds {found} records of series {key}; a slot reads it once");
        }

        /// <summary>The order slot is what shows an order is neither replayed nor overfilled: exactly one per side.</summary>
        private void OneOrderSlot(string side, long account)
        {
            int found = r.OrderSlots.Count(s => s.Account == account);
            Require(found == 1, Rule.OrderNotReplayed, found == 0
                ? $"the batch holds no order-slot record for the {side}'s order (account {account})"
                : $"the batch holds {found} order-slot records for the {side}'s account {account}; a slot opens one per side");
        }

        /// <summary>A deposit or forced withdrawal carries its L1 queue entry in its details; the queue hash covers it.</summary>
        private void QueueEntry()
        {
            string Detail(string name)
            {
                Require(r.Details.TryGetValue(name, out string? value), Rule.QueueOrder, $"the queue entry's {name} is missing from the details");
                return value!;
            }
            string owner = Detail("l1Owner");
            Require(owner.Length is > 2 and <= 42 && owner.StartsWith("0x", StringComparison.Ordinal) && owner[2..].All(char.IsAsciiHexDigit),
                Rule.QueueOrder, $"the queue entry's l1Owner '{owner}' is not a 0x-prefixed 20-byte address");
            Require(long.TryParse(Detail("l1Amount"), NumberStyles.None, CultureInfo.InvariantCulture, out _), Rule.QueueOrder,
                $"the queue entry's l1Amount '{r.Details["l1Amount"]}' is not a non-negative 64-bit integer");
            foreach (string key in (string[])["l1KeyX", "l1KeyY"])
            {
                string text = Detail(key);
                Require(BigInteger.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out BigInteger v) && v < Fr.Modulus, Rule.QueueOrder,
                    $"the queue entry's {key} '{text}' is not a field element");
            }
        }
    }
}
