// SPDX-License-Identifier: MIT
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace ZkOptions.Field;

/// <summary>
/// An element c0 + c1·w of Fq12 = Fq6[w]/(w² − v), the pairing's target field. As a vector over Fq2 the
/// coefficient of w^k (k = 0..5) is C0.C0, C1.C0, C0.C1, C1.C1, C0.C2, C1.C2 for k = 0, 1, 2, 3, 4, 5
/// (w² = v, w⁶ = ξ). Line functions are sparse in this basis: only w⁰, w¹ and w³ are set (<see cref="MulBy034"/>).
/// </summary>
[StructLayout(LayoutKind.Sequential)]
public readonly struct Fq12 : IEquatable<Fq12>
{
    /// <summary>The constant part c0.</summary>
    public readonly Fq6 C0;

    /// <summary>The coefficient c1 of w.</summary>
    public readonly Fq6 C1;

    /// <summary>Builds c0 + c1·w.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public Fq12(in Fq6 c0, in Fq6 c1)
    {
        C0 = c0;
        C1 = c1;
    }

    /// <summary>The additive identity.</summary>
    public static Fq12 Zero => default;

    /// <summary>The multiplicative identity.</summary>
    public static Fq12 One => new(Fq6.One, Fq6.Zero);

    /// <summary>The BN parameter x = 4965661367192848881 (BN254: p = 36x⁴ + 36x³ + 24x² + 6x + 1).</summary>
    public const ulong BnX = 4965661367192848881UL;

    /// <summary>Width-4 NAF of <see cref="BnX"/>, least significant digit first: 14 non-zero digits against
    /// 24 in the plain NAF, which saves seven Fq12 products per exponentiation for four spent on the table.</summary>
    private static readonly sbyte[] BnXWnaf = Naf.Windowed(BnX, 4);

    /// <summary>True for zero.</summary>
    public bool IsZero => C0.IsZero && C1.IsZero;

    /// <summary>True for one.</summary>
    public bool IsOne => C0.IsOne && C1.IsZero;

    /// <summary>r = a + b.</summary>
    public static void Add(in Fq12 a, in Fq12 b, out Fq12 r)
    {
        Fq6.Add(in a.C0, in b.C0, out Fq6 c0);
        Fq6.Add(in a.C1, in b.C1, out Fq6 c1);
        r = new Fq12(c0, c1);
    }

    /// <summary>r = a − b.</summary>
    public static void Sub(in Fq12 a, in Fq12 b, out Fq12 r)
    {
        Fq6.Sub(in a.C0, in b.C0, out Fq6 c0);
        Fq6.Sub(in a.C1, in b.C1, out Fq6 c1);
        r = new Fq12(c0, c1);
    }

    /// <summary>r = −a.</summary>
    public static void Neg(in Fq12 a, out Fq12 r)
    {
        Fq6.Neg(in a.C0, out Fq6 c0);
        Fq6.Neg(in a.C1, out Fq6 c1);
        r = new Fq12(c0, c1);
    }

    /// <summary>r = a·b with Karatsuba over Fq6: three Fq6 products (18 Fq2 products).</summary>
    public static void Mul(in Fq12 a, in Fq12 b, out Fq12 r)
    {
        Fq6.Mul(in a.C0, in b.C0, out Fq6 t0);
        Fq6.Mul(in a.C1, in b.C1, out Fq6 t1);
        Fq6.Add(in a.C0, in a.C1, out Fq6 s);
        Fq6.Add(in b.C0, in b.C1, out Fq6 d);
        Fq6.Mul(in s, in d, out Fq6 c1);
        Fq6.Sub(in c1, in t0, out c1);
        Fq6.Sub(in c1, in t1, out c1);
        Fq6.MulByNonResidue(in t1, out Fq6 c0);
        Fq6.Add(in c0, in t0, out c0);
        r = new Fq12(c0, c1);
    }

    /// <summary>
    /// r = a² with the complex method: c0 = (a0 − a1)(a0 − v·a1) + (1 + v)·a0·a1, c1 = 2·a0·a1 (two Fq6 products).
    /// </summary>
    public static void Square(in Fq12 a, out Fq12 r)
    {
        Fq6.Sub(in a.C0, in a.C1, out Fq6 d);
        Fq6.MulByNonResidue(in a.C1, out Fq6 va1);
        Fq6.Sub(in a.C0, in va1, out Fq6 e);
        Fq6.Mul(in a.C0, in a.C1, out Fq6 m);
        Fq6.Mul(in d, in e, out Fq6 c0);
        Fq6.Add(in c0, in m, out c0);
        Fq6.MulByNonResidue(in m, out Fq6 vm);
        Fq6.Add(in c0, in vm, out c0);
        Fq6.Double(in m, out Fq6 c1);
        r = new Fq12(c0, c1);
    }

    /// <summary>r = a⁻¹ = conj(a)/(a0² − v·a1²), and zero for zero: one Fq6 inversion.</summary>
    public static void Inverse(in Fq12 a, out Fq12 r)
    {
        Fq6.Square(in a.C0, out Fq6 t0);
        Fq6.Square(in a.C1, out Fq6 t1);
        Fq6.MulByNonResidue(in t1, out t1);
        Fq6.Sub(in t0, in t1, out t0);
        Fq6.Inverse(in t0, out Fq6 inv);
        Fq6.Mul(in a.C0, in inv, out Fq6 c0);
        Fq6.Mul(in a.C1, in inv, out Fq6 c1);
        Fq6.Neg(in c1, out c1);
        r = new Fq12(c0, c1);
    }

    /// <summary>
    /// r = c0 − c1·w = a^(p⁶). On the cyclotomic subgroup (where pairing values live after the easy part of the
    /// final exponentiation) this is the inverse.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void Conjugate(in Fq12 a, out Fq12 r)
    {
        Fq6.Neg(in a.C1, out Fq6 c1);
        r = new Fq12(a.C0, c1);
    }

    /// <summary>r = a^p: conjugate every Fq2 coefficient and scale the w^k one by ξ^(k(p−1)/6).</summary>
    public static void Frobenius(in Fq12 a, out Fq12 r) => ConjugateAndScale(in a, FrobeniusConstants.Gamma1, out r);

    /// <summary>r = a^(p²): Fq2 is fixed and the constants ξ^(k(p²−1)/6) lie in Fq (ten Fq products).</summary>
    public static void FrobeniusSquare(in Fq12 a, out Fq12 r)
    {
        Fq[] g = FrobeniusConstants.Gamma2;
        Fq2.MulByFq(in a.C1.C0, in g[1], out Fq2 x1);
        Fq2.MulByFq(in a.C0.C1, in g[2], out Fq2 x2);
        Fq2.MulByFq(in a.C1.C1, in g[3], out Fq2 x3);
        Fq2.MulByFq(in a.C0.C2, in g[4], out Fq2 x4);
        Fq2.MulByFq(in a.C1.C2, in g[5], out Fq2 x5);
        r = new Fq12(new Fq6(a.C0.C0, x2, x4), new Fq6(x1, x3, x5));
    }

    /// <summary>r = a^(p³): conjugate every Fq2 coefficient and scale the w^k one by ξ^(k(p³−1)/6).</summary>
    public static void FrobeniusCube(in Fq12 a, out Fq12 r) => ConjugateAndScale(in a, FrobeniusConstants.Gamma3, out r);

    /// <summary>
    /// The odd powers a^(p^j) share one shape: conjugate every Fq2 coefficient (Fq2's own Frobenius) and scale
    /// the w^k coefficient by g[k] = ξ^(k(p^j−1)/6).
    /// </summary>
    private static void ConjugateAndScale(in Fq12 a, Fq2[] g, out Fq12 r)
    {
        Fq2.Conjugate(in a.C0.C0, out Fq2 x0);
        Fq2.Conjugate(in a.C0.C1, out Fq2 x2);
        Fq2.Conjugate(in a.C0.C2, out Fq2 x4);
        Fq2.Conjugate(in a.C1.C0, out Fq2 x1);
        Fq2.Conjugate(in a.C1.C1, out Fq2 x3);
        Fq2.Conjugate(in a.C1.C2, out Fq2 x5);
        Fq2.Mul(in x1, in g[1], out x1);
        Fq2.Mul(in x2, in g[2], out x2);
        Fq2.Mul(in x3, in g[3], out x3);
        Fq2.Mul(in x4, in g[4], out x4);
        Fq2.Mul(in x5, in g[5], out x5);
        r = new Fq12(new Fq6(x0, x2, x4), new Fq6(x1, x3, x5));
    }

    /// <summary>
    /// r = a² for a in the cyclotomic subgroup (a^(p⁴ − p² + 1) = 1), by Granger and Scott, "Faster
    /// Squaring in the Cyclotomic Subgroup of Sixth Degree Extensions": six Fq2 squarings of Fq4 pairs instead
    /// of two Fq6 products. Wrong for elements outside that subgroup.
    /// </summary>
    public static void CyclotomicSquare(in Fq12 a, out Fq12 r)
    {
        // Fq4 = Fq2[w³]/(w⁶ − ξ) pairs: (g0, g3) = (C0.C0, C1.C1), (g1, g4) = (C1.C0, C0.C2),
        // (g2, g5) = (C0.C1, C1.C2). Each pair (x, y) squares to (x² + ξy², 2xy).
        Fq2.Square(in a.C1.C1, out Fq2 t0);
        Fq2.Square(in a.C0.C0, out Fq2 t1);
        Fq2.Add(in a.C1.C1, in a.C0.C0, out Fq2 t6);
        Fq2.Square(in t6, out t6);
        Fq2.Sub(in t6, in t0, out t6);
        Fq2.Sub(in t6, in t1, out t6);              // 2·g0·g3

        Fq2.Square(in a.C0.C2, out Fq2 t2);
        Fq2.Square(in a.C1.C0, out Fq2 t3);
        Fq2.Add(in a.C0.C2, in a.C1.C0, out Fq2 t7);
        Fq2.Square(in t7, out t7);
        Fq2.Sub(in t7, in t2, out t7);
        Fq2.Sub(in t7, in t3, out t7);              // 2·g4·g1

        Fq2.Square(in a.C1.C2, out Fq2 t4);
        Fq2.Square(in a.C0.C1, out Fq2 t5);
        Fq2.Add(in a.C1.C2, in a.C0.C1, out Fq2 t8);
        Fq2.Square(in t8, out t8);
        Fq2.Sub(in t8, in t4, out t8);
        Fq2.Sub(in t8, in t5, out t8);
        Fq2.MulByNonResidue(in t8, out t8);         // 2·ξ·g5·g2

        Fq2.MulByNonResidue(in t0, out t0);
        Fq2.Add(in t0, in t1, out t0);              // g0² + ξ·g3²
        Fq2.MulByNonResidue(in t2, out t2);
        Fq2.Add(in t2, in t3, out t2);              // g1² + ξ·g4²
        Fq2.MulByNonResidue(in t4, out t4);
        Fq2.Add(in t4, in t5, out t4);              // g2² + ξ·g5²

        // z = 3·t − 2·g for the "real" halves and 3·t + 2·g for the others (the subgroup makes this a square).
        Fq2.Sub(in t0, in a.C0.C0, out Fq2 z00);
        Fq2.Double(in z00, out z00);
        Fq2.Add(in z00, in t0, out z00);
        Fq2.Sub(in t2, in a.C0.C1, out Fq2 z01);
        Fq2.Double(in z01, out z01);
        Fq2.Add(in z01, in t2, out z01);
        Fq2.Sub(in t4, in a.C0.C2, out Fq2 z02);
        Fq2.Double(in z02, out z02);
        Fq2.Add(in z02, in t4, out z02);

        Fq2.Add(in t8, in a.C1.C0, out Fq2 z10);
        Fq2.Double(in z10, out z10);
        Fq2.Add(in z10, in t8, out z10);
        Fq2.Add(in t6, in a.C1.C1, out Fq2 z11);
        Fq2.Double(in z11, out z11);
        Fq2.Add(in z11, in t6, out z11);
        Fq2.Add(in t7, in a.C1.C2, out Fq2 z12);
        Fq2.Double(in z12, out z12);
        Fq2.Add(in z12, in t7, out z12);

        r = new Fq12(new Fq6(z00, z01, z02), new Fq6(z10, z11, z12));
    }

    /// <summary>
    /// r = a^x for the BN parameter x (<see cref="BnX"/>): cyclotomic squarings and a width-4 signed window over
    /// the odd powers a, a³, a⁵, a⁷ (negative digits use conj = inverse, free in the subgroup). Only valid for a
    /// in the cyclotomic subgroup.
    /// </summary>
    public static void CyclotomicExpByX(in Fq12 a, out Fq12 r)
    {
        Span<Fq12> odd = stackalloc Fq12[4];
        odd[0] = a;
        CyclotomicSquare(in a, out Fq12 a2);
        for (int i = 1; i < 4; i++)
        {
            Mul(in odd[i - 1], in a2, out odd[i]);
        }
        sbyte[] digits = BnXWnaf;
        Fq12 acc = odd[digits[^1] >> 1]; // the top digit is positive
        for (int i = digits.Length - 2; i >= 0; i--)
        {
            CyclotomicSquare(in acc, out acc);
            int d = digits[i];
            if (d > 0)
            {
                Mul(in acc, in odd[d >> 1], out acc);
            }
            else if (d < 0)
            {
                Conjugate(in odd[(-d) >> 1], out Fq12 inv);
                Mul(in acc, in inv, out acc);
            }
        }
        r = acc;
    }

    /// <summary>
    /// r = a·(c0 + c3·w + c4·w³), the product by a line value (coefficients of w⁰, w¹, w³): 13 Fq2 products
    /// instead of 18.
    /// </summary>
    public static void MulBy034(in Fq12 a, in Fq2 c0, in Fq2 c3, in Fq2 c4, out Fq12 r)
    {
        // a·ℓ = a0·c0 + a1·L·v + (a0·L + a1·c0)·w with L = c3 + c4·v, and
        // a0·L + a1·c0 = (a0 + a1)(c0 + L) − a0·c0 − a1·L.
        Fq6.MulByFq2(in a.C0, in c0, out Fq6 t0);
        Fq6.MulBy01(in a.C1, in c3, in c4, out Fq6 t1);
        Fq2.Add(in c0, in c3, out Fq2 d0);
        Fq6.Add(in a.C0, in a.C1, out Fq6 s);
        Fq6.MulBy01(in s, in d0, in c4, out Fq6 c1);
        Fq6.Sub(in c1, in t0, out c1);
        Fq6.Sub(in c1, in t1, out c1);
        Fq6.MulByNonResidue(in t1, out Fq6 c0r);
        Fq6.Add(in c0r, in t0, out c0r);
        r = new Fq12(c0r, c1);
    }

    /// <summary>
    /// The product of two line values (d0 + d3·w + d4·w³)(c0 + c3·w + c4·w³): six Fq2 products. The result has
    /// no w⁵ term; it is returned as the Fq6 pair (r0 + r1·v + r2·v², r3 + r4·v) for <see cref="MulBy01234"/>.
    /// </summary>
    public static void Mul034By034(
        in Fq2 d0, in Fq2 d3, in Fq2 d4, in Fq2 c0, in Fq2 c3, in Fq2 c4, out Fq6 lo, out Fq2 r3, out Fq2 r4)
    {
        Fq2.Mul(in c0, in d0, out Fq2 x0);
        Fq2.Mul(in c3, in d3, out Fq2 x3);
        Fq2.Mul(in c4, in d4, out Fq2 x4);

        Fq2.Add(in c0, in c4, out Fq2 s);
        Fq2.Add(in d0, in d4, out Fq2 t);
        Fq2.Mul(in s, in t, out Fq2 x04);
        Fq2.Sub(in x04, in x0, out x04);
        Fq2.Sub(in x04, in x4, out x04);            // w³ coefficient

        Fq2.Add(in c0, in c3, out s);
        Fq2.Add(in d0, in d3, out t);
        Fq2.Mul(in s, in t, out Fq2 x03);
        Fq2.Sub(in x03, in x0, out x03);
        Fq2.Sub(in x03, in x3, out x03);            // w¹ coefficient

        Fq2.Add(in c3, in c4, out s);
        Fq2.Add(in d3, in d4, out t);
        Fq2.Mul(in s, in t, out Fq2 x34);
        Fq2.Sub(in x34, in x3, out x34);
        Fq2.Sub(in x34, in x4, out x34);            // w⁴ coefficient

        Fq2.MulByNonResidue(in x4, out Fq2 z0);
        Fq2.Add(in z0, in x0, out z0);              // w⁰: x0 + ξ·x4 (w⁶ = ξ)

        lo = new Fq6(z0, x3, x34);                  // w⁰, w², w⁴
        r3 = x03;
        r4 = x04;
    }

    /// <summary>r = a·(lo + (r3 + r4·v)·w), the product by two multiplied lines: 17 Fq2 products.</summary>
    public static void MulBy01234(in Fq12 a, in Fq6 lo, in Fq2 r3, in Fq2 r4, out Fq12 r)
    {
        Fq6.Mul(in a.C0, in lo, out Fq6 t0);
        Fq6.MulBy01(in a.C1, in r3, in r4, out Fq6 t1);
        Fq6.Add(in a.C0, in a.C1, out Fq6 s);
        Fq6 hi = new(r3, r4, Fq2.Zero);
        Fq6.Add(in lo, in hi, out Fq6 d);
        Fq6.Mul(in s, in d, out Fq6 c1);
        Fq6.Sub(in c1, in t0, out c1);
        Fq6.Sub(in c1, in t1, out c1);
        Fq6.MulByNonResidue(in t1, out Fq6 c0);
        Fq6.Add(in c0, in t0, out c0);
        r = new Fq12(c0, c1);
    }

    /// <inheritdoc cref="Add"/>
    public static Fq12 operator +(Fq12 a, Fq12 b) { Add(in a, in b, out Fq12 r); return r; }

    /// <inheritdoc cref="Sub"/>
    public static Fq12 operator -(Fq12 a, Fq12 b) { Sub(in a, in b, out Fq12 r); return r; }

    /// <inheritdoc cref="Neg"/>
    public static Fq12 operator -(Fq12 a) { Neg(in a, out Fq12 r); return r; }

    /// <inheritdoc cref="Mul"/>
    public static Fq12 operator *(Fq12 a, Fq12 b) { Mul(in a, in b, out Fq12 r); return r; }

    /// <summary>Value equality.</summary>
    public static bool operator ==(Fq12 a, Fq12 b) => a.Equals(b);

    /// <summary>Value inequality.</summary>
    public static bool operator !=(Fq12 a, Fq12 b) => !a.Equals(b);

    /// <summary>a⁻¹; throws <see cref="DivideByZeroException"/> for zero.</summary>
    public Fq12 Inverse()
    {
        if (IsZero)
        {
            throw new DivideByZeroException("Fq12: zero has no inverse.");
        }
        Inverse(in this, out Fq12 r);
        return r;
    }

    /// <summary>a².</summary>
    public Fq12 Square() { Square(in this, out Fq12 r); return r; }

    /// <inheritdoc />
    public bool Equals(Fq12 other) => C0.Equals(other.C0) && C1.Equals(other.C1);

    /// <inheritdoc />
    public override bool Equals(object? obj) => obj is Fq12 other && Equals(other);

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(C0, C1);

    /// <summary>"(c0) + (c1)·w" in decimal.</summary>
    public override string ToString() => $"({C0}) + ({C1})·w";
}
