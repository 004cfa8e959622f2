// SPDX-License-Identifier: MIT
namespace ZkOptions.Sequencer.Core;

/// <summary>
/// Why an input was refused, as the API reports it (an RFC 7807 problem): the HTTP status, a short title, the
/// request field at fault (null when the request as a whole is), and the detail. A refused input changes nothing.
/// </summary>
public sealed record Refusal(int Status, string Title, string? Field, string Detail)
{
    /// <summary>
    /// RFC 7807 extension members the problem body carries besides the standard ones (decimal strings, like every
    /// integer of the API), e.g. <c>expectedQueueIndex</c>: what a client needs to act on the refusal without parsing
    /// the detail.
    /// </summary>
    public IReadOnlyDictionary<string, string>? Members { get; init; }

    /// <summary>400: the request is malformed.</summary>
    public static Refusal BadRequest(string? field, string detail) => new(400, "malformed request", field, detail);

    /// <summary>404: what the request names does not exist.</summary>
    public static Refusal NotFound(string? field, string detail) => new(404, "not found", field, detail);

    /// <summary>409: the request conflicts with the state (a replayed order, a cancel of an order that no longer rests).</summary>
    public static Refusal Conflict(string? field, string detail) => new(409, "conflict", field, detail);

    /// <summary>422: well-formed, but the exchange's rules refuse it.</summary>
    public static Refusal Unprocessable(string? field, string detail) => new(422, "refused by the exchange's rules", field, detail);
}
