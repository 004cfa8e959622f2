// SPDX-License-Identifier: MIT
using ZkOptions.Settlement.Instruments;
using ZkOptions.Settlement.Orders;

namespace ZkOptions.Settlement.Matching;

/// <summary>
/// The limit order book of one series with price-time priority: bids best (highest) first, asks best (lowest)
/// first, and within a price the earlier order first.
/// </summary>
public sealed class OrderBook(SeriesKey series)
{
    private static readonly IComparer<RestingOrder> BidOrder = Comparer<RestingOrder>.Create((a, b) =>
        b.Order.LimitPrice.CompareTo(a.Order.LimitPrice) is var c and not 0 ? c : a.Sequence.CompareTo(b.Sequence));

    private static readonly IComparer<RestingOrder> AskOrder = Comparer<RestingOrder>.Create((a, b) =>
        a.Order.LimitPrice.CompareTo(b.Order.LimitPrice) is var c and not 0 ? c : a.Sequence.CompareTo(b.Sequence));

    private readonly SortedSet<RestingOrder> bids = new(BidOrder);
    private readonly SortedSet<RestingOrder> asks = new(AskOrder);

    /// <summary>The series traded.</summary>
    public SeriesKey Series { get; } = series;

    /// <summary>Bids, best first.</summary>
    public IEnumerable<RestingOrder> Bids => bids;

    /// <summary>Asks, best first.</summary>
    public IEnumerable<RestingOrder> Asks => asks;

    /// <summary>Rests an order.</summary>
    public void Add(RestingOrder order) => Side(order.Order.Side).Add(order);

    /// <summary>The best order facing a taker on <paramref name="takerSide"/>, or null.</summary>
    public RestingOrder? BestFacing(Side takerSide)
    {
        SortedSet<RestingOrder> s = takerSide == Orders.Side.Buy ? asks : bids;
        return s.Count == 0 ? null : s.Min;
    }

    /// <summary>Removes an order from the book.</summary>
    public bool Remove(RestingOrder order) => Side(order.Order.Side).Remove(order);

    /// <summary>Removes the resting order of <paramref name="account"/> with <paramref name="storageId"/>; false if none.</summary>
    public bool Cancel(long account, long storageId)
    {
        RestingOrder? o = bids.Concat(asks).FirstOrDefault(r => r.Order.Account == account && r.Order.StorageId == storageId);
        return o is not null && Remove(o);
    }

    /// <summary>Drops orders whose valid-until is before <paramref name="now"/>; returns how many.</summary>
    public int RemoveExpired(long now) => bids.RemoveWhere(o => o.Order.ValidUntil < now) + asks.RemoveWhere(o => o.Order.ValidUntil < now);

    private SortedSet<RestingOrder> Side(Side side) => side == Orders.Side.Buy ? bids : asks;
}
