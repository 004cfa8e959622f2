// SPDX-License-Identifier: MIT
namespace ZkOptions.Settlement.Orders;

/// <summary>Which way an order trades. Hashed as 0 (buy) or 1 (sell).</summary>
public enum Side
{
    /// <summary>Buys contracts (goes long), pays premium.</summary>
    Buy = 0,

    /// <summary>Sells contracts (goes short), receives premium.</summary>
    Sell = 1,
}
