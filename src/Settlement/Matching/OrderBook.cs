// SPDX-License-Identifier: MIT
using ZkOptions.Settlement.Instruments;
using ZkOptions.Settlement.Orders;

namespace ZkOptions.Settlement.Matching;

/// <summary>
/// The limit order book of one series with price-time priority: bids best (highest) first, asks best (lowest)
/// first, and within a price the earlier order first. An index by (account, storage id) makes a cancel O(log n).
/// </summary>
public sealed class OrderBook(SeriesKey series)
{
    private static readonly IComparer<RestingOrder> BidOrder = Comparer<RestingOrder>.Create((a, b) =>
        b.Order.LimitPrice.CompareTo(a.Order.LimitPrice) is var c and not 0 ? c : a.Sequence.CompareTo(b.Sequence));

    private static readonly IComparer<RestingOrder> AskOrder = Comparer<RestingOrder>.Create((a, b) =>
        a.Order.LimitPrice.CompareTo(b.Order.LimitPrice) is var c and not 0 ? c : a.Sequence.CompareTo(b.Sequence));

    private readonly SortedSet<RestingOrder> bids = new(BidOrder);
    private readonly SortedSet<RestingOrder> asks = new(AskOrder);
    private readonly Dictionary<(long Account, long StorageId), RestingOrder> byId = [];

    /// <summary>The series traded.</summary>
    public SeriesKey Series { get; } = series;

    /// <summary>Bids, best first.</summary>
    public IEnumerable<RestingOrder> Bids => bids;

    /// <summary>Asks, best first.</summary>
    public IEnumerable<RestingOrder> Asks => asks;

    /// <summary>Resting orders.</summary>
    public int Count => byId.Count;

    /// <summary>Rests an order; an order with the same account and storage id must not be resting already.</summary>
    public void Add(RestingOrder order)
    {
        if (!byId.TryAdd((order.Order.Account, order.Order.StorageId), order))
        {
            throw new InvalidOperationException($"account {order.Order.Account}'s order {order.Order.StorageId} is already resting");
        }
        Side(order.Order.Side).Add(order);
    }

    /// <summary>The resting order of <paramref name="account"/> with <paramref name="storageId"/>, or null.</summary>
    public RestingOrder? Find(long account, long storageId) => byId.GetValueOrDefault((account, storageId));

    /// <summary>The best order facing a taker on <paramref name="takerSide"/>, or null.</summary>
    public RestingOrder? BestFacing(Side takerSide)
    {
        SortedSet<RestingOrder> s = takerSide == Orders.Side.Buy ? asks : bids;
        return s.Count == 0 ? null : s.Min;
    }

    /// <summary>Removes an order from the book.</summary>
    public bool Remove(RestingOrder order) =>
        byId.Remove((order.Order.Account, order.Order.StorageId)) && Side(order.Order.Side).Remove(order);

    /// <summary>Removes the resting order of <paramref name="account"/> with <paramref name="storageId"/>; false if none.</summary>
    public bool Cancel(long account, long storageId) => Find(account, storageId) is { } o && Remove(o);

    /// <summary>Drops orders whose valid-until is before <paramref name="now"/>; returns them, best first per side.</summary>
    public IReadOnlyList<RestingOrder> RemoveExpired(long now)
    {
        RestingOrder[] expired = [.. bids.Where(o => o.Order.ValidUntil < now), .. asks.Where(o => o.Order.ValidUntil < now)];
        foreach (RestingOrder o in expired)
        {
            Remove(o);
        }
        return expired;
    }

    private SortedSet<RestingOrder> Side(Side side) => side == Orders.Side.Buy ? bids : asks;
}
