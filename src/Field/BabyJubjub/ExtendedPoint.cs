// SPDX-License-Identifier: MIT
namespace ZkOptions.Field.BabyJubjub;

/// <summary>
/// A BabyJubjub point in extended twisted Edwards coordinates (X : Y : T : Z) with x = X/Z, y = Y/Z, x·y = T/Z
/// (Hisil, Wong, Carter, Dawson, "Twisted Edwards Curves Revisited", 2008), so that sums and scalar
/// multiplications need no inversion until the end.
/// </summary>
/// <remarks>
/// The addition (add-2008-hwcd) is complete on BabyJubjub because a is a square and d is not in Fr (checked in the
/// tests): it is correct for all pairs of curve points, doubling and the identity included, and Z never becomes 0.
/// </remarks>
internal readonly struct ExtendedPoint
{
    public readonly Fr X, Y, T, Z;

    private ExtendedPoint(in Fr x, in Fr y, in Fr t, in Fr z)
    {
        X = x; Y = y; T = t; Z = z;
    }

    public static ExtendedPoint Identity => new(Fr.Zero, Fr.One, Fr.Zero, Fr.One);

    public static ExtendedPoint FromAffine(in BabyJubjubPoint p)
    {
        Fr.Mul(in p.X, in p.Y, out Fr t);
        return new ExtendedPoint(in p.X, in p.Y, in t, Fr.One);
    }

    public BabyJubjubPoint ToAffine()
    {
        Fr zInv = Z.Inverse(); // Z ≠ 0 for curve points (complete formulas)
        Fr.Mul(in X, in zInv, out Fr x);
        Fr.Mul(in Y, in zInv, out Fr y);
        return new BabyJubjubPoint(x, y);
    }

    /// <summary>p + q (add-2008-hwcd, general a).</summary>
    public static void Add(in ExtendedPoint p, in ExtendedPoint q, out ExtendedPoint r)
    {
        Fr a = BabyJubjub.A;
        Fr d = BabyJubjub.D;
        Fr.Mul(in p.X, in q.X, out Fr aa);          // A = X1·X2
        Fr.Mul(in p.Y, in q.Y, out Fr bb);          // B = Y1·Y2
        Fr.Mul(in p.T, in q.T, out Fr cc);
        Fr.Mul(in cc, in d, out cc);                // C = d·T1·T2
        Fr.Mul(in p.Z, in q.Z, out Fr dd);          // D = Z1·Z2
        Fr.Add(in p.X, in p.Y, out Fr s1);
        Fr.Add(in q.X, in q.Y, out Fr s2);
        Fr.Mul(in s1, in s2, out Fr e);
        Fr.Sub(in e, in aa, out e);
        Fr.Sub(in e, in bb, out e);                 // E = (X1+Y1)(X2+Y2) − A − B
        Fr.Sub(in dd, in cc, out Fr f);             // F = D − C
        Fr.Add(in dd, in cc, out Fr g);             // G = D + C
        Fr.Mul(in a, in aa, out Fr aA);
        Fr.Sub(in bb, in aA, out Fr h);             // H = B − a·A
        Fr.Mul(in e, in f, out Fr x3);
        Fr.Mul(in g, in h, out Fr y3);
        Fr.Mul(in e, in h, out Fr t3);
        Fr.Mul(in f, in g, out Fr z3);
        r = new ExtendedPoint(in x3, in y3, in t3, in z3);
    }

    /// <summary>2p (dbl-2008-hwcd, general a).</summary>
    public static void Double(in ExtendedPoint p, out ExtendedPoint r)
    {
        Fr a = BabyJubjub.A;
        Fr.Square(in p.X, out Fr aa);               // A = X²
        Fr.Square(in p.Y, out Fr bb);               // B = Y²
        Fr.Square(in p.Z, out Fr cc);
        Fr.Double(in cc, out cc);                   // C = 2Z²
        Fr.Mul(in a, in aa, out Fr dd);             // D = a·A
        Fr.Add(in p.X, in p.Y, out Fr e);
        Fr.Square(in e, out e);
        Fr.Sub(in e, in aa, out e);
        Fr.Sub(in e, in bb, out e);                 // E = (X+Y)² − A − B
        Fr.Add(in dd, in bb, out Fr g);             // G = D + B
        Fr.Sub(in g, in cc, out Fr f);              // F = G − C
        Fr.Sub(in dd, in bb, out Fr h);             // H = D − B
        Fr.Mul(in e, in f, out Fr x3);
        Fr.Mul(in g, in h, out Fr y3);
        Fr.Mul(in e, in h, out Fr t3);
        Fr.Mul(in f, in g, out Fr z3);
        r = new ExtendedPoint(in x3, in y3, in t3, in z3);
    }
}
