// SPDX-License-Identifier: MIT
using ZkOptions.Circuit.Compiler;
using ZkOptions.Circuits.Settlement;
using ZkOptions.Circuits.Settlement.Witness;
using System.Diagnostics;
using Xunit.Abstractions;
using ZkOptions.Constraints;
using ZkOptions.Constraints.V2;
using ZkOptions.Prover.Engines.Cpu;
using ZkOptions.Prover.Plonk;
using ZkOptions.Prover.PlonkV2;
using ZkOptions.Settlement.Batches;
using ZkOptions.Settlement.Simulation;

namespace ZkOptions.Circuits.Tests;

/// <summary>
/// The settlement batch circuit, unedited, on the v2 layout: every transaction type of the built-in scenario solves
/// and checks in batch-1, and forced invalid transitions are refused with the engine's rule named, as on v1.
/// </summary>
public sealed class BatchOnV2Tests(ITestOutputHelper output)
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

    [Fact]
    public void A_batch_1_trade_proves_and_verifies_with_PlonkV2()
    {
        var (batches, shape, circuit) = Setup.Value;
        var batch = batches.First(b => b.Transactions[0].Transaction.TypeName == "trade");
        var witness = circuit.Solve(BatchWitness.Assign(batch, BatchWitness.Slots(batch, shape)));
        var wide = circuit.ToWideCircuit();
        int power = PlonkV2Setup.DomainPower(wide);
        var srs = DevPowersOfTau.Create(new QuotientLayout(power, WideGates.All).CommitmentKeySize, seed: 11);
        var clock = Stopwatch.StartNew();
        var key = new PlonkV2Setup(new CpuNttEngine(), new CpuMsmEngine()).Create(wide, srs.TauG1, srs.TauG2);
        var setup = clock.Elapsed;
        clock.Restart();
        var result = new PlonkV2Prover(new CpuNttEngine(), new CpuMsmEngine()).Prove(key, witness, log: output.WriteLine);
        var prove = clock.Elapsed;
        Assert.True(PlonkV2Verifier.Verify(key.VerifyingKey, result.Proof, result.PublicInputs));
        output.WriteLine($"batch-1 (trade) on v2: {wide.Rows.Count} rows, 2^{power}, setup {setup.TotalSeconds:F1} s, prove {prove.TotalSeconds:F1} s");

        var changed = (ZkOptions.Field.Fr[])result.PublicInputs.Clone();
        changed[0] += ZkOptions.Field.Fr.One;
        Assert.False(PlonkV2Verifier.Verify(key.VerifyingKey, result.Proof, changed));
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
