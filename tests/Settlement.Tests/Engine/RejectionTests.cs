// SPDX-License-Identifier: MIT
using ZkOptions.Field;
using ZkOptions.Settlement.Numbers;
using ZkOptions.Settlement.Orders;
using ZkOptions.Settlement.Risk;
using ZkOptions.Settlement.State;
using ZkOptions.Settlement.Tests.Support;
using ZkOptions.Settlement.Transactions;

namespace ZkOptions.Settlement.Tests.Engine;

/// <summary>Every invalid transition class is rejected with its rule named, and the state root does not move.</summary>
public sealed class RejectionTests
{
    private static TestExchange Market()
    {
        var x = new TestExchange();
        x.Deposit(1, 50_000);
        x.Deposit(2, 50_000);
        x.Deposit(3, 1_000);
        x.Publish();
        return x;
    }

    [Fact]
    public void OverFill()
    {
        var x = Market();
        SignedOrder maker = x.Order(2, HandSeries.Call110, Side.Sell, 2_000, 1);
        x.Apply(new TradeTx(maker, x.Order(1, HandSeries.Call110, Side.Buy, 2_000, 1), Quantity.FromContracts(1)));
        // The same maker order again: 1 filled + 1 > 1.
        var e = x.Rejects(Rule.OrderNotOverfilled, new TradeTx(maker, x.Order(1, HandSeries.Call110, Side.Buy, 2_000, 1), Quantity.FromContracts(1)));
        Assert.Contains("1.0000 filled + 1.0000 > 1.0000", e.Message);
        // A fill larger than the order at once.
        x.Rejects(Rule.OrderNotOverfilled, new TradeTx(x.Order(2, HandSeries.Call110, Side.Sell, 2_000, 1),
            x.Order(1, HandSeries.Call110, Side.Buy, 2_000, 5), Quantity.FromContracts(2)));
    }

    [Fact]
    public void ReplayedOrder()
    {
        var x = Market();
        SignedOrder old = x.Order(2, HandSeries.Call110, Side.Sell, 2_000, 2, storageId: 5);
        x.Apply(new TradeTx(old, x.Order(1, HandSeries.Call110, Side.Buy, 2_000, 1), Quantity.FromContracts(1)));
        // A newer order of account 2 takes the same slot (5 + slots) …
        long newer = 5 + x.Parameters.OrderSlotCapacity;
        x.Apply(new TradeTx(x.Order(2, HandSeries.Call110, Side.Sell, 2_000, 1, storageId: newer),
            x.Order(1, HandSeries.Call110, Side.Buy, 2_000, 1), Quantity.FromContracts(1)));
        // … so the old order, not fully filled, can no longer be replayed.
        x.Rejects(Rule.OrderNotReplayed, new TradeTx(old, x.Order(1, HandSeries.Call110, Side.Buy, 2_000, 1), Quantity.FromContracts(1)));
    }

    [Fact]
    public void ExpiredOrder()
    {
        var x = Market();
        x.Rejects(Rule.OrderNotExpired, new TradeTx(x.Order(2, HandSeries.Call110, Side.Sell, 2_000, 1, validUntil: x.Now - 1),
            x.Order(1, HandSeries.Call110, Side.Buy, 2_000, 1), Quantity.FromContracts(1)));
    }

    [Fact]
    public void PricesThatDoNotCross()
    {
        var x = Market();
        var e = x.Rejects(Rule.PricesCross, new TradeTx(x.Order(2, HandSeries.Call110, Side.Sell, 2_100, 1),
            x.Order(1, HandSeries.Call110, Side.Buy, 2_000, 1), Quantity.FromContracts(1)));
        Assert.Contains("2,000.000000 does not cross", e.Message);
        x.Rejects(Rule.OrderSides, new TradeTx(x.Order(2, HandSeries.Call110, Side.Sell, 2_000, 1),
            x.Order(1, HandSeries.Call110, Side.Sell, 2_000, 1), Quantity.FromContracts(1)));
    }

    [Fact]
    public void TradeThatBreaksMargin()
    {
        var x = Market();
        // Account 3 has 1,000 USD; selling a call needs IM = 1.25 × (4,000 + 2,000) = 7,500 against MtM ≈ 1,000.
        var e = x.Rejects(Rule.MarginAfter, new TradeTx(x.Order(1, HandSeries.Call110, Side.Buy, 2_000, 1),
            x.Order(3, HandSeries.Call110, Side.Sell, 2_000, 1), Quantity.FromContracts(1)));
        Assert.Contains("seller account 3 fails initial margin", e.Message);
    }

    [Fact]
    public void WithdrawalThatBreaksMargin()
    {
        var x = Market();
        x.Trade(buyer: 1, seller: 2, HandSeries.Call110, 2_000, 5);
        // Account 2 is short 5 calls: MM = 5 × 6,000 = 30,000, IM = 37,500; MtM = 50,000 + 9,950 (premium less fee) − 10,000.
        Transaction w = Withdraw(x, 2, 20_000);
        var e = x.Rejects(Rule.MarginAfter, w);
        Assert.Contains("initial margin fails after the withdrawal", e.Message);
        x.Apply(Withdraw(x, 2, 5_000)); // a smaller one is fine
        Assert.Single(x.Results[^1].Exits);
    }

    [Fact]
    public void LiquidatingAnAccountThatHoldsMaintenance()
    {
        var x = Market();
        x.Trade(buyer: 1, seller: 2, HandSeries.Call110, 2_000, 1);
        var e = x.Rejects(Rule.LiquidationMaintenanceFails, new LiquidationStartTx(2));
        Assert.Contains("holds maintenance margin", e.Message);
    }

    [Fact]
    public void AuctionBidBelowTheSchedule()
    {
        var x = LiquidationScenarios.Distressed(out long victim, out long liquidator);
        x.Apply(new LiquidationStartTx(victim));
        x.Now += 300; // a third of the way: factor 0.95 − ⌈0.25/3⌉ = 0.866666 (the fall rounds up)
        var bid = LiquidationScenarios.Bid(x, liquidator, victim, fraction: 1_000, price: new Usd(1));
        var e = x.Rejects(Rule.BidSchedule, bid);
        Assert.Contains("below the schedule: 0.866666 ×", e.Message);
    }

    [Fact]
    public void SettlingBeforeExpiry()
    {
        var x = Market();
        x.Trade(buyer: 1, seller: 2, HandSeries.Call110, 2_000, 1);
        var e = x.Rejects(Rule.SettleAfterExpiry, new SettleTx(1, HandSeries.Call110));
        Assert.Contains("expires at", e.Message);
        x.Rejects(Rule.SettlePosition, new SettleTx(3, HandSeries.Call110));
    }

    [Fact]
    public void StaleOrBackwardOracleEpoch()
    {
        var x = Market();
        long t = x.Now;
        x.Rejects(Rule.OracleForward, new OracleUpdateTx(x.Epoch(HandSeries.All(), t - 10)));          // backward in time
        x.Rejects(Rule.OracleForward, new OracleUpdateTx(x.Epoch(HandSeries.All(), t, id: 5)));         // skips ids
        x.Now += 10_000;
        x.Rejects(Rule.OracleFresh, new OracleUpdateTx(x.Epoch(HandSeries.All(), t + 1)));              // stale on arrival
        // The current epoch is now stale for trading too.
        x.Rejects(Rule.OracleFresh, new TradeTx(x.Order(2, HandSeries.Call110, Side.Sell, 2_000, 1),
            x.Order(1, HandSeries.Call110, Side.Buy, 2_000, 1), Quantity.FromContracts(1)));
        // Unsigned / wrongly signed epochs.
        var unsigned = new OracleEpoch(2, x.Now, new Dictionary<int, Usd>(), HandSeries.All(), 4, 3);
        x.Rejects(Rule.OracleSignature, new OracleUpdateTx(unsigned));
        x.Rejects(Rule.OracleSignature, new OracleUpdateTx(unsigned.SignedWith(TestExchange.Key(12345), x.Parameters.OracleDomain)));
    }

    [Fact]
    public void BadSignature()
    {
        var x = Market();
        SignedOrder maker = x.Order(2, HandSeries.Call110, Side.Sell, 2_000, 1);
        SignedOrder forged = maker with { Order = maker.Order with { LimitPrice = Usd.FromDollars(1_000) } };
        x.Rejects(Rule.SignatureValid, new TradeTx(forged, x.Order(1, HandSeries.Call110, Side.Buy, 2_000, 1), Quantity.FromContracts(1)));
        // Signed by another account's key.
        SignedOrder wrongKey = maker.Order.SignWith(x.KeyOf(1));
        x.Rejects(Rule.SignatureValid, new TradeTx(wrongKey, x.Order(1, HandSeries.Call110, Side.Buy, 2_000, 1), Quantity.FromContracts(1)));
        WithdrawTx w = Withdraw(x, 1, 10);
        x.Rejects(Rule.SignatureValid, w with { Amount = Usd.FromDollars(11) });
        x.Rejects(Rule.NonceMatches, Withdraw(x, 1, 10, nonce: 3));
        // An order signed for another chain.
        x.Rejects(Rule.ChainId, new TradeTx(x.Order(2, HandSeries.Call110, Side.Sell, 2_000, 1, chainId: 1),
            x.Order(1, HandSeries.Call110, Side.Buy, 2_000, 1), Quantity.FromContracts(1)));
    }

    [Fact]
    public void DepositOutOfQueueOrder()
    {
        var x = Market();
        long a = x.Queue.Enqueue(new L1Operation(L1OperationKind.Deposit, 4, TestExchange.OwnerOf(4), Usd.FromDollars(1), x.KeyOf(4).PublicKey));
        long b = x.Queue.Enqueue(new L1Operation(L1OperationKind.Deposit, 5, TestExchange.OwnerOf(5), Usd.FromDollars(1), x.KeyOf(5).PublicKey));
        x.Rejects(Rule.QueueOrder, new DepositTx(b));
        x.Apply(new DepositTx(a));
        x.Rejects(Rule.QueueOrder, new DepositTx(a)); // consumed once only
        x.Apply(new DepositTx(b));
        Assert.Equal(x.Queue.HashAfter(x.Queue.Count), x.State.QueueHash);
    }

    [Fact]
    public void StaleRiskCacheAndUnlistedSeries()
    {
        var x = Market();
        x.Now += 1;
        x.Apply(new OracleUpdateTx(x.Epoch(HandSeries.All(), x.Now))); // no refreshes yet
        x.Rejects(Rule.RiskCacheCurrent, new TradeTx(x.Order(2, HandSeries.Call110, Side.Sell, 2_000, 1),
            x.Order(1, HandSeries.Call110, Side.Buy, 2_000, 1), Quantity.FromContracts(1)));
        var other = new Instruments.SeriesKey(2, HandSeries.Near, 5_000 * Instruments.SeriesKey.StrikeScale, Instruments.OptionType.Call);
        x.Apply(new RiskRefreshTx(1));
        x.Apply(new RiskRefreshTx(2));
        x.Rejects(Rule.SeriesListed, new TradeTx(x.Order(2, other, Side.Sell, 2_000, 1), x.Order(1, other, Side.Buy, 2_000, 1), Quantity.FromContracts(1)));
    }

    internal static WithdrawTx Withdraw(TestExchange x, long account, long dollars, long? nonce = null)
    {
        long n = nonce ?? x.Account(account).Nonce;
        var recipient = TestExchange.OwnerOf(account);
        Fr msg = SignedMessages.Withdraw(account, Usd.FromDollars(dollars), recipient, n, x.Parameters.ChainId);
        return new WithdrawTx(account, Usd.FromDollars(dollars), recipient, n, x.KeyOf(account).Sign(msg));
    }
}
