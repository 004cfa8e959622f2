// SPDX-License-Identifier: MIT
using ZkOptions.Settlement.Numbers;
using ZkOptions.Settlement.Risk;
using ZkOptions.Settlement.Transactions;

namespace ZkOptions.Settlement.Tests.Support;

/// <summary>A market whose near expiry has settled, for the expiry tests of the engine and the circuit.</summary>
public static class ExpiryScenarios
{
    /// <summary>
    /// Account 1 buys 3 calls 110k from account 2 at 2,000; after the near expiry the epoch settles at 118,500.5 (a call
    /// 110k pays 8,500.5 a contract), and accounts 0, 1 and 2 are refreshed for it.
    /// </summary>
    public static TestExchange SettledMarket()
    {
        var x = new TestExchange();
        x.Deposit(1, 50_000);
        x.Deposit(2, 50_000);
        x.Publish();
        x.Trade(buyer: 1, seller: 2, HandSeries.Call110, 2_000, 3);
        x.Now = HandSeries.Near + 600;
        SeriesRisk[] settled = HandSeries.All().Select(s => s.Key.Expiry <= x.Now
            ? new SeriesRisk(s.Key, new Usd(s.Key.PayoffE8(new Usd(118_500_500_000)) is var p8 ? (long)(p8 / 100) : 0), Usd.Zero, new Usd(118_500_500_000), new Usd[4])
            : s).ToArray();
        x.Apply(new OracleUpdateTx(x.Epoch(settled, x.Now)));
        foreach (long a in new long[] { 0, 1, 2 })
        {
            x.Apply(new RiskRefreshTx(a));
        }
        return x;
    }
}
