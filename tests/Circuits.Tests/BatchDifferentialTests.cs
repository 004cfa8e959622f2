// SPDX-License-Identifier: MIT
using ZkOptions.Circuit.Testing;
using ZkOptions.Circuits.Settlement;
using ZkOptions.Circuits.Settlement.Witness;

namespace ZkOptions.Circuits.Tests;

/// <summary>The circuit and the engine agree on every batch of the built-in scenario: same new root, exits, queue and data commitments.</summary>
[Collection(ScenarioCollection.Name)]
public sealed class BatchDifferentialTests(ScenarioFixture run)
{
    [Fact]
    public void Every_batch_of_the_built_in_scenario_satisfies_the_batch_circuit_with_the_engines_public_inputs()
    {
        var failures = new List<string>();
        foreach (var batch in run.Batches)
        {
            var shape = new SettlementShape(run.Parameters, batch.Transactions.Count + 1);
            var failure = TestEngine.FirstFailure(new BatchCircuit(shape), BatchWitness.Build(batch, shape));
            if (failure is not null)
            {
                failures.Add($"batch {batch.Number} ({string.Join(",", batch.Transactions.Select(t => t.Transaction.TypeName))}): {failure}");
            }
        }
        Assert.True(failures.Count == 0, string.Join("\n", failures));
    }

    [Fact]
    public void Batch_files_read_back_give_the_same_satisfying_witness()
    {
        // What `prove --batch` will do: only the file, no live state.
        foreach (var batch in run.Batches)
        {
            var json = ZkOptions.Settlement.Batches.BatchJson.Write(batch, run.Parameters);
            var read = ZkOptions.Settlement.Batches.BatchJson.Read(System.Text.Json.Nodes.JsonNode.Parse(json.ToJsonString())!, run.Parameters, $"batch-{batch.Number}.json");
            var shape = new SettlementShape(run.Parameters, batch.Transactions.Count);
            Assert.Equal(BatchWitness.Slots(batch, shape), BatchWitness.Slots(read, shape));
            Assert.Null(TestEngine.FirstFailure(new BatchCircuit(shape), BatchWitness.Build(read, shape)));
        }
    }
}
