// SPDX-License-Identifier: MIT
using System.Globalization;
using System.Text.Json.Nodes;
using ZkOptions.Sequencer.Inputs;
using ZkOptions.Sequencer.Journal;
using ZkOptions.Settlement.Batches;
using ZkOptions.Settlement.Engine;
using ZkOptions.Settlement.Instruments;
using ZkOptions.Settlement.Matching;
using ZkOptions.Settlement.Numbers;
using ZkOptions.Settlement.Parameters;
using ZkOptions.Settlement.Risk;
using ZkOptions.Settlement.Serialization;
using ZkOptions.Settlement.State;

namespace ZkOptions.Sequencer.Core;

/// <summary>
/// The exchange written whole at a batch boundary (right after a cut, when the open batch is empty), so a restart
/// loads it and replays only the journal after it. It holds everything a replay would rebuild: the rollup state
/// (accounts, epoch, queue position), the L1 queue and the first answer to each entry, the books with each resting
/// order's arrival sequence, the order registry, recent trades and the batch counters. Loading checks the state root
/// against the one written, and the caller checks that one against the journal's.
/// </summary>
public sealed partial class Exchange
{
    /// <summary>The snapshot layout's version; a snapshot of another version is not loaded (the journal replays instead).</summary>
    public const int SnapshotVersion = 1;

    /// <summary>The snapshot of the exchange now; only at a batch boundary (after a cut, nothing in the open batch).</summary>
    public JsonObject WriteSnapshot() => SnapshotJson(CaptureSnapshot());

    /// <summary>
    /// The exchange now, copied cheaply for <see cref="SnapshotJson"/> (which may run on another thread); only at a
    /// batch boundary (after a cut, nothing in the open batch).
    /// </summary>
    public SnapshotCapture CaptureSnapshot()
    {
        if (!Matcher.HasOpenBatch || Matcher.OpenTransactions > 0)
        {
            throw new InvalidOperationException("a snapshot is taken at a batch boundary: right after a cut");
        }
        var orderStates = new SnapshotCapture.OrderState[orders.Count];
        int i = 0;
        foreach (OrderRecord r in orders.Values)
        {
            orderStates[i++] = new SnapshotCapture.OrderState(r.Submitted, r.Batch, r.Filled, r.Status, r.Reason);
        }
        return new SnapshotCapture(
            Parameters,
            State.Root,
            State.Timestamp,
            State.QueueConsumed,
            State.QueueHash,
            State.Epoch,
            [.. State.Accounts.Values],
            [.. Enumerable.Range(0, Queue.Count).Select(q => Queue[q])],
            [.. l1Answers],
            Matcher.Batch.Number,
            Matcher.Batch.Timestamp,
            LastSealedBatch,
            Matcher.NextSequence,
            orderStates,
            [.. Matcher.Books.Select(b => new SnapshotCapture.BookState(b.Series,
                [.. b.Bids.Concat(b.Asks).Select(r => new SnapshotCapture.RestingState(r.Order.Account, r.Order.StorageId, r.Sequence, r.Remaining))]))],
            [.. recentTrades]);
    }

    /// <summary>The snapshot JSON of <paramref name="c"/>; reads nothing of a live exchange, so any thread may run it.</summary>
    public static JsonObject SnapshotJson(SnapshotCapture c)
    {
        var books = new JsonArray();
        foreach (SnapshotCapture.BookState book in c.Books)
        {
            var resting = new JsonArray();
            foreach (SnapshotCapture.RestingState r in book.Resting)
            {
                resting.Add(new JsonObject
                {
                    ["account"] = Str(r.Account),
                    ["storageId"] = Str(r.StorageId),
                    ["sequence"] = Str(r.Sequence),
                    ["remaining"] = r.Remaining.ToString(),
                });
            }
            books.Add(new JsonObject { ["series"] = book.Series.ToString(), ["resting"] = resting });
        }
        return new JsonObject
        {
            ["version"] = SnapshotVersion,
            ["stateRoot"] = c.StateRoot.ToString(),
            ["state"] = new JsonObject
            {
                ["timestamp"] = Str(c.Timestamp),
                ["queueConsumed"] = Str(c.QueueConsumed),
                ["queueHash"] = c.QueueHash.ToString(),
                ["epoch"] = c.Epoch is { } epoch ? OracleEpochJson.Write(epoch, c.Parameters) : null,
                ["accounts"] = new JsonArray([.. c.Accounts.OrderBy(a => a.Index).Select(a => (JsonNode)AccountJson.Write(a))]),
            },
            ["l1Queue"] = new JsonArray([.. c.L1Queue.Select(op => (JsonNode)InputJson.L1(op))]),
            ["l1Answers"] = new JsonArray([.. c.L1Answers.Select(a => (JsonNode)new JsonObject
            {
                ["result"] = a.Result,
                ["refusal"] = a.Refusal is { } r ? new JsonObject { ["status"] = r.Status, ["title"] = r.Title, ["field"] = r.Field, ["detail"] = r.Detail } : null,
            })]),
            ["batch"] = new JsonObject
            {
                ["open"] = Str(c.OpenBatch),
                ["timestamp"] = Str(c.BatchTimestamp),
                ["lastSealed"] = Str(c.LastSealed),
                ["nextArrival"] = Str(c.NextArrival),
            },
            ["orders"] = new JsonArray([.. c.Orders.OrderBy(r => r.Submitted.Order.Order.Account).ThenBy(r => r.Submitted.Order.Order.StorageId).Select(r => (JsonNode)new JsonObject
            {
                ["order"] = InputJson.Order(r.Submitted),
                ["batch"] = Str(r.Batch),
                ["filled"] = r.Filled.ToString(),
                ["status"] = r.Status.ToString(),
                ["reason"] = r.Reason,
            })]),
            ["books"] = books,
            ["recentTrades"] = new JsonArray([.. c.RecentTrades.Select(t => t.DeepClone())]),
        };
    }

    /// <summary>
    /// Rebuilds this exchange, new from its constructor, from <paramref name="snapshot"/>. Throws
    /// <see cref="SettlementInputException"/> when the snapshot is malformed or does not hash to the root it names.
    /// </summary>
    public void LoadSnapshot(JsonObject snapshot, JsonFields json)
    {
        if (Matcher.HasOpenBatch || Queue.Count > 0 || orders.Count > 0)
        {
            throw new InvalidOperationException("a snapshot loads into an exchange at genesis");
        }
        if (json.Long(snapshot, "version") != SnapshotVersion)
        {
            throw json.Fail($"the snapshot is of layout version {json.Long(snapshot, "version")}, not {SnapshotVersion}");
        }
        JsonObject state = json.Object(snapshot, "state");
        JsonArray accounts = json.Array(state, "accounts");
        for (int i = 0; i < accounts.Count; i++)
        {
            State.Put(AccountJson.Read(json.Object(accounts, i), json, Parameters));
        }
        State.Epoch = state["epoch"] is JsonObject epoch ? OracleEpochJson.Read(epoch, json, Parameters) : null;
        State.Timestamp = json.Long(state, "timestamp", 0);
        State.QueueConsumed = json.Long(state, "queueConsumed", 0);
        State.QueueHash = json.FieldElement(state, "queueHash");

        JsonArray queue = json.Array(snapshot, "l1Queue");
        for (int i = 0; i < queue.Count; i++)
        {
            Queue.Enqueue(InputJson.L1(json.Object(queue, i), json));
        }
        foreach (Account a in State.Accounts.Values)
        {
            accountOpened(a.Index, a.PublicKey); // intake verifies these accounts' signatures
        }
        JsonArray answers = json.Array(snapshot, "l1Answers");
        for (int i = 0; i < answers.Count; i++)
        {
            JsonObject a = json.Object(answers, i);
            Refusal? refusal = a["refusal"] is JsonObject r
                ? new Refusal((int)json.Long(r, "status", 400, 599), json.String(r, "title"), json.OptionalString(r, "field"), json.String(r, "detail"))
                : null;
            l1Answers.Add((json.OptionalString(a, "result"), refusal));
        }
        if (l1Answers.Count != Queue.Count)
        {
            throw json.Fail($"the snapshot answers {l1Answers.Count} L1 entries of the {Queue.Count} it queues");
        }

        JsonArray records = json.Array(snapshot, "orders");
        for (int i = 0; i < records.Count; i++)
        {
            JsonObject r = json.Object(records, i);
            var record = new OrderRecord(InputJson.Order(json.Object(r, "order"), json, Parameters), json.Long(r, "batch", 0))
            {
                Filled = json.Quantity(r, "filled"),
                Status = Enum.TryParse(json.String(r, "status"), out OrderStatus status) ? status : throw json.Fail($"{JsonFields.PathOf(r, "status")} is not an order status"),
                Reason = json.String(r, "reason"),
            };
            orders[(record.Order.Account, record.Order.StorageId)] = record;
            if (record.Status == OrderStatus.Open)
            {
                Open(record.Order.Account).Add(record.Order.StorageId);
            }
        }
        JsonArray books = json.Array(snapshot, "books");
        for (int i = 0; i < books.Count; i++)
        {
            JsonObject b = json.Object(books, i);
            OrderBook book = Matcher.Book(SeriesKey.Parse(json.String(b, "series"))); // opened in the order the original opened them
            JsonArray resting = json.Array(b, "resting");
            for (int j = 0; j < resting.Count; j++)
            {
                JsonObject r = json.Object(resting, j);
                OrderRecord record = orders.GetValueOrDefault((json.Long(r, "account", 0), json.Long(r, "storageId", 0)))
                    ?? throw json.Fail($"{JsonFields.PathOf(r)} rests an order the snapshot's registry does not hold");
                book.Add(new RestingOrder(record.Submitted.Order, json.Long(r, "sequence", 0), json.Quantity(r, "remaining")));
            }
        }
        JsonArray trades = json.Array(snapshot, "recentTrades");
        for (int i = 0; i < trades.Count; i++)
        {
            recentTrades.Enqueue(json.Object(trades, i).DeepClone().AsObject());
        }

        JsonObject batch = json.Object(snapshot, "batch");
        LastSealedBatch = json.Long(batch, "lastSealed", 0);
        Matcher.Resume(json.Long(batch, "open", 1) - 1, json.Long(batch, "nextArrival", 0));
        // The batch the cut opened: the orders it expired left the books before the snapshot, so none expire again.
        if (Matcher.BeginBatch(json.Long(batch, "timestamp", 0)).Count > 0)
        {
            throw json.Fail("the snapshot's books hold orders expired at its batch time");
        }
        string root = json.String(snapshot, "stateRoot");
        if (State.Root.ToString() != root)
        {
            throw json.Fail($"the snapshot's state hashes to {State.Root}, not the root {root} it names");
        }
    }
}
