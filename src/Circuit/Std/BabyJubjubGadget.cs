// SPDX-License-Identifier: MIT
using System.Numerics;
using System.Runtime.CompilerServices;
using ZkOptions.Constraints;
using ZkOptions.Constraints.V2;
using ZkOptions.Constraints.V2.Gates;
using ZkOptions.Field;
using Jubjub = ZkOptions.Field.BabyJubjub.BabyJubjub;
using JubjubPoint = ZkOptions.Field.BabyJubjub.BabyJubjubPoint;

namespace ZkOptions.Circuit.Std;

/// <summary>A BabyJubjub point in circuit (affine twisted Edwards coordinates).</summary>
public readonly record struct PointVar(Variable X, Variable Y)
{
    /// <summary>The neutral element (0, 1).</summary>
    public static PointVar Identity => new(0, 1);

    /// <summary>A constant point.</summary>
    public static PointVar Constant(in JubjubPoint p) => new(new Variable(p.X), new Variable(p.Y));

    internal bool IsConstant => X.IsConstant && Y.IsConstant;

    internal JubjubPoint ConstantValue => new(X.ConstantValue, Y.ConstantValue);
}

/// <summary>
/// BabyJubjub (a·x² + y² = 1 + d·x²·y², a = 168700, d = 168696, circomlib's curve) in circuit, with the complete
/// twisted Edwards addition law, so one formula serves every pair of points (doubling and the identity included)
/// and no exceptional case needs a branch. Divisions are hints bound by one product constraint each.
/// Costs: add 9 gates, double 7, on-curve check 4, fixed-base scalar multiplication about 7 per bit,
/// variable-base about 18 per bit.
/// </summary>
public static class BabyJubjubGadget
{
    private static readonly Fr A = Jubjub.A, D = Jubjub.D;

    /// <summary>p + q.</summary>
    public static PointVar Add(Api api, PointVar p, PointVar q, [CallerFilePath] string file = "", [CallerLineNumber] int line = 0)
    {
        if (p.IsConstant && q.IsConstant)
        {
            return PointVar.Constant(Jubjub.Add(p.ConstantValue, q.ConstantValue));
        }
        using (api.Scope("babyjubjub add"))
        {
            var site = api.At("(x3, y3) = (x1, y1) + (x2, y2)", file, line,
                new Operand("x1", p.X), new Operand("y1", p.Y), new Operand("x2", q.X), new Operand("y2", q.Y));
            var u = api.MulCore(p.X, q.Y, site);
            var v = api.MulCore(p.Y, q.X, site);
            var w = api.MulCore(p.X, q.X, site);
            var z = api.MulCore(p.Y, q.Y, site);
            var tau = api.MulCore(w, z, site);
            // x3 = (x1y2 + y1x2) / (1 + d·τ), y3 = (y1y2 − a·x1x2) / (1 − d·τ), τ = x1x2y1y2.
            return Divide(api, site, u + v, z - w * A, tau);
        }
    }

    /// <summary>2·p (the addition law with p = q: 7 gates).</summary>
    public static PointVar Double(Api api, PointVar p, [CallerFilePath] string file = "", [CallerLineNumber] int line = 0)
    {
        if (p.IsConstant)
        {
            return PointVar.Constant(Jubjub.Double(p.ConstantValue));
        }
        using (api.Scope("babyjubjub double"))
        {
            var site = api.At("(x3, y3) = 2·(x, y)", file, line, new Operand("x", p.X), new Operand("y", p.Y));
            var u = api.MulCore(p.X, p.Y, site);
            var w = api.MulCore(p.X, p.X, site);
            var z = api.MulCore(p.Y, p.Y, site);
            var tau = api.MulCore(w, z, site);
            return Divide(api, site, u * 2, z - w * A, tau);
        }
    }

    /// <summary>Asserts a·x² + y² = 1 + d·x²·y².</summary>
    public static void AssertOnCurve(Api api, PointVar p, [CallerFilePath] string file = "", [CallerLineNumber] int line = 0)
    {
        using (api.Scope("babyjubjub on curve"))
        {
            var site = api.At("a·x² + y² = 1 + d·x²·y²", file, line, new Operand("x", p.X), new Operand("y", p.Y));
            var x2 = api.MulCore(p.X, p.X, site);
            var y2 = api.MulCore(p.Y, p.Y, site);
            api.AssertProduct(x2, y2 * D, x2 * A + y2 - 1, site);
        }
    }

    /// <summary>The point if bit = 1, the identity if bit = 0 (bit must already be boolean). Two gates.</summary>
    public static PointVar SelectOrIdentity(Api api, Variable bit, PointVar p) =>
        new(api.Mul(bit, p.X), 1 + api.Mul(bit, p.Y - 1));

    /// <summary>
    /// k·p for a variable point p and k given by its bits (least significant first, each boolean): double and add
    /// from the top bit, adding p or the identity. About 18 gates per bit.
    /// </summary>
    public static PointVar ScalarMulVariableBase(Api api, ReadOnlySpan<Variable> bits, PointVar p)
    {
        using (api.Scope("babyjubjub variable-base mul"))
        {
            if (api.TargetSystem == ProofSystem.V2 && !(p.IsConstant && AllConstant(bits)))
            {
                return LadderInRows(api, bits, p);
            }
            var result = PointVar.Identity;
            for (int i = bits.Length - 1; i >= 0; i--)
            {
                result = Double(api, result);
                var addend = SelectOrIdentity(api, bits[i], p);
                result = result.IsConstant && result.ConstantValue.IsIdentity ? addend : Add(api, result, addend);
            }
            return result;
        }
    }

    /// <summary>
    /// k·B for a constant point B and k given by its bits (least significant first, each boolean): two bits at a
    /// time, each window's point read from a constant table of {0, 1, 2, 3}·4^i·B with one product b0·b1, then added.
    /// About 7 gates per bit.
    /// </summary>
    public static PointVar ScalarMulFixedBase(Api api, ReadOnlySpan<Variable> bits, JubjubPoint basePoint)
    {
        using (api.Scope("babyjubjub fixed-base mul"))
        {
            if (api.TargetSystem == ProofSystem.V2 && !AllConstant(bits))
            {
                return FixedBaseInRows(api, bits, basePoint);
            }
            var site = api.At("fixed-base window", "", 0);
            PointVar? result = null;
            var power = basePoint; // 4^i·B
            for (int i = 0; i < bits.Length; i += 2)
            {
                var p1 = power;
                var p2 = Jubjub.Double(power);
                var p3 = Jubjub.Add(p2, power);
                Variable b0 = bits[i], b1 = i + 1 < bits.Length ? bits[i + 1] : 0;
                var window = new PointVar(
                    api.Lookup2Core(b0, b1, 0, p1.X, p2.X, p3.X, site),
                    api.Lookup2Core(b0, b1, 1, p1.Y, p2.Y, p3.Y, site));
                result = result is null ? window : Add(api, result.Value, window);
                power = Jubjub.Double(p2);
            }
            return result ?? PointVar.Identity;
        }
    }

    private static bool AllConstant(ReadOnlySpan<Variable> bits)
    {
        foreach (var b in bits)
        {
            if (!b.IsConstant)
            {
                return false;
            }
        }
        return true;
    }

    /// <summary>
    /// v2: one <see cref="EdwardsLadderStepGate"/> row per bit, least significant first (2^i·P and the accumulator
    /// advance together), and a row holding the result; the solver runs the gate's own step.
    /// </summary>
    private static PointVar LadderInRows(Api api, ReadOnlySpan<Variable> bits, PointVar p)
    {
        var site = api.At("variable-base step", "", 0, new Operand("x", p.X), new Operand("y", p.Y));
        int n = bits.Length;
        if (n == 0)
        {
            return PointVar.Identity;
        }
        int px = api.Materialize(p.X, site), py = api.Materialize(p.Y, site);
        int zero = api.Materialize(new Variable(Fr.Zero), site);
        var bitWires = new int[n];
        for (int i = 0; i < n; i++)
        {
            bitWires[i] = api.Materialize(bits[i], site);
        }
        Variable[] inputs = [Variable.FromWire(px), Variable.FromWire(py), .. bitWires.Select(Variable.FromWire)];
        var steps = api.HintCore("babyjubjub ladder", inputs, 4 * n, (values, outputs) =>
        {
            Span<Fr> cells = [values[0], values[1], Fr.Zero, Fr.One, Fr.Zero];
            for (int i = 0; i < n; i++)
            {
                cells[4] = values[2 + i];
                var next = outputs.Slice(4 * i, 4);
                EdwardsLadderStepGate.Step(cells, next);
                next.CopyTo(cells);
            }
        }, site);
        int Wire(int step, int cell) => step == 0 ? cell switch { 0 => px, 1 => py, 2 => zero, _ => 0 } : WireOf(steps[4 * (step - 1) + cell]);
        for (int i = 0; i <= n; i++)
        {
            var row = new WideRow { Gate = i < n ? GateKind.EdwardsLadderStep : GateKind.None };
            for (int c = 0; c < 4; c++)
            {
                row.Wires[c] = (uint)Wire(i, c);
            }
            row.Wires[4] = (uint)(i < n ? bitWires[i] : 0);
            api.AddRow(row, site);
        }
        return new PointVar(steps[4 * n - 2], steps[4 * n - 1]);
    }

    /// <summary>
    /// v2: one <see cref="EdwardsFixedBaseStepGate"/> row per bit, the constant 2^i·B in the row's coefficients, and a
    /// row holding the result.
    /// </summary>
    private static PointVar FixedBaseInRows(Api api, ReadOnlySpan<Variable> bits, JubjubPoint basePoint)
    {
        var site = api.At("fixed-base step", "", 0);
        int n = bits.Length;
        if (n == 0)
        {
            return PointVar.Identity;
        }
        int zero = api.Materialize(new Variable(Fr.Zero), site);
        var bitWires = new int[n];
        var powers = new JubjubPoint[n];
        var power = basePoint;
        for (int i = 0; i < n; i++)
        {
            bitWires[i] = api.Materialize(bits[i], site);
            powers[i] = power;
            power = Jubjub.Double(power);
        }
        var steps = api.HintCore("babyjubjub fixed-base", [.. bitWires.Select(Variable.FromWire)], 2 * n, (values, outputs) =>
        {
            Fr x = Fr.Zero, y = Fr.One;
            for (int i = 0; i < n; i++)
            {
                (x, y) = EdwardsFixedBaseStepGate.Step(x, y, values[i], powers[i].X, powers[i].Y);
                outputs[2 * i] = x;
                outputs[2 * i + 1] = y;
            }
        }, site);
        for (int i = 0; i <= n; i++)
        {
            var row = new WideRow { Gate = i < n ? GateKind.EdwardsFixedBaseStep : GateKind.None };
            row.Wires[0] = (uint)(i == 0 ? zero : WireOf(steps[2 * (i - 1)]));
            row.Wires[1] = (uint)(i == 0 ? 0 : WireOf(steps[2 * (i - 1) + 1]));
            if (i < n)
            {
                row.Wires[2] = (uint)bitWires[i];
                row.Coefficients[(int)Coefficient.Q0] = powers[i].X;
                row.Coefficients[(int)Coefficient.Q1] = powers[i].Y;
            }
            api.AddRow(row, site);
        }
        return new PointVar(steps[2 * n - 2], steps[2 * n - 1]);
    }

    private static int WireOf(Variable hintOutput) =>
        hintOutput.IsSingleWire(out int wire) ? wire : throw new InvalidOperationException("a hint output is one wire");

    /// <summary>x3·(1 + d·τ) = xNum and y3·(1 − d·τ) = yNum, with x3, y3 from a hint.</summary>
    private static PointVar Divide(Api api, Api.Site site, Variable xNumerator, Variable yNumerator, Variable tau)
    {
        var quotients = api.HintCore("babyjubjub division", [xNumerator, yNumerator, tau], 2, static (inputs, outputs) =>
        {
            Fr dTau = D * inputs[2];
            outputs[0] = inputs[0] * Api.InverseOrZero(Fr.One + dTau);
            outputs[1] = inputs[1] * Api.InverseOrZero(Fr.One - dTau);
        }, site);
        api.AssertProduct(quotients[0], 1 + tau * D, xNumerator, site);
        api.AssertProduct(quotients[1], 1 - tau * D, yNumerator, site);
        return new PointVar(quotients[0], quotients[1]);
    }
}
