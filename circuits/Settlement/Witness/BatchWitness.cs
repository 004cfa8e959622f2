// SPDX-License-Identifier: MIT
using System.Globalization;
using System.Numerics;
using ZkOptions.Circuit.Solving;
using ZkOptions.Circuits.Settlement.Gadgets;
using ZkOptions.Field;
using ZkOptions.Field.BabyJubjub;
using ZkOptions.Field.Hashing;
using ZkOptions.Settlement.Batches;
using ZkOptions.Settlement.Engine;
using ZkOptions.Settlement.Hashing;
using ZkOptions.Settlement.Orders;
using ZkOptions.Settlement.State;
using ZkOptions.Settlement.Transactions;
using R = ZkOptions.Circuits.Settlement.SlotRegions;

namespace ZkOptions.Circuits.Settlement.Witness;

/// <summary>
/// Turns a batch the settlement engine sealed (or a batch file read back) into the batch circuit's inputs: the
/// public inputs, the start values that open the old root, and one slot per transaction laid out by
/// <see cref="SlotLayout"/>, padded with noops. Everything comes from the batch's own witness records (account
/// preimages and proofs, order slots, series with proofs), never from a live state.
/// </summary>
public static class BatchWitness
{
    /// <summary>The circuit inputs for <paramref name="batch"/> in a circuit of <paramref name="shape"/>.</summary>
    /// <exception cref="ArgumentException">The batch has more transactions than the circuit has slots.</exception>
    /// <exception cref="BatchRuleException">A transaction's records break a rule so that no slot can hold them.</exception>
    public static InputAssignment Build(Batch batch, SettlementShape shape) => Assign(batch, Slots(batch, shape));

    /// <summary>The slots input alone (one slot per transaction, then noops), for tests that edit a slot by hand.</summary>
    /// <exception cref="ArgumentException">The batch has more transactions than the circuit has slots.</exception>
    /// <exception cref="BatchRuleException">A transaction's records break a rule so that no slot can hold them.</exception>
    public static Fr[] Slots(Batch batch, SettlementShape shape)
    {
        ArgumentNullException.ThrowIfNull(batch);
        int[] assigned = SlotsOf(batch, shape);
        WitnessPreconditions.Check(batch, shape.Parameters);
        var slots = new Fr[shape.SlotFieldCount];
        for (int i = 0; i < batch.Transactions.Count; i++)
        {
            int slot = assigned[i];
            new SlotWriter(shape, shape.SlotLayoutOf(slot), slots, shape.SlotOffset(slot)).Write(batch.Transactions[i]);
        }
        return slots;
    }

    /// <summary>
    /// The slot each of <paramref name="batch"/>'s transactions takes in a circuit of <paramref name="shape"/>
    /// (BatchLayout.Assign: in order, each in the earliest slot that accepts it).
    /// </summary>
    /// <exception cref="ArgumentException">The transactions do not fit the circuit's slots.</exception>
    public static int[] SlotsOf(Batch batch, SettlementShape shape)
    {
        ArgumentNullException.ThrowIfNull(batch);
        ArgumentNullException.ThrowIfNull(shape);
        return shape.Layout.Assign(BatchCircuitSize.TypeCodes(batch))
               ?? throw new ArgumentException(batch.Transactions.Count > shape.Slots
                   ? $"batch {batch.Number} has {batch.Transactions.Count} transactions; the circuit has {shape.Slots} slots"
                   : $"batch {batch.Number}'s transactions do not fit {shape.Name}'s slots in order: " +
                     $"{batch.Transactions.Count(t => !BatchLayout.Accepts(SlotKind.Trade, t.Transaction.TypeCode))} of them need a general slot " +
                     $"after the slot of the transaction before, and the circuit has {shape.Layout.GeneralSlots} general slots among {shape.Slots}");
    }

    /// <summary>The circuit inputs: the batch's public inputs and start values with the given slots.</summary>
    public static InputAssignment Assign(Batch batch, Fr[] slots)
    {
        var inputs = new InputAssignment($"batch {batch.Number}");
        foreach (var (name, value) in batch.PublicInputs)
        {
            inputs.Set(name, value);
        }
        var s = batch.Start;
        inputs.Set("start", [s.AccountsRoot, U(s.EpochId), U(s.EpochTimestamp), s.SeriesRoot, s.SpotsHash, U(batch.QueueConsumedBefore),
            batch.OracleDomain]);
        inputs.Set("slots", slots);
        return inputs;
    }

    internal static Fr U(long v) => FieldCodec.Unsigned(v);

    /// <summary>Writes one transaction into the slot that starts at <paramref name="at"/>.</summary>
    private sealed class SlotWriter(SettlementShape shape, SlotLayout layout, Fr[] w, int at)
    {
        private void Set(string region, int index, Fr value)
        {
            var (offset, count) = layout[region];
            if (index >= count)
            {
                throw new InvalidOperationException($"region {region} has {count} fields");
            }
            w[at + offset + index] = value;
        }

        private void Set(string region, IReadOnlyList<Fr> values)
        {
            for (int i = 0; i < values.Count; i++)
            {
                Set(region, i, values[i]);
            }
        }

        private void Tx(int field, Fr value) => Set(R.Transaction, field, value);

        private static Fr[] Flatten(MerkleProof proof) => proof.Siblings.SelectMany(level => level).ToArray();

        public void Write(TransactionResult r)
        {
            var tx = r.Transaction;
            Set(R.Type, 0, U(tx.TypeCode));
            long insurance = shape.Parameters.InsuranceAccount;
            bool insurancePort = tx is TradeTx or LiquidationBidTx or SettleTx or LiquidationEndTx;
            int full = 0;
            foreach (var update in r.AccountUpdates)
            {
                if (insurancePort && update.Index == insurance)
                {
                    WriteInsurance(update);
                }
                else
                {
                    WriteFull(full++ == 0 ? R.Primary : R.Counterparty, update);
                }
            }
            Account? primary = r.AccountUpdates.Count > 0 ? r.AccountUpdates[0].Before : null;
            switch (tx)
            {
                case DepositTx d:
                    WriteQueueEntry(r, d.QueueIndex);
                    break;
                case ForcedWithdrawTx f:
                    WriteQueueEntry(r, f.QueueIndex);
                    Tx(R.QueueApplied, r.Details.GetValueOrDefault("applied") == "true" ? Fr.One : Fr.Zero);
                    // The slot refreshes the account's risk cache from every position slot, as riskRefresh does.
                    if (primary is not null)
                    {
                        WriteSlotSeries(r, primary);
                    }
                    break;
                case WithdrawTx wd:
                    Tx(R.Amount, U(wd.Amount.Micros));
                    Tx(R.Recipient, Fr.FromBigInteger(wd.Recipient));
                    Tx(R.Nonce, U(wd.Nonce));
                    WriteSignature(0, wd.Signature);
                    break;
                case TradeTx t:
                    WriteOrder(R.MakerOrder, t.Maker.Order);
                    WriteOrder(R.TakerOrder, t.Taker.Order);
                    Tx(R.Fill, U(t.Fill.Units));
                    WriteSignature(0, t.Maker.Signature);
                    WriteSignature(1, t.Taker.Signature);
                    WriteSeries(0, r.Series.Single(s => s.Risk.Key == t.Maker.Order.Series));
                    WriteOrderSlot(0, r.OrderSlots.Single(s => s.Account == t.Maker.Order.Account));
                    WriteOrderSlot(1, r.OrderSlots.Single(s => s.Account == t.Taker.Order.Account));
                    break;
                case LiquidationBidTx b:
                    Tx(R.Fraction, U(b.Fraction));
                    Tx(R.Price, U(b.Price.Micros));
                    Tx(R.Nonce, U(b.Nonce));
                    WriteSignature(0, b.Signature);
                    WriteSlotSeries(r, primary!);
                    break;
                case SettleTx s:
                    Tx(R.SettleSeries, s.Series.ToField());
                    WriteSeries(0, r.Series.Single(x => x.Risk.Key == s.Series));
                    break;
                case OracleUpdateTx o:
                    Tx(R.EpochId, U(o.Epoch.Id));
                    Tx(R.EpochTimestamp, U(o.Epoch.Timestamp));
                    Tx(R.EpochSeriesRoot, o.Epoch.SeriesTree.Root);
                    Tx(R.EpochSpotsHash, o.Epoch.SpotsHash);
                    WriteSignature(0, o.Epoch.Signature ?? throw new ArgumentException($"epoch {o.Epoch.Id} is not signed"));
                    break;
                case RiskRefreshTx:
                    WriteSlotSeries(r, primary!);
                    break;
            }
        }

        private void WriteFull(string port, AccountUpdate u)
        {
            Set(port + ".index", 0, U(u.Index));
            Set(port + ".isNew", 0, u.Before is null ? Fr.One : Fr.Zero);
            if (u.Before is { } a)
            {
                Set(port + ".old", Fields(a));
            }
            Set(port + ".path", Flatten(u.Proof));
        }

        private void WriteInsurance(AccountUpdate u)
        {
            var a = u.Before ?? throw new ArgumentException("the insurance account must exist before it pays or is paid");
            Set(R.Insurance + ".old", a.LeafFields());
            Set(R.Insurance + ".path", Flatten(u.Proof));
        }

        /// <summary>The leaf's fields with the positions and the risk cache opened (AccountFields).</summary>
        private static Fr[] Fields(Account a) =>
            [.. a.LeafFields().AsSpan(0, AccountFields.Fixed), .. a.PositionFields(), .. a.Risk.Fields()];

        private void WriteQueueEntry(TransactionResult r, long index)
        {
            Tx(R.QueueIndex, U(index));
            Tx(R.QueueOwner, Fr.FromBigInteger(BigInteger.Parse("0" + r.Details["l1Owner"][2..], NumberStyles.HexNumber, CultureInfo.InvariantCulture)));
            Tx(R.QueueAmount, U(long.Parse(r.Details["l1Amount"], CultureInfo.InvariantCulture)));
            Tx(R.QueueKeyX, Fr.FromBigInteger(BigInteger.Parse(r.Details["l1KeyX"], CultureInfo.InvariantCulture)));
            Tx(R.QueueKeyY, Fr.FromBigInteger(BigInteger.Parse(r.Details["l1KeyY"], CultureInfo.InvariantCulture)));
        }

        private void WriteOrder(int at, Order o)
        {
            Fr[] f = o.Fields();
            for (int i = 0; i < f.Length; i++)
            {
                Tx(at + i, f[i]);
            }
        }

        private void WriteSignature(int port, EddsaSignature s) =>
            Set($"{R.Signature}{port}", [s.R8.X, s.R8.Y, Fr.FromBigInteger(s.S)]);

        private void WriteSeries(int port, SeriesWitness s)
        {
            var risk = s.Risk;
            var fields = new List<Fr> { risk.Key.ToField(), FieldCodec.Signed(risk.Mark.Micros), FieldCodec.Signed(risk.ShortCharge.Micros),
                FieldCodec.Signed(risk.SettlementPrice.Micros) };
            fields.AddRange(risk.RiskArray.Select(v => FieldCodec.Signed(v.Micros)));
            Set($"{R.Series}{port}.fields", fields);
            Set($"{R.Series}{port}.index", 0, U(s.Index));
            Set($"{R.Series}{port}.path", Flatten(s.Proof));
        }

        /// <summary>Series port i serves position slot i of the account (refresh, liquidation bid).</summary>
        private void WriteSlotSeries(TransactionResult r, Account account)
        {
            for (int i = 0; i < account.Positions.Length; i++)
            {
                if (account.Positions[i].Series is { } key && r.Series.FirstOrDefault(s => s.Risk.Key == key) is { } found)
                {
                    WriteSeries(i, found);
                }
            }
        }

        private void WriteOrderSlot(int port, OrderSlotUpdate s)
        {
            Set($"{R.OrderSlot}{port}.old", [U(s.Before.StorageId), U(s.Before.Filled.Units)]);
            Set($"{R.OrderSlot}{port}.path", Flatten(s.Proof));
        }
    }
}
