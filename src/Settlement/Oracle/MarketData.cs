// SPDX-License-Identifier: MIT
namespace ZkOptions.Settlement.Oracle;

/// <summary>
/// The risk oracle's input for one epoch (the market file of <c>zkoptions oracle epoch --market</c>; format in
/// <see cref="MarketDataJson"/> and docs/settlement-oracle.md).
/// </summary>
/// <param name="Epoch">Epoch number (≥ 1).</param>
/// <param name="Timestamp">Valuation time, unix seconds; series with expiry ≤ timestamp are settled.</param>
/// <param name="Underlyings">Per underlying: spot, rate, smiles, series (ids distinct).</param>
public sealed record MarketData(long Epoch, long Timestamp, IReadOnlyList<UnderlyingMarket> Underlyings)
{
    /// <summary>Every listed series.</summary>
    public int SeriesCount => Underlyings.Sum(u => u.Series.Count);
}
