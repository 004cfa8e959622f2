// SPDX-License-Identifier: MIT
using ZkOptions.Field;
using Jubjub = ZkOptions.Field.BabyJubjub.BabyJubjub;

namespace ZkOptions.Constraints.V2.Gates;

/// <summary>
/// The complete twisted Edwards addition law on BabyJubjub (a = 168700, d = 168696), in the two forms the Edwards
/// gates need: the sum itself, for the witness solver, and the multiplied-out residuals
/// x3·(1 + d·τ) − (x1·y2 + y1·x2) and y3·(1 − d·τ) − (y1·y2 − a·x1·x2), τ = x1·x2·y1·y2, for the identities. The
/// law is complete on the curve (a is a square, d is not), so neither denominator vanishes for points on it.
/// </summary>
public static class EdwardsAddition
{
    /// <summary>(x3, y3) = (x1, y1) + (x2, y2); a zero denominator (points off the curve) gives 0, as the DSL's division hints do.</summary>
    public static (Fr X, Fr Y) Add(in Fr x1, in Fr y1, in Fr x2, in Fr y2)
    {
        Fr tau = x1 * x2 * y1 * y2;
        Fr dTau = Jubjub.D * tau;
        Fr xDen = Fr.One + dTau, yDen = Fr.One - dTau;
        Fr x3 = xDen.IsZero ? Fr.Zero : (x1 * y2 + y1 * x2) * xDen.Inverse();
        Fr y3 = yDen.IsZero ? Fr.Zero : (y1 * y2 - Jubjub.A * x1 * x2) * yDen.Inverse();
        return (x3, y3);
    }

    /// <summary>The two residuals of (x3, y3) = (x1, y1) + (x2, y2), zero when the sum is right.</summary>
    public static (T X, T Y) Residuals<T>(in T x1, in T y1, in T x2, in T y2, in T x3, in T y3) where T : IFieldArithmetic<T>
    {
        T tau = x1 * x2 * y1 * y2;
        T dTau = T.Constant(Jubjub.D) * tau;
        T rx = x3 * (T.One + dTau) - (x1 * y2 + y1 * x2);
        T ry = y3 * (T.One - dTau) - (y1 * y2 - T.Constant(Jubjub.A) * x1 * x2);
        return (rx, ry);
    }

    /// <summary>
    /// The residuals of acc' = acc + bit·q for a bit that is 0 or 1, degree one more than the sum's:
    /// bit·(sum residual) + (1 − bit)·(acc' − acc).
    /// </summary>
    public static (T X, T Y) ConditionalResiduals<T>(in T bit, in T accX, in T accY, in T qx, in T qy, in T nextX, in T nextY)
        where T : IFieldArithmetic<T>
    {
        var (sx, sy) = Residuals(accX, accY, qx, qy, nextX, nextY);
        T keep = T.One - bit;
        return (bit * sx + keep * (nextX - accX), bit * sy + keep * (nextY - accY));
    }
}
