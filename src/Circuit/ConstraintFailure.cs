// SPDX-License-Identifier: MIT
namespace ZkOptions.Circuit;

/// <summary>
/// One failed constraint as the checker or the test engine reports it: where it comes from, which gate (when
/// compiled), and the values involved, e.g.
/// <c>Trade.cs:88 maker margin: assert MtM − Worst ≥ 0 failed: MtM = 5 …</c>.
/// </summary>
public sealed record ConstraintFailure(ConstraintOrigin Origin, int? Gate, string Values)
{
    public override string ToString() =>
        $"{Origin} failed{(Gate is int g ? $" (gate {g})" : "")}" + (Values.Length == 0 ? "" : $": {Values}");
}

/// <summary>Thrown by the test engine at the first assertion that its values break.</summary>
public sealed class ConstraintViolationException(ConstraintFailure failure) : Exception(failure.ToString())
{
    /// <summary>The failed assertion and its values.</summary>
    public ConstraintFailure Failure { get; } = failure;
}
