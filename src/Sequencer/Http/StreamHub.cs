// SPDX-License-Identifier: MIT
using System.Collections.Concurrent;
using System.Globalization;
using System.Net.WebSockets;
using System.Text;
using System.Text.Json.Nodes;
using System.Threading.Channels;
using Microsoft.AspNetCore.Http;
using ZkOptions.Sequencer.Hosting;

namespace ZkOptions.Sequencer.Http;

/// <summary>
/// WebSocket streams of the sequencer's events: <c>/ws/trades</c>, <c>/ws/batches</c>, <c>/ws/epochs</c>,
/// <c>/ws/books/{series}</c> (the top of the book after each change), all open, and <c>/ws/accounts/{account}</c> (the
/// account's order events: open, fill, filled, cancelled, expired, rejected), which only the account's key opens
/// (<see cref="AccountStreamAccess"/>). Events are sent in sequence, each once the input
/// it follows is durable. A subscriber that falls 10,000 messages behind is disconnected (the sequencer never waits
/// for a client) and resumes from the REST queries.
/// </summary>
public sealed class StreamHub
{
    private const int Backlog = 10_000;

    private readonly ConcurrentDictionary<string, ConcurrentDictionary<Guid, Channel<string>>> subscribers = new();
    private readonly SequencerService service;
    private readonly TimeProvider time;

    /// <summary>A hub fed by <paramref name="service"/>'s published events; <paramref name="time"/> judges stream tokens' expiry.</summary>
    public StreamHub(SequencerService service, TimeProvider time)
    {
        this.service = service;
        this.time = time;
        service.Published += Publish;
    }

    private void Publish(string channel, JsonObject payload)
    {
        if (!subscribers.TryGetValue(channel, out var subs) || subs.IsEmpty)
        {
            return;
        }
        string text = new JsonObject { ["channel"] = channel, ["data"] = payload.DeepClone() }.ToJsonString();
        foreach (var (id, queue) in subs)
        {
            if (!queue.Writer.TryWrite(text))
            {
                queue.Writer.TryComplete(new InvalidOperationException("too slow"));
                subs.TryRemove(id, out _);
            }
        }
    }

    /// <summary>
    /// Serves one subscriber of <paramref name="account"/>'s order events, once its token shows it holds the account's
    /// key; a refusal is answered before the upgrade.
    /// </summary>
    public Task ServeAccount(HttpContext context, string account)
    {
        if (!long.TryParse(account, NumberStyles.None, CultureInfo.InvariantCulture, out long index))
        {
            return Refuse(context, Core.Refusal.BadRequest("account", $"'{account}' is not an account index"));
        }
        if (AccountStreamAccess.Check(context.Request, index, service, time.GetUtcNow()) is { } refused)
        {
            if (refused.Status == 401)
            {
                context.Response.Headers.WWWAuthenticate = "Bearer realm=\"account stream\"";
            }
            return Refuse(context, refused);
        }
        return Serve(context, "account:" + index.ToString(CultureInfo.InvariantCulture)); // the channel the exchange publishes on
    }

    /// <summary>Serves one WebSocket subscriber of <paramref name="channel"/> until it or the service closes.</summary>
    public async Task Serve(HttpContext context, string channel)
    {
        if (!context.WebSockets.IsWebSocketRequest)
        {
            await Refuse(context, new Core.Refusal(400, "not a WebSocket request", null, $"connect with a WebSocket to stream '{channel}'"));
            return;
        }
        using WebSocket socket = await context.WebSockets.AcceptWebSocketAsync();
        var queue = Channel.CreateBounded<string>(new BoundedChannelOptions(Backlog) { SingleReader = true, FullMode = BoundedChannelFullMode.DropWrite });
        var id = Guid.NewGuid();
        var subs = subscribers.GetOrAdd(channel, _ => new ConcurrentDictionary<Guid, Channel<string>>());
        subs[id] = queue;
        // A subscriber reads nothing from the client; a close frame (or a dropped connection) ends the stream.
        Task closed = ReceiveUntilClosed(socket, context.RequestAborted);
        try
        {
            using var stop = CancellationTokenSource.CreateLinkedTokenSource(context.RequestAborted);
            _ = closed.ContinueWith(_ => stop.Cancel(), TaskScheduler.Default);
            await foreach (string message in queue.Reader.ReadAllAsync(stop.Token))
            {
                await socket.SendAsync(Encoding.UTF8.GetBytes(message), WebSocketMessageType.Text, true, stop.Token);
            }
            if (socket.State == WebSocketState.Open)
            {
                await socket.CloseAsync(WebSocketCloseStatus.PolicyViolation, "too slow: more than 10000 messages behind", CancellationToken.None);
            }
        }
        catch (Exception e) when (e is OperationCanceledException or WebSocketException or ChannelClosedException)
        {
            // The client went away, or fell behind.
        }
        finally
        {
            subs.TryRemove(id, out _);
        }
        if (socket.State == WebSocketState.CloseReceived)
        {
            try
            {
                await socket.CloseOutputAsync(WebSocketCloseStatus.NormalClosure, null, CancellationToken.None); // complete the client's close
            }
            catch (WebSocketException)
            {
            }
        }
    }

    private static Task Refuse(HttpContext context, Core.Refusal refusal) => ProblemResponses.Of(refusal, context).ExecuteAsync(context);

    private static async Task ReceiveUntilClosed(WebSocket socket, CancellationToken aborted)
    {
        var buffer = new byte[1024];
        try
        {
            while (socket.State == WebSocketState.Open)
            {
                WebSocketReceiveResult r = await socket.ReceiveAsync(buffer, aborted);
                if (r.MessageType == WebSocketMessageType.Close)
                {
                    return;
                }
            }
        }
        catch (Exception e) when (e is OperationCanceledException or WebSocketException)
        {
        }
    }
}
