// SPDX-License-Identifier: MIT
using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace ZkOptions.Field;

/// <summary>
/// An element c0 + c1·u of Fq2 = Fq[u]/(u² + 1), the field of G2's coordinates. Fq6 and Fq12 are built on it
/// with the non-residue ξ = 9 + u.
/// </summary>
[StructLayout(LayoutKind.Sequential)]
public readonly struct Fq2 : IEquatable<Fq2>
{
    /// <summary>The real part c0.</summary>
    public readonly Fq C0;

    /// <summary>The imaginary part c1 (the coefficient of u).</summary>
    public readonly Fq C1;

    /// <summary>Builds c0 + c1·u.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public Fq2(in Fq c0, in Fq c1)
    {
        C0 = c0;
        C1 = c1;
    }

    /// <summary>The additive identity.</summary>
    public static Fq2 Zero => default;

    /// <summary>The multiplicative identity.</summary>
    public static Fq2 One => new(Fq.One, Fq.Zero);

    /// <summary>ξ = 9 + u, the non-residue that defines Fq6 and the twist b' = 3/ξ.</summary>
    public static Fq2 NonResidue => new(Fq.FromUInt64(9), Fq.One);

    /// <summary>True for zero.</summary>
    public bool IsZero => C0.IsZero && C1.IsZero;

    /// <summary>True for one.</summary>
    public bool IsOne => C0.IsOne && C1.IsZero;

    /// <summary>r = a + b.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void Add(in Fq2 a, in Fq2 b, out Fq2 r)
    {
        Fq.Add(in a.C0, in b.C0, out Fq c0);
        Fq.Add(in a.C1, in b.C1, out Fq c1);
        r = new Fq2(c0, c1);
    }

    /// <summary>r = a − b.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void Sub(in Fq2 a, in Fq2 b, out Fq2 r)
    {
        Fq.Sub(in a.C0, in b.C0, out Fq c0);
        Fq.Sub(in a.C1, in b.C1, out Fq c1);
        r = new Fq2(c0, c1);
    }

    /// <summary>r = −a.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void Neg(in Fq2 a, out Fq2 r)
    {
        Fq.Neg(in a.C0, out Fq c0);
        Fq.Neg(in a.C1, out Fq c1);
        r = new Fq2(c0, c1);
    }

    /// <summary>r = 2a.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void Double(in Fq2 a, out Fq2 r)
    {
        Fq.Double(in a.C0, out Fq c0);
        Fq.Double(in a.C1, out Fq c1);
        r = new Fq2(c0, c1);
    }

    /// <summary>r = conj(a) = c0 − c1·u, which is also the Frobenius map a^p.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void Conjugate(in Fq2 a, out Fq2 r)
    {
        Fq.Neg(in a.C1, out Fq c1);
        r = new Fq2(a.C0, c1);
    }

    /// <summary>r = a·b with Karatsuba (three Fq products).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void Mul(in Fq2 a, in Fq2 b, out Fq2 r)
    {
        MulBase(in a.C0, in b.C0, out Fq v0);
        MulBase(in a.C1, in b.C1, out Fq v1);
        Fq.Add(in a.C0, in a.C1, out Fq sa);
        Fq.Add(in b.C0, in b.C1, out Fq sb);
        MulBase(in sa, in sb, out Fq c1);
        Fq.Sub(in c1, in v0, out c1);
        Fq.Sub(in c1, in v1, out c1);
        Fq.Sub(in v0, in v1, out Fq c0);
        r = new Fq2(c0, c1);
    }

    /// <summary>r = a² with the complex method: (c0 + c1)(c0 − c1) + 2·c0·c1·u (two Fq products).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void Square(in Fq2 a, out Fq2 r)
    {
        Fq.Add(in a.C0, in a.C1, out Fq s);
        Fq.Sub(in a.C0, in a.C1, out Fq d);
        MulBase(in a.C0, in a.C1, out Fq m);
        MulBase(in s, in d, out Fq c0);
        Fq.Double(in m, out Fq c1);
        r = new Fq2(c0, c1);
    }

    /// <summary>r = a·k for k in the base field.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void MulByFq(in Fq2 a, in Fq k, out Fq2 r)
    {
        MulBase(in a.C0, in k, out Fq c0);
        MulBase(in a.C1, in k, out Fq c1);
        r = new Fq2(c0, c1);
    }

    /// <summary>r = a·ξ with ξ = 9 + u: (9·c0 − c1) + (c0 + 9·c1)·u, additions only.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void MulByNonResidue(in Fq2 a, out Fq2 r)
    {
        Times9(in a.C0, out Fq n0);
        Times9(in a.C1, out Fq n1);
        Fq.Sub(in n0, in a.C1, out Fq c0);
        Fq.Add(in n1, in a.C0, out Fq c1);
        r = new Fq2(c0, c1);
    }

    /// <summary>
    /// The Fq product, deliberately out of line. An inlined Fq.Mul is ~570 instructions; Fq6/Fq12 methods that
    /// inlined several ran out of JIT inlining budget and then left limb helpers and constructors as calls. One
    /// call per product keeps the additions around it inlined (measured ~10% faster pairing).
    /// </summary>
    [MethodImpl(MethodImplOptions.NoInlining)]
    private static void MulBase(in Fq a, in Fq b, out Fq r) => Fq.Mul(in a, in b, out r);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void Times9(in Fq x, out Fq r)
    {
        Fq.Double(in x, out Fq t);
        Fq.Double(in t, out t);
        Fq.Double(in t, out t);
        Fq.Add(in t, in x, out r);
    }

    /// <summary>r = a⁻¹ = conj(a)/(c0² + c1²), and zero for zero.</summary>
    public static void Inverse(in Fq2 a, out Fq2 r)
    {
        Fq.Square(in a.C0, out Fq t0);
        Fq.Square(in a.C1, out Fq t1);
        Fq.Add(in t0, in t1, out Fq norm);
        Fq.Inverse(in norm, out Fq inv);
        Fq.Mul(in a.C0, in inv, out Fq c0);
        Fq.Mul(in a.C1, in inv, out Fq c1);
        Fq.Neg(in c1, out c1);
        r = new Fq2(c0, c1);
    }

    /// <summary>r = a^e for an exponent given as little-endian 64-bit limbs.</summary>
    public static void Pow(in Fq2 a, ReadOnlySpan<ulong> exponent, out Fq2 r)
    {
        Fq2 acc = One;
        for (int limb = exponent.Length - 1; limb >= 0; limb--)
        {
            for (int bit = 63; bit >= 0; bit--)
            {
                Square(in acc, out acc);
                if (((exponent[limb] >> bit) & 1) != 0)
                {
                    Mul(in acc, in a, out acc);
                }
            }
        }
        r = acc;
    }

    private static readonly ulong[] PMinus3Over4 = ToLimbs((Fq.Modulus - 3) / 4);
    private static readonly ulong[] PMinus1Over2 = ToLimbs((Fq.Modulus - 1) / 2);

    private static ulong[] ToLimbs(BigInteger v)
    {
        var limbs = new ulong[4];
        for (int i = 0; i < 4; i++)
        {
            limbs[i] = (ulong)(v & ulong.MaxValue);
            v >>= 64;
        }
        return limbs;
    }

    /// <summary>
    /// Square root in Fq2 for p ≡ 3 mod 4 (Adj and Rodríguez-Henríquez, "Square root computation over even
    /// extension fields", Algorithm 9). Returns false when a is not a square.
    /// </summary>
    public static bool TrySqrt(in Fq2 a, out Fq2 root)
    {
        if (a.IsZero)
        {
            root = default;
            return true;
        }
        Pow(in a, PMinus3Over4, out Fq2 a1);
        Square(in a1, out Fq2 alpha);
        Mul(in alpha, in a, out alpha);          // alpha = a^((p−1)/2)
        Conjugate(in alpha, out Fq2 alphaP);
        Mul(in alphaP, in alpha, out Fq2 a0);    // a0 = alpha^(p+1), the norm test
        Neg(One, out Fq2 minusOne);
        if (a0.Equals(minusOne))
        {
            root = default;
            return false;
        }
        Mul(in a1, in a, out Fq2 x0);
        Fq2 x;
        if (alpha.Equals(minusOne))
        {
            x = new Fq2(-x0.C1, x0.C0); // multiply by u
        }
        else
        {
            Add(One, in alpha, out Fq2 b);
            Pow(in b, PMinus1Over2, out b);
            Mul(in b, in x0, out x);
        }
        Square(in x, out Fq2 check);
        root = x;
        return check.Equals(a);
    }

    /// <inheritdoc cref="Add"/>
    public static Fq2 operator +(Fq2 a, Fq2 b) { Add(in a, in b, out Fq2 r); return r; }

    /// <inheritdoc cref="Sub"/>
    public static Fq2 operator -(Fq2 a, Fq2 b) { Sub(in a, in b, out Fq2 r); return r; }

    /// <inheritdoc cref="Neg"/>
    public static Fq2 operator -(Fq2 a) { Neg(in a, out Fq2 r); return r; }

    /// <inheritdoc cref="Mul"/>
    public static Fq2 operator *(Fq2 a, Fq2 b) { Mul(in a, in b, out Fq2 r); return r; }

    /// <summary>Value equality.</summary>
    public static bool operator ==(Fq2 a, Fq2 b) => a.Equals(b);

    /// <summary>Value inequality.</summary>
    public static bool operator !=(Fq2 a, Fq2 b) => !a.Equals(b);

    /// <summary>a⁻¹; throws <see cref="DivideByZeroException"/> for zero.</summary>
    public Fq2 Inverse()
    {
        if (IsZero)
        {
            throw new DivideByZeroException("Fq2: zero has no inverse.");
        }
        Inverse(in this, out Fq2 r);
        return r;
    }

    /// <summary>a².</summary>
    public Fq2 Square() { Square(in this, out Fq2 r); return r; }

    /// <inheritdoc />
    public bool Equals(Fq2 other) => C0.Equals(other.C0) && C1.Equals(other.C1);

    /// <inheritdoc />
    public override bool Equals(object? obj) => obj is Fq2 other && Equals(other);

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(C0, C1);

    /// <summary>"c0 + c1·u" in decimal.</summary>
    public override string ToString() => $"{C0} + {C1}·u";
}
