// SPDX-License-Identifier: MIT
using System.Runtime.CompilerServices;
using ZkOptions.Field;

namespace ZkOptions.Circuit;

public sealed partial class Api
{
    // ---- Conditionals ----

    /// <summary>1 if a = 0, else 0. Two gates: m = a·inv with inv a hint, out = 1 − m, and a·out = 0.</summary>
    public Variable IsZero(Variable a, [CallerFilePath] string file = "", [CallerLineNumber] int line = 0) =>
        IsZeroCore(a, At("is a == 0", file, line, new Operand("a", a)));

    /// <summary>1 if a = b, else 0. Two gates.</summary>
    public Variable IsEqual(Variable a, Variable b, [CallerFilePath] string file = "", [CallerLineNumber] int line = 0) =>
        IsZeroCore(a - b, At("is a == b", file, line, new Operand("a", a), new Operand("b", b)));

    internal Variable IsZeroCore(Variable a, Site site)
    {
        if (a.IsConstant)
        {
            return a.Constant.IsZero ? Fr.One : Fr.Zero;
        }
        var inverse = HintCore("inverse or 0", [a], 1, static (inputs, outputs) => outputs[0] = InverseOrZero(inputs[0]), site)[0];
        // a ≠ 0: inv must be 1/a (else a·out ≠ 0), so out = 0; a = 0: m = 0 whatever inv is, so out = 1.
        Variable result = Fr.One - MulCore(a, inverse, site);
        AssertProduct(a, result, Fr.Zero, site);
        MarkBoolean(result);
        return result;
    }

    /// <summary>
    /// <paramref name="ifTrue"/> when <paramref name="condition"/> is 1, <paramref name="ifFalse"/> when it is 0;
    /// the condition is asserted boolean (free when already known). One gate for the product c·(a − b) (none when
    /// the condition is a constant), plus gates to collapse a − b when it spans several wires.
    /// </summary>
    public Variable Select(Variable condition, Variable ifTrue, Variable ifFalse, [CallerFilePath] string file = "", [CallerLineNumber] int line = 0)
    {
        var site = At("select(c, a, b)", file, line, new Operand("c", condition), new Operand("a", ifTrue), new Operand("b", ifFalse));
        AssertBooleanCore(condition, site);
        return SelectCore(condition, ifTrue, ifFalse, site);
    }

    internal Variable SelectCore(Variable condition, Variable ifTrue, Variable ifFalse, Site site)
    {
        if (condition.IsConstant)
        {
            return condition.Constant.IsZero ? ifFalse : ifTrue;
        }
        return ifFalse + MulCore(condition, ifTrue - ifFalse, site);
    }

    /// <summary>
    /// The 2-bit lookup y[b0 + 2·b1] with b0, b1 asserted boolean. With constant y it costs one gate (the product
    /// b0·b1) and the rest is linear; with variable y, three selects.
    /// </summary>
    public Variable Lookup2(Variable b0, Variable b1, Variable y0, Variable y1, Variable y2, Variable y3,
        [CallerFilePath] string file = "", [CallerLineNumber] int line = 0)
    {
        var site = At("lookup2(b0, b1, y0..y3)", file, line, new Operand("b0", b0), new Operand("b1", b1), new Operand("y0", y0), new Operand("y1", y1), new Operand("y2", y2), new Operand("y3", y3));
        AssertBooleanCore(b0, site);
        AssertBooleanCore(b1, site);
        return Lookup2Core(b0, b1, y0, y1, y2, y3, site);
    }

    internal Variable Lookup2Core(Variable b0, Variable b1, Variable y0, Variable y1, Variable y2, Variable y3, Site site)
    {
        if (y0.IsConstant && y1.IsConstant && y2.IsConstant && y3.IsConstant)
        {
            // y0 + b0(y1 − y0) + b1(y2 − y0) + b0·b1(y3 − y2 − y1 + y0)
            Fr cross = y3.Constant - y2.Constant - y1.Constant + y0.Constant;
            Variable result = y0 + b0 * (y1.Constant - y0.Constant) + b1 * (y2.Constant - y0.Constant);
            return cross.IsZero ? result : result + MulCore(b0, b1, site) * cross;
        }
        var low = SelectCore(b0, y1, y0, site);
        var high = SelectCore(b0, y3, y2, site);
        return SelectCore(b1, high, low, site);
    }
}
