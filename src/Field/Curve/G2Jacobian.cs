// SPDX-License-Identifier: MIT
using System.Runtime.InteropServices;

namespace ZkOptions.Field;

/// <summary>
/// A point of the twist (G2 when in the subgroup) in Jacobian coordinates: (X, Y, Z) stands for the affine (X/Z², Y/Z³), and Z = 0 is the point at
/// infinity. Sums need no inversion in this form; <see cref="ToAffine"/> and <see cref="BatchToAffine"/> leave it.
/// </summary>
[StructLayout(LayoutKind.Sequential)]
public readonly partial struct G2Jacobian : IEquatable<G2Jacobian>
{
    /// <summary>The X coordinate.</summary>
    public readonly Fq2 X;

    /// <summary>The Y coordinate.</summary>
    public readonly Fq2 Y;

    /// <summary>The Z coordinate (zero for infinity).</summary>
    public readonly Fq2 Z;

    /// <summary>Builds (X, Y, Z) without checking that it is on the curve.</summary>
    public G2Jacobian(in Fq2 x, in Fq2 y, in Fq2 z)
    {
        X = x;
        Y = y;
        Z = z;
    }

    /// <summary>The point at infinity, (1, 1, 0).</summary>
    public static G2Jacobian Infinity => new(Fq2.One, Fq2.One, Fq2.Zero);

    /// <summary>The standard generator with Z = 1.</summary>
    public static G2Jacobian Generator => FromAffine(G2Affine.Generator);

    /// <summary>True for the point at infinity (Z = 0).</summary>
    public bool IsInfinity => Z.IsZero;

    /// <summary>(x, y, 1), or <see cref="Infinity"/>.</summary>
    public static G2Jacobian FromAffine(in G2Affine p) => p.IsInfinity ? Infinity : new G2Jacobian(p.X, p.Y, Fq2.One);

    /// <summary>The affine form (X/Z², Y/Z³), with one field inversion.</summary>
    public G2Affine ToAffine()
    {
        if (IsInfinity)
        {
            return G2Affine.Infinity;
        }
        Fq2.Inverse(in Z, out Fq2 zInv);
        return FromJacobianWithZInverse(in this, in zInv);
    }

    private static G2Affine FromJacobianWithZInverse(in G2Jacobian p, in Fq2 zInv)
    {
        Fq2.Square(in zInv, out Fq2 zInv2);
        Fq2.Mul(in zInv2, in zInv, out Fq2 zInv3);
        Fq2.Mul(in p.X, in zInv2, out Fq2 x);
        Fq2.Mul(in p.Y, in zInv3, out Fq2 y);
        return new G2Affine(x, y);
    }

    /// <summary>Converts many points to affine with a single field inversion (Montgomery's trick).</summary>
    public static void BatchToAffine(ReadOnlySpan<G2Jacobian> source, Span<G2Affine> destination)
    {
        if (destination.Length < source.Length)
        {
            throw new ArgumentException("Destination is shorter than the source.", nameof(destination));
        }
        Fq2[] zs = new Fq2[source.Length];
        for (int i = 0; i < source.Length; i++)
        {
            zs[i] = source[i].Z;
        }
        BatchInverse(zs);
        for (int i = 0; i < source.Length; i++)
        {
            destination[i] = source[i].IsInfinity ? G2Affine.Infinity : FromJacobianWithZInverse(in source[i], in zs[i]);
        }
    }

    /// <summary>Montgomery's trick over Fq2: one inversion for all; zeros stay zero.</summary>
    private static void BatchInverse(Span<Fq2> values)
    {
        var prefix = new Fq2[values.Length];
        Fq2 acc = Fq2.One;
        for (int i = 0; i < values.Length; i++)
        {
            prefix[i] = acc;
            if (!values[i].IsZero)
            {
                Fq2.Mul(in acc, in values[i], out acc);
            }
        }
        Fq2.Inverse(in acc, out acc);
        for (int i = values.Length - 1; i >= 0; i--)
        {
            if (values[i].IsZero)
            {
                continue;
            }
            Fq2.Mul(in acc, in prefix[i], out Fq2 inv);
            Fq2.Mul(in acc, in values[i], out acc);
            values[i] = inv;
        }
    }

    /// <summary>True when (X, Y, Z) satisfies Y² = X³ + b'Z⁶, and for infinity.</summary>
    public bool IsOnCurve()
    {
        if (IsInfinity)
        {
            return true;
        }
        Fq2.Square(in Y, out Fq2 y2);
        Fq2.Square(in X, out Fq2 x3);
        Fq2.Mul(in x3, in X, out x3);
        Fq2.Square(in Z, out Fq2 z2);
        Fq2.Mul(in z2, in Z, out Fq2 z6);
        Fq2.Square(in z6, out z6);
        Fq2.Mul(in z6, in G2Affine.B, out z6);
        Fq2.Add(in x3, in z6, out x3);
        return y2.Equals(x3);
    }

    /// <summary>r = −p = (X, −Y, Z).</summary>
    public static void Neg(in G2Jacobian p, out G2Jacobian r)
    {
        Fq2.Neg(in p.Y, out Fq2 y);
        r = new G2Jacobian(p.X, y, p.Z);
    }

    /// <summary>
    /// r = 2p with dbl-2009-l for a = 0 (2M + 5S). Infinity maps to infinity because Z3 = 2·Y·Z, and so does a
    /// point with Y = 0 (a 2-torsion point of the twist, outside G2).
    /// </summary>
    public static void Double(in G2Jacobian p, out G2Jacobian r)
    {
        Fq2.Square(in p.X, out Fq2 a);
        Fq2.Square(in p.Y, out Fq2 b);
        Fq2.Square(in b, out Fq2 c);
        Fq2.Add(in p.X, in b, out Fq2 d);
        Fq2.Square(in d, out d);
        Fq2.Sub(in d, in a, out d);
        Fq2.Sub(in d, in c, out d);
        Fq2.Double(in d, out d);             // D = 2((X+B)² − A − C)
        Fq2.Double(in a, out Fq2 e);
        Fq2.Add(in e, in a, out e);          // E = 3A
        Fq2.Square(in e, out Fq2 f);          // F = E²
        Fq2.Double(in d, out Fq2 x3);
        Fq2.Sub(in f, in x3, out x3);        // X3 = F − 2D
        Fq2.Sub(in d, in x3, out Fq2 y3);
        Fq2.Mul(in e, in y3, out y3);
        Fq2.Double(in c, out c);
        Fq2.Double(in c, out c);
        Fq2.Double(in c, out c);
        Fq2.Sub(in y3, in c, out y3);        // Y3 = E(D − X3) − 8C
        Fq2.Mul(in p.Y, in p.Z, out Fq2 z3);
        Fq2.Double(in z3, out z3);           // Z3 = 2·Y·Z
        r = new G2Jacobian(x3, y3, z3);
    }

    /// <summary>
    /// r = a + b with add-2007-bl (11M + 5S). Complete: infinity on either side, a = b (falls back to
    /// <see cref="Double"/>) and a = −b (gives infinity) are all handled.
    /// </summary>
    public static void Add(in G2Jacobian a, in G2Jacobian b, out G2Jacobian r)
    {
        if (a.IsInfinity)
        {
            r = b;
            return;
        }
        if (b.IsInfinity)
        {
            r = a;
            return;
        }
        Fq2.Square(in a.Z, out Fq2 z1z1);
        Fq2.Square(in b.Z, out Fq2 z2z2);
        Fq2.Mul(in a.X, in z2z2, out Fq2 u1);
        Fq2.Mul(in b.X, in z1z1, out Fq2 u2);
        Fq2.Mul(in a.Y, in b.Z, out Fq2 s1);
        Fq2.Mul(in s1, in z2z2, out s1);
        Fq2.Mul(in b.Y, in a.Z, out Fq2 s2);
        Fq2.Mul(in s2, in z1z1, out s2);
        Fq2.Sub(in u2, in u1, out Fq2 h);
        Fq2.Sub(in s2, in s1, out Fq2 rr);
        if (h.IsZero)
        {
            if (rr.IsZero)
            {
                Double(in a, out r);
            }
            else
            {
                r = Infinity;
            }
            return;
        }
        Fq2.Double(in rr, out rr);           // r = 2(S2 − S1)
        Fq2.Double(in h, out Fq2 i);
        Fq2.Square(in i, out i);             // I = (2H)²
        Fq2.Mul(in h, in i, out Fq2 j);       // J = H·I
        Fq2.Mul(in u1, in i, out Fq2 v);      // V = U1·I
        Fq2.Square(in rr, out Fq2 x3);
        Fq2.Sub(in x3, in j, out x3);
        Fq2.Sub(in x3, in v, out x3);
        Fq2.Sub(in x3, in v, out x3);        // X3 = r² − J − 2V
        Fq2.Sub(in v, in x3, out Fq2 y3);
        Fq2.Mul(in rr, in y3, out y3);
        Fq2.Mul(in s1, in j, out Fq2 s1j);
        Fq2.Double(in s1j, out s1j);
        Fq2.Sub(in y3, in s1j, out y3);      // Y3 = r(V − X3) − 2·S1·J
        Fq2.Add(in a.Z, in b.Z, out Fq2 z3);
        Fq2.Square(in z3, out z3);
        Fq2.Sub(in z3, in z1z1, out z3);
        Fq2.Sub(in z3, in z2z2, out z3);
        Fq2.Mul(in z3, in h, out z3);        // Z3 = ((Z1 + Z2)² − Z1Z1 − Z2Z2)·H
        r = new G2Jacobian(x3, y3, z3);
    }

    /// <summary>
    /// r = a + b for an affine b with madd-2007-bl (7M + 4S), the workhorse of accumulation loops. Handles
    /// infinity on either side, a = b and a = −b.
    /// </summary>
    public static void AddMixed(in G2Jacobian a, in G2Affine b, out G2Jacobian r)
    {
        if (b.IsInfinity)
        {
            r = a;
            return;
        }
        if (a.IsInfinity)
        {
            r = new G2Jacobian(b.X, b.Y, Fq2.One);
            return;
        }
        Fq2.Square(in a.Z, out Fq2 z1z1);
        Fq2.Mul(in b.X, in z1z1, out Fq2 u2);
        Fq2.Mul(in b.Y, in a.Z, out Fq2 s2);
        Fq2.Mul(in s2, in z1z1, out s2);
        Fq2.Sub(in u2, in a.X, out Fq2 h);
        Fq2.Sub(in s2, in a.Y, out Fq2 rr);
        if (h.IsZero)
        {
            if (rr.IsZero)
            {
                Double(in a, out r);
            }
            else
            {
                r = Infinity;
            }
            return;
        }
        Fq2.Square(in h, out Fq2 hh);
        Fq2.Double(in hh, out Fq2 i);
        Fq2.Double(in i, out i);             // I = 4·HH
        Fq2.Mul(in h, in i, out Fq2 j);       // J = H·I
        Fq2.Double(in rr, out rr);           // r = 2(S2 − Y1)
        Fq2.Mul(in a.X, in i, out Fq2 v);     // V = X1·I
        Fq2.Square(in rr, out Fq2 x3);
        Fq2.Sub(in x3, in j, out x3);
        Fq2.Sub(in x3, in v, out x3);
        Fq2.Sub(in x3, in v, out x3);        // X3 = r² − J − 2V
        Fq2.Sub(in v, in x3, out Fq2 y3);
        Fq2.Mul(in rr, in y3, out y3);
        Fq2.Mul(in a.Y, in j, out Fq2 yj);
        Fq2.Double(in yj, out yj);
        Fq2.Sub(in y3, in yj, out y3);       // Y3 = r(V − X3) − 2·Y1·J
        Fq2.Add(in a.Z, in h, out Fq2 z3);
        Fq2.Square(in z3, out z3);
        Fq2.Sub(in z3, in z1z1, out z3);
        Fq2.Sub(in z3, in hh, out z3);       // Z3 = (Z1 + H)² − Z1Z1 − HH
        r = new G2Jacobian(x3, y3, z3);
    }

    /// <summary>r = a − b.</summary>
    public static void Sub(in G2Jacobian a, in G2Jacobian b, out G2Jacobian r)
    {
        Neg(in b, out G2Jacobian nb);
        Add(in a, in nb, out r);
    }

    /// <inheritdoc cref="Add"/>
    public static G2Jacobian operator +(G2Jacobian a, G2Jacobian b) { Add(in a, in b, out G2Jacobian r); return r; }

    /// <inheritdoc cref="AddMixed"/>
    public static G2Jacobian operator +(G2Jacobian a, G2Affine b) { AddMixed(in a, in b, out G2Jacobian r); return r; }

    /// <inheritdoc cref="Sub"/>
    public static G2Jacobian operator -(G2Jacobian a, G2Jacobian b) { Sub(in a, in b, out G2Jacobian r); return r; }

    /// <inheritdoc cref="Neg"/>
    public static G2Jacobian operator -(G2Jacobian a) { Neg(in a, out G2Jacobian r); return r; }

    /// <summary>[k]p for a scalar in Fr.</summary>
    public static G2Jacobian operator *(G2Jacobian p, Fr k) => ScalarMul(in p, in k);

    /// <summary>[k]p for a scalar in Fr.</summary>
    public static G2Jacobian operator *(Fr k, G2Jacobian p) => ScalarMul(in p, in k);

    /// <summary>
    /// Projective equality: X1·Z2² = X2·Z1² and Y1·Z2³ = Y2·Z1³, so different representatives of one point are
    /// equal; infinity equals only infinity.
    /// </summary>
    public bool Equals(G2Jacobian other)
    {
        if (IsInfinity || other.IsInfinity)
        {
            return IsInfinity == other.IsInfinity;
        }
        Fq2.Square(in Z, out Fq2 z1z1);
        Fq2.Square(in other.Z, out Fq2 z2z2);
        Fq2.Mul(in X, in z2z2, out Fq2 u1);
        Fq2.Mul(in other.X, in z1z1, out Fq2 u2);
        if (!u1.Equals(u2))
        {
            return false;
        }
        Fq2.Mul(in z2z2, in other.Z, out Fq2 z2c);
        Fq2.Mul(in z1z1, in Z, out Fq2 z1c);
        Fq2.Mul(in Y, in z2c, out Fq2 s1);
        Fq2.Mul(in other.Y, in z1c, out Fq2 s2);
        return s1.Equals(s2);
    }

    /// <inheritdoc />
    public override bool Equals(object? obj) => obj is G2Jacobian other && Equals(other);

    /// <summary>The hash of the affine form (costs an inversion), consistent with projective equality.</summary>
    public override int GetHashCode() => ToAffine().GetHashCode();

    /// <summary>Projective equality.</summary>
    public static bool operator ==(G2Jacobian a, G2Jacobian b) => a.Equals(b);

    /// <summary>Projective inequality.</summary>
    public static bool operator !=(G2Jacobian a, G2Jacobian b) => !a.Equals(b);

    /// <summary>The affine form as text.</summary>
    public override string ToString() => ToAffine().ToString();
}
