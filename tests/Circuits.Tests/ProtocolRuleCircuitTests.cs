// SPDX-License-Identifier: MIT
using ZkOptions.Circuit.Testing;
using ZkOptions.Circuits.Settlement;
using ZkOptions.Circuits.Settlement.Gadgets;
using ZkOptions.Circuits.Settlement.Witness;
using ZkOptions.Field;
using ZkOptions.Field.BabyJubjub;
using ZkOptions.Settlement.Batches;
using ZkOptions.Settlement.Engine;
using ZkOptions.Settlement.Numbers;
using ZkOptions.Settlement.Risk;
using ZkOptions.Settlement.State;
using ZkOptions.Settlement.Tests.Support;
using ZkOptions.Settlement.Transactions;
using R = ZkOptions.Circuits.Settlement.SlotRegions;

namespace ZkOptions.Circuits.Tests;

/// <summary>
/// The protocol rules added after the security review, on small batches of the engine tests' hand-made exchange:
/// the engine and the circuit agree where the rule bites (the fund and a short paying only what they hold, a
/// forced withdrawal served after an epoch bump), and a witness that breaks each rule is refused with its name.
/// </summary>
public sealed class ProtocolRuleCircuitTests
{
    [Fact]
    public void Settlement_capped_by_the_fund_and_by_a_shorts_collateral_satisfies_the_circuit()
    {
        var x = ExpiryScenarios.SettledMarket();
        Account fund = x.State.Find(0)!.Clone();
        fund.Collateral = Usd.FromDollars(10_000);
        x.State.Put(fund);
        Account shortAccount = x.State.Find(2)!.Clone();
        shortAccount.Collateral = Usd.FromDollars(20_000);
        x.State.Put(shortAccount);
        var builder = new BatchBuilder(x.Engine, 1, x.Now);
        var paidLong = builder.Add(new SettleTx(1, HandSeries.Call110));
        var paidShort = builder.Add(new SettleTx(2, HandSeries.Call110));
        Assert.True(paidLong.Details.ContainsKey("socializedLoss") && paidShort.Details.ContainsKey("default"));
        AssertSatisfies(x, builder.Seal());
    }

    [Fact]
    public void A_forced_withdrawal_after_an_epoch_bump_is_served_and_refusing_it_cannot_be_proved()
    {
        var x = new TestExchange();
        x.Deposit(1, 50_000);
        x.Deposit(2, 50_000);
        x.Publish();
        x.Trade(buyer: 1, seller: 2, HandSeries.Call110, 2_000, 1);
        long i = x.Queue.Enqueue(new L1Operation(L1OperationKind.ForcedWithdraw, 1, TestExchange.OwnerOf(1), Usd.FromDollars(1_000), BabyJubjubPoint.Identity));
        x.Now += 60;
        var builder = new BatchBuilder(x.Engine, 1, x.Now);
        builder.Add(new OracleUpdateTx(x.Epoch(HandSeries.All(), x.Now)));   // the bump; account 1's cache is now stale
        var served = builder.Add(new ForcedWithdrawTx(i));
        Assert.Equal("true", served.Details["applied"]);
        Batch batch = builder.Seal();
        AssertSatisfies(x, batch);

        // The sequencer's old move: consume the request as refused because the cache is stale.
        var shape = new SettlementShape(x.Parameters, batch.Transactions.Count);
        var layout = new SlotLayout(shape);
        var slots = BatchWitness.Slots(batch, shape);
        slots[layout.Size + layout[R.Transaction].Offset + R.QueueApplied] = Fr.Zero;
        AssertRefusedBy("l1.forced-withdrawal-verdict", x, batch, slots);
    }

    [Fact]
    public void A_deposit_naming_another_key_than_the_accounts_cannot_be_credited()
    {
        var x = new TestExchange();
        x.Deposit(1, 1_000);
        var builder = new BatchBuilder(x.Engine, 1, x.Now);
        long t = x.Queue.Enqueue(new L1Operation(L1OperationKind.Deposit, 1, TestExchange.OwnerOf(9), Usd.FromDollars(5), x.KeyOf(1).PublicKey));
        builder.Add(new DepositTx(t));
        Batch batch = builder.Seal();
        AssertSatisfies(x, batch);
        var shape = new SettlementShape(x.Parameters, 1);
        var layout = new SlotLayout(shape);
        var slots = BatchWitness.Slots(batch, shape);
        slots[layout[R.Transaction].Offset + R.QueueKeyX] = TestExchange.Key(666).PublicKey.X;
        AssertRefusedBy("deposit.key-matches", x, batch, slots);
    }

    [Fact]
    public void The_fund_cannot_pay_an_insolvent_bid_beyond_its_balance()
    {
        var x = LiquidationScenarios.Distressed(out long victim, out long liquidator);
        x.Apply(new LiquidationStartTx(victim));
        x.Now += 10 * 60;
        Account v = x.State.Find(victim)!.Clone();
        v.Collateral = Usd.Zero;
        x.State.Put(v);
        var quote = LiquidationQuote.For(x.Account(victim), 1_000, x.State.Epoch!, x.Parameters, x.Now);
        Assert.True(quote.Insolvent);
        Usd price = new(Math.Max(1, quote.Price.Micros));
        var builder = new BatchBuilder(x.Engine, 1, x.Now);
        builder.Add(LiquidationScenarios.Bid(x, liquidator, victim, 1_000, price));
        Batch batch = builder.Seal();
        AssertSatisfies(x, batch);
        // The same bid against a fund that holds one micro-dollar less than it asks.
        var shape = new SettlementShape(x.Parameters, 1);
        var layout = new SlotLayout(shape);
        var slots = BatchWitness.Slots(batch, shape);
        int at = layout[R.Insurance + ".old"].Offset + AccountFields.Collateral;
        slots[at] = FieldCodec(price.Micros - 1);
        AssertRefusedBy("insurance.covers", x, batch, slots);
    }

    [Fact]
    public void The_epoch_chain_public_input_binds_every_epoch_the_batch_applies()
    {
        var x = new TestExchange();
        var builder = new BatchBuilder(x.Engine, 1, x.Now);
        builder.Add(new OracleUpdateTx(x.Epoch(HandSeries.All(), x.Now - 10)));
        builder.Add(new OracleUpdateTx(x.Epoch(HandSeries.All(), x.Now)));
        Batch batch = builder.Seal();
        AssertSatisfies(x, batch);
        // Claiming only the last epoch (what a contract that checked one commitment would have accepted) fails.
        var onlyLast = batch with { EpochChain = Batch.ChainEpochs(x.Parameters.OracleDomain, [batch.EpochCommitments[^1]]) };
        var shape = new SettlementShape(x.Parameters, batch.Transactions.Count);
        Assert.NotNull(TestEngine.FirstFailure(new BatchCircuit(shape), BatchWitness.Build(onlyLast, shape)));
        // So does the same chain from another deployment's domain.
        var elsewhere = batch with { OracleDomain = (x.Parameters with { ChainId = 1 }).OracleDomain };
        var failure = TestEngine.FirstFailure(new BatchCircuit(shape), BatchWitness.Build(elsewhere, shape));
        Assert.NotNull(failure);
        Assert.Contains("oracle.signature", failure!.ToString(), StringComparison.Ordinal);
    }

    private static Fr FieldCodec(long v) => ZkOptions.Settlement.Hashing.FieldCodec.Signed(v);

    private static void AssertSatisfies(TestExchange x, Batch batch)
    {
        var shape = new SettlementShape(x.Parameters, batch.Transactions.Count);
        Assert.Null(TestEngine.FirstFailure(new BatchCircuit(shape), BatchWitness.Build(batch, shape)));
    }

    private static void AssertRefusedBy(string rule, TestExchange x, Batch batch, Fr[] slots)
    {
        var shape = new SettlementShape(x.Parameters, batch.Transactions.Count);
        var failure = TestEngine.FirstFailure(new BatchCircuit(shape), BatchWitness.Assign(batch, slots));
        Assert.NotNull(failure);
        Assert.True(failure!.ToString().Contains(rule, StringComparison.Ordinal), $"expected the rule {rule}, got: {failure}");
    }
}
