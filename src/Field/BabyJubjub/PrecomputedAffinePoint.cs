// SPDX-License-Identifier: MIT
namespace ZkOptions.Field.BabyJubjub;

/// <summary>
/// An affine point kept as an addend of
/// <see cref="ExtendedPoint.Add(in ExtendedPoint, in PrecomputedAffinePoint, out ExtendedPoint)"/>: (x, y) with
/// x + y and d·x·y computed once. Z = 1 saves one more product than <see cref="PrecomputedPoint"/>; the fixed-base
/// table of Base8 is made of these.
/// </summary>
internal readonly struct PrecomputedAffinePoint
{
    public readonly Fr X, Y, XPlusY, DXY;

    private PrecomputedAffinePoint(in Fr x, in Fr y, in Fr xPlusY, in Fr dxy)
    {
        X = x; Y = y; XPlusY = xPlusY; DXY = dxy;
    }

    public static PrecomputedAffinePoint FromAffine(in Fr x, in Fr y)
    {
        Fr.Add(in x, in y, out Fr xPlusY);
        ExtendedPoint.Mul(in x, in y, out Fr xy);
        Fr d = BabyJubjub.D;
        ExtendedPoint.Mul(in xy, in d, out Fr dxy);
        return new PrecomputedAffinePoint(in x, in y, in xPlusY, in dxy);
    }

    /// <summary>−p = (−x, y), so x + y becomes y − x and d·x·y changes sign.</summary>
    public static PrecomputedAffinePoint Negate(in PrecomputedAffinePoint p)
    {
        Fr.Neg(in p.X, out Fr x);
        Fr.Sub(in p.Y, in p.X, out Fr xPlusY);
        Fr.Neg(in p.DXY, out Fr dxy);
        return new PrecomputedAffinePoint(in x, in p.Y, in xPlusY, in dxy);
    }
}
