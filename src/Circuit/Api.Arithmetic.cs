// SPDX-License-Identifier: MIT
using System.Runtime.CompilerServices;
using ZkOptions.Field;

namespace ZkOptions.Circuit;

public sealed partial class Api
{
    // ---- Arithmetic. Linear operations are free: they only build the symbolic combination. ----

    /// <summary>a + b + …; no gates.</summary>
    public Variable Add(Variable a, Variable b, params ReadOnlySpan<Variable> more)
    {
        var sum = a + b;
        foreach (var v in more)
        {
            sum += v;
        }
        return sum;
    }

    /// <summary>a − b − …; no gates.</summary>
    public Variable Sub(Variable a, Variable b, params ReadOnlySpan<Variable> more)
    {
        var difference = a - b;
        foreach (var v in more)
        {
            difference -= v;
        }
        return difference;
    }

    /// <summary>−a; no gates.</summary>
    public Variable Neg(Variable a) => -a;

    /// <summary>a·b: one gate (plus gates to collapse an operand that is a sum of several wires); free when either is a constant.</summary>
    public Variable Mul(Variable a, Variable b, [CallerFilePath] string file = "", [CallerLineNumber] int line = 0) =>
        MulCore(a, b, At("a · b", file, line, new Operand("a", a), new Operand("b", b)));

    /// <summary>
    /// a / b for b ≠ 0. The constraint b·q = a binds the quotient, and b ≠ 0 is asserted, so a witness with b = 0
    /// fails here (not silently: 0/0 would otherwise admit any q). Two gates.
    /// </summary>
    public Variable Div(Variable a, Variable b, [CallerFilePath] string file = "", [CallerLineNumber] int line = 0)
    {
        var site = At("a / b (b ≠ 0)", file, line, new Operand("a", a), new Operand("b", b));
        if (b.IsConstant)
        {
            if (b.Constant.IsZero)
            {
                Violated(site);
            }
            return a.Scale(b.Constant.Inverse());
        }
        var inverse = InverseCore(b, site);
        return MulCore(a, inverse, site);
    }

    /// <summary>1/a for a ≠ 0: a hint gives the inverse and one gate checks a·inv = 1 (which also proves a ≠ 0).</summary>
    public Variable Inverse(Variable a, [CallerFilePath] string file = "", [CallerLineNumber] int line = 0) =>
        InverseCore(a, At("1 / a (a ≠ 0)", file, line, new Operand("a", a)));

    private Variable InverseCore(Variable a, Site site)
    {
        if (a.IsConstant)
        {
            if (a.Constant.IsZero)
            {
                Violated(site);
            }
            return new Variable(a.Constant.Inverse());
        }
        var inverse = HintCore("inverse", [a], 1, static (inputs, outputs) => outputs[0] = InverseOrZero(inputs[0]), site)[0];
        AssertProduct(a, inverse, Fr.One, site);
        return inverse;
    }

    internal static Fr InverseOrZero(Fr x) => x.IsZero ? Fr.Zero : x.Inverse();
}
