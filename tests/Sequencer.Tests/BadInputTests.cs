// SPDX-License-Identifier: MIT
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using ZkOptions.Sequencer.Client;
using ZkOptions.Settlement.Instruments;
using ZkOptions.Settlement.Numbers;
using ZkOptions.Settlement.Orders;

namespace ZkOptions.Sequencer.Tests;

/// <summary>
/// Bad input is refused with a 4xx RFC 7807 problem that names the field at fault, and changes nothing: the journal
/// sequence and the state root are the same before and after.
/// </summary>
public sealed class BadInputTests
{
    private static async Task<(string Sequence, string Root)> Snapshot(RunningSequencer s)
    {
        Reply status = await s.Client.Get("/status");
        return (status.Body["sequence"]!.ToJsonString(), (string)status.Body["stateRoot"]!);
    }

    private static async Task<Reply> Raw(RunningSequencer s, string path, string body, string? bearer = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = new StringContent(body, Encoding.UTF8, "application/json") };
        // As a client sending a large body should: the server may refuse it before it is sent.
        request.Headers.ExpectContinue = true;
        if (bearer is not null)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", bearer);
        }
        using HttpResponseMessage r = await s.Client.Http.SendAsync(request);
        Assert.Equal("application/problem+json", r.Content.Headers.ContentType?.MediaType);
        return new Reply((int)r.StatusCode, JsonNode.Parse(await r.Content.ReadAsStringAsync())!.AsObject());
    }

    private static void AssertProblem(Reply r, int status, string? field, string detailPart)
    {
        Assert.Equal(status, r.Status);
        Assert.Equal(status, (int)r.Body["status"]!);
        Assert.Equal(field, (string?)r.Body["field"]);
        Assert.Contains(detailPart, (string)r.Body["detail"]!);
    }

    private static JsonObject ValidOrder(RunningSequencer s, long storageId = 1)
    {
        SeriesKey series = s.Market.Series[8];
        long mark = s.Market.Epoch(1, s.Now).Find(series)!.Value.Risk.Mark.Micros;
        return SequencerClient.OrderBody(Orders.Make(1, series, Side.Buy, mark * 90 / 100, 1, storageId).SignWith(RunningSequencer.KeyFor(1)));
    }

    [Fact]
    public async Task Malformed_json_is_a_400_and_changes_nothing()
    {
        await using RunningSequencer s = await RunningSequencer.StartAsync();
        await s.FundAndListAsync(1);
        var before = await Snapshot(s);
        AssertProblem(await Raw(s, "/orders", "{\"account\": \"1\", "), 400, null, "not valid JSON");
        AssertProblem(await Raw(s, "/orders", "[1, 2]"), 400, null, "top level must be a JSON object");
        JsonObject order = ValidOrder(s);
        order["limitPrice"] = "twelve";
        AssertProblem(await Raw(s, "/orders", order.ToJsonString()), 400, "limitPrice", "must be an integer");
        order = ValidOrder(s);
        order.Remove("side");
        AssertProblem(await Raw(s, "/orders", order.ToJsonString()), 400, "side", "is missing");
        order = ValidOrder(s);
        order["timeInForce"] = "fok";
        AssertProblem(await Raw(s, "/orders", order.ToJsonString()), 400, "timeInForce", "must be");
        AssertProblem(await Raw(s, "/operator/l1", "{\"kind\": \"deposit\"", RunningSequencer.Token), 400, null, "not valid JSON");
        Assert.Equal(before, await Snapshot(s));
    }

    [Fact]
    public async Task A_bad_signature_is_a_401_naming_the_signature()
    {
        await using RunningSequencer s = await RunningSequencer.StartAsync();
        await s.FundAndListAsync(2);
        var before = await Snapshot(s);
        SeriesKey series = s.Market.Series[8];
        // Signed by account 2's key but claiming account 1.
        JsonObject forged = SequencerClient.OrderBody(Orders.Make(1, series, Side.Buy, 1_000_000, 1, 1).SignWith(RunningSequencer.KeyFor(2)));
        AssertProblem(await Raw(s, "/orders", forged.ToJsonString()), 401, "signature", "not account 1's");
        // A valid signature over other fields: the amount was changed after signing.
        JsonObject altered = ValidOrder(s);
        altered["amount"] = "20000";
        altered.Remove("hash");
        AssertProblem(await Raw(s, "/orders", altered.ToJsonString()), 401, "signature", "not account 1's");
        // The same with the signed hash kept: intake keeps the hash an order came with (it is not hashed again), so
        // that hash must be checked against the fields, or the signature over it would pass for the altered order.
        JsonObject alteredWithHash = ValidOrder(s);
        alteredWithHash["amount"] = "20000";
        AssertProblem(await Raw(s, "/orders", alteredWithHash.ToJsonString()), 400, "hash", "is not the hash of the order's fields");
        JsonObject replacement = ValidOrder(s, storageId: 2);
        replacement["amount"] = "20000";
        AssertProblem(await Raw(s, "/orders/1-1/replace", new JsonObject { ["order"] = replacement, ["signature"] = ValidOrder(s)["signature"]!.DeepClone() }.ToJsonString()),
            400, "order.hash", "is not the hash of the order's fields");
        Assert.Equal(before, await Snapshot(s));
        Assert.Equal(404, (await s.Client.Get("/orders/1-1")).Status);
    }

    [Fact]
    public async Task A_replayed_order_is_a_409_naming_the_storage_id()
    {
        await using RunningSequencer s = await RunningSequencer.StartAsync();
        await s.FundAndListAsync(1);
        JsonObject order = ValidOrder(s);
        Assert.Equal(200, (await s.Client.Post("/orders", order)).Status);
        var before = await Snapshot(s);
        AssertProblem(await Raw(s, "/orders", order.ToJsonString()), 409, "storageId", "already acknowledged");
        Assert.Equal(before, await Snapshot(s));
        // Cancelled, it still cannot come back.
        await s.Client.Cancel(1, 1, RunningSequencer.KeyFor(1));
        AssertProblem(await Raw(s, "/orders", order.ToJsonString()), 409, "storageId", "already acknowledged");
    }

    [Fact]
    public async Task An_unknown_series_is_a_422_naming_the_series()
    {
        await using RunningSequencer s = await RunningSequencer.StartAsync();
        await s.FundAndListAsync(1);
        var before = await Snapshot(s);
        var unlisted = new SeriesKey(1, s.Market.Expiries[0], 101_000 * SeriesKey.StrikeScale, OptionType.Put);
        JsonObject order = SequencerClient.OrderBody(Orders.Make(1, unlisted, Side.Buy, 1_000_000, 1, 1).SignWith(RunningSequencer.KeyFor(1)));
        AssertProblem(await Raw(s, "/orders", order.ToJsonString()), 422, "series", "not listed");
        JsonObject garbled = ValidOrder(s);
        garbled["series"] = "not-a-series";
        AssertProblem(await Raw(s, "/orders", garbled.ToJsonString()), 400, "series", "");
        Assert.Equal(before, await Snapshot(s));
    }

    [Fact]
    public async Task An_oversized_body_is_a_413()
    {
        await using RunningSequencer s = await RunningSequencer.StartAsync();
        await s.FundAndListAsync(1);
        var before = await Snapshot(s);
        JsonObject order = ValidOrder(s);
        order["padding"] = new string('x', 2 << 20);
        Reply r = await Raw(s, "/orders", order.ToJsonString());
        Assert.Equal(413, r.Status);
        Assert.Contains("limit", (string)r.Body["detail"]!);
        Assert.Equal(before, await Snapshot(s));
    }

    [Fact]
    public async Task Operator_endpoints_refuse_a_missing_or_wrong_token()
    {
        await using RunningSequencer s = await RunningSequencer.StartAsync();
        var before = await Snapshot(s);
        string deposit = new JsonObject
        {
            ["queueIndex"] = "0", ["kind"] = "deposit", ["account"] = "1", ["owner"] = "0x" + new string('1', 40), ["amount"] = "1000000",
            ["publicKey"] = new JsonObject { ["x"] = RunningSequencer.KeyFor(1).PublicKey.X.ToString(), ["y"] = RunningSequencer.KeyFor(1).PublicKey.Y.ToString() },
        }.ToJsonString();
        AssertProblem(await Raw(s, "/operator/l1", deposit), 401, "Authorization", "Bearer");
        AssertProblem(await Raw(s, "/operator/l1", deposit, "not-the-token"), 403, "Authorization", "not the operator token");
        Assert.Equal(before, await Snapshot(s));
        Reply ok = await s.Client.Post("/operator/l1", JsonNode.Parse(deposit)!.AsObject(), RunningSequencer.Token);
        Assert.Equal(200, ok.Status);
        Assert.Equal(new Usd(1_000_000).ToString(), (string?)ok.Body["collateral"]);
    }

    [Fact]
    public async Task An_order_from_an_account_that_is_not_open_or_an_epoch_from_another_key_is_refused()
    {
        await using RunningSequencer s = await RunningSequencer.StartAsync();
        await s.FundAndListAsync(1);
        var before = await Snapshot(s);
        SeriesKey series = s.Market.Series[8];
        JsonObject stranger = SequencerClient.OrderBody(Orders.Make(7, series, Side.Buy, 1_000_000, 1, 1).SignWith(RunningSequencer.KeyFor(7)));
        AssertProblem(await Raw(s, "/orders", stranger.ToJsonString()), 422, "account", "not open");
        var forgedOracle = new Client.DemoMarket(Hosting.DevelopmentOracle.Parameters, RunningSequencer.KeyFor(99), RunningSequencer.Start);
        Reply epoch = await s.Client.PublishEpoch(forgedOracle.Epoch(2, s.Now + 10));
        Assert.Equal(422, epoch.Status);
        Assert.Equal("signature", (string?)epoch.Body["field"]);
        Assert.Equal(before, await Snapshot(s));
    }
}
