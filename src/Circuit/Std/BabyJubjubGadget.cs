// SPDX-License-Identifier: MIT
using System.Numerics;
using System.Runtime.CompilerServices;
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
