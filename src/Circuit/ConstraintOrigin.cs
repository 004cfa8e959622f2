// SPDX-License-Identifier: MIT
namespace ZkOptions.Circuit;

/// <summary>A value an operation was applied to, with the label a report shows it under ("a", "b", "bits").</summary>
public readonly record struct Operand(string Label, Variable Value);

/// <summary>
/// Where a constraint comes from: the scope path (<c>api.Scope</c> names, outermost first), the C# file and line of
/// the API call, the operation ("assert a == b", "range check x &lt; 2^64") and its operands. Every gate points at one.
/// </summary>
public sealed record ConstraintOrigin(string Scope, string File, int Line, string Operation, IReadOnlyList<Operand> Operands)
{
    /// <summary>"Trade.cs:88".</summary>
    public string Location => $"{System.IO.Path.GetFileName(File)}:{Line}";

    /// <summary>"Trade.cs:88 maker margin: assert a == b".</summary>
    public override string ToString() => Scope.Length == 0 ? $"{Location} {Operation}" : $"{Location} {Scope}: {Operation}";
}
