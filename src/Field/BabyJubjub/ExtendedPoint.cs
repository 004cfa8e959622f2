// SPDX-License-Identifier: MIT
using System.Runtime.CompilerServices;
using ZkOptions.Field.Primitives;

namespace ZkOptions.Field.BabyJubjub;

/// <summary>
/// A BabyJubjub point in extended twisted Edwards coordinates (X : Y : T : Z) with x = X/Z, y = Y/Z, x·y = T/Z
/// (Hisil, Wong, Carter, Dawson, "Twisted Edwards Curves Revisited", 2008), so that sums and scalar
/// multiplications need no inversion until the end, and comparisons need none at all.
/// </summary>
/// <remarks>
/// <para>The additions (add-2008-hwcd for general a, and its forms with a precomputed addend) are complete on
/// BabyJubjub because a is a square and d is not in Fr (checked in the tests): they are correct for all pairs of curve
/// points, doubling and the identity included, and Z never becomes 0. The doubling is dbl-2008-hwcd, which never
/// reads T.</para>
/// <para>The formulas and the multiplications built on them are compiled optimised from the first call
/// (AggressiveOptimization): they are straight-line arithmetic that profile-guided tiering cannot improve, and a
/// verification running on not-yet-promoted code measured 3 times slower for many seconds on a loaded machine.</para>
/// </remarks>
internal readonly struct ExtendedPoint
{
    public readonly Fr X, Y, T, Z;

    public ExtendedPoint(in Fr x, in Fr y, in Fr t, in Fr z)
    {
        X = x; Y = y; T = t; Z = z;
    }

    public static ExtendedPoint Identity => new(Fr.Zero, Fr.One, Fr.Zero, Fr.One);

    public static ExtendedPoint FromAffine(in BabyJubjubPoint p) => FromAffine(in p.X, in p.Y);

    public static ExtendedPoint FromAffine(in Fr x, in Fr y)
    {
        Mul(in x, in y, out Fr t);
        return new ExtendedPoint(in x, in y, in t, Fr.One);
    }

    public BabyJubjubPoint ToAffine()
    {
        Fr zInv = Z.Inverse(); // Z ≠ 0 for curve points (complete formulas)
        Mul(in X, in zInv, out Fr x);
        Mul(in Y, in zInv, out Fr y);
        return new BabyJubjubPoint(x, y);
    }

    /// <summary>True for the identity (0 : Z : 0 : Z), without an inversion.</summary>
    public bool IsIdentity => X.IsZero && Y.Equals(Z);

    /// <summary>True when p and q are the same affine point: X₁·Z₂ = X₂·Z₁ and Y₁·Z₂ = Y₂·Z₁ (Z ≠ 0 on the curve).</summary>
    public static bool SameAffinePoint(in ExtendedPoint p, in ExtendedPoint q)
    {
        Mul(in p.X, in q.Z, out Fr left);
        Mul(in q.X, in p.Z, out Fr right);
        if (!left.Equals(right))
        {
            return false;
        }
        Mul(in p.Y, in q.Z, out left);
        Mul(in q.Y, in p.Z, out right);
        return left.Equals(right);
    }

    /// <summary>p + q (add-2008-hwcd, general a): 10 products.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static void Add(in ExtendedPoint p, in ExtendedPoint q, out ExtendedPoint r)
    {
        Fr d = BabyJubjub.D;
        Mul(in q.T, in d, out Fr qdt);
        Fr.Add(in q.X, in q.Y, out Fr qs);
        AddCore(in p, in q.X, in q.Y, in qs, in qdt, in q.Z, zIsOne: false, out r);
    }

    /// <summary>p + q for q with d·T and X + Y precomputed: 9 products.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static void Add(in ExtendedPoint p, in PrecomputedPoint q, out ExtendedPoint r) =>
        AddCore(in p, in q.X, in q.Y, in q.XPlusY, in q.DT, in q.Z, zIsOne: false, out r);

    /// <summary>p + q for an affine q (Z2 = 1) with d·x·y and x + y precomputed: 8 products.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static void Add(in ExtendedPoint p, in PrecomputedAffinePoint q, out ExtendedPoint r)
    {
        Fr one = Fr.One;
        AddCore(in p, in q.X, in q.Y, in q.XPlusY, in q.DXY, in one, zIsOne: true, out r);
    }

    /// <summary>
    /// add-2008-hwcd with q's X + Y and d·T given: A = X1·X2, B = Y1·Y2, C = T1·(d·T2), D = Z1·Z2,
    /// E = (X1 + Y1)(X2 + Y2) − A − B, F = D − C, G = D + C, H = B − a·A, and p + q = (E·F : G·H : E·H : F·G).
    /// </summary>
    /// <remarks>
    /// A product's latency is about twice its throughput cost (measured), so the products are ordered so that none
    /// needs the result of the one just before it; consecutive products then overlap in the out-of-order window.
    /// </remarks>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void AddCore(in ExtendedPoint p, in Fr x2, in Fr y2, in Fr x2PlusY2, in Fr dt2, in Fr z2, bool zIsOne, out ExtendedPoint r)
    {
        Fr a = BabyJubjub.A;
        Fr.Add(in p.X, in p.Y, out Fr e);
        Mul(in p.X, in x2, out Fr aa);              // A = X1·X2
        Mul(in p.Y, in y2, out Fr bb);              // B = Y1·Y2
        Mul(in e, in x2PlusY2, out e);              // (X1+Y1)(X2+Y2)
        Mul(in p.T, in dt2, out Fr cc);             // C = T1·(d·T2)
        Fr dd;                                      // D = Z1·Z2
        if (zIsOne)
        {
            dd = p.Z;
        }
        else
        {
            Mul(in p.Z, in z2, out dd);
        }
        Mul(in a, in aa, out Fr aA);
        Fr.Sub(in e, in aa, out e);
        Fr.Sub(in e, in bb, out e);                 // E = (X1+Y1)(X2+Y2) − A − B
        Fr.Sub(in dd, in cc, out Fr f);             // F = D − C
        Fr.Add(in dd, in cc, out Fr g);             // G = D + C
        Mul(in e, in f, out Fr x3);
        Fr.Sub(in bb, in aA, out Fr h);             // H = B − a·A
        Mul(in g, in h, out Fr y3);
        Mul(in f, in g, out Fr z3);
        Mul(in e, in h, out Fr t3);
        r = new ExtendedPoint(in x3, in y3, in t3, in z3);
    }

    /// <summary>2p (dbl-2008-hwcd, general a): 9 products.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static void Double(in ExtendedPoint p, out ExtendedPoint r)
    {
        DoubleCore(in p, out Fr e, out Fr f, out Fr g, out Fr h);
        Mul(in e, in f, out Fr x3);
        Mul(in g, in h, out Fr y3);
        Mul(in f, in g, out Fr z3);
        Mul(in e, in h, out Fr t3);
        r = new ExtendedPoint(in x3, in y3, in t3, in z3);
    }

    /// <summary>
    /// 2p with T left at zero: 8 products. Only for a result that is doubled again before anything else reads it
    /// (the doubling never reads T), as in the runs of doublings of a scalar multiplication.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static void DoubleWithoutT(in ExtendedPoint p, out ExtendedPoint r)
    {
        DoubleCore(in p, out Fr e, out Fr f, out Fr g, out Fr h);
        Mul(in e, in f, out Fr x3);
        Mul(in g, in h, out Fr y3);
        Mul(in f, in g, out Fr z3);
        r = new ExtendedPoint(in x3, in y3, Fr.Zero, in z3);
    }

    /// <summary>
    /// dbl-2008-hwcd up to its outputs: A = X², B = Y², C = 2Z², D = a·A, E = (X + Y)² − A − B, G = D + B,
    /// F = G − C, H = D − B; then 2p = (E·F : G·H : E·H : F·G). Ordered as in <see cref="AddCore"/>: no product
    /// needs the one just before it.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void DoubleCore(in ExtendedPoint p, out Fr e, out Fr f, out Fr g, out Fr h)
    {
        Fr a = BabyJubjub.A;
        Fr.Add(in p.X, in p.Y, out e);
        Square(in p.X, out Fr aa);                  // A = X²
        Square(in e, out e);                        // (X+Y)²
        Square(in p.Y, out Fr bb);                  // B = Y²
        Mul(in a, in aa, out Fr dd);                // D = a·A
        Square(in p.Z, out Fr cc);
        Fr.Double(in cc, out cc);                   // C = 2Z²
        Fr.Sub(in e, in aa, out e);
        Fr.Sub(in e, in bb, out e);                 // E = (X+Y)² − A − B
        Fr.Add(in dd, in bb, out g);                // G = D + B
        Fr.Sub(in g, in cc, out f);                 // F = G − C
        Fr.Sub(in dd, in bb, out h);                // H = D − B
    }

    // Every product goes through the one out-of-line copy, squares too (see OutOfLineFr for why).
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal static void Mul(in Fr a, in Fr b, out Fr r) => OutOfLineFr.Mul(in a, in b, out r);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void Square(in Fr a, out Fr r) => Mul(in a, in a, out r);
}
