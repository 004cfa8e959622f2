// SPDX-License-Identifier: MIT
using ZkOptions.Circuit;
using ZkOptions.Circuit.Compiler;
using ZkOptions.Field;

namespace ZkOptions.Cli.Commands;

/// <summary>
/// A witness that was checked against its circuit before proving: the values when every constraint holds, or the
/// reason and the failed constraints when not (prove then exits 1 and writes nothing).
/// </summary>
internal sealed record CheckedWitness(Fr[]? Witness, string? Rejection, IReadOnlyList<ConstraintFailure> Failures)
{
    /// <summary>The compiled circuit the witness was checked against, when it came from one (not for a .wtns).</summary>
    public CompiledCircuit? Circuit { get; init; }

    public static CheckedWitness Satisfied(Fr[] witness) => new(witness, null, []);

    public static CheckedWitness Unsatisfied(string reason, IReadOnlyList<ConstraintFailure> failures) => new(null, reason, failures);
}
