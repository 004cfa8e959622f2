// SPDX-License-Identifier: MIT
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace ZkOptions.Field;

/// <summary>
/// An element c0 + c1·v + c2·v² of Fq6 = Fq2[v]/(v³ − ξ), ξ = 9 + u. Formulas follow Devegili, Ó hÉigeartaigh,
/// Scott and Dahab, "Multiplication and Squaring on Pairing-Friendly Fields" (Karatsuba multiplication,
/// Chung–Hasan CH-SQR2 squaring).
/// </summary>
[StructLayout(LayoutKind.Sequential)]
public readonly struct Fq6 : IEquatable<Fq6>
{
    /// <summary>The constant coefficient c0.</summary>
    public readonly Fq2 C0;

    /// <summary>The coefficient c1 of v.</summary>
    public readonly Fq2 C1;

    /// <summary>The coefficient c2 of v².</summary>
    public readonly Fq2 C2;

    /// <summary>Builds c0 + c1·v + c2·v².</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public Fq6(in Fq2 c0, in Fq2 c1, in Fq2 c2)
    {
        C0 = c0;
        C1 = c1;
        C2 = c2;
    }

    /// <summary>The additive identity.</summary>
    public static Fq6 Zero => default;

    /// <summary>The multiplicative identity.</summary>
    public static Fq6 One => new(Fq2.One, Fq2.Zero, Fq2.Zero);

    /// <summary>True for zero.</summary>
    public bool IsZero => C0.IsZero && C1.IsZero && C2.IsZero;

    /// <summary>True for one.</summary>
    public bool IsOne => C0.IsOne && C1.IsZero && C2.IsZero;

    /// <summary>r = a + b.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void Add(in Fq6 a, in Fq6 b, out Fq6 r)
    {
        Fq2.Add(in a.C0, in b.C0, out Fq2 c0);
        Fq2.Add(in a.C1, in b.C1, out Fq2 c1);
        Fq2.Add(in a.C2, in b.C2, out Fq2 c2);
        r = new Fq6(c0, c1, c2);
    }

    /// <summary>r = a − b.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void Sub(in Fq6 a, in Fq6 b, out Fq6 r)
    {
        Fq2.Sub(in a.C0, in b.C0, out Fq2 c0);
        Fq2.Sub(in a.C1, in b.C1, out Fq2 c1);
        Fq2.Sub(in a.C2, in b.C2, out Fq2 c2);
        r = new Fq6(c0, c1, c2);
    }

    /// <summary>r = −a.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void Neg(in Fq6 a, out Fq6 r)
    {
        Fq2.Neg(in a.C0, out Fq2 c0);
        Fq2.Neg(in a.C1, out Fq2 c1);
        Fq2.Neg(in a.C2, out Fq2 c2);
        r = new Fq6(c0, c1, c2);
    }

    /// <summary>r = 2a.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void Double(in Fq6 a, out Fq6 r)
    {
        Fq2.Double(in a.C0, out Fq2 c0);
        Fq2.Double(in a.C1, out Fq2 c1);
        Fq2.Double(in a.C2, out Fq2 c2);
        r = new Fq6(c0, c1, c2);
    }

    /// <summary>r = a·b with Karatsuba: six Fq2 products.</summary>
    public static void Mul(in Fq6 a, in Fq6 b, out Fq6 r)
    {
        Fq2.Mul(in a.C0, in b.C0, out Fq2 t0);
        Fq2.Mul(in a.C1, in b.C1, out Fq2 t1);
        Fq2.Mul(in a.C2, in b.C2, out Fq2 t2);

        // c0 = ξ·((a1 + a2)(b1 + b2) − t1 − t2) + t0
        Fq2.Add(in a.C1, in a.C2, out Fq2 s);
        Fq2.Add(in b.C1, in b.C2, out Fq2 d);
        Fq2.Mul(in s, in d, out Fq2 c0);
        Fq2.Sub(in c0, in t1, out c0);
        Fq2.Sub(in c0, in t2, out c0);
        Fq2.MulByNonResidue(in c0, out c0);
        Fq2.Add(in c0, in t0, out c0);

        // c1 = (a0 + a1)(b0 + b1) − t0 − t1 + ξ·t2
        Fq2.Add(in a.C0, in a.C1, out s);
        Fq2.Add(in b.C0, in b.C1, out d);
        Fq2.Mul(in s, in d, out Fq2 c1);
        Fq2.Sub(in c1, in t0, out c1);
        Fq2.Sub(in c1, in t1, out c1);
        Fq2.MulByNonResidue(in t2, out Fq2 x);
        Fq2.Add(in c1, in x, out c1);

        // c2 = (a0 + a2)(b0 + b2) − t0 − t2 + t1
        Fq2.Add(in a.C0, in a.C2, out s);
        Fq2.Add(in b.C0, in b.C2, out d);
        Fq2.Mul(in s, in d, out Fq2 c2);
        Fq2.Sub(in c2, in t0, out c2);
        Fq2.Sub(in c2, in t2, out c2);
        Fq2.Add(in c2, in t1, out c2);

        r = new Fq6(c0, c1, c2);
    }

    /// <summary>r = a² with Chung–Hasan CH-SQR2: two Fq2 products and three Fq2 squarings.</summary>
    public static void Square(in Fq6 a, out Fq6 r)
    {
        Fq2.Mul(in a.C0, in a.C1, out Fq2 s1);
        Fq2.Double(in s1, out s1);              // 2·a0·a1
        Fq2.Square(in a.C2, out Fq2 s4);        // a2²
        Fq2.MulByNonResidue(in s4, out Fq2 c1);
        Fq2.Add(in c1, in s1, out c1);          // c1 = 2·a0·a1 + ξ·a2²
        Fq2.Sub(in s1, in s4, out Fq2 c2);      // 2·a0·a1 − a2² (completed below)
        Fq2.Square(in a.C0, out Fq2 s0);        // a0²
        Fq2.Sub(in a.C0, in a.C1, out Fq2 t);
        Fq2.Add(in t, in a.C2, out t);
        Fq2.Square(in t, out Fq2 s2);           // (a0 − a1 + a2)²
        Fq2.Mul(in a.C1, in a.C2, out Fq2 s3);
        Fq2.Double(in s3, out s3);              // 2·a1·a2
        Fq2.MulByNonResidue(in s3, out Fq2 c0);
        Fq2.Add(in c0, in s0, out c0);          // c0 = a0² + ξ·2·a1·a2
        Fq2.Add(in c2, in s2, out c2);
        Fq2.Add(in c2, in s3, out c2);
        Fq2.Sub(in c2, in s0, out c2);          // c2 = 2·a0·a2 + a1²
        r = new Fq6(c0, c1, c2);
    }

    /// <summary>r = a·v: (c0, c1, c2) ↦ (ξ·c2, c0, c1). Only additions.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void MulByNonResidue(in Fq6 a, out Fq6 r)
    {
        Fq2.MulByNonResidue(in a.C2, out Fq2 c0);
        r = new Fq6(c0, a.C0, a.C1);
    }

    /// <summary>r = a·k for k in Fq2: three Fq2 products.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void MulByFq2(in Fq6 a, in Fq2 k, out Fq6 r)
    {
        Fq2.Mul(in a.C0, in k, out Fq2 c0);
        Fq2.Mul(in a.C1, in k, out Fq2 c1);
        Fq2.Mul(in a.C2, in k, out Fq2 c2);
        r = new Fq6(c0, c1, c2);
    }

    /// <summary>r = a·(b0 + b1·v), the sparse product used by line multiplication: five Fq2 products.</summary>
    public static void MulBy01(in Fq6 a, in Fq2 b0, in Fq2 b1, out Fq6 r)
    {
        Fq2.Mul(in a.C0, in b0, out Fq2 t0);
        Fq2.Mul(in a.C1, in b1, out Fq2 t1);

        // c0 = ξ·a2·b1 + t0, with a2·b1 = (a1 + a2)·b1 − t1
        Fq2.Add(in a.C1, in a.C2, out Fq2 s);
        Fq2.Mul(in s, in b1, out Fq2 c0);
        Fq2.Sub(in c0, in t1, out c0);
        Fq2.MulByNonResidue(in c0, out c0);
        Fq2.Add(in c0, in t0, out c0);

        // c2 = a2·b0 + t1, with a2·b0 = (a0 + a2)·b0 − t0
        Fq2.Add(in a.C0, in a.C2, out s);
        Fq2.Mul(in s, in b0, out Fq2 c2);
        Fq2.Sub(in c2, in t0, out c2);
        Fq2.Add(in c2, in t1, out c2);

        // c1 = (a0 + a1)(b0 + b1) − t0 − t1
        Fq2.Add(in a.C0, in a.C1, out s);
        Fq2.Add(in b0, in b1, out Fq2 d);
        Fq2.Mul(in s, in d, out Fq2 c1);
        Fq2.Sub(in c1, in t0, out c1);
        Fq2.Sub(in c1, in t1, out c1);

        r = new Fq6(c0, c1, c2);
    }

    /// <summary>r = a·(b1·v): three Fq2 products.</summary>
    public static void MulBy1(in Fq6 a, in Fq2 b1, out Fq6 r)
    {
        Fq2.Mul(in a.C2, in b1, out Fq2 c0);
        Fq2.MulByNonResidue(in c0, out c0);
        Fq2.Mul(in a.C0, in b1, out Fq2 c1);
        Fq2.Mul(in a.C1, in b1, out Fq2 c2);
        r = new Fq6(c0, c1, c2);
    }

    /// <summary>
    /// r = a⁻¹ (zero for zero) via the norm to Fq2 (algorithm 17 of Beuchat et al., "High-Speed Software
    /// Implementation of the Optimal Ate Pairing over Barreto–Naehrig Curves"): one Fq2 inversion.
    /// </summary>
    public static void Inverse(in Fq6 a, out Fq6 r)
    {
        Fq2.Square(in a.C0, out Fq2 t0);
        Fq2.Square(in a.C1, out Fq2 t1);
        Fq2.Square(in a.C2, out Fq2 t2);
        Fq2.Mul(in a.C0, in a.C1, out Fq2 t3);
        Fq2.Mul(in a.C0, in a.C2, out Fq2 t4);
        Fq2.Mul(in a.C1, in a.C2, out Fq2 t5);

        Fq2.MulByNonResidue(in t5, out Fq2 c0);
        Fq2.Sub(in t0, in c0, out c0);          // a0² − ξ·a1·a2
        Fq2.MulByNonResidue(in t2, out Fq2 c1);
        Fq2.Sub(in c1, in t3, out c1);          // ξ·a2² − a0·a1
        Fq2.Sub(in t1, in t4, out Fq2 c2);      // a1² − a0·a2

        Fq2.Mul(in a.C2, in c1, out Fq2 d1);
        Fq2.Mul(in a.C1, in c2, out Fq2 d2);
        Fq2.Add(in d1, in d2, out d1);
        Fq2.MulByNonResidue(in d1, out d1);
        Fq2.Mul(in a.C0, in c0, out Fq2 norm);
        Fq2.Add(in norm, in d1, out norm);
        Fq2.Inverse(in norm, out Fq2 inv);

        Fq2.Mul(in c0, in inv, out c0);
        Fq2.Mul(in c1, in inv, out c1);
        Fq2.Mul(in c2, in inv, out c2);
        r = new Fq6(c0, c1, c2);
    }

    /// <summary>r = a^p: conjugate each coefficient and scale the v, v² terms by ξ^((p−1)/3), ξ^(2(p−1)/3).</summary>
    public static void Frobenius(in Fq6 a, out Fq6 r)
    {
        Fq2.Conjugate(in a.C0, out Fq2 c0);
        Fq2.Conjugate(in a.C1, out Fq2 c1);
        Fq2.Conjugate(in a.C2, out Fq2 c2);
        Fq2.Mul(in c1, in FrobeniusConstants.Gamma1[2], out c1);
        Fq2.Mul(in c2, in FrobeniusConstants.Gamma1[4], out c2);
        r = new Fq6(c0, c1, c2);
    }

    /// <summary>r = a^(p²): the constants ξ^((p²−1)/3), ξ^(2(p²−1)/3) lie in Fq, so this is four Fq products.</summary>
    public static void FrobeniusSquare(in Fq6 a, out Fq6 r)
    {
        Fq2.MulByFq(in a.C1, in FrobeniusConstants.Gamma2[2], out Fq2 c1);
        Fq2.MulByFq(in a.C2, in FrobeniusConstants.Gamma2[4], out Fq2 c2);
        r = new Fq6(a.C0, c1, c2);
    }

    /// <inheritdoc cref="Add"/>
    public static Fq6 operator +(Fq6 a, Fq6 b) { Add(in a, in b, out Fq6 r); return r; }

    /// <inheritdoc cref="Sub"/>
    public static Fq6 operator -(Fq6 a, Fq6 b) { Sub(in a, in b, out Fq6 r); return r; }

    /// <inheritdoc cref="Neg"/>
    public static Fq6 operator -(Fq6 a) { Neg(in a, out Fq6 r); return r; }

    /// <inheritdoc cref="Mul"/>
    public static Fq6 operator *(Fq6 a, Fq6 b) { Mul(in a, in b, out Fq6 r); return r; }

    /// <summary>Value equality.</summary>
    public static bool operator ==(Fq6 a, Fq6 b) => a.Equals(b);

    /// <summary>Value inequality.</summary>
    public static bool operator !=(Fq6 a, Fq6 b) => !a.Equals(b);

    /// <summary>a⁻¹; throws <see cref="DivideByZeroException"/> for zero.</summary>
    public Fq6 Inverse()
    {
        if (IsZero)
        {
            throw new DivideByZeroException("Fq6: zero has no inverse.");
        }
        Inverse(in this, out Fq6 r);
        return r;
    }

    /// <summary>a².</summary>
    public Fq6 Square() { Square(in this, out Fq6 r); return r; }

    /// <inheritdoc />
    public bool Equals(Fq6 other) => C0.Equals(other.C0) && C1.Equals(other.C1) && C2.Equals(other.C2);

    /// <inheritdoc />
    public override bool Equals(object? obj) => obj is Fq6 other && Equals(other);

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(C0, C1, C2);

    /// <summary>"(c0) + (c1)·v + (c2)·v²" in decimal.</summary>
    public override string ToString() => $"({C0}) + ({C1})·v + ({C2})·v²";
}
