// SPDX-License-Identifier: MIT
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using ZkOptions.Field.BabyJubjub;
using ZkOptions.Sequencer.Core;
using ZkOptions.Sequencer.Hosting;
using ZkOptions.Sequencer.Inputs;
using ZkOptions.Sequencer.Journal;
using ZkOptions.Settlement.Instruments;
using ZkOptions.Settlement.Orders;
using ZkOptions.Settlement.Risk;
using ZkOptions.Settlement.Serialization;

namespace ZkOptions.Sequencer.Http;

/// <summary>
/// The REST endpoints (docs/sequencer.md lists them with examples). Parsing and signature checks run here, on the
/// request pool; the sequencing thread sees only verified inputs. Every refusal is an RFC 7807 problem naming the
/// field at fault, and changes nothing.
/// </summary>
public static class SequencerApi
{
    /// <summary>Maps the endpoints of <paramref name="service"/>.</summary>
    public static void Map(IEndpointRouteBuilder app, SequencerService service)
    {
        PartitionedRateLimiter<long>? orderLimit = OrderLimiter(service.Options.OrdersPerSecondPerAccount);
        app.MapGet("/health", () => Results.Text(new JsonObject { ["status"] = "ok", ["sequence"] = service.Sequence }.ToJsonString(), "application/json"));
        app.MapGet("/metrics", () => Json(service.Metrics()));
        app.MapGet("/status", async () => Json(await service.Query(e => new JsonObject
        {
            ["sequence"] = service.Sequence,
            ["openBatch"] = e.Matcher.HasOpenBatch ? e.Matcher.Batch.Number : null,
            ["batchTimestamp"] = e.BatchTimestamp,
            ["openTransactions"] = e.OpenTransactions,
            ["lastSealedBatch"] = e.LastSealedBatch,
            ["stateRoot"] = e.State.Root.ToString(),
            ["epoch"] = e.State.Epoch?.Id,
            ["accounts"] = e.State.Accounts.Count,
            ["nextQueueIndex"] = e.Queue.Count, // the index the next L1 event must carry
            ["chainId"] = e.Parameters.ChainId.ToString(CultureInfo.InvariantCulture),
        })));

        app.MapPost("/orders", (Func<HttpContext, Task<IResult>>)(c => WithBody(c, body => SubmitOrder(c, service, body, orderLimit))));
        app.MapGet("/orders/{id}", async (HttpContext c, string id) =>
        {
            if (OrderRecord.ParseId(id) is not { } key)
            {
                return ProblemResponses.Of(Refusal.BadRequest("id", $"'{id}' is not an order id (account-storageId)"), c);
            }
            JsonObject? order = await service.Query(e => e.FindOrder(key.Account, key.StorageId)?.ToJson());
            return order is null ? ProblemResponses.Of(Refusal.NotFound("id", $"no order {id} was acknowledged"), c) : Json(order);
        });
        app.MapPost("/orders/{id}/cancel", (HttpContext c, string id) => WithBody(c, body => CancelOrder(c, service, id, body)));
        app.MapPost("/orders/{id}/replace", (HttpContext c, string id) => WithBody(c, body => ReplaceOrder(c, service, id, body, orderLimit)));
        app.MapPost("/accounts/{account}/cancel-all", (HttpContext c, string account) => WithBody(c, body => CancelAll(c, service, account, body)));

        app.MapGet("/accounts/{account}", async (HttpContext c, string account) =>
        {
            if (!long.TryParse(account, NumberStyles.None, CultureInfo.InvariantCulture, out long index))
            {
                return ProblemResponses.Of(Refusal.BadRequest("account", $"'{account}' is not an account index"), c);
            }
            JsonObject? view = await service.Query(e => e.AccountView(index));
            return view is null ? ProblemResponses.Of(Refusal.NotFound("account", $"account {index} is not open"), c) : Json(view);
        });
        app.MapGet("/series/{series}/book", async (HttpContext c, string series, int? depth) =>
        {
            SeriesKey key;
            try
            {
                key = SeriesKey.Parse(series);
            }
            catch (FormatException ex)
            {
                return ProblemResponses.Of(Refusal.BadRequest("series", ex.Message), c);
            }
            int d = depth ?? 10;
            if (d is < 1 or > 1000)
            {
                return ProblemResponses.Of(Refusal.BadRequest("depth", $"depth {d} is outside 1 to 1000"), c);
            }
            JsonObject? book = await service.Query(e => e.State.Epoch?.Find(key) is null ? null : e.BookView(key, d));
            return book is null ? ProblemResponses.Of(Refusal.NotFound("series", $"series {series} is not listed in the current epoch"), c) : Json(book);
        });
        app.MapGet("/trades", async (HttpContext c, int? limit) =>
        {
            int l = limit ?? 100;
            if (l is < 1 or > 1000)
            {
                return ProblemResponses.Of(Refusal.BadRequest("limit", $"limit {l} is outside 1 to 1000"), c);
            }
            JsonObject[] trades = await service.Query(e => e.RecentTrades.Reverse().Take(l).Select(t => (JsonObject)t.DeepClone()).ToArray());
            return Json(new JsonObject { ["trades"] = new JsonArray(trades) });
        });
        app.MapGet("/batches", (HttpContext c, int? limit) =>
        {
            int l = limit ?? 100;
            if (l is < 1 or > 10_000)
            {
                return ProblemResponses.Of(Refusal.BadRequest("limit", $"limit {l} is outside 1 to 10000"), c);
            }
            return Json(new JsonObject { ["batches"] = new JsonArray([.. service.Store.Batches(l).Select(b => (JsonNode)BatchJsonOf(b))]) });
        });
        app.MapGet("/batches/{number:long}", (HttpContext c, long number) => service.Store.Batch(number) is { } b
            ? Json(BatchJsonOf(b))
            : ProblemResponses.Of(Refusal.NotFound("number", $"batch {number} has not been sealed"), c));

        app.MapPost("/epochs", (Func<HttpContext, Task<IResult>>)(c => WithBody(c, async body =>
        {
            OracleEpoch epoch;
            try
            {
                epoch = OracleEpochJson.Read(body, new JsonFields("request body"), service.Parameters);
            }
            catch (SettlementInputException ex)
            {
                return ProblemResponses.Of(ProblemResponses.FromInput(ex), c);
            }
            // The oracle's signature is checked here, on the request pool, like an order's; the engine checks it again
            // (an epoch is rare) together with the rules that need the state (id and time moving forward).
            if (!epoch.IsSignedBy(service.Parameters.OraclePublicKey, service.Parameters.OracleDomain))
            {
                return ProblemResponses.Of(new Refusal(422, "refused by the exchange's rules", "signature",
                    $"epoch {epoch.Id} is not signed by this deployment's oracle key"), c);
            }
            return Answer(c, await service.Submit(new PublishEpoch(epoch)));
        })));

        RouteGroupBuilder op = app.MapGroup("/operator");
        op.AddEndpointFilter(async (context, next) =>
            OperatorAuthorised(context.HttpContext, service.OperatorToken) is { } refused ? ProblemResponses.Of(refused, context.HttpContext) : await next(context));
        op.MapPost("/l1", (Func<HttpContext, Task<IResult>>)(c => WithBody(c, async body =>
        {
            L1Event l1;
            try
            {
                l1 = InputJson.L1Event(body, new JsonFields("request body"), indexRequired: true);
            }
            catch (SettlementInputException ex)
            {
                return ProblemResponses.Of(ProblemResponses.FromInput(ex), c);
            }
            return Answer(c, await service.Submit(l1));
        })));
        op.MapPost("/batches/{number:long}/status", (HttpContext c, long number) => WithBody(c, body =>
        {
            var json = new JsonFields("request body");
            string status;
            try
            {
                status = json.String(body, "status");
            }
            catch (SettlementInputException ex)
            {
                return Task.FromResult(ProblemResponses.Of(ProblemResponses.FromInput(ex), c));
            }
            if (!BatchStatus.Order.Contains(status))
            {
                return Task.FromResult(ProblemResponses.Of(Refusal.BadRequest("status", $"'{status}' is not one of {string.Join(", ", BatchStatus.Order)}"), c));
            }
            if (service.Store.Batch(number) is not { } row)
            {
                return Task.FromResult(ProblemResponses.Of(Refusal.NotFound("number", $"batch {number} has not been sealed"), c));
            }
            if (!BatchStatus.MayMove(row.Status, status))
            {
                return Task.FromResult(ProblemResponses.Of(Refusal.Conflict("status", $"batch {number} is {row.Status}; a status only moves forward"), c));
            }
            service.Store.SetBatchStatus(number, status);
            return Task.FromResult(Json(BatchJsonOf(service.Store.Batch(number)!)));
        }));
    }

    /// <summary>
    /// The framework's rate limiter, partitioned by account: a token bucket of <paramref name="perSecond"/> orders a
    /// second with bursts of twice as many; null for no limit.
    /// </summary>
    private static PartitionedRateLimiter<long>? OrderLimiter(int perSecond) => perSecond <= 0 ? null
        : PartitionedRateLimiter.Create<long, long>(account => RateLimitPartition.GetTokenBucketLimiter(account, _ => new TokenBucketRateLimiterOptions
        {
            TokenLimit = 2 * perSecond,
            TokensPerPeriod = perSecond,
            ReplenishmentPeriod = TimeSpan.FromSeconds(1),
            QueueLimit = 0,
            AutoReplenishment = true,
        }));

    private static IResult? Limited(HttpContext c, PartitionedRateLimiter<long>? limiter, long account, int perSecond)
    {
        if (limiter is null)
        {
            return null;
        }
        using RateLimitLease lease = limiter.AttemptAcquire(account);
        if (lease.IsAcquired)
        {
            return null;
        }
        c.Response.Headers.RetryAfter = "1";
        return ProblemResponses.Of(new Refusal(429, "rate limit", "account",
            $"account {account} sent more than {perSecond} orders a second (bursts of {2 * perSecond}); cancels are not limited"), c);
    }

    private static async Task<IResult> SubmitOrder(HttpContext c, SequencerService service, JsonObject body, PartitionedRateLimiter<long>? limit)
    {
        SubmitOrder order;
        try
        {
            order = InputJson.Order(body, new JsonFields("request body"), service.Parameters, requireHash: false);
        }
        catch (SettlementInputException ex)
        {
            return ProblemResponses.Of(ProblemResponses.FromInput(ex), c);
        }
        if (Limited(c, limit, order.Order.Order.Account, service.Options.OrdersPerSecondPerAccount) is { } tooMany)
        {
            return tooMany;
        }
        if (Verify(service, order) is { } refused)
        {
            return ProblemResponses.Of(refused, c);
        }
        return Answer(c, await service.Submit(order));
    }

    private static async Task<IResult> CancelOrder(HttpContext c, SequencerService service, string id, JsonObject body)
    {
        if (OrderRecord.ParseId(id) is not { } key)
        {
            return ProblemResponses.Of(Refusal.BadRequest("id", $"'{id}' is not an order id (account-storageId)"), c);
        }
        if (VerifyMessage(service, body, key.Account, SignedMessages.Cancel(key.Account, key.StorageId, service.Parameters.ChainId), "signature") is { } refused)
        {
            return ProblemResponses.Of(refused, c);
        }
        return Answer(c, await service.Submit(new CancelOrder(key.Account, key.StorageId)));
    }

    private static async Task<IResult> CancelAll(HttpContext c, SequencerService service, string account, JsonObject body)
    {
        if (!long.TryParse(account, NumberStyles.None, CultureInfo.InvariantCulture, out long index))
        {
            return ProblemResponses.Of(Refusal.BadRequest("account", $"'{account}' is not an account index"), c);
        }
        long upTo;
        try
        {
            upTo = new JsonFields("request body").Long(body, "upToStorageId", 0);
        }
        catch (SettlementInputException ex)
        {
            return ProblemResponses.Of(ProblemResponses.FromInput(ex), c);
        }
        if (VerifyMessage(service, body, index, SignedMessages.CancelAll(index, upTo, service.Parameters.ChainId), "signature") is { } refused)
        {
            return ProblemResponses.Of(refused, c);
        }
        return Answer(c, await service.Submit(new CancelAll(index, upTo)));
    }

    private static async Task<IResult> ReplaceOrder(HttpContext c, SequencerService service, string id, JsonObject body, PartitionedRateLimiter<long>? limit)
    {
        if (OrderRecord.ParseId(id) is not { } key)
        {
            return ProblemResponses.Of(Refusal.BadRequest("id", $"'{id}' is not an order id (account-storageId)"), c);
        }
        var json = new JsonFields("request body");
        SubmitOrder order;
        try
        {
            order = InputJson.Order(json.Object(body, "order"), json, service.Parameters, requireHash: false);
        }
        catch (SettlementInputException ex)
        {
            return ProblemResponses.Of(ProblemResponses.FromInput(ex), c);
        }
        if (order.Order.Order.Account != key.Account)
        {
            return ProblemResponses.Of(Refusal.BadRequest("order.account", $"the replacement is account {order.Order.Order.Account}'s, the order replaced is account {key.Account}'s"), c);
        }
        if (Limited(c, limit, key.Account, service.Options.OrdersPerSecondPerAccount) is { } tooMany)
        {
            return tooMany;
        }
        if (VerifyMessage(service, body, key.Account, SignedMessages.Cancel(key.Account, key.StorageId, service.Parameters.ChainId), "signature") is { } refused
            || Verify(service, order) is { } refusedOrder && (refused = refusedOrder with { Field = "order." + refusedOrder.Field }) is not null)
        {
            return ProblemResponses.Of(refused, c);
        }
        return Answer(c, await service.Submit(new ReplaceOrder(key.StorageId, order)));
    }

    private static Refusal? Verify(SequencerService service, SubmitOrder order)
    {
        long account = order.Order.Order.Account;
        if (service.KeyOf(account) is not { } key || account == service.Parameters.InsuranceAccount)
        {
            return Refusal.Unprocessable("account", $"account {account} is not open (accounts open with a deposit)");
        }
        return service.Verified.Verify(key, order.Order, order.Hash)
            ? null
            : new Refusal(401, "bad signature", "signature", $"the signature is not account {account}'s over the order's fields (hash {order.Hash})");
    }

    private static Refusal? VerifyMessage(SequencerService service, JsonObject body, long account, ZkOptions.Field.Fr message, string field)
    {
        EddsaSignature signature;
        try
        {
            var json = new JsonFields("request body");
            signature = SignedOrderJson.ReadSignature(json.Object(body, field), json);
        }
        catch (SettlementInputException ex)
        {
            return ProblemResponses.FromInput(ex);
        }
        if (service.KeyOf(account) is not { } key || account == service.Parameters.InsuranceAccount)
        {
            return Refusal.NotFound("account", $"account {account} is not open");
        }
        return EddsaPoseidon.Verify(key, message, signature)
            ? null
            : new Refusal(401, "bad signature", field, $"the signature is not account {account}'s over the request (message {message})");
    }

    private static Refusal? OperatorAuthorised(HttpContext c, string token)
    {
        string header = c.Request.Headers.Authorization.ToString();
        if (!header.StartsWith("Bearer ", StringComparison.Ordinal))
        {
            c.Response.Headers.WWWAuthenticate = "Bearer";
            return new Refusal(401, "operator token required", "Authorization", "operator endpoints need 'Authorization: Bearer <ZKOPTIONS_OPERATOR_TOKEN>'");
        }
        byte[] given = Encoding.UTF8.GetBytes(header["Bearer ".Length..]);
        byte[] wanted = Encoding.UTF8.GetBytes(token);
        return given.Length == wanted.Length && CryptographicOperations.FixedTimeEquals(given, wanted)
            ? null
            : new Refusal(403, "wrong operator token", "Authorization", "the bearer token is not the operator token");
    }

    private static async Task<IResult> WithBody(HttpContext c, Func<JsonObject, Task<IResult>> handle)
    {
        var (body, refused) = await RequestBodies.ReadObject(c.Request);
        return refused is not null ? ProblemResponses.Of(refused, c) : await handle(body!);
    }

    private static IResult Answer(HttpContext c, Outcome outcome)
    {
        if (outcome.Replayed)
        {
            // The answer first given to this request, repeated; the header tells a retry from a first answer.
            c.Response.Headers["Idempotent-Replayed"] = "true";
        }
        return outcome.Refusal is { } r ? ProblemResponses.Of(r, c) : Json(outcome.Result!);
    }

    private static JsonObject BatchJsonOf(BatchRow b) => new()
    {
        ["number"] = b.Number.ToString(CultureInfo.InvariantCulture),
        ["status"] = b.Status,
        ["timestamp"] = b.Timestamp.ToString(CultureInfo.InvariantCulture),
        ["transactions"] = b.Transactions,
        ["oldStateRoot"] = b.OldRoot,
        ["newStateRoot"] = b.NewRoot,
        ["file"] = $"batch-{b.Number:0000}.json",
    };

    private static IResult Json(JsonObject o) => Results.Text(o.ToJsonString(), "application/json");
}
