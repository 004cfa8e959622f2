// SPDX-License-Identifier: MIT
using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Text.Json.Nodes;
using System.Threading.Channels;
using ZkOptions.Field.BabyJubjub;
using ZkOptions.Sequencer.Core;
using ZkOptions.Sequencer.Inputs;
using ZkOptions.Sequencer.Journal;
using ZkOptions.Sequencer.Threading;
using ZkOptions.Settlement.Batches;
using ZkOptions.Settlement.Orders;
using ZkOptions.Settlement.Parameters;
using ZkOptions.Settlement.Serialization;

namespace ZkOptions.Sequencer.Hosting;

/// <summary>
/// The sequencer: recovers the exchange from the journal, then runs it on one sequencing thread fed by a channel.
/// Each input is applied, handed to the group-commit writer, and answered once durable; inputs that change nothing
/// are answered once everything before them is durable. Reads run on the same thread (they see a consistent state);
/// batch cuts are decided here from the clock and journaled like any input; sealed batches are written as files.
/// </summary>
public sealed class SequencerService : IDisposable
{
    private readonly ServiceOptions options;
    private readonly IJournalStore store;
    private readonly GroupCommitWriter writer;
    private readonly Channel<WorkItem> work = Channel.CreateUnbounded<WorkItem>(new UnboundedChannelOptions { SingleReader = true });
    private readonly ConcurrentDictionary<long, BabyJubjubPoint> keys = new();
    private readonly Thread thread;
    private readonly Timer ticker;
    private readonly BatchFiles files;
    private readonly SnapshotFile snapshots;

    // Batch files and snapshots, written in sequence: a snapshot only after the files of the batches it follows.
    private readonly Channel<object> fileQueue = Channel.CreateUnbounded<object>(new UnboundedChannelOptions { SingleReader = true, SingleWriter = true });
    private readonly Thread fileWriter;
    private readonly Channel<(Task Durable, Outcome Outcome, TaskCompletionSource<object?>? Done, PendingSnapshot? Snapshot)> acks =
        Channel.CreateUnbounded<(Task, Outcome, TaskCompletionSource<object?>?, PendingSnapshot?)>(new UnboundedChannelOptions { SingleReader = true, SingleWriter = true });
    private readonly Task answerer;
    private readonly Stopwatch batchAge = new();
    private long sequence;
    private long busyTicks, inputs;
    private int snapshotPending; // 1 while a snapshot waits to be written: the next is taken only after it
    private long snapshotsWritten;

    // The keys deposits in the journal opened accounts with (the replay's parallel signature checks need them first).
    private Dictionary<long, BabyJubjubPoint>? journalKeys;

    private SequencerService(ServiceOptions options, IJournalStore store, ExchangeParameters parameters)
    {
        this.options = options;
        this.store = store;
        Parameters = parameters;
        files = new BatchFiles(Path.Combine(options.DataDirectory, "batches"), parameters);
        files.Initialise();
        snapshots = new SnapshotFile(options.DataDirectory);
        Exchange = Recover(out IReadOnlyList<JournalEntry> journal);
        Replay(journal);
        writer = new GroupCommitWriter(store);
        fileWriter = new Thread(WriteFiles) { Name = "batch files", IsBackground = true };
        fileWriter.Start();
        answerer = Task.Run(AnswerAsync);
        thread = new Thread(Run) { Name = "sequencer", IsBackground = true };
        thread.Start();
        ticker = new Timer(_ => work.Writer.TryWrite(WorkItem.Tick), null, 50, 50);
    }

    /// <summary>
    /// Opens the store, checks the parameters, replays the journal (checking every recorded state root), and starts.
    /// Throws <see cref="RecoveryException"/> when the journal does not reproduce its recorded state.
    /// </summary>
    public static SequencerService Start(ServiceOptions options, IJournalStore store)
    {
        ExchangeParameters parameters = options.Parameters;
        if (store.ReadMeta("parameters") is { } recorded)
        {
            var json = new JsonFields("the journal's parameters");
            parameters = ExchangeParametersJson.Read(json.ParseObject(recorded), json);
            if (parameters.Hash() != options.Parameters.Hash())
            {
                throw new RecoveryException(
                    $"the journal in {options.DataDirectory} was started with other exchange parameters (hash {parameters.Hash()}) than the ones given ({options.Parameters.Hash()}); start it with the same parameters, or use a new data directory");
            }
        }
        else
        {
            store.WriteMeta("parameters", ExchangeParametersJson.Write(options.Parameters).ToJsonString());
        }
        // The cap decides where a batch splits, so a replay needs the one the journal was written with.
        string cap = options.MaxBatchTransactions.ToString(CultureInfo.InvariantCulture);
        if (store.ReadMeta("maxBatchTransactions") is { } recordedCap)
        {
            if (recordedCap != cap)
            {
                throw new RecoveryException(
                    $"the journal in {options.DataDirectory} was written with batches of at most {recordedCap} transactions, not {cap}: start it with --max-batch {recordedCap}");
            }
        }
        else
        {
            store.WriteMeta("maxBatchTransactions", cap);
        }
        return new SequencerService(options, store, parameters);
    }

    /// <summary>The exchange parameters.</summary>
    public ExchangeParameters Parameters { get; }

    /// <summary>The exchange (touch it only on the sequencing thread: through <see cref="Query{T}"/>).</summary>
    internal Exchange Exchange { get; }

    /// <summary>Signatures verified at intake.</summary>
    public VerifiedSignatures Verified { get; } = new();

    /// <summary>The store.</summary>
    public IJournalStore Store => store;

    /// <summary>Journal entries replayed at start.</summary>
    public long Replayed { get; private set; }

    /// <summary>The journal sequence of the snapshot the start loaded (0: it replayed from genesis).</summary>
    public long RecoveredFromSnapshot { get; private set; }

    /// <summary>The last journaled sequence number.</summary>
    public long Sequence => Interlocked.Read(ref sequence);

    /// <summary>Where batch files go.</summary>
    public string BatchDirectory => files.Directory;

    /// <summary>How the service runs.</summary>
    public ServiceOptions Options => options;

    /// <summary>The operator's bearer token.</summary>
    public string OperatorToken => options.OperatorToken;

    /// <summary>Events for the streams: (channel, payload), published after the input they follow is durable.</summary>
    public event Action<string, JsonObject>? Published;

    /// <summary>The public key of an open account, or null (safe off the sequencing thread).</summary>
    public BabyJubjubPoint? KeyOf(long account) => keys.TryGetValue(account, out BabyJubjubPoint k) ? k : null;

    /// <summary>Sequences <paramref name="input"/>; the task completes with its outcome once the input is durable.</summary>
    public async Task<Outcome> Submit(SequencerInput input)
    {
        var done = new TaskCompletionSource<object?>(TaskCreationOptions.RunContinuationsAsynchronously);
        // The journal payload is written here, on the caller's (request pool) thread, not on the sequencing thread.
        if (!work.Writer.TryWrite(new WorkItem(input, null, done) { Payload = InputJson.Write(input, Parameters) }))
        {
            throw new InvalidOperationException("the sequencer has stopped");
        }
        return (Outcome)(await done.Task)!;
    }

    /// <summary>Runs <paramref name="read"/> on the sequencing thread (a consistent view).</summary>
    public async Task<T> Query<T>(Func<Exchange, T> read)
    {
        var done = new TaskCompletionSource<object?>(TaskCreationOptions.RunContinuationsAsynchronously);
        if (!work.Writer.TryWrite(new WorkItem(null, e => read(e), done)))
        {
            throw new InvalidOperationException("the sequencer has stopped");
        }
        return (T)(await done.Task)!;
    }

    private Exchange NewExchange() =>
        new(Parameters, options.MaxBatchTransactions, Verified.Check, (a, k) => keys[a] = k, Verified.Forget);

    // The exchange the journal's replay starts from: the snapshot when it follows an entry of this journal (then only
    // the entries after it replay), else genesis and the whole journal. A snapshot that does not fit is reported and
    // ignored: the journal alone holds every acknowledged input.
    private Exchange Recover(out IReadOnlyList<JournalEntry> journal)
    {
        string? whyNotUsed = null;
        if (options.Snapshots && snapshots.Read(out whyNotUsed) is var (at, snapshot))
        {
            try
            {
                JournalEntry[] tail = [.. store.ReadFrom(at)];
                string? root = snapshot["stateRoot"]?.GetValueKind() == System.Text.Json.JsonValueKind.String ? (string?)snapshot["stateRoot"] : null;
                if (tail.Length == 0 || tail[0].Sequence != at || tail[0].Kind != "cut" || tail[0].StateRoot != root)
                {
                    throw new InvalidDataException($"journal entry {at} is not the cut with root {root} the snapshot follows");
                }
                Exchange restored = NewExchange();
                restored.LoadSnapshot(snapshot, new JsonFields(snapshots.Path));
                for (long b = 1; b <= restored.LastSealedBatch; b++)
                {
                    if (!File.Exists(files.PathOf(b)))
                    {
                        throw new InvalidDataException($"{files.PathOf(b)} is missing, and only a replay from genesis writes it again");
                    }
                }
                sequence = at;
                RecoveredFromSnapshot = at;
                journal = tail[1..];
                return restored;
            }
            catch (Exception e) when (e is SettlementInputException or InvalidDataException or ArgumentException or InvalidOperationException
                                          or Settlement.Transactions.TransactionRejectedException or FormatException)
            {
                whyNotUsed = e.Message;
                keys.Clear(); // the keys the snapshot published; the replay publishes the journal's
            }
        }
        if (whyNotUsed is not null)
        {
            Console.Error.WriteLine($"serve: the snapshot {snapshots.Path} is not used ({whyNotUsed}); replaying the journal from genesis");
        }
        journal = [.. store.ReadAll()];
        return NewExchange();
    }

    private void Replay(IReadOnlyList<JournalEntry> journal)
    {
        // Verify the journal's order signatures in parallel first, so the replay does not verify them one by one.
        Parallel.ForEach(journal.Where(e => e.Kind is "order" or "replace"), e =>
        {
            SubmitOrder o = InputJson.Read(e.Kind, e.Payload, Parameters, "journal") switch
            {
                SubmitOrder s => s,
                ReplaceOrder r => r.Replacement,
                _ => throw new InvalidOperationException(),
            };
            if (KeyFromDeposits(journal, o.Order.Order.Account) is { } key)
            {
                Verified.Verify(key, o.Order, o.Hash);
            }
        });
        foreach (JournalEntry e in journal)
        {
            if (e.Sequence != sequence + 1)
            {
                throw new RecoveryException($"journal entry {sequence + 1} is missing (the next one is {e.Sequence})");
            }
            SequencerInput input = InputJson.Read(e.Kind, e.Payload, Parameters, $"journal entry {e.Sequence}");
            Outcome outcome = Exchange.Apply(input);
            if (!outcome.Changed)
            {
                throw new RecoveryException(
                    $"journal entry {e.Sequence} ({e.Kind}) is refused on replay ({outcome.Refusal?.Detail}), but it was accepted when journaled: the journal does not reproduce its state");
            }
            if (e.StateRoot is { } recorded && Exchange.State.Root.ToString() != recorded)
            {
                throw new RecoveryException(
                    $"state root mismatch after journal entry {e.Sequence} ({e.Kind}): the replay reached {Exchange.State.Root}, the journal recorded {recorded}; refusing to start on a journal that does not reproduce its state");
            }
            foreach (Batch b in outcome.Sealed)
            {
                if (!File.Exists(files.PathOf(b.Number)))
                {
                    files.Write(b);
                }
            }
            sequence = e.Sequence;
        }
        Replayed = journal.Count;
    }

    private BabyJubjubPoint? KeyFromDeposits(IReadOnlyList<JournalEntry> journal, long account)
    {
        if (journalKeys is null)
        {
            lock (journal)
            {
                journalKeys ??= journal.Where(e => e.Kind == "l1")
                    .Select(e => ((L1Event)InputJson.Read(e.Kind, e.Payload, Parameters, "journal")).Operation)
                    .Where(op => op.Kind == Settlement.State.L1OperationKind.Deposit)
                    .GroupBy(op => op.Account).ToDictionary(g => g.Key, g => g.First().PublicKey);
            }
        }
        return journalKeys.TryGetValue(account, out BabyJubjubPoint k) ? k : KeyOf(account); // else opened before the snapshot
    }

    private void Run()
    {
        ChannelReader<WorkItem> reader = work.Reader;
        if (!Exchange.HasOpenBatch)
        {
            Enter(new CutBatch(options.Clock()), null);
        }
        batchAge.Restart();
        using var waiter = new ChannelWaiter<WorkItem>(reader);
        while (waiter.WaitToRead())
        {
            while (reader.TryRead(out WorkItem? item))
            {
                try
                {
                    Process(item);
                }
                catch (Exception ex)
                {
                    item.Done?.TrySetException(ex);
                }
            }
        }
    }

    private void Process(WorkItem item)
    {
        var started = SequencerTimings.Start();
        string kind = item.Read is not null ? "read" : item.Input?.Kind ?? "tick";
        try
        {
            kind = ProcessTimed(item) ?? kind;
        }
        finally
        {
            Interlocked.Add(ref busyTicks, Stopwatch.GetTimestamp() - started.Timestamp);
            Interlocked.Increment(ref inputs);
            Timings.Add(kind, started);
        }
    }

    /// <summary>The sequencing thread's time by kind of work (GET /metrics).</summary>
    public SequencerTimings Timings { get; } = new();

    /// <summary>
    /// Figures for operators: work items the sequencing thread handled, the seconds it was busy, journal group commits
    /// and entries, and the seconds the journal writer spent committing.
    /// </summary>
    public JsonObject Metrics() => new()
    {
        ["workItems"] = Interlocked.Read(ref inputs),
        ["sequencerBusySeconds"] = Math.Round(Stopwatch.GetElapsedTime(0, Interlocked.Read(ref busyTicks)).TotalSeconds, 3),
        ["journalCommits"] = writer.Commits,
        ["journalEntries"] = Sequence,
        ["journalSeconds"] = Math.Round(writer.BusySeconds, 3),
        ["recoveredFromSnapshot"] = RecoveredFromSnapshot,
        ["replayedEntries"] = Replayed,
        ["snapshotsWritten"] = Interlocked.Read(ref snapshotsWritten),
        // Work items by kind; "cut" and "snapshot" are also inside the item that caused them.
        ["sequencerTime"] = Timings.ToJson(),
    };

    // Returns the kind of work it was when an input traded ("order+trade"), else null.
    private string? ProcessTimed(WorkItem item)
    {
        if (item.Read is { } read)
        {
            item.Done!.SetResult(read(Exchange));
            return null;
        }
        if (item.Input is null)
        {
            CutIfDue();
            return null;
        }
        if (item.Input is PublishEpoch e && e.Epoch.Timestamp > Exchange.BatchTimestamp)
        {
            long now = options.Clock();
            if (e.Epoch.Timestamp > now)
            {
                item.Done!.SetResult(Outcome.Refused(Refusal.Unprocessable("timestamp", $"epoch {e.Epoch.Id} is dated {e.Epoch.Timestamp}, after the sequencer's clock {now}")));
                return null;
            }
            Cut(now); // an epoch dated after the open batch's time needs a batch at its time or later
        }
        else if (Exchange.OpenTransactions == 0 && options.Clock() is var idleNow && idleNow > Exchange.BatchTimestamp)
        {
            // An idle sequencer's empty batch is moved to the present when work arrives (not on every tick, which
            // would journal a row a second while nothing happens), so validity and expiry are judged at today's time.
            Cut(idleNow);
        }
        bool wasEmpty = Exchange.OpenTransactions == 0;
        Outcome outcome = Enter(item.Input, item.Done, item.Payload);
        if (wasEmpty && Exchange.OpenTransactions > 0)
        {
            batchAge.Restart(); // the age limit counts from the batch's oldest transaction
        }
        if (Exchange.OpenTransactions >= options.MaxBatchTransactions)
        {
            Cut(options.Clock());
        }
        return outcome.Events.Any(e => e.Channel == "trades") ? item.Input.Kind + "+trade" : null;
    }

    private void CutIfDue()
    {
        long now = options.Clock();
        // An expiry passing needs a batch at or after it: orders in the expired series leave the book, and nothing
        // more trades in it at a batch time before its expiry.
        if (Exchange.OpenTransactions > 0 && batchAge.Elapsed >= options.MaxBatchAge || Exchange.NextExpiry is long expiry && now >= expiry)
        {
            Cut(now);
        }
    }

    private void Cut(long now)
    {
        var started = SequencerTimings.Start();
        Enter(new CutBatch(Math.Max(now, Math.Max(Exchange.BatchTimestamp ?? 0, Exchange.State.Timestamp))), null);
        batchAge.Restart();
        Timings.Add("cut", started);
    }

    private Outcome Enter(SequencerInput input, TaskCompletionSource<object?>? done, string? payload = null)
    {
        Outcome outcome = Exchange.Apply(input);
        Task durable;
        PendingSnapshot? snapshot = null;
        if (outcome.Changed)
        {
            long seq = ++sequence;
            BatchRow[] sealedRows = [.. outcome.Sealed.Select(b => new BatchRow(b.Number, b.Timestamp, b.Transactions.Count, b.OldRoot.ToString(), b.NewRoot.ToString(), "sealed"))];
            string? root = input is CutBatch ? Exchange.State.Root.ToString() : null;
            durable = writer.Append(new JournalEntry(seq, input.Kind, payload ?? InputJson.Write(input, Parameters), root, sealedRows));
            // At a batch boundary (a cut that sealed), unless the last snapshot is still being written.
            if (outcome.Sealed.Count > 0 && options.Snapshots && Interlocked.CompareExchange(ref snapshotPending, 1, 0) == 0)
            {
                var started = SequencerTimings.Start();
                try
                {
                    snapshot = new PendingSnapshot(seq, Exchange.CaptureSnapshot()); // copied here, hashed and written on the file thread
                    Timings.Add("snapshot", started);
                }
                catch (Exception e)
                {
                    // A snapshot only saves replay time: failing to take one must not stop the sequencer.
                    Console.Error.WriteLine($"serve: no snapshot after journal entry {seq} ({e.Message})");
                    Volatile.Write(ref snapshotPending, 0);
                }
            }
        }
        else
        {
            durable = writer.Barrier();
        }
        acks.Writer.TryWrite((durable, outcome, done, snapshot));
        return outcome;
    }

    // Answers, batch files and stream events leave in sequence, each once its input is durable: a batch file never
    // exists for a cut the journal might lose, and a stream never shows what a crash could undo.
    private async Task AnswerAsync()
    {
        await foreach (var (durable, outcome, done, snapshot) in acks.Reader.ReadAllAsync())
        {
            try
            {
                await durable;
            }
            catch (Exception ex)
            {
                done?.TrySetException(ex);
                if (snapshot is not null)
                {
                    Volatile.Write(ref snapshotPending, 0);
                }
                continue;
            }
            foreach (Batch b in outcome.Sealed)
            {
                fileQueue.Writer.TryWrite(b);
            }
            if (snapshot is not null)
            {
                fileQueue.Writer.TryWrite(snapshot); // after its batches' files, and only once its cut is durable
            }
            done?.TrySetResult(outcome);
            if (Published is { } publish)
            {
                foreach (var (channel, payload) in outcome.Events)
                {
                    publish(channel, payload);
                }
            }
        }
    }

    // On a thread of its own, waiting without spinning. (Not at a lower priority: under a load of 20 on two cores a
    // nice-10 writer wrote no snapshot between the crash test's kills, and every restart replayed from genesis.)
    private void WriteFiles()
    {
        using var waiter = new ChannelWaiter<object>(fileQueue.Reader);
        while (waiter.WaitToRead())
        {
            while (fileQueue.Reader.TryRead(out object? item))
            {
                if (item is Batch b)
                {
                    WriteBatchFile(b);
                }
                else
                {
                    WriteSnapshot((PendingSnapshot)item);
                }
            }
        }
    }

    private void WriteBatchFile(Batch b)
    {
        try
        {
            files.Write(b);
        }
        catch (IOException e) // the journal holds the batch: a start without its file replays from genesis and writes it
        {
            Console.Error.WriteLine($"serve: batch file {files.PathOf(b.Number)} not written ({e.Message}); a restart writes it again from the journal");
        }
    }

    private void WriteSnapshot(PendingSnapshot snapshot)
    {
        try
        {
            snapshots.Write(snapshot.Sequence, Exchange.SnapshotJson(snapshot.Capture));
            Interlocked.Increment(ref snapshotsWritten);
        }
        catch (Exception e) // a snapshot only saves replay time: no failure of one may stop the batch files after it
        {
            Console.Error.WriteLine($"serve: snapshot after journal entry {snapshot.Sequence} not written ({e.Message}); the journal holds everything");
        }
        finally
        {
            Volatile.Write(ref snapshotPending, 0);
        }
    }

    /// <summary>Stops the loop, flushes the journal and the batch files.</summary>
    public void Dispose()
    {
        ticker.Dispose();
        work.Writer.TryComplete();
        thread.Join();
        acks.Writer.TryComplete();
        writer.Dispose();
        answerer.GetAwaiter().GetResult();
        fileQueue.Writer.TryComplete();
        fileWriter.Join();
        store.Dispose();
    }

    private sealed record PendingSnapshot(long Sequence, SnapshotCapture Capture);

    private sealed record WorkItem(SequencerInput? Input, Func<Exchange, object?>? Read, TaskCompletionSource<object?>? Done)
    {
        public string? Payload { get; init; }

        public static readonly WorkItem Tick = new(null, null, null);
    }
}
