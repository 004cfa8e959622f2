// SPDX-License-Identifier: MIT
namespace ZkOptions.Field.BabyJubjub;

/// <summary>
/// A point kept as an addend of <see cref="ExtendedPoint.Add(in ExtendedPoint, in PrecomputedPoint, out ExtendedPoint)"/>:
/// (X : Y : Z) with X + Y and d·T computed once, which saves a product and an addition each time it is added (the
/// entries of a variable-base window table are added dozens of times).
/// </summary>
internal readonly struct PrecomputedPoint
{
    public readonly Fr X, Y, Z, XPlusY, DT;

    private PrecomputedPoint(in Fr x, in Fr y, in Fr z, in Fr xPlusY, in Fr dt)
    {
        X = x; Y = y; Z = z; XPlusY = xPlusY; DT = dt;
    }

    public static PrecomputedPoint From(in ExtendedPoint p)
    {
        Fr.Add(in p.X, in p.Y, out Fr xPlusY);
        Fr d = BabyJubjub.D;
        ExtendedPoint.Mul(in p.T, in d, out Fr dt);
        return new PrecomputedPoint(in p.X, in p.Y, in p.Z, in xPlusY, in dt);
    }

    /// <summary>−p = (−X : Y : Z), so X + Y becomes Y − X and d·T becomes −d·T.</summary>
    public static PrecomputedPoint Negate(in PrecomputedPoint p)
    {
        Fr.Neg(in p.X, out Fr x);
        Fr.Sub(in p.Y, in p.X, out Fr xPlusY);
        Fr.Neg(in p.DT, out Fr dt);
        return new PrecomputedPoint(in x, in p.Y, in p.Z, in xPlusY, in dt);
    }
}
