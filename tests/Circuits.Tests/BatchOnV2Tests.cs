// SPDX-License-Identifier: MIT
using ZkOptions.Circuit.Compiler;
using ZkOptions.Circuits.Settlement;
using ZkOptions.Circuits.Settlement.Witness;
using ZkOptions.Constraints;
using ZkOptions.Settlement.Batches;
using ZkOptions.Settlement.Simulation;

namespace ZkOptions.Circuits.Tests;

/// <summary>
/// The settlement batch circuit, unedited, on the v2 layout: every transaction type of the built-in scenario solves
/// and checks in batch-1, and forced invalid transitions are refused with the engine's rule named, as on v1.
/// </summary>
public sealed class BatchOnV2Tests
{
    private static readonly Lazy<(List<Batch> Batches, SettlementShape Shape, CompiledCircuit Circuit)> Setup = new(() =>
    {
        var simulator = new Simulator(new ScenarioSettings { MaxBatchTransactions = 1 });
        var batches = simulator.Run().Where(b => b.Transactions.Count == 1).ToList();
        var shape = new SettlementShape(simulator.Parameters, 1);
        return (batches, shape, CircuitCompiler.Compile(new BatchCircuit(shape), "batch-1", ProofSystem.V2));
    });

    [Fact]
    public void Every_transaction_type_checks_on_v2()
    {
        var (batches, shape, circuit) = Setup.Value;
        var types = new HashSet<string>();
        foreach (var batch in batches)
        {
            string type = batch.Transactions[0].Transaction.TypeName;
            if (!types.Add(type))
            {
                continue;
            }
            var witness = circuit.Solve(BatchWitness.Assign(batch, BatchWitness.Slots(batch, shape)));
            var failures = circuit.Check(witness, maxFailures: 3);
            Assert.True(failures.Count == 0, $"{type}: " + string.Join("; ", failures));
        }
        Assert.True(types.Count >= 9, $"only {types.Count} transaction types: {string.Join(", ", types)}");
    }

    [Theory]
    [InlineData("trade", "order.prices-cross")]
    [InlineData("trade", "signature.valid")]
    [InlineData("trade", "margin.after")]
    [InlineData("withdraw", "collateral.sufficient")]
    [InlineData("liquidationBid", "liquidation.bid-schedule")]
    [InlineData("oracleUpdate", "oracle.forward")]
    public void A_forced_invalid_transition_is_refused_on_v2_with_the_rule_named(string type, string rule)
    {
        var (batches, shape, circuit) = Setup.Value;
        var batch = batches.First(b => b.Transactions[0].Transaction.TypeName == type && RuleViolationTests.Usable(type, b.Transactions[0]));
        var layout = new SlotLayout(shape);
        var slots = BatchWitness.Slots(batch, shape);
        RuleViolationTests.Edit(rule, new RuleViolationTests.SlotEditor(slots, layout, 0), batch.Transactions[0]);
        var failures = circuit.Check(circuit.Solve(BatchWitness.Assign(batch, slots)), maxFailures: 1);
        Assert.NotEmpty(failures);
        Assert.Contains(rule, failures[0].ToString());
    }
}
