// SPDX-License-Identifier: MIT
using System.Text.Json.Nodes;
using ZkOptions.Field;
using ZkOptions.Sequencer.Inputs;
using ZkOptions.Settlement.Instruments;
using ZkOptions.Settlement.Numbers;
using ZkOptions.Settlement.Parameters;
using ZkOptions.Settlement.Risk;
using ZkOptions.Settlement.State;

namespace ZkOptions.Sequencer.Core;

/// <summary>
/// The exchange at a batch boundary, copied on the sequencing thread in time linear in what it holds but without any
/// hashing or JSON, so that <see cref="Exchange.SnapshotJson"/> can turn it into the snapshot on another thread while
/// the exchange moves on. What it shares with the exchange is immutable: accounts (the engine commits a modified
/// clone and never changes a stored account), epochs, L1 operations, submitted orders, and recent trades (a trade's
/// JSON is not changed after it is made); everything the exchange mutates in place (an order record's fill and status,
/// a resting order's remainder) is copied by value.
/// </summary>
public sealed record SnapshotCapture(
    ExchangeParameters Parameters,
    Fr StateRoot,
    long Timestamp,
    long QueueConsumed,
    Fr QueueHash,
    OracleEpoch? Epoch,
    Account[] Accounts,
    L1Operation[] L1Queue,
    (string? Result, Refusal? Refusal)[] L1Answers,
    long OpenBatch,
    long BatchTimestamp,
    long LastSealed,
    long NextArrival,
    SnapshotCapture.OrderState[] Orders,
    SnapshotCapture.BookState[] Books,
    JsonObject[] RecentTrades)
{
    /// <summary>An order record's state when captured.</summary>
    public readonly record struct OrderState(SubmitOrder Submitted, long Batch, Quantity Filled, OrderStatus Status, string Reason);

    /// <summary>A resting order when captured.</summary>
    public readonly record struct RestingState(long Account, long StorageId, long Sequence, Quantity Remaining);

    /// <summary>A book (bids then asks, best first) when captured.</summary>
    public sealed record BookState(SeriesKey Series, RestingState[] Resting);
}
