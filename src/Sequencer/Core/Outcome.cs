// SPDX-License-Identifier: MIT
using System.Text.Json.Nodes;
using ZkOptions.Settlement.Batches;

namespace ZkOptions.Sequencer.Core;

/// <summary>
/// What an input did: the API's answer (a result or a refusal), whether the state changed (then the input is
/// journaled before the answer leaves), the batches a cut sealed, and the events the streams publish.
/// </summary>
public sealed record Outcome(JsonObject? Result, Refusal? Refusal, bool Changed)
{
    /// <summary>Batches sealed by this input (a cut, or a split when a batch filled up).</summary>
    public IReadOnlyList<Batch> Sealed { get; init; } = [];

    /// <summary>Stream events: (channel, payload), e.g. ("trades", …), ("book:SERIES", …), ("account:N", …).</summary>
    public IReadOnlyList<(string Channel, JsonObject Payload)> Events { get; init; } = [];

    /// <summary>
    /// Whether this is the answer given before to the same request, repeated without a second effect (an L1 event
    /// reported again under its queue index); the API marks it with <c>Idempotent-Replayed: true</c>.
    /// </summary>
    public bool Replayed { get; init; }

    /// <summary>A refusal that changed nothing.</summary>
    public static Outcome Refused(Refusal refusal) => new(null, refusal, false);
}
