// SPDX-License-Identifier: MIT
using System.Runtime.InteropServices;

namespace ZkOptions.Field;

/// <summary>
/// A G1 point in Jacobian coordinates: (X, Y, Z) stands for the affine (X/Z², Y/Z³), and Z = 0 is the point at
/// infinity. Sums need no inversion in this form; <see cref="ToAffine"/> and <see cref="BatchToAffine"/> leave it.
/// </summary>
[StructLayout(LayoutKind.Sequential)]
public readonly partial struct G1Jacobian : IEquatable<G1Jacobian>
{
    /// <summary>The X coordinate.</summary>
    public readonly Fq X;

    /// <summary>The Y coordinate.</summary>
    public readonly Fq Y;

    /// <summary>The Z coordinate (zero for infinity).</summary>
    public readonly Fq Z;

    /// <summary>Builds (X, Y, Z) without checking that it is on the curve.</summary>
    public G1Jacobian(in Fq x, in Fq y, in Fq z)
    {
        X = x;
        Y = y;
        Z = z;
    }

    /// <summary>The point at infinity, (1, 1, 0).</summary>
    public static G1Jacobian Infinity => new(Fq.One, Fq.One, Fq.Zero);

    /// <summary>The standard generator (1, 2, 1).</summary>
    public static G1Jacobian Generator => FromAffine(G1Affine.Generator);

    /// <summary>True for the point at infinity (Z = 0).</summary>
    public bool IsInfinity => Z.IsZero;

    /// <summary>(x, y, 1), or <see cref="Infinity"/>.</summary>
    public static G1Jacobian FromAffine(in G1Affine p) => p.IsInfinity ? Infinity : new G1Jacobian(p.X, p.Y, Fq.One);

    /// <summary>The affine form (X/Z², Y/Z³), with one field inversion.</summary>
    public G1Affine ToAffine()
    {
        if (IsInfinity)
        {
            return G1Affine.Infinity;
        }
        Fq.Inverse(in Z, out Fq zInv);
        return FromJacobianWithZInverse(in this, in zInv);
    }

    private static G1Affine FromJacobianWithZInverse(in G1Jacobian p, in Fq zInv)
    {
        Fq.Square(in zInv, out Fq zInv2);
        Fq.Mul(in zInv2, in zInv, out Fq zInv3);
        Fq.Mul(in p.X, in zInv2, out Fq x);
        Fq.Mul(in p.Y, in zInv3, out Fq y);
        return new G1Affine(x, y);
    }

    /// <summary>Converts many points to affine with a single field inversion (Montgomery's trick).</summary>
    public static void BatchToAffine(ReadOnlySpan<G1Jacobian> source, Span<G1Affine> destination)
    {
        if (destination.Length < source.Length)
        {
            throw new ArgumentException("Destination is shorter than the source.", nameof(destination));
        }
        Fq[] zs = new Fq[source.Length];
        for (int i = 0; i < source.Length; i++)
        {
            zs[i] = source[i].Z;
        }
        Fq.BatchInverse(zs); // zeros (infinities) stay zero
        for (int i = 0; i < source.Length; i++)
        {
            destination[i] = source[i].IsInfinity ? G1Affine.Infinity : FromJacobianWithZInverse(in source[i], in zs[i]);
        }
    }

    /// <summary>True when (X, Y, Z) satisfies Y² = X³ + 3Z⁶, and for infinity.</summary>
    public bool IsOnCurve()
    {
        if (IsInfinity)
        {
            return true;
        }
        Fq.Square(in Y, out Fq y2);
        Fq.Square(in X, out Fq x3);
        Fq.Mul(in x3, in X, out x3);
        Fq.Square(in Z, out Fq z2);
        Fq.Mul(in z2, in Z, out Fq z6);
        Fq.Square(in z6, out z6);
        Fq.Mul(in z6, in G1Affine.B, out z6);
        Fq.Add(in x3, in z6, out x3);
        return y2.Equals(x3);
    }

    /// <summary>r = −p = (X, −Y, Z).</summary>
    public static void Neg(in G1Jacobian p, out G1Jacobian r)
    {
        Fq.Neg(in p.Y, out Fq y);
        r = new G1Jacobian(p.X, y, p.Z);
    }

    /// <summary>
    /// r = 2p with dbl-2009-l for a = 0 (2M + 5S). Infinity maps to infinity because Z3 = 2·Y·Z, and so does a
    /// point with Y = 0 (there is none of order 2 on BN254 G1, but the formula would still be right).
    /// </summary>
    public static void Double(in G1Jacobian p, out G1Jacobian r)
    {
        Fq.Square(in p.X, out Fq a);
        Fq.Square(in p.Y, out Fq b);
        Fq.Square(in b, out Fq c);
        Fq.Add(in p.X, in b, out Fq d);
        Fq.Square(in d, out d);
        Fq.Sub(in d, in a, out d);
        Fq.Sub(in d, in c, out d);
        Fq.Double(in d, out d);             // D = 2((X+B)² − A − C)
        Fq.Double(in a, out Fq e);
        Fq.Add(in e, in a, out e);          // E = 3A
        Fq.Square(in e, out Fq f);          // F = E²
        Fq.Double(in d, out Fq x3);
        Fq.Sub(in f, in x3, out x3);        // X3 = F − 2D
        Fq.Sub(in d, in x3, out Fq y3);
        Fq.Mul(in e, in y3, out y3);
        Fq.Double(in c, out c);
        Fq.Double(in c, out c);
        Fq.Double(in c, out c);
        Fq.Sub(in y3, in c, out y3);        // Y3 = E(D − X3) − 8C
        Fq.Mul(in p.Y, in p.Z, out Fq z3);
        Fq.Double(in z3, out z3);           // Z3 = 2·Y·Z
        r = new G1Jacobian(x3, y3, z3);
    }

    /// <summary>
    /// r = a + b with add-2007-bl (11M + 5S). Complete: infinity on either side, a = b (falls back to
    /// <see cref="Double"/>) and a = −b (gives infinity) are all handled.
    /// </summary>
    public static void Add(in G1Jacobian a, in G1Jacobian b, out G1Jacobian r)
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
        Fq.Square(in a.Z, out Fq z1z1);
        Fq.Square(in b.Z, out Fq z2z2);
        Fq.Mul(in a.X, in z2z2, out Fq u1);
        Fq.Mul(in b.X, in z1z1, out Fq u2);
        Fq.Mul(in a.Y, in b.Z, out Fq s1);
        Fq.Mul(in s1, in z2z2, out s1);
        Fq.Mul(in b.Y, in a.Z, out Fq s2);
        Fq.Mul(in s2, in z1z1, out s2);
        Fq.Sub(in u2, in u1, out Fq h);
        Fq.Sub(in s2, in s1, out Fq rr);
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
        Fq.Double(in rr, out rr);           // r = 2(S2 − S1)
        Fq.Double(in h, out Fq i);
        Fq.Square(in i, out i);             // I = (2H)²
        Fq.Mul(in h, in i, out Fq j);       // J = H·I
        Fq.Mul(in u1, in i, out Fq v);      // V = U1·I
        Fq.Square(in rr, out Fq x3);
        Fq.Sub(in x3, in j, out x3);
        Fq.Sub(in x3, in v, out x3);
        Fq.Sub(in x3, in v, out x3);        // X3 = r² − J − 2V
        Fq.Sub(in v, in x3, out Fq y3);
        Fq.Mul(in rr, in y3, out y3);
        Fq.Mul(in s1, in j, out Fq s1j);
        Fq.Double(in s1j, out s1j);
        Fq.Sub(in y3, in s1j, out y3);      // Y3 = r(V − X3) − 2·S1·J
        Fq.Add(in a.Z, in b.Z, out Fq z3);
        Fq.Square(in z3, out z3);
        Fq.Sub(in z3, in z1z1, out z3);
        Fq.Sub(in z3, in z2z2, out z3);
        Fq.Mul(in z3, in h, out z3);        // Z3 = ((Z1 + Z2)² − Z1Z1 − Z2Z2)·H
        r = new G1Jacobian(x3, y3, z3);
    }

    /// <summary>
    /// r = a + b for an affine b with madd-2007-bl (7M + 4S), the workhorse of accumulation loops. Handles
    /// infinity on either side, a = b and a = −b.
    /// </summary>
    public static void AddMixed(in G1Jacobian a, in G1Affine b, out G1Jacobian r)
    {
        if (b.IsInfinity)
        {
            r = a;
            return;
        }
        if (a.IsInfinity)
        {
            r = new G1Jacobian(b.X, b.Y, Fq.One);
            return;
        }
        Fq.Square(in a.Z, out Fq z1z1);
        Fq.Mul(in b.X, in z1z1, out Fq u2);
        Fq.Mul(in b.Y, in a.Z, out Fq s2);
        Fq.Mul(in s2, in z1z1, out s2);
        Fq.Sub(in u2, in a.X, out Fq h);
        Fq.Sub(in s2, in a.Y, out Fq rr);
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
        Fq.Square(in h, out Fq hh);
        Fq.Double(in hh, out Fq i);
        Fq.Double(in i, out i);             // I = 4·HH
        Fq.Mul(in h, in i, out Fq j);       // J = H·I
        Fq.Double(in rr, out rr);           // r = 2(S2 − Y1)
        Fq.Mul(in a.X, in i, out Fq v);     // V = X1·I
        Fq.Square(in rr, out Fq x3);
        Fq.Sub(in x3, in j, out x3);
        Fq.Sub(in x3, in v, out x3);
        Fq.Sub(in x3, in v, out x3);        // X3 = r² − J − 2V
        Fq.Sub(in v, in x3, out Fq y3);
        Fq.Mul(in rr, in y3, out y3);
        Fq.Mul(in a.Y, in j, out Fq yj);
        Fq.Double(in yj, out yj);
        Fq.Sub(in y3, in yj, out y3);       // Y3 = r(V − X3) − 2·Y1·J
        Fq.Add(in a.Z, in h, out Fq z3);
        Fq.Square(in z3, out z3);
        Fq.Sub(in z3, in z1z1, out z3);
        Fq.Sub(in z3, in hh, out z3);       // Z3 = (Z1 + H)² − Z1Z1 − HH
        r = new G1Jacobian(x3, y3, z3);
    }

    /// <summary>r = a − b.</summary>
    public static void Sub(in G1Jacobian a, in G1Jacobian b, out G1Jacobian r)
    {
        Neg(in b, out G1Jacobian nb);
        Add(in a, in nb, out r);
    }

    /// <inheritdoc cref="Add"/>
    public static G1Jacobian operator +(G1Jacobian a, G1Jacobian b) { Add(in a, in b, out G1Jacobian r); return r; }

    /// <inheritdoc cref="AddMixed"/>
    public static G1Jacobian operator +(G1Jacobian a, G1Affine b) { AddMixed(in a, in b, out G1Jacobian r); return r; }

    /// <inheritdoc cref="Sub"/>
    public static G1Jacobian operator -(G1Jacobian a, G1Jacobian b) { Sub(in a, in b, out G1Jacobian r); return r; }

    /// <inheritdoc cref="Neg"/>
    public static G1Jacobian operator -(G1Jacobian a) { Neg(in a, out G1Jacobian r); return r; }

    /// <summary>[k]p for a scalar in Fr.</summary>
    public static G1Jacobian operator *(G1Jacobian p, Fr k) => ScalarMul(in p, in k);

    /// <summary>[k]p for a scalar in Fr.</summary>
    public static G1Jacobian operator *(Fr k, G1Jacobian p) => ScalarMul(in p, in k);

    /// <summary>
    /// Projective equality: X1·Z2² = X2·Z1² and Y1·Z2³ = Y2·Z1³, so different representatives of one point are
    /// equal; infinity equals only infinity.
    /// </summary>
    public bool Equals(G1Jacobian other)
    {
        if (IsInfinity || other.IsInfinity)
        {
            return IsInfinity == other.IsInfinity;
        }
        Fq.Square(in Z, out Fq z1z1);
        Fq.Square(in other.Z, out Fq z2z2);
        Fq.Mul(in X, in z2z2, out Fq u1);
        Fq.Mul(in other.X, in z1z1, out Fq u2);
        if (!u1.Equals(u2))
        {
            return false;
        }
        Fq.Mul(in z2z2, in other.Z, out Fq z2c);
        Fq.Mul(in z1z1, in Z, out Fq z1c);
        Fq.Mul(in Y, in z2c, out Fq s1);
        Fq.Mul(in other.Y, in z1c, out Fq s2);
        return s1.Equals(s2);
    }

    /// <inheritdoc />
    public override bool Equals(object? obj) => obj is G1Jacobian other && Equals(other);

    /// <summary>The hash of the affine form (costs an inversion), consistent with projective equality.</summary>
    public override int GetHashCode() => ToAffine().GetHashCode();

    /// <summary>Projective equality.</summary>
    public static bool operator ==(G1Jacobian a, G1Jacobian b) => a.Equals(b);

    /// <summary>Projective inequality.</summary>
    public static bool operator !=(G1Jacobian a, G1Jacobian b) => !a.Equals(b);

    /// <summary>The affine form as text.</summary>
    public override string ToString() => ToAffine().ToString();
}
