// SPDX-License-Identifier: MIT
using ZkOptions.Circuit.Testing;
using ZkOptions.Circuits.Settlement;
using ZkOptions.Circuits.Settlement.Gadgets;
using ZkOptions.Circuits.Settlement.Witness;
using ZkOptions.Field;
using ZkOptions.Settlement.Batches;
using R = ZkOptions.Circuits.Settlement.SlotRegions;

namespace ZkOptions.Circuits.Tests;

/// <summary>
/// For each class of invalid transition the engine rejects, a batch that forces it through — a real scenario batch
/// whose slot witness is edited by hand — is rejected by the circuit, and the checker names the engine's rule.
/// Noop padding, whatever its witness holds, changes nothing.
/// </summary>
[Collection(ScenarioCollection.Name)]
public sealed class RuleViolationTests(ScenarioFixture run)
{
    public static TheoryData<string, string, string> Cases => new()
    {
        { "trade", "order.prices-cross", "taker limit does not cross" },
        { "trade", "order.not-overfilled", "fill above the maker's amount" },
        { "trade", "order.not-expired", "maker order expired" },
        { "trade", "order.fee-cap", "maker max fee 0" },
        { "trade", "order.not-replayed", "slot already holds a later order" },
        { "trade", "order.sides", "both sides buy" },
        { "trade", "margin.after", "maker has no collateral" },
        { "trade", "account.not-liquidating", "maker in liquidation" },
        { "trade", "risk.cache-current", "maker cache for another epoch" },
        { "trade", "signature.valid", "maker signature tampered" },
        { "withdraw", "collateral.sufficient", "more than the collateral" },
        { "withdraw", "nonce.matches", "wrong nonce" },
        { "liquidationStart", "liquidation.maintenance-fails", "account holds maintenance" },
        { "liquidationBid", "liquidation.bid-schedule", "bid of 0 for a solvent portion" },
        { "liquidationBid", "liquidation.fraction-cap", "fraction above the cap" },
        { "settle", "settle.after-expiry", "no settlement price" },
        { "oracleUpdate", "oracle.forward", "epoch id skips one" },
        { "deposit", "l1.queue-order", "queue index out of order" },
        { "forcedWithdraw", "l1.forced-withdrawal-verdict", "verdict flipped" },
        { "riskRefresh", "series.listed", "series port holds another series" },
        { "withdraw", "account.not-insurance", "the insurance account withdraws" },
        { "trade", "collateral.sufficient", "the buyer pays a premium it does not hold" },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void A_forced_invalid_transition_fails_and_the_checker_names_the_rule(string type, string rule, string what)
    {
        var (batch, index) = Find(type);
        var shape = new SettlementShape(run.Parameters, batch.Transactions.Count);
        var layout = new SlotLayout(shape);
        var slots = BatchWitness.Slots(batch, shape);
        var editor = new SlotEditor(slots, layout, index * layout.Size);
        Edit(rule, editor, batch.Transactions[index]);
        var failure = TestEngine.FirstFailure(new BatchCircuit(shape), BatchWitness.Assign(batch, slots));
        Assert.NotNull(failure);
        Assert.True(failure!.ToString().Contains(rule, StringComparison.Ordinal), $"{what}: expected the rule {rule}, got: {failure}");
    }

    [Fact]
    public void Noop_padding_with_any_witness_changes_no_root()
    {
        // A padding slot holding a real trade's witness, but type 0, must leave every commitment as the engine has it.
        var (batch, index) = Find("trade");
        var shape = new SettlementShape(run.Parameters, batch.Transactions.Count + 1);
        var layout = new SlotLayout(shape);
        var slots = BatchWitness.Slots(batch, shape);
        Array.Copy(slots, index * layout.Size, slots, batch.Transactions.Count * layout.Size, layout.Size);
        slots[batch.Transactions.Count * layout.Size + layout[R.Type].Offset] = Fr.Zero;
        Assert.Null(TestEngine.FirstFailure(new BatchCircuit(shape), BatchWitness.Assign(batch, slots)));
        // The same slot as a trade (type 4) would apply it twice: the circuit refuses (the order slot is spent).
        slots[batch.Transactions.Count * layout.Size + layout[R.Type].Offset] = Fr.FromUInt64(4);
        Assert.NotNull(TestEngine.FirstFailure(new BatchCircuit(shape), BatchWitness.Assign(batch, slots)));
    }

    private (Batch Batch, int Index) Find(string type)
    {
        foreach (var b in run.Batches)
        {
            for (int i = 0; i < b.Transactions.Count; i++)
            {
                if (b.Transactions[i].Transaction.TypeName == type && Usable(type, b.Transactions[i]))
                {
                    return (b, i);
                }
            }
        }
        throw new InvalidOperationException($"the built-in scenario has no usable {type}");
    }

    internal static bool Usable(string type, ZkOptions.Settlement.Engine.TransactionResult r) => type switch
    {
        "riskRefresh" => r.Series.Count > 0,
        "liquidationBid" => r.Details.GetValueOrDefault("insolvent") != "true" && long.Parse(r.Details["fractionCap"], System.Globalization.CultureInfo.InvariantCulture) < 10_000,
        _ => true,
    };

    internal static void Edit(string rule, SlotEditor e, ZkOptions.Settlement.Engine.TransactionResult r)
    {
        const int side = 2, limit = 3, amount = 4, storageId = 5, validUntil = 6, maxFee = 7;
        switch (rule)
        {
            case "order.prices-cross":
                bool takerBuys = e.Tx(R.TakerOrder + side).IsZero;
                e.SetTx(R.TakerOrder + limit, e.Tx(R.MakerOrder + limit) + (takerBuys ? -Fr.One : Fr.One));
                break;
            case "order.not-overfilled":
                e.SetTx(R.Fill, e.Tx(R.MakerOrder + amount) + Fr.One);
                break;
            case "order.not-expired":
                e.SetTx(R.MakerOrder + validUntil, Fr.FromUInt64((ulong)r.Timestamp - 1));
                break;
            case "order.fee-cap":
                e.SetTx(R.MakerOrder + maxFee, Fr.Zero);
                break;
            case "order.not-replayed":
                e.Set($"{R.OrderSlot}0.old", 0, e.Tx(R.MakerOrder + storageId) + Fr.FromUInt64(256));
                break;
            case "order.sides":
                e.SetTx(R.TakerOrder + side, e.Tx(R.MakerOrder + side));
                break;
            case "margin.after":
                e.Set(R.Primary + ".old", AccountFields.Collateral, Fr.Zero);
                break;
            case "account.not-liquidating":
                e.Set(R.Primary + ".old", AccountFields.LiquidationStart, Fr.One);
                break;
            case "risk.cache-current":
                e.Set(R.Primary + ".old", AccountFields.Fixed + 2 * 8, Fr.FromUInt64(99));
                break;
            case "signature.valid":
                e.Set($"{R.Signature}0", 2, e.Get($"{R.Signature}0", 2) + Fr.One);
                break;
            case "collateral.sufficient" when r.Transaction is ZkOptions.Settlement.Transactions.TradeTx:
                e.Set(R.Primary + ".old", AccountFields.Collateral, Fr.Zero);
                e.Set(R.Counterparty + ".old", AccountFields.Collateral, Fr.Zero);
                break;
            case "collateral.sufficient":
                e.SetTx(R.Amount, e.Get(R.Primary + ".old", AccountFields.Collateral) + Fr.One);
                break;
            case "account.not-insurance":
                e.Set(R.Primary + ".index", 0, Fr.Zero);
                break;
            case "nonce.matches":
                e.SetTx(R.Nonce, e.Tx(R.Nonce) + Fr.One);
                break;
            case "liquidation.maintenance-fails":
                e.Set(R.Primary + ".old", AccountFields.Collateral, Fr.FromUInt64(1_000_000_000_000_000));
                break;
            case "liquidation.bid-schedule":
                e.SetTx(R.Price, Fr.Zero);
                break;
            case "liquidation.fraction-cap":
                e.SetTx(R.Fraction, Fr.FromUInt64(10_000));
                e.SetTx(R.Price, Fr.FromUInt64(1_000_000_000_000_000)); // pays well above the schedule, so only the cap fails
                break;
            case "settle.after-expiry":
                e.Set($"{R.Series}0.fields", 3, Fr.Zero);
                break;
            case "oracle.forward":
                e.SetTx(R.EpochId, e.Tx(R.EpochId) + Fr.One);
                break;
            case "l1.queue-order":
                e.SetTx(R.QueueIndex, e.Tx(R.QueueIndex) + Fr.One);
                break;
            case "l1.forced-withdrawal-verdict":
                e.SetTx(R.QueueApplied, Fr.One - e.Tx(R.QueueApplied));
                break;
            case "series.listed":
                for (int i = 0; i < 8; i++)
                {
                    if (!e.Get($"{R.Series}{i}.fields", 0).IsZero)
                    {
                        e.Set($"{R.Series}{i}.fields", 0, e.Get($"{R.Series}{i}.fields", 0) + Fr.One);
                        break;
                    }
                }
                break;
            default:
                throw new ArgumentException(rule);
        }
    }

    internal sealed class SlotEditor(Fr[] slots, SlotLayout layout, int at)
    {
        public Fr Get(string region, int i) => slots[at + layout[region].Offset + i];
        public void Set(string region, int i, Fr v) => slots[at + layout[region].Offset + i] = v;
        public Fr Tx(int i) => Get(R.Transaction, i);
        public void SetTx(int i, Fr v) => Set(R.Transaction, i, v);
    }
}
