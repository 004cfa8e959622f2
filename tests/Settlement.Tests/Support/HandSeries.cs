// SPDX-License-Identifier: MIT
using ZkOptions.Settlement.Instruments;
using ZkOptions.Settlement.Numbers;
using ZkOptions.Settlement.Risk;

namespace ZkOptions.Settlement.Tests.Support;

/// <summary>
/// A hand-made BTC risk epoch with S = 4 scenarios (spot −10 %, spot +10 %, vol up, vol down) and round numbers,
/// so margin can be worked out by hand in the tests. Values per one long contract in USD; RA positive = loss.
/// Spot 100,000; short charge 2 % of spot = 2,000 per short option.
/// </summary>
public static class HandSeries
{
    public const long Near = 1_798_790_400;  // 2027-01-01 08:00 UTC
    public const long Far = 1_806_566_400;   // 2027-04-01 08:00 UTC
    public const long Now = 1_790_000_000;   // 2026-09-21

    /// <summary>A 1-dollar-strike call: the underlying itself (delta 1), for the covered call.</summary>
    public static readonly SeriesKey Underlying = new(1, Near, 1 * SeriesKey.StrikeScale, OptionType.Call);
    public static readonly SeriesKey Call110 = new(1, Near, 110_000 * SeriesKey.StrikeScale, OptionType.Call);
    public static readonly SeriesKey Put90 = new(1, Near, 90_000 * SeriesKey.StrikeScale, OptionType.Put);
    public static readonly SeriesKey Call110Far = new(1, Far, 110_000 * SeriesKey.StrikeScale, OptionType.Call);

    //                                                  mark     down     up       volUp   volDown
    public static SeriesRisk[] All() =>
    [
        Risk(Underlying, 99_999, 10_000, -10_000, 0, 0, shortCharge: 0),
        Risk(Call110, 2_000, 1_500, -4_000, -800, 600),
        Risk(Put90, 1_500, -3_500, 1_200, -700, 500),
        Risk(Call110Far, 5_000, 2_500, -4_500, -1_500, 1_200),
    ];

    public static SeriesRisk Risk(SeriesKey key, long mark, long down, long up, long volUp, long volDown, long shortCharge = 2_000) =>
        new(key, Usd.FromDollars(mark), Usd.FromDollars(shortCharge), Usd.Zero,
            [Usd.FromDollars(down), Usd.FromDollars(up), Usd.FromDollars(volUp), Usd.FromDollars(volDown)]);
}
