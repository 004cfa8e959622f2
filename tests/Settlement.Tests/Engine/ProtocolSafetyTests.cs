// SPDX-License-Identifier: MIT
using System.Numerics;
using ZkOptions.Field;
using ZkOptions.Field.BabyJubjub;
using ZkOptions.Settlement.Batches;
using ZkOptions.Settlement.Engine;
using ZkOptions.Settlement.Numbers;
using ZkOptions.Settlement.Orders;
using ZkOptions.Settlement.Risk;
using ZkOptions.Settlement.State;
using ZkOptions.Settlement.Tests.Support;
using ZkOptions.Settlement.Transactions;

namespace ZkOptions.Settlement.Tests.Engine;

/// <summary>
/// The protocol holes a review found, each as the attack it allowed: a front-run first deposit, a capturable insurance
/// account, a sequencer that refuses forced withdrawals by bumping epochs, an epoch signed for another deployment,
/// a fund or a short paying what it does not hold.
/// </summary>
public sealed class ProtocolSafetyTests
{
    private static readonly EddsaPrivateKey Alice = TestExchange.Key(7_001), Mallory = TestExchange.Key(7_002);
    private static readonly BigInteger AliceOwner = 0xA11CE, MalloryOwner = 0x3A11;

    [Fact]
    public void A_front_run_first_deposit_cannot_credit_alices_money_to_mallorys_key()
    {
        var x = new TestExchange();
        // Alice meant to open the next index; Mallory sees her transaction and opens it first with her own key.
        long target = x.Queue.NextAccount;
        long m = x.Queue.Enqueue(new L1Operation(L1OperationKind.Deposit, target, MalloryOwner, Usd.FromDollars(1), Mallory.PublicKey));
        x.Apply(new DepositTx(m));
        // Naming that index with her key now fails, as the contract's topUp reverts with KeyMismatch.
        Assert.Throws<ArgumentException>(() =>
            x.Queue.Enqueue(new L1Operation(L1OperationKind.Deposit, target, AliceOwner, Usd.FromDollars(10_000), Alice.PublicKey)));
        // Nor can a deposit skip ahead to an index the contract has not assigned.
        Assert.Throws<ArgumentException>(() =>
            x.Queue.Enqueue(new L1Operation(L1OperationKind.Deposit, target + 5, AliceOwner, Usd.FromDollars(10_000), Alice.PublicKey)));
        // Her deposit opens the next index with the key she chose.
        long a = x.Queue.Enqueue(new L1Operation(L1OperationKind.Deposit, x.Queue.NextAccount, AliceOwner, Usd.FromDollars(10_000), Alice.PublicKey));
        x.Apply(new DepositTx(a));
        Account alice = x.Account(target + 1);
        Assert.Equal((Alice.PublicKey, Usd.FromDollars(10_000)), (alice.PublicKey, alice.Collateral));
        Assert.Equal(Usd.FromDollars(1), x.Account(target).Collateral);
        // A top-up naming Alice's key reaches Alice.
        long t = x.Queue.Enqueue(new L1Operation(L1OperationKind.Deposit, target + 1, MalloryOwner, Usd.FromDollars(5), Alice.PublicKey));
        x.Apply(new DepositTx(t));
        Assert.Equal(Usd.FromDollars(10_005), x.Account(target + 1).Collateral);
    }

    [Fact]
    public void The_insurance_account_exists_at_genesis_with_no_key_and_cannot_withdraw_or_be_forced_out()
    {
        var p = new TestExchange().Parameters;
        var genesis = new RollupState(p);
        Account fund = Assert.Single(genesis.Accounts.Values);
        Assert.Equal((p.InsuranceAccount, BabyJubjubPoint.Identity, BigInteger.Zero, Usd.Zero),
            (fund.Index, fund.PublicKey, fund.Owner, fund.Collateral));

        var x = new TestExchange(); // tops the fund up with 1,000,000 USD
        // Whoever holds a signature that verifies under the identity point still cannot withdraw from the fund.
        var sig = Mallory.Sign(SignedMessages.Withdraw(0, Usd.FromDollars(1_000), MalloryOwner, 0, x.Parameters.ChainId));
        x.Rejects(Rule.NotInsurance, new WithdrawTx(0, Usd.FromDollars(1_000), MalloryOwner, 0, sig));
        // A forced request on the fund (the contract refuses one; the rules refuse it too: it has no owner).
        long i = x.Queue.Enqueue(new L1Operation(L1OperationKind.ForcedWithdraw, 0, MalloryOwner, Usd.FromDollars(1_000), BabyJubjubPoint.Identity));
        var r = x.Apply(new ForcedWithdrawTx(i));
        Assert.Equal("false", r.Details["applied"]);
        Assert.Equal(Usd.FromDollars(1_000_000), x.Account(0).Collateral);
    }

    [Fact]
    public void Premiums_and_fees_are_paid_from_cash()
    {
        var x = new TestExchange();
        x.Deposit(1, 50_000);
        x.Deposit(2, 1_000);
        x.Publish();
        // Account 2 would buy 1 call at 2,000 USD with 1,000 USD of collateral.
        x.Rejects(Rule.CollateralSufficient, new TradeTx(x.Order(1, HandSeries.Call110, Side.Sell, 2_000, 1),
            x.Order(2, HandSeries.Call110, Side.Buy, 2_000, 1), Quantity.FromContracts(1)));
    }

    [Fact]
    public void Settlement_never_pays_out_more_than_the_fund_or_takes_more_than_a_short_holds()
    {
        var x = ExpiryScenarios.SettledMarket();
        // Drain the fund first: only what it holds can be paid, and the long's haircut is recorded.
        Account fund = x.State.Find(0)!.Clone();
        fund.Collateral = Usd.FromDollars(10_000);
        x.State.Put(fund);
        Usd c1 = x.Account(1).Collateral;
        var r = x.Apply(new SettleTx(1, HandSeries.Call110));
        Assert.Equal(Usd.FromDollars(10_000), x.Account(1).Collateral - c1);
        Assert.Equal(Usd.Zero, x.Account(0).Collateral);
        Assert.Equal((Usd.FromDollars(25_501) + new Usd(500_000) - Usd.FromDollars(10_000)).ToString(), r.Details["socializedLoss"]);
        // The short owes 25,501.5 USD but holds less: it pays what it has, and the rest is its default.
        Account shortAccount = x.State.Find(2)!.Clone();
        shortAccount.Collateral = Usd.FromDollars(20_000);
        x.State.Put(shortAccount);
        var s = x.Apply(new SettleTx(2, HandSeries.Call110));
        Assert.Equal(Usd.Zero, x.Account(2).Collateral);
        Assert.Equal(Usd.FromDollars(20_000), x.Account(0).Collateral);
        Assert.Equal((Usd.FromDollars(5_501) + new Usd(500_000)).ToString(), s.Details["default"]);
    }

    [Fact]
    public void An_insolvent_bid_cannot_ask_the_fund_for_more_than_it_holds()
    {
        var x = LiquidationScenarios.Distressed(out long victim, out long liquidator);
        x.Apply(new LiquidationStartTx(victim));
        x.Now += 10 * 60;
        Account fund = x.State.Find(0)!.Clone();
        fund.Collateral = Usd.Zero;
        x.State.Put(fund);
        // Make the whole portfolio insolvent at this factor by emptying the victim's cash.
        Account v = x.State.Find(victim)!.Clone();
        v.Collateral = Usd.Zero;
        x.State.Put(v);
        var quote = LiquidationQuote.For(x.Account(victim), 1_000, x.State.Epoch!, x.Parameters, x.Now);
        Assert.True(quote.Insolvent);
        var e = x.Rejects(Rule.InsuranceCovers, LiquidationScenarios.Bid(x, liquidator, victim, 1_000, new Usd(Math.Max(1, quote.Price.Micros))));
        Assert.Contains("insurance", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Bumping_the_epoch_does_not_let_the_sequencer_refuse_a_forced_withdrawal()
    {
        var x = new TestExchange();
        x.Deposit(1, 50_000);
        x.Deposit(2, 50_000);
        x.Publish();
        x.Trade(buyer: 1, seller: 2, HandSeries.Call110, 2_000, 1);
        long i = x.Queue.Enqueue(new L1Operation(L1OperationKind.ForcedWithdraw, 1, TestExchange.OwnerOf(1), Usd.FromDollars(1_000), BabyJubjubPoint.Identity));
        // The sequencer publishes a new epoch and refreshes nobody: account 1's cache is now stale.
        x.Now += 60;
        x.Apply(new OracleUpdateTx(x.Epoch(HandSeries.All(), x.Now)));
        Assert.NotEqual(x.State.Epoch!.Id, x.Account(1).Risk.Epoch);
        var r = x.Apply(new ForcedWithdrawTx(i));
        Assert.Equal("true", r.Details["applied"]);
        Assert.Equal(Usd.FromDollars(1_000), Assert.Single(r.Exits).Amount);
        Assert.Equal(x.State.Epoch.Id, x.Account(1).Risk.Epoch); // the slot refreshed it

        // With a stale epoch the request cannot be consumed at all (it stays queued, and its L1 deadline runs).
        long j = x.Queue.Enqueue(new L1Operation(L1OperationKind.ForcedWithdraw, 1, TestExchange.OwnerOf(1), Usd.FromDollars(1_000), BabyJubjubPoint.Identity));
        x.Now += x.Parameters.MaxEpochAgeSeconds + 1;
        x.Rejects(Rule.OracleFresh, new ForcedWithdrawTx(j));
        Assert.Equal(j, x.State.QueueConsumed);
    }

    [Fact]
    public void An_epoch_signed_for_another_deployment_is_refused()
    {
        var x = new TestExchange();
        var other = x.Parameters with { RollupAddress = BigInteger.Parse("1234567890abcdef", System.Globalization.NumberStyles.HexNumber) };
        Assert.NotEqual(x.Parameters.OracleDomain, other.OracleDomain);
        var unsigned = new OracleEpoch(1, x.Now, new Dictionary<int, Usd> { [1] = Usd.FromDollars(100_000) }, HandSeries.All(),
            x.Parameters.ScenarioCount, x.Parameters.SeriesTreeDepth);
        x.Rejects(Rule.OracleSignature, new OracleUpdateTx(unsigned.SignedWith(x.Oracle, other.OracleDomain)));
        x.Rejects(Rule.OracleSignature, new OracleUpdateTx(unsigned.SignedWith(x.Oracle, (x.Parameters with { ChainId = 1 }).OracleDomain)));
        x.Apply(new OracleUpdateTx(unsigned.SignedWith(x.Oracle, x.Parameters.OracleDomain)));
    }

    [Fact]
    public void A_batch_commits_to_the_chain_of_every_epoch_it_applies()
    {
        var x = new TestExchange();
        var builder = new BatchBuilder(x.Engine, 1, x.Now);
        OracleEpoch first = x.Epoch(HandSeries.All(), x.Now - 10);
        builder.Add(new OracleUpdateTx(first));
        OracleEpoch second = x.Epoch(HandSeries.All(), x.Now);
        builder.Add(new OracleUpdateTx(second));
        Batch b = builder.Seal();
        Fr domain = x.Parameters.OracleDomain;
        Assert.Equal([first.Commitment, second.Commitment], b.EpochCommitments);
        Assert.Equal(Field.Hashing.Poseidon.Hash(Field.Hashing.Poseidon.Hash(domain, first.Commitment), second.Commitment), b.EpochChain);
        Assert.Equal(("epochChain", b.EpochChain), b.PublicInputs[5]);
        Assert.Equal(second.Commitment, b.EpochCommitment);
    }

    [Theory]
    [InlineData(1_000_000)]
    [InlineData(1)]
    public void Over_the_built_in_scenario_no_balance_goes_negative_and_every_exit_claim_can_be_paid(long insuranceDollars)
    {
        // A one-dollar fund: the scenario's expiry settles shorts before longs, so the fund can pay; the ledger shows it.
        var sim = new ZkOptions.Settlement.Simulation.Simulator(new ZkOptions.Settlement.Simulation.ScenarioSettings { Insurance = Usd.FromDollars(insuranceDollars) });
        var ledger = new SolvencyLedger(new RollupState(sim.Parameters));
        var batches = sim.Run();
        foreach (TransactionResult r in batches.SelectMany(b => b.Transactions))
        {
            ledger.Apply(r);
        }
        Assert.True(ledger.Transactions > 70, $"only {ledger.Transactions} transactions");
        // The fund's balance never went below zero, and ended with what came in (fees, shorts' payments) less payouts.
        Assert.True(sim.State.Find(0)!.Collateral.Micros >= 0);
    }
}
