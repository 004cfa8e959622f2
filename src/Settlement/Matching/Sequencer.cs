// SPDX-License-Identifier: MIT
using ZkOptions.Settlement.Batches;
using ZkOptions.Settlement.Engine;
using ZkOptions.Settlement.Instruments;
using ZkOptions.Settlement.Margin;
using ZkOptions.Settlement.Numbers;
using ZkOptions.Settlement.Orders;
using ZkOptions.Settlement.State;
using ZkOptions.Settlement.Transactions;

namespace ZkOptions.Settlement.Matching;

/// <summary>What became of a submitted order.</summary>
public sealed record SubmitOutcome(IReadOnlyList<TransactionResult> Fills, Quantity Rested, IReadOnlyList<string> Rejections)
{
    /// <summary>Resting orders taken off the book because the engine refused a fill against them (their account's fault).</summary>
    public IReadOnlyList<RestingOrder> RemovedMakers { get; init; } = [];

    /// <summary>Whether matching stopped because the engine refused a fill for the incoming order's fault.</summary>
    public bool TakerRejected { get; init; }
}

/// <summary>
/// The sequencer: order books per series, the batch being built, and the housekeeping a batch needs — risk
/// refreshes before an account's first margin decision in an epoch, and at the end of each batch a liquidation start
/// for every account left under maintenance, so no batch ends with an unflagged account below maintenance.
/// </summary>
public sealed class Sequencer(SettlementEngine engine)
{
    private readonly Dictionary<SeriesKey, OrderBook> books = [];
    private readonly List<Batch> splitOff = [];
    private BatchBuilder? batch;
    private int nextSlot;
    private long nextSequence;
    private long batchNumber;

    /// <summary>The engine.</summary>
    public SettlementEngine Engine { get; } = engine;

    /// <summary>Rejected requests, for people (and the simulator's report).</summary>
    public List<string> Rejections { get; } = [];

    /// <summary>
    /// The most transactions one batch may hold (the slot count of the batch circuit that proves it), or null for no
    /// cap. When the open batch is full, it is sealed as it stands and the work goes on in a new batch at the same
    /// timestamp; the end-of-batch housekeeping runs once, in the last of them.
    /// </summary>
    public int? MaxTransactionsPerBatch
    {
        get;
        set
        {
            if (value is < 1)
            {
                throw new ArgumentOutOfRangeException(nameof(value), value, "a batch must hold at least one transaction");
            }
            field = value;
        }
    }

    /// <summary>
    /// The slots of the batch circuit that proves each batch (trade slots and general slots, in order), or null.
    /// When the next transaction has no slot left that accepts it (after the previous transaction's slot), the open
    /// batch is sealed as it stands and the work goes on in a new batch at the same timestamp, as with
    /// <see cref="MaxTransactionsPerBatch"/>.
    /// </summary>
    public BatchLayout? Layout { get; set; }

    /// <summary>The arrival sequence the next resting order gets (a snapshot records it).</summary>
    public long NextSequence => nextSequence;

    /// <summary>
    /// Sets the counters of a sequencer rebuilt from a snapshot before its first batch opens: the next batch opened is
    /// <paramref name="lastBatchNumber"/> + 1, and orders rested from now on come after arrival <paramref name="nextArrival"/> − 1.
    /// </summary>
    public void Resume(long lastBatchNumber, long nextArrival)
    {
        if (batch is not null || splitOff.Count > 0)
        {
            throw new InvalidOperationException("a sequencer resumes before its first batch opens");
        }
        batchNumber = lastBatchNumber;
        nextSequence = nextArrival;
    }

    /// <summary>The open batch.</summary>
    public BatchBuilder Batch => batch ?? throw new InvalidOperationException("no batch is open; call BeginBatch");

    /// <summary>The book of <paramref name="series"/>.</summary>
    public OrderBook Book(SeriesKey series) => books.TryGetValue(series, out OrderBook? b) ? b : books[series] = new OrderBook(series);

    /// <summary>
    /// Opens the next batch at <paramref name="timestamp"/> and drops expired orders from every book; returns those
    /// orders (books in the order they were opened).
    /// </summary>
    public IReadOnlyList<RestingOrder> BeginBatch(long timestamp)
    {
        if (batch is not null)
        {
            throw new InvalidOperationException("a batch is already open");
        }
        batch = new BatchBuilder(Engine, ++batchNumber, timestamp);
        nextSlot = 0;
        var expired = new List<RestingOrder>();
        foreach (OrderBook b in books.Values)
        {
            expired.AddRange(b.RemoveExpired(timestamp));
        }
        return expired;
    }

    /// <summary>
    /// Moves the open batch to <paramref name="timestamp"/> while it holds no transaction (an idle sequencer keeps
    /// its batch time current without sealing empty batches) and drops the orders expired by then; returns them.
    /// </summary>
    public IReadOnlyList<RestingOrder> RetimeEmptyBatch(long timestamp)
    {
        if (Batch.Count > 0 || splitOff.Count > 0)
        {
            throw new InvalidOperationException("the open batch holds transactions: seal it instead");
        }
        batch = null;
        batchNumber--;
        return BeginBatch(timestamp);
    }

    /// <summary>Transactions in the open batch and those split off it (0 when none is open).</summary>
    public int OpenTransactions => (batch?.Count ?? 0) + splitOff.Sum(b => b.Transactions.Count);

    /// <summary>Whether a batch is open.</summary>
    public bool HasOpenBatch => batch is not null;

    /// <summary>The books opened so far (a series' book opens at its first order).</summary>
    public IReadOnlyCollection<OrderBook> Books => books.Values;

    /// <summary>Applies a transaction in the open batch, refreshing the accounts it needs first.</summary>
    public TransactionResult Apply(Transaction tx)
    {
        foreach (long a in AccountsNeedingRisk(tx))
        {
            RefreshIfStale(a);
        }
        return Append(tx);
    }

    /// <summary>Applies a transaction, recording a rejection instead of throwing; null when rejected.</summary>
    public TransactionResult? TryApply(Transaction tx)
    {
        try
        {
            return Apply(tx);
        }
        catch (TransactionRejectedException e)
        {
            Rejections.Add($"{tx.TypeName}: {e.Message}");
            return null;
        }
    }

    /// <summary>
    /// Matches <paramref name="order"/> against the book (price-time priority, fills at the resting order's price)
    /// and rests what is left unless <paramref name="immediateOrCancel"/>. A fill the engine rejects because of the
    /// resting order (its margin, expiry, signature) removes that order and matching goes on; one rejected because of
    /// the incoming order stops it.
    /// </summary>
    public SubmitOutcome Submit(SignedOrder order, bool immediateOrCancel = false)
    {
        OrderBook book = Book(order.Order.Series);
        var fills = new List<TransactionResult>();
        var rejections = new List<string>();
        var removed = new List<RestingOrder>();
        Quantity remaining = order.Order.Amount - Engine.State.Find(order.Order.Account)?.Fill(order.Order.StorageId % Engine.State.Parameters.OrderSlotCapacity) switch
        {
            { } f when f.StorageId == order.Order.StorageId => f.Filled,
            _ => Quantity.Zero,
        };
        bool takerRejected = false;
        while (remaining.Units > 0 && book.BestFacing(order.Order.Side) is { } maker)
        {
            bool crosses = order.Order.Side == Side.Buy ? order.Order.LimitPrice >= maker.Order.LimitPrice : order.Order.LimitPrice <= maker.Order.LimitPrice;
            if (!crosses)
            {
                break;
            }
            Quantity fill = remaining < maker.Remaining ? remaining : maker.Remaining;
            try
            {
                fills.Add(Apply(new TradeTx(maker.Signed, order, fill)));
                remaining -= fill;
                maker.Remaining -= fill;
                if (maker.Remaining.IsZero)
                {
                    book.Remove(maker);
                }
            }
            catch (TransactionRejectedException e)
            {
                rejections.Add(e.Message);
                Rejections.Add($"trade: {e.Message}");
                if (e.FaultAccount == order.Order.Account || e.FaultAccount is null)
                {
                    takerRejected = true;
                    break;
                }
                book.Remove(maker);
                removed.Add(maker);
            }
        }
        Quantity rested = Quantity.Zero;
        if (!takerRejected && !immediateOrCancel && remaining.Units > 0)
        {
            book.Add(new RestingOrder(order, nextSequence++, remaining));
            rested = remaining;
        }
        return new SubmitOutcome(fills, rested, rejections) { RemovedMakers = removed, TakerRejected = takerRejected };
    }

    /// <summary>
    /// Rests an order without matching it (a maker quote known not to cross, or what is left of an order matched
    /// with <c>immediateOrCancel</c>), in arrival order, for <paramref name="remaining"/> (default: the whole amount).
    /// </summary>
    public void Rest(SignedOrder order, Quantity? remaining = null) =>
        Book(order.Order.Series).Add(new RestingOrder(order, nextSequence++, remaining ?? order.Order.Amount));

    /// <summary>Removes a resting order (an off-chain cancel; the signed order stays valid until its valid-until).</summary>
    public bool Cancel(SeriesKey series, long account, long storageId) => Book(series).Cancel(account, storageId);

    /// <summary>
    /// Starts a liquidation for every account under maintenance, then seals the batch. Accounts whose risk cache is
    /// stale are refreshed first so the check uses the current epoch.
    /// </summary>
    public Batch SealBatch()
    {
        if (MaxTransactionsPerBatch is not null || Layout is not null)
        {
            throw new InvalidOperationException("a capped or laid-out batch may have been split: seal it with SealBatches");
        }
        return SealOpen();
    }

    private Batch SealOpen()
    {
        if (Engine.State.Epoch is { } epoch && Batch.Timestamp - epoch.Timestamp <= Engine.State.Parameters.MaxEpochAgeSeconds)
        {
            foreach (Account a in Engine.State.Accounts.Values.Where(a => !a.HasNoPositions && !a.IsLiquidating).ToArray())
            {
                RefreshIfStale(a.Index);
                if (!MarginCalculator.Evaluate(Engine.State.Find(a.Index)!, Engine.State.Parameters).HoldsMaintenance)
                {
                    Append(new LiquidationStartTx(a.Index));
                }
            }
        }
        Batch sealedBatch = Batch.Seal();
        batch = null;
        return sealedBatch;
    }

    /// <summary>
    /// Closes the open batch like <see cref="SealBatch"/> and returns every batch it became under
    /// <see cref="MaxTransactionsPerBatch"/>, in order (one when it was never full).
    /// </summary>
    public IReadOnlyList<Batch> SealBatches()
    {
        Batch last = SealOpen();
        var all = new List<Batch>(splitOff);
        splitOff.Clear();
        if (last.Transactions.Count > 0 || all.Count == 0)
        {
            all.Add(last);
        }
        else
        {
            batchNumber--; // a rejected transaction left the last split batch empty: it is not a batch
        }
        return all;
    }

    // Adds tx to the open batch, first sealing it and opening the next at the same timestamp when it has no room
    // for tx (full, or no slot of the layout left that accepts it).
    private TransactionResult Append(Transaction tx)
    {
        BatchBuilder open = Batch;
        int slot = Layout?.NextSlot(nextSlot, tx.TypeCode) ?? nextSlot;
        bool full = Layout is null ? MaxTransactionsPerBatch is int cap && open.Count >= cap : slot < 0;
        if (full)
        {
            splitOff.Add(open.Seal());
            batch = open = new BatchBuilder(Engine, ++batchNumber, open.Timestamp);
            nextSlot = 0;   // the new batch is empty even if the engine refuses tx below
            slot = Layout?.NextSlot(0, tx.TypeCode) ?? 0;
            if (slot < 0)
            {
                throw new InvalidOperationException($"the batch layout {Layout} has no slot for a {tx.TypeName} transaction");
            }
        }
        TransactionResult result = open.Add(tx);
        nextSlot = slot + 1;
        return result;
    }

    /// <summary>Adds a risk refresh for <paramref name="account"/> when its cache is for an older epoch.</summary>
    public void RefreshIfStale(long account)
    {
        if (Engine.State.Epoch is { } e && Engine.State.Find(account) is { } a && a.Risk.Epoch != e.Id)
        {
            Append(new RiskRefreshTx(account));
        }
    }

    private static IEnumerable<long> AccountsNeedingRisk(Transaction tx) => tx switch
    {
        TradeTx t => [t.Maker.Order.Account, t.Taker.Order.Account],
        WithdrawTx w => [w.Account],
        LiquidationStartTx s => [s.Account],
        LiquidationBidTx b => [b.Victim, b.Liquidator],
        LiquidationEndTx e => [e.Account],
        SettleTx s => [s.Account],
        _ => [],
    };
}
