// SPDX-License-Identifier: MIT
using ZkOptions.Circuit.Compiler;
using ZkOptions.Cli.Output;
using ZkOptions.Circuits.Settlement;
using ZkOptions.Circuits.Settlement.Witness;
using ZkOptions.Prover.Formats;
using ZkOptions.Settlement.Batches;
using ZkOptions.Settlement.Parameters;

namespace ZkOptions.Cli.Commands;

/// <summary>
/// <c>prove --batch</c>: reads a settlement batch file, finds the batch-N circuit the proving key was made for, and
/// solves and checks the batch's witness in it before any proving work.
/// </summary>
internal static class BatchProving
{
    /// <summary>The batch's witness, checked: the values, or the failed rules when the batch does not satisfy the circuit.</summary>
    public static CheckedWitness SolveChecked(string batchPath, ExchangeParameters parameters, string? circuitName, PlonkZkeyHeader key, string zkeyPath, CommandRun run)
    {
        run.Progress.Phase($"reading and validating {Path.GetFileName(batchPath)}");
        Batch batch = BatchJson.ReadFile(batchPath, parameters);
        try
        {
            // A hostile file can break a rule in a way no slot can hold; refuse it naming the rule, before any key work.
            WitnessPreconditions.Check(batch, parameters);
        }
        catch (BatchRuleException e)
        {
            return CheckedWitness.Unsatisfied($"{batchPath}: {e.Message}", []);
        }
        run.Progress.Phase(circuitName is null ? "finding the batch-N circuit of the key" : $"compiling {circuitName}");
        CompiledCircuit circuit = circuitName is null ? CircuitFor(key, parameters, zkeyPath) : CircuitOptions.Compile(circuitName, parameters);
        if (circuit.GateCount != key.NConstraints)
        {
            throw new InputFileException(zkeyPath, $"is for a circuit of {key.NConstraints} gates, but {circuit.Name} has {circuit.GateCount} under these parameters; " +
                                                   "was the key made for another batch size or other --parameters?");
        }
        var shape = new SettlementShape(parameters, CircuitOptions.BatchSlots(circuit.Name)!.Value);
        if (!BatchCircuitSize.Fits(batch, shape))
        {
            throw new InputFileException(batchPath, $"batch {batch.Number} has {Counted.Of(batch.Transactions.Count, "transaction")}, but the key is for {circuit.Name} " +
                                                    $"({Counted.Of(shape.Slots, "slot")}); run the simulator with --max-batch {shape.Slots}, or make a key for a larger batch");
        }
        run.Progress.Phase($"solving and checking the witness of batch {batch.Number}");
        var witness = circuit.Solve(BatchWitness.Build(batch, shape));
        var failures = circuit.Check(witness, maxFailures: 10);
        return failures.Count == 0
            ? CheckedWitness.Satisfied(witness)
            : CheckedWitness.Unsatisfied($"batch {batch.Number} ({batchPath}) does not satisfy {circuit.Name}", failures);
    }

    /// <summary>
    /// The batch-N circuit whose gate count is the key's. Gate counts grow by about one slot's worth per slot, so N
    /// is estimated from batch-1 and confirmed by compiling it (and its neighbours, for the small per-batch overhead).
    /// </summary>
    private static CompiledCircuit CircuitFor(PlonkZkeyHeader key, ExchangeParameters parameters, string zkeyPath)
    {
        CompiledCircuit one = CircuitOptions.Compile("batch-1", parameters);
        if (one.GateCount == key.NConstraints)
        {
            return one;
        }
        int estimate = (int)Math.Round((double)key.NConstraints / one.GateCount);
        foreach (int n in new[] { estimate, estimate - 1, estimate + 1 }.Where(n => n > 1 && n <= CircuitOptions.MaxBatchSlots))
        {
            CompiledCircuit candidate = CircuitOptions.Compile($"batch-{n}", parameters);
            if (candidate.GateCount == key.NConstraints)
            {
                return candidate;
            }
        }
        throw new InputFileException(zkeyPath, $"is for a circuit of {key.NConstraints} gates, which is no batch-N circuit under these parameters " +
                                               $"(batch-1 has {one.GateCount}); give --circuit batch-N, or check --parameters");
    }
}
