// SPDX-License-Identifier: MIT
using ZkOptions.Settlement.Instruments;
using ZkOptions.Settlement.Numbers;
using ZkOptions.Settlement.Pricing;

namespace ZkOptions.Settlement.Oracle;

/// <summary>Market data for one underlying: spot, rate, naked-short charge rate, expiries and the listed series.</summary>
/// <param name="Id">Underlying id (1 … 255).</param>
/// <param name="Spot">Spot price.</param>
/// <param name="Rate">Continuously compounded rate per year for forwards and discounting.</param>
/// <param name="ShortChargeRate">The contingency c: a short contract's charge is ⌈c·spot⌉ (0.02 by default, Derive).</param>
/// <param name="Expiries">The expiries, each with its smile or settlement price.</param>
/// <param name="Series">The series the epoch publishes for this underlying.</param>
public sealed record UnderlyingMarket(
    int Id,
    Usd Spot,
    double Rate,
    Ppm ShortChargeRate,
    IReadOnlyList<ExpiryMarket> Expiries,
    IReadOnlyList<SeriesKey> Series)
{
    /// <summary>The default naked-short charge rate, 2 % of spot (Derive's optionPercent).</summary>
    public static Ppm DefaultShortChargeRate => new(20_000);

    /// <summary>The spot in dollars as a double (for pricing).</summary>
    public double SpotDollars => Spot.Micros / (double)Usd.Scale;

    /// <summary>The expiry's data, or null when it is not listed.</summary>
    public ExpiryMarket? FindExpiry(long expiry) => Expiries.FirstOrDefault(e => e.Expiry == expiry);

    /// <summary>The vol surface at <paramref name="timestamp"/> from the smiles of the unexpired expiries.</summary>
    public VolSurface Surface(long timestamp) => new(SpotDollars, Rate, timestamp,
        Expiries.Where(e => e.Expiry > timestamp && e.Svi is not null).ToDictionary(e => e.Expiry, e => e.Svi!.Value));
}
