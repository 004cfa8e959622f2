// SPDX-License-Identifier: MIT
using System.Net.WebSockets;
using System.Text;
using System.Text.Json.Nodes;
using ZkOptions.Sequencer.Inputs;
using ZkOptions.Settlement.Instruments;
using ZkOptions.Settlement.Orders;

namespace ZkOptions.Sequencer.Tests;

/// <summary>
/// WebSocket streams: trades, an account's order events and a series' book, in order, after durability (the account's
/// stream with its token: <see cref="AccountStreamAuthTests"/>).
/// </summary>
public sealed class StreamTests
{
    internal static async Task<ClientWebSocket> Connect(RunningSequencer s, string path, string query = "")
    {
        var ws = new ClientWebSocket();
        var uri = new UriBuilder(s.Client.Http.BaseAddress!) { Scheme = "ws", Path = path, Query = query }.Uri;
        await ws.ConnectAsync(uri, CancellationToken.None);
        return ws;
    }

    internal static async Task<JsonObject> Next(ClientWebSocket ws)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        var buffer = new byte[64 * 1024];
        var text = new StringBuilder();
        WebSocketReceiveResult r;
        do
        {
            r = await ws.ReceiveAsync(buffer, timeout.Token);
            text.Append(Encoding.UTF8.GetString(buffer, 0, r.Count));
        }
        while (!r.EndOfMessage);
        return JsonNode.Parse(text.ToString())!.AsObject();
    }

    [Fact]
    public async Task Trades_account_events_and_the_book_are_streamed()
    {
        await using RunningSequencer s = await RunningSequencer.StartAsync();
        await s.FundAndListAsync(2);
        SeriesKey series = s.Market.Series[8];
        long mark = s.Market.Epoch(1, s.Now).Find(series)!.Value.Risk.Mark.Micros;
        using ClientWebSocket trades = await Connect(s, "/ws/trades");
        using ClientWebSocket account = await Connect(s, "/ws/accounts/1", "token=" + s.Client.AccountStreamToken(1, RunningSequencer.KeyFor(1), TimeSpan.FromMinutes(5)));
        using ClientWebSocket book = await Connect(s, $"/ws/books/{series}");
        await Task.Delay(200); // the subscriptions are registered once the upgrade completes

        await s.Client.Submit(Orders.Make(1, series, Side.Sell, mark, 2, 1), RunningSequencer.KeyFor(1));
        JsonObject opened = await Next(account);
        Assert.Equal("account:1", (string?)opened["channel"]);
        Assert.Equal("open", (string?)opened["data"]!["event"]);
        Assert.Equal("1-1", (string?)opened["data"]!["orderId"]);
        JsonObject top = await Next(book);
        Assert.Equal((mark / 10_000 * 10_000).ToString(), (string?)top["data"]!["bestAsk"]!["price"]);

        await s.Client.Submit(Orders.Make(2, series, Side.Buy, mark, 1, 1), RunningSequencer.KeyFor(2), TimeInForce.ImmediateOrCancel);
        JsonObject trade = await Next(trades);
        Assert.Equal("1-1", (string?)trade["data"]!["makerOrderId"]);
        Assert.Equal("2-1", (string?)trade["data"]!["takerOrderId"]);
        JsonObject fill = await Next(account);
        Assert.Equal("fill", (string?)fill["data"]!["event"]);
        Assert.Equal("10000", (string?)fill["data"]!["filled"]);
        await account.CloseAsync(WebSocketCloseStatus.NormalClosure, null, CancellationToken.None);
    }

    [Fact]
    public async Task A_plain_request_to_a_stream_is_a_400_problem()
    {
        await using RunningSequencer s = await RunningSequencer.StartAsync();
        var r = await s.Client.Get("/ws/trades");
        Assert.Equal(400, r.Status);
        Assert.Contains("WebSocket", (string?)r.Body["detail"]);
    }
}
