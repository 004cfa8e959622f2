// SPDX-License-Identifier: MIT
using ZkOptions.Field.BabyJubjub;

namespace ZkOptions.Sequencer.Client;

/// <summary>What <see cref="LoadGenerator"/> sends: to whom, how many accounts, how fast and how long.</summary>
public sealed record LoadOptions
{
    /// <summary>The sequencer's base URL.</summary>
    public required Uri Url { get; init; }

    /// <summary>Accounts to open and trade with (about four in five make markets, the rest take).</summary>
    public int Accounts { get; init; } = 32;

    /// <summary>Requests per second (orders, replaces and cancels together).</summary>
    public double Rate { get; init; } = 1_000;

    /// <summary>How long to send.</summary>
    public TimeSpan Duration { get; init; } = TimeSpan.FromSeconds(10);

    /// <summary>The operator token (accounts are funded through the operator endpoint).</summary>
    public required string OperatorToken { get; init; }

    /// <summary>The oracle key that signs the epoch loadgen publishes.</summary>
    public required EddsaPrivateKey OracleKey { get; init; }

    /// <summary>Where to write each acknowledged order id, one a line (null: nowhere).</summary>
    public string? AckedFile { get; init; }

    /// <summary>How long to keep retrying a request while the service is down (a restart).</summary>
    public TimeSpan RetryFor { get; init; } = TimeSpan.FromSeconds(60);

    /// <summary>
    /// The share of requests that are taker orders. On busy option names quotes and cancels outnumber trades by orders
    /// of magnitude (research/exchange-operations.md), so by default 1 % of requests take and the rest move quotes.
    /// </summary>
    public double TakerShare { get; init; } = 0.01;

    /// <summary>The seed of the flow (and of the accounts' keys).</summary>
    public int Seed { get; init; } = Environment.TickCount;
}
