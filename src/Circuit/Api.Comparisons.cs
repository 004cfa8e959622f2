// SPDX-License-Identifier: MIT
using System.Runtime.CompilerServices;
using ZkOptions.Constraints;
using ZkOptions.Field;

namespace ZkOptions.Circuit;

public sealed partial class Api
{
    // ---- Comparisons: only on range-checked values (see Bounded) ----

    /// <summary>1 if a &lt; b, else 0. With n the wider of the two widths: a − b + 2^n is split into n + 1 bits and the top bit read. About 2n gates.</summary>
    public Variable IsLess(Bounded a, Bounded b, [CallerFilePath] string file = "", [CallerLineNumber] int line = 0) =>
        IsLessCore(a, b, At("is a < b", file, line, new Operand("a", a.Value), new Operand("b", b.Value)));

    /// <summary>1 if a ≤ b, else 0. About 2n gates.</summary>
    public Variable IsLessOrEqual(Bounded a, Bounded b, [CallerFilePath] string file = "", [CallerLineNumber] int line = 0) =>
        Fr.One - IsLessCore(b, a, At("is a ≤ b", file, line, new Operand("a", a.Value), new Operand("b", b.Value)));

    /// <summary>Asserts a ≤ b by range-checking b − a to the wider width. About 2n gates.</summary>
    public void AssertLessOrEqual(Bounded a, Bounded b, [CallerFilePath] string file = "", [CallerLineNumber] int line = 0) =>
        RangeCheckCore(b.Value - a.Value, Math.Max(a.Bits, b.Bits), At("assert a ≤ b", file, line, new Operand("a", a.Value), new Operand("b", b.Value)));

    /// <summary>Asserts a &lt; b by range-checking b − a − 1 to the wider width. About 2n gates.</summary>
    public void AssertLess(Bounded a, Bounded b, [CallerFilePath] string file = "", [CallerLineNumber] int line = 0) =>
        RangeCheckCore(b.Value - a.Value - Fr.One, Math.Max(a.Bits, b.Bits), At("assert a < b", file, line, new Operand("a", a.Value), new Operand("b", b.Value)));

    private Variable IsLessCore(Bounded a, Bounded b, Site site)
    {
        int n = Math.Max(a.Bits, b.Bits);
        // a, b ∈ [0, 2^n): t = a − b + 2^n ∈ [1, 2^(n+1)), and t < 2^n exactly when a < b.
        Fr power = Fr.FromBigInteger(System.Numerics.BigInteger.One << n);
        var t = a.Value - b.Value + power;
        Variable top;
        if (TargetSystem == ProofSystem.V2 && !t.IsConstant)
        {
            // v2: the top bit from a hint, asserted boolean, and the rest range-checked (a lookup, not n bits).
            top = HintCore("top bit", [t], 1, (inputs, outputs) =>
                outputs[0] = (inputs[0].ToBigInteger() >> n & 1) == 1 ? Fr.One : Fr.Zero, site)[0];
            AssertBooleanCore(top, site);
            RangeCheckCore(t - top * power, n, site);
        }
        else
        {
            top = ToBitsCore(t, n + 1, site)[n];
        }
        Variable result = Fr.One - top;
        MarkBoolean(result);
        return result;
    }
}
