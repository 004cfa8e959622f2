// SPDX-License-Identifier: MIT
using System.Runtime.CompilerServices;
using ZkOptions.Circuit;

namespace ZkOptions.Circuits.Settlement.Gadgets;

/// <summary>
/// Assertions that hold only while a rule is active (its transaction type is selected): each multiplies what it
/// checks by the selector, so an inactive slot passes whatever its unused witness holds. Every check opens a scope
/// named after the engine's rule (e.g. <c>order.prices-cross</c>), so the checker names the rule that failed.
/// </summary>
public readonly struct RuleCheck(Api api, Variable active)
{
    /// <summary>The selector these checks are conditioned on.</summary>
    public Variable Active => active;

    /// <summary>Asserts a = b when active.</summary>
    public void Equal(string rule, Variable a, Variable b, [CallerFilePath] string file = "", [CallerLineNumber] int line = 0)
    {
        using (api.Scope(rule))
        {
            api.AssertEqual(api.Mul(active, a - b, file, line), 0, file, line);
        }
    }

    /// <summary>Asserts a boolean is 1 when active.</summary>
    public void True(string rule, Variable condition, [CallerFilePath] string file = "", [CallerLineNumber] int line = 0) =>
        Equal(rule, condition, 1, file, line);

    /// <summary>Asserts a ≠ b when active.</summary>
    public void NotEqual(string rule, Variable a, Variable b, [CallerFilePath] string file = "", [CallerLineNumber] int line = 0) =>
        Equal(rule, api.IsEqual(a, b, file, line), 0, file, line);

    /// <summary>Asserts 0 ≤ x &lt; 2^bits when active (x is replaced by 0 otherwise).</summary>
    public void NonNegative(string rule, Variable x, int bits, [CallerFilePath] string file = "", [CallerLineNumber] int line = 0)
    {
        using (api.Scope(rule))
        {
            api.RangeCheck(api.Mul(active, x, file, line), bits, file, line);
        }
    }

    /// <summary>Asserts a ≤ b when active, both below 2^bits in absolute value.</summary>
    public void LessOrEqual(string rule, Variable a, Variable b, int bits, [CallerFilePath] string file = "", [CallerLineNumber] int line = 0) =>
        NonNegative(rule, b - a, bits + 1, file, line);

    /// <summary>Asserts a &lt; b when active.</summary>
    public void Less(string rule, Variable a, Variable b, int bits, [CallerFilePath] string file = "", [CallerLineNumber] int line = 0) =>
        NonNegative(rule, b - a - 1, bits + 1, file, line);
}
