// SPDX-License-Identifier: MIT
using System.Net;
using System.Net.WebSockets;
using ZkOptions.Field.BabyJubjub;
using ZkOptions.Sequencer.Client;
using ZkOptions.Sequencer.Http;
using ZkOptions.Settlement.Instruments;
using ZkOptions.Settlement.Orders;

namespace ZkOptions.Sequencer.Tests;

/// <summary>
/// An account's WebSocket stream opens only with a token signed by the account's key, checked before the upgrade:
/// no, malformed, expired, too long-lived or wrongly signed tokens are 401 problems, another account's valid token is
/// a 403, an account that is not open a 404. The public streams stay open (<see cref="StreamTests"/>).
/// </summary>
public sealed class AccountStreamAuthTests
{
    private static long Now => DateTimeOffset.UtcNow.ToUnixTimeSeconds();

    private static string TokenOf(long account, long expiresAt, EddsaPrivateKey? key = null) =>
        AccountStreamToken.Sign(account, expiresAt, Hosting.DevelopmentOracle.Parameters.ChainId, key ?? RunningSequencer.KeyFor(account)).ToString();

    /// <summary>The HTTP status a WebSocket connection attempt gets: 101 when it upgrades.</summary>
    private static async Task<int> ConnectStatus(RunningSequencer s, string pathAndQuery, string? bearer = null)
    {
        using var ws = new ClientWebSocket();
        ws.Options.CollectHttpResponseDetails = true;
        if (bearer is not null)
        {
            ws.Options.SetRequestHeader("Authorization", "Bearer " + bearer);
        }
        string[] parts = pathAndQuery.Split('?', 2);
        var uri = new UriBuilder(s.Client.Http.BaseAddress!) { Scheme = "ws", Path = parts[0], Query = parts.Length > 1 ? parts[1] : "" }.Uri;
        try
        {
            await ws.ConnectAsync(uri, CancellationToken.None);
            await ws.CloseAsync(WebSocketCloseStatus.NormalClosure, null, CancellationToken.None);
            return (int)HttpStatusCode.SwitchingProtocols;
        }
        catch (WebSocketException)
        {
            return (int)ws.HttpStatusCode;
        }
    }

    private static void AssertProblem(Reply r, int status, string field, string detailPart)
    {
        Assert.Equal(status, r.Status);
        Assert.Equal(status, (int)r.Body["status"]!);
        Assert.Equal(field, (string?)r.Body["field"]);
        Assert.Contains(detailPart, (string)r.Body["detail"]!);
    }

    [Fact]
    public async Task Without_a_valid_token_of_the_account_the_stream_is_refused_before_the_upgrade()
    {
        await using RunningSequencer s = await RunningSequencer.StartAsync();
        await s.FundAndListAsync(2);
        string valid = TokenOf(1, Now + 300);
        Assert.Equal(101, await ConnectStatus(s, "/ws/accounts/1?token=" + valid));
        Assert.Equal(101, await ConnectStatus(s, "/ws/accounts/1", bearer: valid));

        Assert.Equal(401, await ConnectStatus(s, "/ws/accounts/1"));
        Assert.Equal(401, await ConnectStatus(s, "/ws/accounts/1?token=1.2.3"));
        Assert.Equal(401, await ConnectStatus(s, "/ws/accounts/1?token=" + TokenOf(1, Now - 1)));
        Assert.Equal(401, await ConnectStatus(s, "/ws/accounts/1?token=" + TokenOf(1, Now + 7_200)));
        Assert.Equal(401, await ConnectStatus(s, "/ws/accounts/1?token=" + TokenOf(1, Now + 300, RunningSequencer.KeyFor(2))));
        Assert.Equal(403, await ConnectStatus(s, "/ws/accounts/1?token=" + TokenOf(2, Now + 300)));
        Assert.Equal(401, await ConnectStatus(s, "/ws/accounts/0?token=" + TokenOf(0, Now + 300, RunningSequencer.KeyFor(9))));
        Assert.Equal(404, await ConnectStatus(s, "/ws/accounts/7?token=" + TokenOf(7, Now + 300)));

        Assert.Equal(101, await ConnectStatus(s, "/ws/trades"));
        Assert.Equal(101, await ConnectStatus(s, $"/ws/books/{s.Market.Series[8]}"));
    }

    [Fact]
    public async Task A_refusal_is_an_rfc_7807_problem_naming_the_token()
    {
        await using RunningSequencer s = await RunningSequencer.StartAsync();
        await s.FundAndListAsync(2);
        using (HttpResponseMessage r = await s.Client.Http.GetAsync("/ws/accounts/1"))
        {
            Assert.Equal(HttpStatusCode.Unauthorized, r.StatusCode);
            Assert.Equal("application/problem+json", r.Content.Headers.ContentType?.MediaType);
            Assert.StartsWith("Bearer", r.Headers.WwwAuthenticate.ToString());
        }
        AssertProblem(await s.Client.Get("/ws/accounts/1"), 401, "token", "needs the account's stream token");
        AssertProblem(await s.Client.Get("/ws/accounts/1?token=x"), 401, "token", "not a stream token");
        AssertProblem(await s.Client.Get("/ws/accounts/1?token=" + TokenOf(1, Now - 5)), 401, "token", "expired at");
        AssertProblem(await s.Client.Get("/ws/accounts/1?token=" + TokenOf(1, Now + 86_400)), 401, "token", "at most 3600 s");
        AssertProblem(await s.Client.Get("/ws/accounts/1?token=" + TokenOf(1, Now + 60, RunningSequencer.KeyFor(2))), 401, "token", "signature is not account 1's");
        AssertProblem(await s.Client.Get("/ws/accounts/1?token=" + TokenOf(2, Now + 60)), 403, "token", "does not open account 1's stream");
        AssertProblem(await s.Client.Get("/ws/accounts/one?token=" + TokenOf(1, Now + 60)), 400, "account", "not an account index");
        // A valid token on a plain request is past authentication: only the missing upgrade is refused.
        AssertProblem(await s.Client.Get("/ws/accounts/1?token=" + TokenOf(1, Now + 60)), 400, null!, "connect with a WebSocket");
    }

    [Fact]
    public async Task A_token_for_another_chain_does_not_open_the_stream()
    {
        await using RunningSequencer s = await RunningSequencer.StartAsync();
        await s.FundAndListAsync(1);
        long chain = Hosting.DevelopmentOracle.Parameters.ChainId + 1;
        string other = AccountStreamToken.Sign(1, Now + 60, chain, RunningSequencer.KeyFor(1)).ToString();
        Assert.Equal(401, await ConnectStatus(s, "/ws/accounts/1?token=" + other));
    }

    [Fact]
    public async Task The_account_stream_opened_with_the_client_token_carries_the_accounts_events()
    {
        await using RunningSequencer s = await RunningSequencer.StartAsync();
        await s.FundAndListAsync(1);
        SeriesKey series = s.Market.Series[8];
        long mark = s.Market.Epoch(1, s.Now).Find(series)!.Value.Risk.Mark.Micros;
        string token = s.Client.AccountStreamToken(1, RunningSequencer.KeyFor(1), TimeSpan.FromMinutes(5));
        using ClientWebSocket account = await StreamTests.Connect(s, "/ws/accounts/1", "token=" + token);
        await Task.Delay(200); // the subscription is registered once the upgrade completes
        await s.Client.Submit(Orders.Make(1, series, Side.Sell, mark, 2, 1), RunningSequencer.KeyFor(1));
        var opened = await StreamTests.Next(account);
        Assert.Equal("account:1", (string?)opened["channel"]);
        Assert.Equal("1-1", (string?)opened["data"]!["orderId"]);
    }
}
