// SPDX-License-Identifier: MIT
using System.Globalization;
using System.Text.Json.Nodes;
using ZkOptions.Field.BabyJubjub;
using ZkOptions.Sequencer.Inputs;
using ZkOptions.Settlement.Batches;
using ZkOptions.Settlement.Engine;
using ZkOptions.Settlement.Instruments;
using ZkOptions.Settlement.Margin;
using ZkOptions.Settlement.Matching;
using ZkOptions.Settlement.Numbers;
using ZkOptions.Settlement.Orders;
using ZkOptions.Settlement.Parameters;
using ZkOptions.Settlement.State;
using ZkOptions.Settlement.Transactions;
using Matcher = ZkOptions.Settlement.Matching.Sequencer;

namespace ZkOptions.Sequencer.Core;

/// <summary>
/// The deterministic heart of the service: the settlement engine, its order books and the order registry, advanced
/// by <see cref="SequencerInput"/>s one at a time on the sequencing thread. It reads no clock (time arrives in
/// <see cref="CutBatch"/>) and iterates only ordered collections, so the same inputs give the same state, the same
/// batches and the same answers. The rules are the engine's; this class adds only what a venue adds around them:
/// time in force, post-only and reduce-only, the pre-trade margin check of a resting order, cancels, and the registry.
/// </summary>
public sealed partial class Exchange
{
    private const int RecentTradeCount = 1_000;

    private readonly Dictionary<(long Account, long StorageId), OrderRecord> orders = [];
    private readonly Dictionary<long, SortedSet<long>> openByAccount = [];
    private readonly Queue<JsonObject> recentTrades = new();

    // The answer given to each L1 queue entry, by queue index, for a report repeated after a lost acknowledgement
    // (kept as text: small, and immutable once given).
    private readonly List<(string? Result, Refusal? Refusal)> l1Answers = [];
    private readonly Action<long, BabyJubjubPoint> accountOpened;
    private readonly Action<SubmitOrder> orderClosed;

    /// <summary>
    /// An exchange at genesis for <paramref name="parameters"/>; batches hold at most <paramref name="maxBatchTransactions"/>;
    /// <paramref name="signatures"/> checks the engine's signatures; <paramref name="accountOpened"/> hears of each
    /// account a deposit opens (with its key), so intake can verify that account's signatures off this thread;
    /// <paramref name="orderClosed"/> hears of each order that leaves the book for good (its verified signature can be forgotten).
    /// </summary>
    public Exchange(ExchangeParameters parameters, int maxBatchTransactions, SignatureCheck signatures,
        Action<long, BabyJubjubPoint> accountOpened, Action<SubmitOrder> orderClosed)
    {
        this.orderClosed = orderClosed;
        Parameters = parameters;
        State = new RollupState(parameters);
        Queue = new L1Queue();
        Matcher = new Matcher(new SettlementEngine(State, Queue) { Signatures = signatures }) { MaxTransactionsPerBatch = maxBatchTransactions };
        this.accountOpened = accountOpened;
        accountOpened(parameters.InsuranceAccount, BabyJubjubPoint.Identity);
    }

    /// <summary>The exchange parameters.</summary>
    public ExchangeParameters Parameters { get; }

    /// <summary>The rollup state.</summary>
    public RollupState State { get; }

    /// <summary>The L1 queue as reported by the operator.</summary>
    public L1Queue Queue { get; }

    /// <summary>The engine's sequencer: books and the open batch.</summary>
    public Matcher Matcher { get; }

    /// <summary>Whether a batch is open (after the first cut).</summary>
    public bool HasOpenBatch => Matcher.HasOpenBatch;

    /// <summary>The open batch's time, or null.</summary>
    public long? BatchTimestamp => Matcher.HasOpenBatch ? Matcher.Batch.Timestamp : null;

    /// <summary>Transactions waiting in the open batch.</summary>
    public int OpenTransactions => Matcher.OpenTransactions;

    /// <summary>The earliest expiry of a series in the current epoch after the open batch's time, or null.</summary>
    public long? NextExpiry => State.Epoch is { } epoch && BatchTimestamp is long now
        ? epoch.Series.Select(s => s.Key.Expiry).Where(e => e > now).DefaultIfEmpty().Min() is long e and > 0 ? e : null
        : null;

    /// <summary>The number of the last sealed batch (0 before the first).</summary>
    public long LastSealedBatch { get; private set; }

    /// <summary>Applies <paramref name="input"/>.</summary>
    public Outcome Apply(SequencerInput input)
    {
        if (input is not CutBatch && !Matcher.HasOpenBatch)
        {
            throw new InvalidOperationException("no batch is open: the journal must start with a cut");
        }
        return input switch
        {
            CutBatch c => Cut(c.Timestamp),
            SubmitOrder o => Submit(o),
            CancelOrder c => Cancel(c),
            CancelAll c => CancelAllOrders(c),
            ReplaceOrder r => Replace(r),
            PublishEpoch e => Epoch(e),
            L1Event l => L1(l),
            _ => throw new ArgumentException($"unknown input {input.GetType().Name}", nameof(input)),
        };
    }

    /// <summary>The record of order <paramref name="account"/>-<paramref name="storageId"/>, or null.</summary>
    public OrderRecord? FindOrder(long account, long storageId) => orders.GetValueOrDefault((account, storageId));

    /// <summary>The ids of the account's resting orders, by storage id.</summary>
    public IReadOnlyCollection<long> OpenOrders(long account) => openByAccount.TryGetValue(account, out var s) ? s : [];

    /// <summary>The last trades, oldest first.</summary>
    public IEnumerable<JsonObject> RecentTrades => recentTrades;

    private Outcome Cut(long timestamp)
    {
        if (Matcher.HasOpenBatch && timestamp < Matcher.Batch.Timestamp)
        {
            throw new InvalidOperationException($"a cut at {timestamp} is before the open batch's time {Matcher.Batch.Timestamp}");
        }
        IReadOnlyList<Batch> sealedBatches = [];
        IReadOnlyList<RestingOrder> expired;
        if (!Matcher.HasOpenBatch)
        {
            expired = Matcher.BeginBatch(timestamp);
        }
        else if (Matcher.OpenTransactions == 0)
        {
            expired = Matcher.RetimeEmptyBatch(timestamp);
        }
        else
        {
            sealedBatches = Matcher.SealBatches();
            LastSealedBatch = sealedBatches[^1].Number;
            expired = Matcher.BeginBatch(timestamp);
        }
        var events = new List<(string, JsonObject)>();
        // Orders in a series that has expired can no longer trade (the engine's series.live rule): off the book.
        foreach (OrderBook book in Matcher.Books.Where(b => b.Series.Expiry <= timestamp && b.Count > 0).ToArray())
        {
            foreach (RestingOrder r in book.Bids.Concat(book.Asks).ToArray())
            {
                book.Remove(r);
                OrderRecord record = orders[(r.Order.Account, r.Order.StorageId)];
                Close(record, OrderStatus.Expired, $"series {book.Series.ToDisplay(Parameters.UnderlyingName)} expired at {book.Series.Expiry}");
                events.Add(("account:" + Str(r.Order.Account), Event("expired", record)));
            }
            events.Add(("book:" + book.Series, BookEvent(book.Series)));
        }
        foreach (RestingOrder r in expired)
        {
            OrderRecord record = orders[(r.Order.Account, r.Order.StorageId)];
            Close(record, OrderStatus.Expired, $"valid until {r.Order.ValidUntil}, batch time {timestamp}");
            events.Add(("account:" + Str(r.Order.Account), Event("expired", record)));
            events.Add(("book:" + r.Order.Series, BookEvent(r.Order.Series)));
        }
        var result = new JsonObject
        {
            ["batchOpen"] = Str(Matcher.Batch.Number),
            ["timestamp"] = Str(timestamp),
            ["sealed"] = new JsonArray(sealedBatches.Select(b => (JsonNode)Str(b.Number)).ToArray()),
            ["stateRoot"] = State.Root.ToString(),
        };
        foreach (Batch b in sealedBatches)
        {
            events.Add(("batches", BatchSummary(b, "sealed")));
        }
        return new Outcome(result, null, true) { Sealed = sealedBatches, Events = events };
    }

    /// <summary>A sealed batch as the API lists it.</summary>
    public static JsonObject BatchSummary(Batch b, string status) => new()
    {
        ["number"] = Str(b.Number),
        ["status"] = status,
        ["timestamp"] = Str(b.Timestamp),
        ["transactions"] = b.Transactions.Count,
        ["oldStateRoot"] = b.OldRoot.ToString(),
        ["newStateRoot"] = b.NewRoot.ToString(),
    };

    private Outcome Submit(SubmitOrder s)
    {
        if (Check(s) is { } refused)
        {
            return Outcome.Refused(refused);
        }
        var events = new List<(string, JsonObject)>();
        JsonObject result = Execute(s, events);
        return new Outcome(result, null, true) { Events = events };
    }

    // The checks an order passes before it is acknowledged; each names the request field at fault.
    private Refusal? Check(SubmitOrder s)
    {
        Order o = s.Order.Order;
        ExchangeParameters p = Parameters;
        if (o.ChainId != p.ChainId)
        {
            return Refusal.Unprocessable("chainId", $"chain id {o.ChainId} is not this exchange's {p.ChainId}");
        }
        if (State.Find(o.Account) is not { } account || o.Account == p.InsuranceAccount)
        {
            return Refusal.Unprocessable("account", $"account {o.Account} is not open (accounts open with a deposit)");
        }
        if (orders.ContainsKey((o.Account, o.StorageId)))
        {
            return Refusal.Conflict("storageId", $"order {OrderRecord.IdOf(o.Account, o.StorageId)} was already acknowledged: a signed order is accepted once");
        }
        if (o.StorageId < 1)
        {
            return Refusal.Unprocessable("storageId", "the storage id must be ≥ 1");
        }
        OrderFill slot = account.Fill(o.StorageId % p.OrderSlotCapacity);
        if (slot.StorageId > o.StorageId)
        {
            return Refusal.Conflict("storageId", $"order slot {o.StorageId % p.OrderSlotCapacity} already holds order {slot.StorageId}; storage ids in a slot only grow");
        }
        if (o.Amount.Units <= 0)
        {
            return Refusal.Unprocessable("amount", "the amount must be positive");
        }
        if (o.LimitPrice.Micros <= 0)
        {
            return Refusal.Unprocessable("limitPrice", "the limit price must be positive");
        }
        long now = Matcher.Batch.Timestamp;
        if (o.ValidUntil < now)
        {
            return Refusal.Unprocessable("validUntil", $"the order expired at {o.ValidUntil}; the batch time is {now}");
        }
        if (State.Epoch is not { } epoch)
        {
            return Refusal.Unprocessable("series", "no risk epoch has been published yet, so no series is listed");
        }
        if (epoch.Find(o.Series) is not { } listed)
        {
            return Refusal.Unprocessable("series", $"series {o.Series} is not listed in risk epoch {epoch.Id}");
        }
        if (listed.Risk.IsSettled || o.Series.Expiry <= now)
        {
            return Refusal.Unprocessable("series", $"series {o.Series.ToDisplay(p.UnderlyingName)} has expired");
        }
        if (account.IsLiquidating)
        {
            return Refusal.Unprocessable("account", $"account {o.Account} is in liquidation");
        }
        if (s.ReduceOnly)
        {
            Quantity position = account.PositionIn(o.Series);
            long reducible = o.Side == Side.Buy ? -position.Units : position.Units;
            if (reducible <= 0 || o.Amount.Units > reducible)
            {
                return Refusal.Unprocessable("reduceOnly", $"a reduce-only {(o.Side == Side.Buy ? "buy" : "sell")} of {o.Amount.ToContracts()} contracts would not only reduce the position of {position.ToContracts()}");
            }
        }
        OrderBook book = Matcher.Book(o.Series);
        if (s.TimeInForce == TimeInForce.PostOnly && book.BestFacing(o.Side) is { } best
            && (o.Side == Side.Buy ? o.LimitPrice >= best.Order.LimitPrice : o.LimitPrice <= best.Order.LimitPrice))
        {
            return Refusal.Unprocessable("timeInForce", $"a post-only order at {o.LimitPrice.ToDollars()} would take the resting {best.Order.LimitPrice.ToDollars()}");
        }
        if (s.TimeInForce != TimeInForce.ImmediateOrCancel)
        {
            RestingOrderMargin m;
            try
            {
                m = RestingOrderMargin.Check(account, o, epoch, p);
            }
            catch (OverflowException)
            {
                return Refusal.Unprocessable("amount", "the order's notional is out of range");
            }
            if (!m.Allowed)
            {
                return Refusal.Unprocessable("amount", m.Reason);
            }
        }
        return null;
    }

    private JsonObject Execute(SubmitOrder s, List<(string, JsonObject)> events)
    {
        Order o = s.Order.Order;
        var record = new OrderRecord(s, Matcher.Batch.Number);
        orders[(o.Account, o.StorageId)] = record;
        SubmitOutcome outcome;
        if (s.TimeInForce == TimeInForce.PostOnly)
        {
            Matcher.Rest(s.Order);
            outcome = new SubmitOutcome([], o.Amount, []);
        }
        else
        {
            outcome = Matcher.Submit(s.Order, immediateOrCancel: true);
        }
        var fills = new JsonArray();
        foreach (TransactionResult r in outcome.Fills)
        {
            var trade = (TradeTx)r.Transaction;
            OrderRecord maker = orders[(trade.Maker.Order.Account, trade.Maker.Order.StorageId)];
            maker.Filled += trade.Fill;
            record.Filled += trade.Fill;
            if (maker.Filled == maker.Order.Amount)
            {
                Close(maker, OrderStatus.Filled, "");
            }
            var t = new JsonObject
            {
                ["batch"] = Str(Matcher.Batch.Number),
                ["series"] = o.Series.ToString(),
                ["price"] = trade.Maker.Order.LimitPrice.ToString(),
                ["amount"] = trade.Fill.ToString(),
                ["makerOrderId"] = maker.Id,
                ["takerOrderId"] = record.Id,
                ["takerSide"] = o.Side == Side.Buy ? "buy" : "sell",
            };
            fills.Add(t.DeepClone());
            recentTrades.Enqueue(t);
            if (recentTrades.Count > RecentTradeCount)
            {
                recentTrades.Dequeue();
            }
            events.Add(("trades", t));
            events.Add(("account:" + Str(maker.Order.Account), Event("fill", maker)));
        }
        foreach (RestingOrder removed in outcome.RemovedMakers)
        {
            OrderRecord maker = orders[(removed.Order.Account, removed.Order.StorageId)];
            Close(maker, OrderStatus.Cancelled, "the engine refused a fill against it: " + string.Join("; ", outcome.Rejections));
            events.Add(("account:" + Str(maker.Order.Account), Event("cancelled", maker)));
        }
        Quantity left = o.Amount - record.Filled;
        if (record.Filled == o.Amount)
        {
            Close(record, OrderStatus.Filled, "");
        }
        else if (outcome.TakerRejected)
        {
            Close(record, record.Filled.IsZero ? OrderStatus.Rejected : OrderStatus.Cancelled, outcome.Rejections[^1]);
        }
        else if (s.TimeInForce == TimeInForce.ImmediateOrCancel)
        {
            Close(record, OrderStatus.Cancelled, "immediate-or-cancel: the unfilled rest is cancelled");
        }
        else
        {
            if (s.TimeInForce != TimeInForce.PostOnly)
            {
                Matcher.Rest(s.Order, left);
            }
            record.Status = OrderStatus.Open;
            Open(o.Account).Add(o.StorageId);
        }
        events.Add(("account:" + Str(o.Account), Event(record.Status == OrderStatus.Open ? "open" : record.Status.ToString().ToLowerInvariant(), record)));
        events.Add(("book:" + o.Series, BookEvent(o.Series)));
        JsonObject result = record.ToJson();
        result["fills"] = fills;
        return result;
    }

    private Outcome Cancel(CancelOrder c)
    {
        if (orders.GetValueOrDefault((c.Account, c.StorageId)) is not { } record)
        {
            return Outcome.Refused(Refusal.NotFound("orderId", $"no order {OrderRecord.IdOf(c.Account, c.StorageId)} was acknowledged"));
        }
        if (record.Status != OrderStatus.Open)
        {
            return Outcome.Refused(Refusal.Conflict("orderId", $"order {record.Id} is {record.Status.ToString().ToLowerInvariant()}, not resting"));
        }
        Matcher.Cancel(record.Order.Series, c.Account, c.StorageId);
        Close(record, OrderStatus.Cancelled, "cancelled by its owner");
        return new Outcome(record.ToJson(), null, true)
        {
            Events = [("account:" + Str(c.Account), Event("cancelled", record)), ("book:" + record.Order.Series, BookEvent(record.Order.Series))],
        };
    }

    private Outcome CancelAllOrders(CancelAll c)
    {
        if (State.Find(c.Account) is null)
        {
            return Outcome.Refused(Refusal.NotFound("account", $"account {c.Account} is not open"));
        }
        long[] ids = [.. OpenOrders(c.Account).Where(id => id <= c.UpToStorageId)];
        var events = new List<(string, JsonObject)>();
        var series = new SortedSet<SeriesKey>(Comparer<SeriesKey>.Create((a, b) => a.Packed.CompareTo(b.Packed)));
        foreach (long id in ids)
        {
            OrderRecord record = orders[(c.Account, id)];
            Matcher.Cancel(record.Order.Series, c.Account, id);
            Close(record, OrderStatus.Cancelled, "cancelled by its owner (cancel-all)");
            events.Add(("account:" + Str(c.Account), Event("cancelled", record)));
            series.Add(record.Order.Series);
        }
        events.AddRange(series.Select(s => ("book:" + s, BookEvent(s))));
        var result = new JsonObject
        {
            ["account"] = Str(c.Account),
            ["cancelled"] = new JsonArray(ids.Select(id => (JsonNode)OrderRecord.IdOf(c.Account, id)).ToArray()),
        };
        return new Outcome(result, null, ids.Length > 0) { Events = events };
    }

    private Outcome Replace(ReplaceOrder r)
    {
        long account = r.Replacement.Order.Order.Account;
        if (orders.GetValueOrDefault((account, r.OldStorageId)) is not { } old)
        {
            return Outcome.Refused(Refusal.NotFound("oldOrderId", $"no order {OrderRecord.IdOf(account, r.OldStorageId)} was acknowledged"));
        }
        if (old.Status != OrderStatus.Open)
        {
            return Outcome.Refused(Refusal.Conflict("oldOrderId", $"order {old.Id} is {old.Status.ToString().ToLowerInvariant()}, not resting"));
        }
        // Both or neither: check the replacement with the old order still resting, then act.
        if (Check(r.Replacement) is { } refused)
        {
            return Outcome.Refused(refused with { Field = refused.Field is null ? "order" : "order." + refused.Field });
        }
        Matcher.Cancel(old.Order.Series, account, r.OldStorageId);
        Close(old, OrderStatus.Cancelled, $"replaced by {OrderRecord.IdOf(account, r.Replacement.Order.Order.StorageId)}");
        var events = new List<(string, JsonObject)> { ("account:" + Str(account), Event("cancelled", old)), ("book:" + old.Order.Series, BookEvent(old.Order.Series)) };
        JsonObject result = Execute(r.Replacement, events);
        result["replaced"] = old.Id;
        return new Outcome(result, null, true) { Events = events };
    }

    private Outcome Epoch(PublishEpoch e)
    {
        try
        {
            TransactionResult r = Matcher.Apply(new OracleUpdateTx(e.Epoch));
            var result = new JsonObject
            {
                ["epoch"] = Str(e.Epoch.Id),
                ["timestamp"] = Str(e.Epoch.Timestamp),
                ["commitment"] = e.Epoch.Commitment.ToString(),
                ["stateRoot"] = r.RootAfter.ToString(),
            };
            return new Outcome(result, null, true) { Events = [("epochs", (JsonObject)result.DeepClone())] };
        }
        catch (TransactionRejectedException ex)
        {
            string field = ex.Rule == Rule.OracleSignature ? "signature"
                : ex.Rule == Rule.OracleForward && ex.Detail.Contains("does not follow", StringComparison.Ordinal) ? "id"
                : ex.Rule == Rule.OracleConsistent ? "series" : "timestamp";
            return Outcome.Refused(Refusal.Unprocessable(field, ex.Message));
        }
    }

    private Outcome L1(L1Event l)
    {
        L1Operation op = l.Operation;
        long expected = Queue.Count;
        if (l.QueueIndex is long given && given != expected)
        {
            return given < expected ? ReportedAgain(given, op) : Outcome.Refused(Refusal.Conflict("queueIndex",
                $"queue index {given} is ahead of the sequencer's L1 queue: the next expected index is {expected} (report entries {expected} to {given - 1} first)")
                with { Members = ExpectedIndex(expected) });
        }
        if (op.Kind == L1OperationKind.ForcedWithdraw && State.Find(op.Account) is null)
        {
            return Outcome.Refused(Refusal.Unprocessable("account", $"account {op.Account} is not open"));
        }
        long index;
        try
        {
            index = Queue.Enqueue(op);
        }
        catch (ArgumentException ex)
        {
            return Outcome.Refused(Refusal.Unprocessable("account", ex.Message));
        }
        Outcome outcome = Consume(op, index);
        l1Answers.Add((outcome.Result?.ToJsonString(), outcome.Refusal));
        return outcome;
    }

    private Outcome Consume(L1Operation op, long index)
    {
        bool opens = op.Kind == L1OperationKind.Deposit && State.Find(op.Account) is null;
        Transaction tx = op.Kind == L1OperationKind.Deposit ? new DepositTx(index) : new ForcedWithdrawTx(index);
        // The entry is in the L1 queue now whatever the engine decides (the contract queued it), so the input changes
        // state either way and is journaled; the engine's refusal is reported with it.
        try
        {
            TransactionResult r = Matcher.Apply(tx);
            if (opens)
            {
                accountOpened(op.Account, op.PublicKey);
            }
            var result = new JsonObject
            {
                ["queueIndex"] = Str(index),
                ["account"] = Str(op.Account),
                ["collateral"] = State.Find(op.Account)?.Collateral.ToString(),
                ["stateRoot"] = r.RootAfter.ToString(),
            };
            return new Outcome(result, null, true) { Events = [("account:" + Str(op.Account), new JsonObject { ["event"] = "l1", ["queueIndex"] = Str(index) })] };
        }
        catch (TransactionRejectedException ex)
        {
            return new Outcome(null, Refusal.Unprocessable("amount", ex.Message), true);
        }
    }

    // A report of an entry the queue already holds: a retry (the same entry) gets the first answer again and changes
    // nothing; another entry under that index is a conflict (the operator's view of the contract is wrong).
    private Outcome ReportedAgain(long index, L1Operation op)
    {
        L1Operation queued = Queue[index];
        if (queued != op)
        {
            return Outcome.Refused(Refusal.Conflict("queueIndex",
                $"queue entry {index} is already {Describe(queued)}, not {Describe(op)}; the next expected index is {Queue.Count}")
                with { Members = ExpectedIndex(Queue.Count) });
        }
        var (result, refusal) = l1Answers[checked((int)index)];
        return new Outcome(result is null ? null : JsonNode.Parse(result)!.AsObject(), refusal, false) { Replayed = true };
    }

    private static string Describe(L1Operation op) =>
        $"a {(op.Kind == L1OperationKind.Deposit ? "deposit" : "forced withdrawal")} of {op.Amount} micro-USD for account {op.Account} (owner {AccountJson.Address(op.Owner)}, key {op.PublicKey.X}, {op.PublicKey.Y})";

    private static Dictionary<string, string> ExpectedIndex(long expected) => new() { ["expectedQueueIndex"] = Str(expected) };

    /// <summary>The account's view: collateral, nonce, positions, resting orders, and the engine's margin report.</summary>
    public JsonObject? AccountView(long index)
    {
        if (State.Find(index) is not { } a)
        {
            return null;
        }
        JsonNode? margin = null;
        if (State.Epoch is { } epoch)
        {
            try
            {
                margin = MarginReport.For(a, epoch, Parameters).ToJson();
            }
            catch (ArgumentException ex)
            {
                margin = new JsonObject { ["error"] = ex.Message };
            }
        }
        return new JsonObject
        {
            ["account"] = Str(index),
            ["collateral"] = a.Collateral.ToString(),
            ["nonce"] = Str(a.Nonce),
            ["liquidating"] = a.IsLiquidating,
            ["positions"] = new JsonArray(a.Positions.Where(s => !s.IsEmpty).Select(s => (JsonNode)new JsonObject
            {
                ["series"] = s.Series!.Value.ToString(),
                ["seriesName"] = s.Series!.Value.ToDisplay(Parameters.UnderlyingName),
                ["quantity"] = s.Quantity.ToString(),
            }).ToArray()),
            ["openOrders"] = new JsonArray(OpenOrders(index).Select(id => (JsonNode)OrderRecord.IdOf(index, id)).ToArray()),
            ["margin"] = margin,
        };
    }

    /// <summary>The book of <paramref name="series"/> as price levels (best first), at most <paramref name="depth"/> a side.</summary>
    public JsonObject BookView(SeriesKey series, int depth)
    {
        OrderBook book = Matcher.Book(series);
        static JsonArray Levels(IEnumerable<RestingOrder> side, int depth) => new(side
            .GroupBy(r => r.Order.LimitPrice.Micros)
            .Take(depth)
            .Select(g => (JsonNode)new JsonObject
            {
                ["price"] = Str(g.Key),
                ["amount"] = Str(g.Sum(r => r.Remaining.Units)),
                ["orders"] = g.Count(),
            }).ToArray());
        return new JsonObject
        {
            ["series"] = series.ToString(),
            ["seriesName"] = series.ToDisplay(Parameters.UnderlyingName),
            ["bids"] = Levels(book.Bids, depth),
            ["asks"] = Levels(book.Asks, depth),
        };
    }

    // The top of the book after a change (O(log n): the depth is a GET away; a full depth per order would cost O(n)).
    private JsonObject BookEvent(SeriesKey series)
    {
        OrderBook book = Matcher.Book(series);
        static JsonObject? Top(RestingOrder? r) => r is null ? null : new JsonObject { ["price"] = r.Order.LimitPrice.ToString(), ["amount"] = r.Remaining.ToString() };
        return new JsonObject { ["series"] = series.ToString(), ["bestBid"] = Top(book.BestFacing(Side.Sell)), ["bestAsk"] = Top(book.BestFacing(Side.Buy)), ["orders"] = book.Count };
    }

    private static JsonObject Event(string kind, OrderRecord record)
    {
        JsonObject o = record.ToJson();
        o["event"] = kind;
        return o;
    }

    private void Close(OrderRecord record, OrderStatus status, string reason)
    {
        record.Status = status;
        record.Reason = reason;
        orderClosed(record.Submitted);
        if (openByAccount.TryGetValue(record.Order.Account, out var open))
        {
            open.Remove(record.Order.StorageId);
        }
    }

    private SortedSet<long> Open(long account) => openByAccount.TryGetValue(account, out var s) ? s : openByAccount[account] = [];

    private static string Str(long v) => v.ToString(CultureInfo.InvariantCulture);
}
