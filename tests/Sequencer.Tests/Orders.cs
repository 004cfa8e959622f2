// SPDX-License-Identifier: MIT
using ZkOptions.Settlement.Instruments;
using ZkOptions.Settlement.Numbers;
using ZkOptions.Settlement.Orders;

namespace ZkOptions.Sequencer.Tests;

/// <summary>Orders for the tests: valid for three days from the start, 1 % max fee, on the development chain.</summary>
public static class Orders
{
    public static Order Make(long account, SeriesKey series, Side side, long priceMicros, long contracts, long storageId) =>
        new(account, series, side, new Usd(priceMicros / 10_000 * 10_000), Quantity.FromContracts(contracts), storageId,
            RunningSequencer.Start + 3 * 86_400, new Ppm(10_000), Hosting.DevelopmentOracle.Parameters.ChainId);
}
