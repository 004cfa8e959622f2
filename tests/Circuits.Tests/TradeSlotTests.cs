// SPDX-License-Identifier: MIT
using System.Diagnostics;
using Xunit.Abstractions;
using ZkOptions.Circuit.Compiler;
using ZkOptions.Circuits.Settlement;
using ZkOptions.Circuits.Settlement.Witness;
using ZkOptions.Constraints;
using ZkOptions.Constraints.V2;
using ZkOptions.Field;
using ZkOptions.Prover.Engines.Cpu;
using ZkOptions.Prover.Plonk;
using ZkOptions.Prover.PlonkV2;
using ZkOptions.Settlement.Batches;
using ZkOptions.Settlement.Simulation;
using ZkOptions.Settlement.Transactions;
using R = ZkOptions.Circuits.Settlement.SlotRegions;

namespace ZkOptions.Circuits.Tests;

/// <summary>
/// Batch circuits with trade slots (batch-T-G) on v2: the built-in scenario cut for batch-4-2 satisfies it batch by
/// batch with the engine's public inputs; every trade rule, broken in a trade slot, is refused with the rule named; a
/// trade slot holds nothing but a trade; padding is inert; a batch with a trade in a trade slot proves and verifies.
/// </summary>
public sealed class TradeSlotTests(ITestOutputHelper output)
{
    private static readonly BatchLayout Layout = new(4, 2);

    private static readonly Lazy<(IReadOnlyList<Batch> Batches, SettlementShape Shape, CompiledCircuit Circuit)> Setup = new(() =>
    {
        var simulator = new Simulator(new ScenarioSettings { Layout = Layout });
        var batches = simulator.Run();
        var shape = new SettlementShape(simulator.Parameters, Layout);
        return (batches, shape, CircuitCompiler.Compile(new BatchCircuit(shape), Layout.Name, ProofSystem.V2));
    });

    /// <summary>A batch and the slot of one of its trades that sits in a trade slot.</summary>
    private static (Batch Batch, int Index, int Slot) TradeInTradeSlot(Func<ZkOptions.Settlement.Engine.TransactionResult, bool>? usable = null,
        Func<Batch, bool>? batchUsable = null)
    {
        var (batches, shape, _) = Setup.Value;
        foreach (var batch in batches.Where(b => batchUsable?.Invoke(b) ?? true))
        {
            int[] slots = BatchWitness.SlotsOf(batch, shape);
            for (int i = 0; i < slots.Length; i++)
            {
                var r = batch.Transactions[i];
                if (r.Transaction is TradeTx && shape.KindOf(slots[i]) == SlotKind.Trade && (usable?.Invoke(r) ?? true))
                {
                    return (batch, i, slots[i]);
                }
            }
        }
        throw new InvalidOperationException($"no trade of the scenario sits in a trade slot of {Layout}");
    }

    private static IReadOnlyList<ZkOptions.Circuit.ConstraintFailure> Check(Batch batch, Fr[] slots, int max = 3)
    {
        var circuit = Setup.Value.Circuit;
        return circuit.Check(circuit.Solve(BatchWitness.Assign(batch, slots)), maxFailures: max);
    }

    [Fact]
    public void The_scenario_cut_for_batch_4_2_satisfies_it_batch_by_batch()
    {
        var (batches, shape, _) = Setup.Value;
        int tradesInTradeSlots = 0;
        foreach (var batch in batches)
        {
            var failures = Check(batch, BatchWitness.Slots(batch, shape));
            Assert.True(failures.Count == 0, $"batch {batch.Number} ({string.Join(",", batch.Transactions.Select(t => t.Transaction.TypeName))}): {string.Join("; ", failures)}");
            int[] slots = BatchWitness.SlotsOf(batch, shape);
            tradesInTradeSlots += slots.Where((s, i) => shape.KindOf(s) == SlotKind.Trade && batch.Transactions[i].Transaction is TradeTx).Count();
        }
        Assert.True(tradesInTradeSlots >= 10, $"only {tradesInTradeSlots} trades went into trade slots");
        Assert.Equal(76, batches.Sum(b => b.Transactions.Count));
    }

    public static TheoryData<string> TradeRules
    {
        get
        {
            var rules = new TheoryData<string>();
            foreach (string rule in RuleViolationTests.Cases.Where(c => (string)c[0] == "trade").Select(c => (string)c[1]).Distinct())
            {
                rules.Add(rule);
            }
            return rules;
        }
    }

    [Theory]
    [MemberData(nameof(TradeRules))]
    public void A_trade_breaking_a_rule_in_a_trade_slot_is_refused_with_the_rule_named(string rule)
    {
        var (batch, index, slot) = TradeInTradeSlot(r => RuleViolationTests.Usable("trade", r));
        var shape = Setup.Value.Shape;
        var slots = BatchWitness.Slots(batch, shape);
        RuleViolationTests.Edit(rule, new RuleViolationTests.SlotEditor(slots, shape.SlotLayoutOf(slot), shape.SlotOffset(slot)), batch.Transactions[index]);
        var failures = Check(batch, slots, max: 1);
        Assert.NotEmpty(failures);
        Assert.Contains(rule, failures[0].ToString());
        Assert.Contains($"trade slot {slot}", failures[0].ToString());
    }

    [Theory]
    [InlineData(TransactionTypes.Deposit)]
    [InlineData(TransactionTypes.Withdraw)]
    [InlineData(TransactionTypes.LiquidationBid)]
    [InlineData(TransactionTypes.RiskRefresh)]
    [InlineData(11)]
    public void A_trade_slot_holds_nothing_but_a_trade(int type)
    {
        var (batch, _, slot) = TradeInTradeSlot();
        var shape = Setup.Value.Shape;
        var slots = BatchWitness.Slots(batch, shape);
        slots[shape.SlotOffset(slot) + shape.SlotLayoutOf(slot)[R.Type].Offset] = Fr.FromUInt64((ulong)type);
        var failures = Check(batch, slots, max: 1);
        Assert.NotEmpty(failures);
        Assert.Contains($"trade slot {slot} › type", failures[0].ToString());
    }

    [Fact]
    public void A_padding_trade_slot_changes_nothing_whatever_its_witness()
    {
        var shape = Setup.Value.Shape;
        int FreeTradeSlot(Batch b)
        {
            int[] used = BatchWitness.SlotsOf(b, shape);
            return Enumerable.Range(used[^1] + 1, shape.Slots - used[^1] - 1).FirstOrDefault(s => shape.KindOf(s) == SlotKind.Trade, -1);
        }
        var (batch, _, slot) = TradeInTradeSlot(r => true, b => FreeTradeSlot(b) > 0);
        int free = FreeTradeSlot(batch);
        var slots = BatchWitness.Slots(batch, shape);
        var layout = shape.SlotLayoutOf(slot);
        Array.Copy(slots, shape.SlotOffset(slot), slots, shape.SlotOffset(free), layout.Size);
        slots[shape.SlotOffset(free) + layout[R.Type].Offset] = Fr.Zero;
        Assert.Empty(Check(batch, slots));
        // The same witness as a trade would apply the trade twice: refused (the order slot is spent, the roots move).
        slots[shape.SlotOffset(free) + layout[R.Type].Offset] = Fr.FromUInt64(TransactionTypes.Trade);
        Assert.NotEmpty(Check(batch, slots, max: 1));
    }

    [Fact]
    public void A_trade_in_a_trade_slot_proves_and_verifies_on_v2()
    {
        // batch-1-1: a general slot, then a trade slot; the scenario cut for it holds batches whose trade sits in slot 1.
        var layout = new BatchLayout(1, 1);
        var simulator = new Simulator(new ScenarioSettings { Layout = layout });
        var shape = new SettlementShape(simulator.Parameters, layout);
        var batch = simulator.Run().First(b => BatchWitness.SlotsOf(b, shape) is var s && s.Length == 2 && b.Transactions[1].Transaction is TradeTx);
        Assert.Equal(SlotKind.Trade, shape.KindOf(1));
        var circuit = CircuitCompiler.Compile(new BatchCircuit(shape), layout.Name, ProofSystem.V2);
        var witness = circuit.Solve(BatchWitness.Build(batch, shape));
        Assert.Empty(circuit.Check(witness, maxFailures: 3));

        var wide = circuit.ToWideCircuit();
        int power = PlonkV2Setup.DomainPower(wide);
        var srs = DevPowersOfTau.Create(new QuotientLayout(power, WideGates.All).CommitmentKeySize, seed: 23);
        var clock = Stopwatch.StartNew();
        var key = new PlonkV2Setup(new CpuNttEngine(), new CpuMsmEngine()).Create(wide, srs.TauG1, srs.TauG2);
        var setup = clock.Elapsed;
        clock.Restart();
        var result = new PlonkV2Prover(new CpuNttEngine(), new CpuMsmEngine()).Prove(key, witness);
        output.WriteLine($"{layout.Name}: {wide.Rows.Count} rows, 2^{power}, setup {setup.TotalSeconds:F1} s, prove {clock.Elapsed.TotalSeconds:F1} s");
        Assert.True(PlonkV2Verifier.Verify(key.VerifyingKey, result.Proof, result.PublicInputs));
        Assert.Equal(batch.PublicInputs.Select(p => p.Value), result.PublicInputs);
        var forged = (Fr[])result.PublicInputs.Clone();
        forged[1] += Fr.One;
        Assert.False(PlonkV2Verifier.Verify(key.VerifyingKey, result.Proof, forged));
    }
}
