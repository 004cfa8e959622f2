// SPDX-License-Identifier: MIT
using ZkOptions.Settlement.Numbers;
using ZkOptions.Settlement.Orders;
using ZkOptions.Settlement.Risk;
using ZkOptions.Settlement.Transactions;

namespace ZkOptions.Settlement.Tests.Support;

/// <summary>An account pushed under maintenance by a price move, and a well-capitalised liquidator.</summary>
public static class LiquidationScenarios
{
    /// <summary>
    /// Account 2 sells 2 calls 110k to account 1 at 2,000 with 20,000 USD of collateral (IM 1.25 × 12,000 = 15,000
    /// holds). Then the market rallies: the call's mark becomes 9,000 and its up-scenario loss 8,000, so account 2's
    /// MtM = 20,000 + 3,980 − 18,000 ≈ 5,980 against MM = 2 × (8,000 + 2,000) = 20,000.
    /// </summary>
    public static TestExchange Distressed(out long victim, out long liquidator)
    {
        var x = new TestExchange();
        x.Deposit(1, 100_000);
        x.Deposit(2, 20_000);
        x.Deposit(3, 1_000); // the contract opens indices in order: 3 first, so the liquidator can be 4
        x.Deposit(4, 500_000);
        x.Publish();
        x.Trade(buyer: 1, seller: 2, HandSeries.Call110, 2_000, 2);
        x.Now += 60;
        SeriesRisk[] rally = HandSeries.All().Select(s => s.Key == HandSeries.Call110
            ? HandSeries.Risk(HandSeries.Call110, 9_000, 3_000, -8_000, -1_000, 900) : s).ToArray();
        x.Publish(rally);
        victim = 2;
        liquidator = 4;
        return x;
    }

    public static LiquidationBidTx Bid(TestExchange x, long liquidator, long victim, long fraction, Usd price)
    {
        long nonce = x.Account(liquidator).Nonce;
        var msg = SignedMessages.LiquidationBid(liquidator, victim, fraction, price, nonce, x.Parameters.ChainId);
        return new LiquidationBidTx(liquidator, victim, fraction, price, nonce, x.KeyOf(liquidator).Sign(msg));
    }
}
