// SPDX-License-Identifier: MIT
using ZkOptions.Settlement.Numbers;
using ZkOptions.Settlement.Pricing;

namespace ZkOptions.Settlement.Oracle;

/// <summary>
/// Market data for one expiry of one underlying: the SVI smile while it is live, the settlement price once it has
/// expired (expiry ≤ the epoch's timestamp). <see cref="MarketDataJson"/> enforces that each expiry carries the one
/// its state needs.
/// </summary>
/// <param name="Expiry">Unix seconds.</param>
/// <param name="Svi">The raw SVI smile (required before expiry; optional and unused after).</param>
/// <param name="SettlementPrice">The settlement price (required after expiry; absent before).</param>
public sealed record ExpiryMarket(long Expiry, SviParameters? Svi, Usd? SettlementPrice);
