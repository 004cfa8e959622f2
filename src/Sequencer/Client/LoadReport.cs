// SPDX-License-Identifier: MIT
using System.Text.Json.Nodes;

namespace ZkOptions.Sequencer.Client;

/// <summary>
/// What a load run achieved. Orders are new orders and replacements (each a signed order); cancels include those a
/// replacement makes. Latencies are from sending a request to its acknowledgement, for requests answered without a
/// retry (a request retried across a restart is counted, not timed).
/// </summary>
public sealed record LoadReport(
    long Acked, long Orders, long Replaces, long Cancels, long Fills, long Refused, long Retried, long Skipped,
    double Seconds, double P50Ms, double P99Ms, double MaxMs)
{
    /// <summary>Acknowledged signed orders (new and replacement) per second.</summary>
    public double OrdersPerSecond => Seconds > 0 ? (Orders + Replaces) / Seconds : 0;

    /// <summary>Acknowledged requests (orders, replaces, cancels) per second.</summary>
    public double RequestsPerSecond => Seconds > 0 ? (Orders + Replaces + Cancels) / Seconds : 0;

    /// <summary>The report as JSON.</summary>
    public JsonObject ToJson() => new()
    {
        ["ordersPerSecond"] = Math.Round(OrdersPerSecond, 1),
        ["requestsPerSecond"] = Math.Round(RequestsPerSecond, 1),
        ["p50Ms"] = Math.Round(P50Ms, 3),
        ["p99Ms"] = Math.Round(P99Ms, 3),
        ["maxMs"] = Math.Round(MaxMs, 3),
        ["acked"] = Acked,
        ["orders"] = Orders,
        ["replaces"] = Replaces,
        ["cancels"] = Cancels,
        ["fills"] = Fills,
        ["refused"] = Refused,
        ["retried"] = Retried,
        ["skipped"] = Skipped,
        ["seconds"] = Math.Round(Seconds, 3),
    };
}
