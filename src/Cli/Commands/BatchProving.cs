// SPDX-License-Identifier: MIT
using ZkOptions.Circuit.Compiler;
using ZkOptions.Cli.Output;
using ZkOptions.Circuits.Settlement;
using ZkOptions.Circuits.Settlement.Witness;
using ZkOptions.Constraints;
using ZkOptions.Prover.Formats;
using ZkOptions.Settlement.Batches;
using ZkOptions.Settlement.Parameters;

namespace ZkOptions.Cli.Commands;

/// <summary>
/// <c>prove --batch</c>: reads a settlement batch file, finds the batch-N circuit the proving key was made for, and
/// solves and checks the batch's witness in it before any proving work. A v1 key (.zkey) identifies its circuit by
/// its gate count; a v2 key, which does not store its row count, by its wire count, and its public-input count and
/// domain must then match too.
/// </summary>
internal static class BatchProving
{
    /// <summary>The batch's witness, checked: the values, or the failed rules when the batch does not satisfy the circuit.</summary>
    public static CheckedWitness SolveChecked(string batchPath, ExchangeParameters parameters, string? circuitName, BatchKey key, CommandRun run)
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
        CompiledCircuit circuit = circuitName is null ? CircuitFor(key, parameters) : CircuitOptions.Compile(circuitName, parameters, key.System);
        if (key.SizeOf(circuit) != key.Size)
        {
            throw new InputFileException(key.Path, $"is for a {(key.System == ProofSystem.V2 ? "v2 " : "")}circuit of {Counted.Of(key.Size, key.Unit)}, but {circuit.Name} has {key.SizeOf(circuit)} " +
                                                   $"under these parameters; was the key made for another batch size or other --parameters? (batch file {batchPath})");
        }
        key.Require?.Invoke(circuit, $"the circuit of batch file {batchPath}");
        var shape = new SettlementShape(parameters, CircuitOptions.BatchLayoutOf(circuit.Name)!);
        if (!BatchCircuitSize.Fits(batch, shape))
        {
            throw new InputFileException(batchPath, shape.Layout.TradeSlots == 0
                ? $"batch {batch.Number} has {Counted.Of(batch.Transactions.Count, "transaction")}, but the key is for {circuit.Name} " +
                  $"({Counted.Of(shape.Slots, "slot")}); run the simulator with --max-batch {shape.Slots}, or make a key for a larger batch"
                : $"batch {batch.Number}'s {Counted.Of(batch.Transactions.Count, "transaction")} do not fit {circuit.Name} in order " +
                  $"({Counted.Of(shape.Layout.TradeSlots, "trade slot")}, {Counted.Of(shape.Layout.GeneralSlots, "general slot")}: anything but a trade needs a general slot); " +
                  $"run the simulator with --layout {circuit.Name}, or make a key for a larger batch");
        }
        run.Progress.Phase($"solving and checking the witness of batch {batch.Number}");
        var witness = circuit.Solve(BatchWitness.Build(batch, shape));
        var failures = circuit.Check(witness, maxFailures: 10);
        return (failures.Count == 0
            ? CheckedWitness.Satisfied(witness)
            : CheckedWitness.Unsatisfied($"batch {batch.Number} ({batchPath}) does not satisfy {circuit.Name}", failures)) with { Circuit = circuit };
    }

    /// <summary>
    /// The batch-N circuit whose size (gates for v1, wires for v2) is the key's. Sizes grow by about one slot's worth
    /// per slot, so N is estimated from batch-1 and confirmed by compiling it (and its neighbours, for the small
    /// per-batch overhead).
    /// </summary>
    private static CompiledCircuit CircuitFor(BatchKey key, ExchangeParameters parameters)
    {
        CompiledCircuit one = CircuitOptions.Compile("batch-1", parameters, key.System);
        if (key.SizeOf(one) == key.Size)
        {
            return one;
        }
        int estimate = (int)Math.Round((double)key.Size / key.SizeOf(one));
        foreach (int n in new[] { estimate, estimate - 1, estimate + 1 }.Where(n => n > 1 && n <= CircuitOptions.MaxBatchSlots))
        {
            CompiledCircuit candidate = CircuitOptions.Compile($"batch-{n}", parameters, key.System);
            if (key.SizeOf(candidate) == key.Size)
            {
                return candidate;
            }
        }
        throw new InputFileException(key.Path, $"is for a {(key.System == ProofSystem.V2 ? "v2 " : "")}circuit of {Counted.Of(key.Size, key.Unit)}, which is no batch-N circuit under these parameters " +
                                               $"(batch-1 has {key.SizeOf(one)}); give --circuit batch-N or batch-T-G (trade slots), or check --parameters");
    }
}

/// <summary>
/// The proving key a batch is proved with, as far as finding its circuit goes: its file, its proof system, its size
/// (gates of a v1 .zkey; wires of a v2 key) and, for v2, the check of the rest of its shape against the circuit.
/// </summary>
internal sealed record BatchKey(string Path, ProofSystem System, int Size, Action<CompiledCircuit, string>? Require)
{
    /// <summary>What <see cref="Size"/> counts.</summary>
    public string Unit => System == ProofSystem.V1 ? "gate" : "wire";

    /// <summary>The circuit's size in the key's unit.</summary>
    public int SizeOf(CompiledCircuit circuit) => System == ProofSystem.V1 ? circuit.GateCount : circuit.WireCount;
}
