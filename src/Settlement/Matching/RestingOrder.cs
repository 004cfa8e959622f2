// SPDX-License-Identifier: MIT
using ZkOptions.Settlement.Numbers;
using ZkOptions.Settlement.Orders;

namespace ZkOptions.Settlement.Matching;

/// <summary>An order in the book: the signed order, its arrival sequence (time priority) and what is left.</summary>
public sealed class RestingOrder(SignedOrder signed, long sequence, Quantity remaining)
{
    /// <summary>The signed order.</summary>
    public SignedOrder Signed { get; } = signed;

    /// <summary>Arrival sequence: earlier orders at the same price fill first.</summary>
    public long Sequence { get; } = sequence;

    /// <summary>Contracts not yet filled.</summary>
    public Quantity Remaining { get; set; } = remaining;

    /// <summary>The order.</summary>
    public Order Order => Signed.Order;
}
