// SPDX-License-Identifier: MIT
using System.Globalization;
using Microsoft.AspNetCore.Http;
using ZkOptions.Sequencer.Core;
using ZkOptions.Sequencer.Hosting;

namespace ZkOptions.Sequencer.Http;

/// <summary>
/// Who may open <c>/ws/accounts/{account}</c>: the holder of the account's key, shown by an
/// <see cref="AccountStreamToken"/> in the <c>token</c> query parameter (browsers cannot set headers on a WebSocket)
/// or in <c>Authorization: Bearer</c>. Checked before the upgrade, so a refusal is a plain RFC 7807 problem: 401 for no,
/// a malformed, expired or wrongly signed token (or one of the insurance account, which has no key); 403 for a valid
/// token of another account; 404 for an account that is not open. The token opens the stream; a stream already open is not cut
/// when it expires.
/// </summary>
public static class AccountStreamAccess
{
    /// <summary>The longest a token may live: a leaked token opens the stream for at most this long.</summary>
    public static readonly TimeSpan MaxLifetime = TimeSpan.FromHours(1);

    /// <summary>Null when <paramref name="request"/> may open <paramref name="account"/>'s stream at <paramref name="now"/>; else why not.</summary>
    public static Refusal? Check(HttpRequest request, long account, SequencerService service, DateTimeOffset now)
    {
        if (TokenOf(request) is not { } text)
        {
            return Unauthenticated($"account {account}'s stream needs the account's stream token: ?token=account.expiresAt.R8x.R8y.S or 'Authorization: Bearer <token>' (docs/sequencer.md)");
        }
        if (AccountStreamToken.Parse(text) is not { } token)
        {
            return Unauthenticated("the token is not a stream token: five decimals account.expiresAt.R8x.R8y.S, with S below the subgroup order");
        }
        // Who the token shows the client to be (401 when it shows no one), then whether that is the account asked for (403).
        if (token.Account == service.Parameters.InsuranceAccount)
        {
            return Unauthenticated($"account {token.Account} is the insurance account: it has no key, so no token is its");
        }
        long time = now.ToUnixTimeSeconds();
        if (token.ExpiresAt <= time)
        {
            return Unauthenticated($"the token expired at {token.ExpiresAt}; the time is {time}");
        }
        long latest = time + (long)MaxLifetime.TotalSeconds;
        if (token.ExpiresAt > latest)
        {
            return Unauthenticated($"the token expires at {token.ExpiresAt}, later than {latest}: a token lives at most {(long)MaxLifetime.TotalSeconds} s");
        }
        if (service.KeyOf(token.Account) is not { } key)
        {
            return token.Account == account
                ? Refusal.NotFound("account", $"account {account} is not open")
                : Unauthenticated($"the token's account {token.Account} is not open");
        }
        if (!token.IsSignedBy(key, service.Parameters.ChainId))
        {
            return Unauthenticated($"the token's signature is not account {token.Account}'s over (account, expiresAt, chain id {service.Parameters.ChainId.ToString(CultureInfo.InvariantCulture)})");
        }
        return token.Account == account
            ? null
            : new Refusal(403, "another account's stream", "token", $"the token is account {token.Account}'s; it does not open account {account}'s stream");
    }

    private static string? TokenOf(HttpRequest request)
    {
        if (request.Query.TryGetValue("token", out var query) && query.Count == 1 && !string.IsNullOrEmpty(query[0]))
        {
            return query[0];
        }
        string header = request.Headers.Authorization.ToString();
        return header.StartsWith("Bearer ", StringComparison.Ordinal) ? header["Bearer ".Length..] : null;
    }

    private static Refusal Unauthenticated(string detail) => new(401, "not authenticated", "token", detail);
}
