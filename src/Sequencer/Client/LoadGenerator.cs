// SPDX-License-Identifier: MIT
using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;
using ZkOptions.Field.BabyJubjub;
using ZkOptions.Sequencer.Inputs;
using ZkOptions.Settlement.Instruments;
using ZkOptions.Settlement.Numbers;
using ZkOptions.Settlement.Orders;
using ZkOptions.Settlement.Parameters;
using ZkOptions.Settlement.Risk;

namespace ZkOptions.Sequencer.Client;

/// <summary>
/// Realistic signed flow against a running sequencer (what <c>zkoptions loadgen</c> runs). Set-up through the API:
/// opens and funds fresh accounts through the operator endpoint and publishes a signed epoch. Then, open-loop at the
/// requested rate: market makers keep a few post-only quotes around the mark and mostly move them (an atomic
/// replace: a cancel and a new order) or cancel them, so cancels outnumber trades many times as on a real venue; takers
/// cross the quotes with immediate-or-cancel orders. Each account has one request in flight at a time (it must know
/// which of its orders rest). A request that finds the service down is retried with the same signed body until it is
/// answered, so a run goes on across a restart; an order acknowledged before a crash whose answer was lost comes back
/// as "already acknowledged" and counts as acknowledged.
/// </summary>
public sealed class LoadGenerator(LoadOptions options, TextWriter? log = null)
{
    private const int QuotesPerMaker = 4;
    private const int MaxInFlight = 512;


    private readonly ConcurrentBag<double> latencies = [];
    private readonly Lock ackedGate = new();
    private long orders, replaces, cancels, fills, refused, retried, skipped;
    private StreamWriter? ackedWriter;
    private readonly TaskCompletionSource flowStarted = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>Completes when the set-up (accounts funded, epoch published) is done and the order flow begins.</summary>
    public Task FlowStarted => flowStarted.Task;

    /// <summary>Sets up, runs for the duration, and reports.</summary>
    public async Task<LoadReport> RunAsync(CancellationToken cancel = default)
    {
        using var http = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = 256, PooledConnectionIdleTimeout = TimeSpan.FromSeconds(30) })
        {
            BaseAddress = options.Url,
            Timeout = TimeSpan.FromSeconds(30),
        };
        ExchangeParameters p = await Retry(() => SequencerClient.FetchParameters(http), cancel);
        var client = new SequencerClient(http, p, options.OperatorToken);
        var rng = new Random(options.Seed);
        Trader[] traders = await SetUp(client, p, rng, cancel);
        flowStarted.TrySetResult();
        if (options.AckedFile is { } path)
        {
            ackedWriter = new StreamWriter(path, append: false) { AutoFlush = false };
        }
        try
        {
            Stopwatch clock = Stopwatch.StartNew();
            long issued = 0;
            var inFlight = new List<Task>();
            while (clock.Elapsed < options.Duration && !cancel.IsCancellationRequested)
            {
                long due = (long)(clock.Elapsed.TotalSeconds * options.Rate);
                for (; issued < due; issued++)
                {
                    inFlight.RemoveAll(t => t.IsCompleted);
                    Trader? idle = PickIdle(traders, rng, maker: rng.NextDouble() >= options.TakerShare);
                    if (idle is null || inFlight.Count >= MaxInFlight)
                    {
                        Interlocked.Increment(ref skipped);
                        continue;
                    }
                    idle.Busy = true;
                    int seed = rng.Next();
                    // Not cancelled with the run: a request sent is followed to its answer, so none is lost in the count.
                    inFlight.Add(Task.Run(() => Act(client, idle, new Random(seed), CancellationToken.None), CancellationToken.None));
                }
                try
                {
                    await Task.Delay(1, cancel);
                }
                catch (OperationCanceledException)
                {
                    break;
                }
            }
            await Task.WhenAll(inFlight);
            double seconds = clock.Elapsed.TotalSeconds;
            double[] sorted = [.. latencies.Order()];
            return new LoadReport(orders + replaces, orders, replaces, cancels, fills, refused, retried, skipped, seconds,
                Percentile(sorted, 0.50), Percentile(sorted, 0.99), sorted.Length == 0 ? 0 : sorted[^1]);
        }
        finally
        {
            if (ackedWriter is not null)
            {
                await ackedWriter.FlushAsync(CancellationToken.None);
                await ackedWriter.DisposeAsync();
            }
        }
    }

    private async Task<Trader[]> SetUp(SequencerClient client, ExchangeParameters p, Random rng, CancellationToken cancel)
    {
        JsonObject status = (await Retry(() => client.Get("/status"), cancel)).Body;
        long first = (long)status["accounts"]!;
        // Each deposit carries its queue index, so a retry after a lost acknowledgement is not a second deposit.
        long firstQueueIndex = (long)status["nextQueueIndex"]!;
        long epochId = ((long?)status["epoch"] ?? 0) + 1;
        long now = DateTimeOffset.UtcNow.ToUnixTimeSeconds();
        var market = new DemoMarket(p, options.OracleKey, now);
        OracleEpoch epoch = market.Epoch(epochId, now - 1);
        Reply published = await Retry(() => client.PublishEpoch(epoch), cancel);
        // A restart between the journal and the reply loses the acknowledgement, not the epoch: the retry is then
        // refused as a replay, and the service's status shows the epoch in force.
        bool inForce = published.Ok || (long?)(await Retry(() => client.Get("/status"), cancel)).Body["epoch"] >= epochId;
        if (!inForce)
        {
            throw new InvalidOperationException($"loadgen: the epoch was refused: {published.Body["detail"]}");
        }
        var traders = new Trader[options.Accounts];
        int makers = Math.Max(1, options.Accounts * 4 / 5);
        for (int i = 0; i < traders.Length; i++)
        {
            long account = first + i;
            var key = new EddsaPrivateKey(KeyBytes(options.Seed, account));
            Reply r = await Retry(() => client.Deposit(firstQueueIndex + i, account, key.PublicKey, Usd.FromDollars(i < makers ? 50_000_000 : 5_000_000)), cancel);
            if (!r.Ok)
            {
                throw new InvalidOperationException($"loadgen: funding account {account} was refused: {r.Body["detail"]}");
            }
            traders[i] = new Trader(account, key, i < makers);
        }
        // Only series worth quoting: marks of at least 50 USD.
        Quoted = [.. market.Series.Select(s => (s, epoch.Find(s)!.Value.Risk.Mark.Micros)).Where(x => x.Micros >= 50_000_000)];
        log?.WriteLine($"loadgen: {traders.Length} accounts from {first} ({makers} makers), epoch {epochId}, {Quoted.Length} series quoted");
        return traders;
    }

    private (SeriesKey Series, long Micros)[] Quoted { get; set; } = [];

    private static Trader? PickIdle(Trader[] traders, Random rng, bool maker)
    {
        int start = rng.Next(traders.Length);
        for (int i = 0; i < traders.Length; i++)
        {
            Trader t = traders[(start + i) % traders.Length];
            if (!t.Busy && t.Maker == maker)
            {
                return t;
            }
        }
        return null;
    }

    private async Task Act(SequencerClient client, Trader t, Random rng, CancellationToken cancel)
    {
        try
        {
            if (!t.Maker)
            {
                var (series, mark) = Quoted[rng.Next(Quoted.Length)];
                Side side = rng.Next(2) == 0 ? Side.Buy : Side.Sell;
                // Crosses the tightest quotes (makers quote 1 to 5 % off the mark) for a small size: about one fill.
                long price = Tick(side == Side.Buy ? mark * 102 / 100 : mark * 98 / 100);
                Order o = NewOrder(client, t, series, side, price, 1_000L);
                await Send(client, "/orders", SequencerClient.OrderBody(o, t.Key, TimeInForce.ImmediateOrCancel), o, isReplace: false, cancel);
                return;
            }
            if (t.Quotes.Count < QuotesPerMaker)
            {
                Order o = Quote(client, t, rng);
                if (await Send(client, "/orders", SequencerClient.OrderBody(o, t.Key, TimeInForce.PostOnly), o, false, cancel) == Result.Resting)
                {
                    t.Quotes.Enqueue(o.StorageId);
                }
                return;
            }
            long oldest = t.Quotes.Dequeue();
            if (rng.Next(10) < 7)
            {
                Order o = Quote(client, t, rng);
                var body = new JsonObject
                {
                    ["order"] = SequencerClient.OrderBody(o, t.Key, TimeInForce.PostOnly),
                    ["signature"] = SignedOrderJson.Signature(t.Key.Sign(SignedMessages.Cancel(t.Account, oldest, client.Parameters.ChainId))),
                };
                if (await Send(client, $"/orders/{t.Account}-{oldest}/replace", body, o, true, cancel) == Result.Resting)
                {
                    t.Quotes.Enqueue(o.StorageId);
                }
            }
            else
            {
                var body = new JsonObject { ["signature"] = SignedOrderJson.Signature(t.Key.Sign(SignedMessages.Cancel(t.Account, oldest, client.Parameters.ChainId))) };
                await Send(client, $"/orders/{t.Account}-{oldest}/cancel", body, null, false, cancel);
            }
        }
        finally
        {
            t.Busy = false;
        }
    }

    private Order Quote(SequencerClient client, Trader t, Random rng)
    {
        var (series, mark) = Quoted[rng.Next(Quoted.Length)];
        Side side = rng.Next(2) == 0 ? Side.Buy : Side.Sell;
        int spread = rng.Next(1, 6);
        long price = Tick(side == Side.Buy ? mark * (100 - spread) / 100 : mark * (100 + spread) / 100);
        return NewOrder(client, t, series, side, price, 1_000L * rng.Next(1, 6));
    }

    private static Order NewOrder(SequencerClient client, Trader t, SeriesKey series, Side side, long price, long units) =>
        new(t.Account, series, side, new Usd(price), new Quantity(units), ++t.StorageId,
            DateTimeOffset.UtcNow.ToUnixTimeSeconds() + 3_600, new Ppm(10_000), client.Parameters.ChainId);

    private enum Result { Resting, Done, Refused }

    // Sends until answered; a retry (the service was down) is counted and not timed.
    private async Task<Result> Send(SequencerClient client, string path, JsonObject body, Order? order, bool isReplace, CancellationToken cancel)
    {
        string text = body.ToJsonString();
        bool wasRetried = false;
        Stopwatch timer = Stopwatch.StartNew();
        DateTime giveUp = DateTime.UtcNow + options.RetryFor;
        while (true)
        {
            int status;
            JsonObject? reply;
            try
            {
                using var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = new StringContent(text, Encoding.UTF8, "application/json") };
                using HttpResponseMessage r = await client.Http.SendAsync(request, cancel);
                status = (int)r.StatusCode;
                reply = JsonNode.Parse(await r.Content.ReadAsStringAsync(cancel)) as JsonObject;
            }
            catch (Exception e) when (e is HttpRequestException or TaskCanceledException && !cancel.IsCancellationRequested)
            {
                status = 0;
                reply = null;
            }
            if (status is 0 or >= 500 && DateTime.UtcNow < giveUp)
            {
                wasRetried = true;
                await Task.Delay(100, cancel);
                continue;
            }
            double ms = timer.Elapsed.TotalMilliseconds;
            bool replayedAck = status == 409 && wasRetried && order is not null && ((string?)reply?["detail"])?.Contains("already acknowledged", StringComparison.Ordinal) == true;
            if (status is >= 200 and < 300 || replayedAck)
            {
                if (wasRetried)
                {
                    Interlocked.Increment(ref retried);
                }
                else
                {
                    latencies.Add(ms);
                }
                if (order is null)
                {
                    Interlocked.Increment(ref cancels);
                    return Result.Done;
                }
                Interlocked.Increment(ref isReplace ? ref replaces : ref orders);
                if (isReplace)
                {
                    Interlocked.Increment(ref cancels);
                }
                Acked(order);
                if (reply?["fills"] is JsonArray f)
                {
                    Interlocked.Add(ref fills, f.Count);
                }
                return (string?)reply?["status"] == "open" ? Result.Resting : Result.Done;
            }
            Interlocked.Increment(ref refused);
            return Result.Refused;
        }
    }

    private void Acked(Order order)
    {
        if (ackedWriter is null)
        {
            return;
        }
        lock (ackedGate)
        {
            ackedWriter.WriteLine(order.Account.ToString(CultureInfo.InvariantCulture) + "-" + order.StorageId.ToString(CultureInfo.InvariantCulture));
        }
    }

    private async Task<T> Retry<T>(Func<Task<T>> call, CancellationToken cancel)
    {
        DateTime giveUp = DateTime.UtcNow + options.RetryFor;
        while (true)
        {
            try
            {
                return await call();
            }
            catch (HttpRequestException) when (DateTime.UtcNow < giveUp)
            {
                await Task.Delay(200, cancel);
            }
        }
    }

    private static double Percentile(double[] sorted, double q) =>
        sorted.Length == 0 ? 0 : sorted[Math.Min(sorted.Length - 1, (int)Math.Ceiling(q * sorted.Length) - 1)];

    private static long Tick(long micros) => Math.Max(10_000, micros / 10_000 * 10_000);

    private static byte[] KeyBytes(int seed, long account)
    {
        var bytes = new byte[EddsaPrivateKey.KeyLength];
        BitConverter.TryWriteBytes(bytes, account);
        BitConverter.TryWriteBytes(bytes.AsSpan(8), seed);
        "zko-loadgen"u8.CopyTo(bytes.AsSpan(12));
        return bytes;
    }

    private sealed class Trader(long account, EddsaPrivateKey key, bool maker)
    {
        public long Account { get; } = account;

        public EddsaPrivateKey Key { get; } = key;

        public bool Maker { get; } = maker;

        public volatile bool Busy;

        public long StorageId;

        public Queue<long> Quotes { get; } = new();
    }
}
