// SPDX-License-Identifier: MIT
using System.Text.Json.Nodes;
using ZkOptions.Circuits.Settlement;
using ZkOptions.Circuits.Settlement.Witness;
using ZkOptions.Circuits.Tests.Support;
using ZkOptions.Settlement.Batches;
using ZkOptions.Settlement.Engine;
using ZkOptions.Settlement.Transactions;

namespace ZkOptions.Circuits.Tests;

/// <summary>
/// Batch files are untrusted input to a prover. A batch whose transaction breaks a rule while every hash, proof and
/// commitment still holds must be refused naming the rule (<see cref="BatchRuleException"/>), never crash the
/// witness builder (issue 18, item 8).
/// </summary>
[Collection(ScenarioCollection.Name)]
public sealed class HostileBatchTests(ScenarioFixture run)
{
    private Batch FirstWith<T>() where T : Transaction => run.Batches.First(b => b.Transactions.Any(r => r.Transaction is T));

    private static int IndexOf<T>(Batch b) where T : Transaction => b.Transactions.ToList().FindIndex(r => r.Transaction is T);

    private BatchRuleException Refused(Batch batch) =>
        Assert.Throws<BatchRuleException>(() => BatchWitness.Build(batch, new SettlementShape(run.Parameters, batch.Transactions.Count)));

    [Fact]
    public void A_trade_whose_maker_is_its_taker_passes_the_reader_and_is_refused_as_order_sides()
    {
        Batch hostile = HostileBatches.MakerIsTaker(FirstWith<TradeTx>());
        // Self-consistent: the file reads back.
        JsonObject file = BatchJson.Write(hostile, run.Parameters);
        Batch read = BatchJson.Read(JsonNode.Parse(file.ToJsonString())!, run.Parameters, "hostile.json");
        var e = Refused(read);
        Assert.Equal("order.sides", e.Rule);
        Assert.Equal(HostileBatches.FirstTrade(hostile), e.Transaction);
        Assert.Equal("trade", e.TransactionType);
        Assert.Contains("is both maker and taker", e.Message);
    }

    public static TheoryData<string, string> Cases => new()
    {
        { "liquidator is the victim", "liquidation.in-progress" },
        { "settle without its series record", "series.listed" },
        { "trade with two records of its series", "series.listed" },
        { "trade without the taker's order slot", "order.not-replayed" },
        { "trade by the insurance account", "account.not-insurance" },
        { "deposit without its queue owner", "l1.queue-order" },
        { "deposit with a malformed queue owner", "l1.queue-order" },
        { "deposit with a queue key above the field", "l1.queue-order" },
        { "risk refresh of an account with no record", "account.exists" },
        { "liquidation bid on a new account", "account.exists" },
        { "account index outside the tree", "account.exists" },
        { "three account records in a withdrawal", "state.account-proof" },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void A_transaction_whose_records_break_a_rule_is_refused_naming_it(string what, string rule)
    {
        var p = run.Parameters;
        Batch b;
        int i;
        TransactionResult Edit<T>(Func<TransactionResult, TransactionResult> edit) where T : Transaction
        {
            b = FirstWith<T>();
            i = IndexOf<T>(b);
            return edit(b.Transactions[i]);
        }
        TransactionResult edited = what switch
        {
            "liquidator is the victim" => Edit<LiquidationBidTx>(r => r with { Transaction = (LiquidationBidTx)r.Transaction with { Liquidator = ((LiquidationBidTx)r.Transaction).Victim } }),
            "settle without its series record" => Edit<SettleTx>(r => r with { Series = [] }),
            "trade with two records of its series" => Edit<TradeTx>(r => r with { Series = [.. r.Series, .. r.Series] }),
            "trade without the taker's order slot" => Edit<TradeTx>(r => r with { OrderSlots = [r.OrderSlots[0]] }),
            "trade by the insurance account" => Edit<TradeTx>(r =>
            {
                var t = (TradeTx)r.Transaction;
                return r with { Transaction = t with { Taker = t.Taker with { Order = t.Taker.Order with { Account = p.InsuranceAccount } } } };
            }),
            "deposit without its queue owner" => Edit<DepositTx>(r => r with { Details = Without(r.Details, "l1Owner") }),
            "deposit with a malformed queue owner" => Edit<DepositTx>(r => r with { Details = With(r.Details, "l1Owner", "0x") }),
            "deposit with a queue key above the field" => Edit<DepositTx>(r => r with { Details = With(r.Details, "l1KeyX", ZkOptions.Field.Fr.Modulus.ToString()) }),
            "risk refresh of an account with no record" => Edit<RiskRefreshTx>(r => r with { AccountUpdates = [] }),
            "liquidation bid on a new account" => Edit<LiquidationBidTx>(r => r with { AccountUpdates = [r.AccountUpdates[0] with { Before = null }, .. r.AccountUpdates.Skip(1)] }),
            "account index outside the tree" => Edit<WithdrawTx>(r => r with { AccountUpdates = [r.AccountUpdates[0] with { Index = p.AccountCapacity }] }),
            "three account records in a withdrawal" => Edit<WithdrawTx>(r => r with { AccountUpdates = [r.AccountUpdates[0], r.AccountUpdates[0], r.AccountUpdates[0]] }),
            _ => throw new ArgumentException(what),
        };
        var e = Refused(HostileBatches.WithTransaction(b!, i, edited));
        Assert.True(e.Rule == rule, $"{what}: expected {rule}, got {e.Message}");
        Assert.Equal(i, e.Transaction);
    }

    private static Dictionary<string, string> Without(IReadOnlyDictionary<string, string> d, string key) =>
        d.Where(kv => kv.Key != key).ToDictionary(kv => kv.Key, kv => kv.Value);

    private static Dictionary<string, string> With(IReadOnlyDictionary<string, string> d, string key, string value) =>
        new(d) { [key] = value };
}
