// SPDX-License-Identifier: MIT
using System.Globalization;
using System.Net.Http.Headers;
using System.Numerics;
using System.Text;
using System.Text.Json.Nodes;
using ZkOptions.Field;
using ZkOptions.Field.BabyJubjub;
using ZkOptions.Sequencer.Inputs;
using ZkOptions.Sequencer.Journal;
using ZkOptions.Settlement.Batches;
using ZkOptions.Settlement.Numbers;
using ZkOptions.Settlement.Orders;
using ZkOptions.Settlement.Parameters;
using ZkOptions.Settlement.Risk;
using ZkOptions.Settlement.State;

namespace ZkOptions.Sequencer.Client;

/// <summary>A reply: the HTTP status and the JSON body (a result or an RFC 7807 problem).</summary>
public sealed record Reply(int Status, JsonObject Body)
{
    /// <summary>2xx.</summary>
    public bool Ok => Status is >= 200 and < 300;
}

/// <summary>
/// The sequencer's API from C#: signs what needs signing and posts it. Used by <c>zkoptions loadgen</c> and the tests;
/// docs/sequencer.md shows the same calls.
/// </summary>
public sealed class SequencerClient(HttpClient http, ExchangeParameters parameters, string? operatorToken = null)
{
    /// <summary>The exchange parameters.</summary>
    public ExchangeParameters Parameters { get; } = parameters;

    /// <summary>The HTTP client.</summary>
    public HttpClient Http { get; } = http;

    /// <summary>Reads the parameters the service at <paramref name="http"/> runs with.</summary>
    public static async Task<ExchangeParameters> FetchParameters(HttpClient http)
    {
        string text = await http.GetStringAsync("/parameters");
        var json = new Settlement.Serialization.JsonFields("GET /parameters");
        return ExchangeParametersJson.Read(json.ParseObject(text), json);
    }

    /// <summary>
    /// Reports an L1 deposit (operator), entry <paramref name="queueIndex"/> of the contract's queue: opens
    /// <paramref name="account"/> with <paramref name="key"/> or tops it up. Posting it again is safe: the same entry
    /// under the same index is answered as before, without a second deposit.
    /// </summary>
    public Task<Reply> Deposit(long queueIndex, long account, BabyJubjubPoint key, Usd amount) =>
        Post("/operator/l1", InputJson.L1(new L1Event(new L1Operation(L1OperationKind.Deposit, account, (BigInteger.One << 159) + account, amount, key), queueIndex)),
            operatorToken);

    /// <summary>The index the next L1 queue entry must carry (the entries the service holds), from <c>GET /status</c>.</summary>
    public async Task<long> NextQueueIndex() => (long)(await Get("/status")).Body["nextQueueIndex"]!;

    /// <summary>Publishes a signed epoch.</summary>
    public Task<Reply> PublishEpoch(OracleEpoch epoch) => Post("/epochs", OracleEpochJson.Write(epoch, Parameters));

    /// <summary>Submits an order signed with <paramref name="key"/>.</summary>
    public Task<Reply> Submit(Order order, EddsaPrivateKey key, TimeInForce tif = TimeInForce.GoodTillCancel, bool reduceOnly = false) =>
        Post("/orders", OrderBody(order, key, tif, reduceOnly));

    /// <summary>The body of an order submission.</summary>
    public static JsonObject OrderBody(SignedOrder order, TimeInForce tif = TimeInForce.GoodTillCancel, bool reduceOnly = false) =>
        OrderBody(order, order.Order.Hash(), tif, reduceOnly);

    /// <summary>
    /// The body of <paramref name="order"/> signed with <paramref name="key"/>, hashing the order once for the signature
    /// and the body's <c>hash</c> (a Poseidon sponge: a load client on the service's cores should not pay it twice).
    /// </summary>
    public static JsonObject OrderBody(Order order, EddsaPrivateKey key, TimeInForce tif = TimeInForce.GoodTillCancel, bool reduceOnly = false)
    {
        Fr hash = order.Hash();
        return OrderBody(new SignedOrder(order, key.Sign(hash)), hash, tif, reduceOnly);
    }

    private static JsonObject OrderBody(SignedOrder order, Fr hash, TimeInForce tif, bool reduceOnly)
    {
        JsonObject o = SignedOrderJson.Write(order, hash);
        o["timeInForce"] = InputJson.Name(tif);
        o["reduceOnly"] = reduceOnly;
        return o;
    }

    /// <summary>Cancels the account's order <paramref name="storageId"/>.</summary>
    public Task<Reply> Cancel(long account, long storageId, EddsaPrivateKey key) =>
        Post($"/orders/{account}-{storageId}/cancel",
            new JsonObject { ["signature"] = SignedOrderJson.Signature(key.Sign(SignedMessages.Cancel(account, storageId, Parameters.ChainId))) });

    /// <summary>Cancels every resting order of the account up to <paramref name="upToStorageId"/>.</summary>
    public Task<Reply> CancelAll(long account, long upToStorageId, EddsaPrivateKey key) =>
        Post($"/accounts/{account}/cancel-all", new JsonObject
        {
            ["upToStorageId"] = upToStorageId.ToString(CultureInfo.InvariantCulture),
            ["signature"] = SignedOrderJson.Signature(key.Sign(SignedMessages.CancelAll(account, upToStorageId, Parameters.ChainId))),
        });

    /// <summary>Atomically replaces the account's order <paramref name="oldStorageId"/> with <paramref name="replacement"/>.</summary>
    public Task<Reply> Replace(long oldStorageId, Order replacement, EddsaPrivateKey key, TimeInForce tif = TimeInForce.GoodTillCancel) =>
        Post($"/orders/{replacement.Account}-{oldStorageId}/replace", new JsonObject
        {
            ["order"] = OrderBody(replacement, key, tif),
            ["signature"] = SignedOrderJson.Signature(key.Sign(SignedMessages.Cancel(replacement.Account, oldStorageId, Parameters.ChainId))),
        });

    /// <summary>
    /// A token that opens <paramref name="account"/>'s WebSocket stream (<c>/ws/accounts/{account}?token=…</c>) for
    /// <paramref name="lifetime"/> from now (the service takes at most an hour), signed with the account's key.
    /// </summary>
    public string AccountStreamToken(long account, EddsaPrivateKey key, TimeSpan lifetime) =>
        ZkOptions.Sequencer.Http.AccountStreamToken.Sign(account, DateTimeOffset.UtcNow.Add(lifetime).ToUnixTimeSeconds(), Parameters.ChainId, key).ToString();

    /// <summary>GET <paramref name="path"/>.</summary>
    public async Task<Reply> Get(string path)
    {
        using HttpResponseMessage r = await Http.GetAsync(path);
        return await ReplyOf(r);
    }

    /// <summary>POST <paramref name="body"/> to <paramref name="path"/>, with a bearer token when given.</summary>
    public async Task<Reply> Post(string path, JsonObject body, string? bearer = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = new StringContent(body.ToJsonString(), Encoding.UTF8, "application/json") };
        if (bearer is not null)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", bearer);
        }
        using HttpResponseMessage r = await Http.SendAsync(request);
        return await ReplyOf(r);
    }

    private static async Task<Reply> ReplyOf(HttpResponseMessage r)
    {
        string text = await r.Content.ReadAsStringAsync();
        JsonObject body = text.Length > 0 && JsonNode.Parse(text) is JsonObject o ? o : new JsonObject { ["text"] = text };
        return new Reply((int)r.StatusCode, body);
    }
}
