// SPDX-License-Identifier: MIT
using ZkOptions.Settlement.Numbers;
using ZkOptions.Settlement.Parameters;

namespace ZkOptions.Settlement.Engine;

/// <summary>
/// The Dutch-auction price factor: from <see cref="ExchangeParameters.AuctionStartFactor"/> (0.95) at the recorded
/// start, falling linearly to <see cref="ExchangeParameters.AuctionEndFactor"/> (0.70) over
/// <see cref="ExchangeParameters.AuctionDurationSeconds"/> (15 minutes), then flat. Rounded down to whole ppm, so
/// the factor (and the price a liquidator must pay) never exceeds the line.
/// </summary>
public static class AuctionSchedule
{
    /// <summary>The factor <paramref name="elapsed"/> seconds after the start.</summary>
    public static Ppm Factor(ExchangeParameters p, long elapsed)
    {
        long t = Math.Clamp(elapsed, 0, p.AuctionDurationSeconds);
        long drop = p.AuctionStartFactor.Value - p.AuctionEndFactor.Value;
        long fall = (long)Exact.CeilDiv((Int128)drop * t, p.AuctionDurationSeconds);
        return new Ppm(p.AuctionStartFactor.Value - fall);
    }
}
