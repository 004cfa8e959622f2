// SPDX-License-Identifier: MIT
using System.Runtime.InteropServices;

namespace ZkOptions.Field;

/// <summary>
/// The optimal ate pairing e: G1 × G2 → GT ⊂ Fq12 on BN254, e(P, Q) = f_{6x+2,Q}(P) · ℓ_{T,π(Q)}(P) ·
/// ℓ_{T',−π²(Q)}(P) raised to (p¹² − 1)/r. G2 points are mapped to E(Fq12) by the D-twist
/// ψ(x, y) = (x·w², y·w³).
/// </summary>
/// <remarks>
/// Inputs are not validated: every G1 point must be on the curve and every G2 point on the twist and in the
/// order-r subgroup (the caller, e.g. the precompile layer, checks this). A pair with either point at infinity
/// contributes 1 and is skipped.
/// </remarks>
public static class Pairing
{
    /// <summary>6x + 2 in non-adjacent form, least significant digit first (gnark-crypto's LoopCounter).</summary>
    private static readonly sbyte[] LoopNaf = Naf.Of(6 * new System.Numerics.BigInteger(Fq12.BnX) + 2);

    /// <summary>3·b' = 9/ξ, the twist constant in the doubling formula.</summary>
    private static readonly Fq2 ThreeB =
        new Fq2(Fq.FromUInt64(9), Fq.Zero) * Fq2.NonResidue.Inverse();

    /// <summary>Per-pair loop state: the running point T = (X : Y : Z) in homogeneous coordinates, Q, −Q, and
    /// the G1 values that scale line coefficients.</summary>
    [StructLayout(LayoutKind.Sequential)]
    private struct PairState
    {
        public Fq2 X, Y, Z;
        public Fq2 QX, QY, NegQY;
        public Fq PY, NegPY, ThreePX, NegPX;
    }

    /// <summary>A line value c0 + c3·w + c4·w³ (the layout of <see cref="Fq12.MulBy034"/>).</summary>
    private struct Line
    {
        public Fq2 C0, C3, C4;
    }

    /// <summary>
    /// The Miller loop product Π f_i over all pairs (p[i], q[i]), sharing the Fq12 squarings. The result is
    /// only meaningful after <see cref="FinalExponentiation"/>. Throws <see cref="ArgumentException"/> when the
    /// spans differ in length.
    /// </summary>
    public static Fq12 MillerLoop(ReadOnlySpan<G1Affine> p, ReadOnlySpan<G2Affine> q)
    {
        if (p.Length != q.Length)
        {
            throw new ArgumentException("Pairing: the G1 and G2 inputs must have the same length.", nameof(q));
        }
        int n = 0;
        for (int i = 0; i < p.Length; i++)
        {
            if (!p[i].IsInfinity && !q[i].IsInfinity)
            {
                n++;
            }
        }
        if (n == 0)
        {
            return Fq12.One;
        }
        // 512 bytes per pair; the heap is only used for unusually long products.
        Span<PairState> st = n <= 16 ? stackalloc PairState[n] : new PairState[n];
        int k = 0;
        for (int i = 0; i < p.Length; i++)
        {
            if (p[i].IsInfinity || q[i].IsInfinity)
            {
                continue;
            }
            ref PairState s = ref st[k++];
            s.X = q[i].X;
            s.Y = q[i].Y;
            s.Z = Fq2.One;
            s.QX = q[i].X;
            s.QY = q[i].Y;
            Fq2.Neg(in q[i].Y, out s.NegQY);
            s.PY = p[i].Y;
            Fq.Neg(in p[i].Y, out s.NegPY);
            Fq.Double(in p[i].X, out Fq twoX);
            Fq.Add(in twoX, in p[i].X, out s.ThreePX);
            Fq.Neg(in p[i].X, out s.NegPX);
        }
        return Loop(st);
    }

    private static Fq12 Loop(Span<PairState> st)
    {
        sbyte[] naf = LoopNaf;
        Fq12 f = Fq12.One;
        bool fIsOne = true; // lets the first lines be assigned rather than multiplied into 1
        // Up to two lines per pair per step; they are multiplied together in pairs before touching f.
        Span<Line> lines = st.Length <= 16 ? stackalloc Line[2 * st.Length] : new Line[2 * st.Length];
        for (int i = naf.Length - 2; i >= 0; i--)
        {
            if (!fIsOne)
            {
                Fq12.Square(in f, out f);
            }
            int count = 0;
            for (int k = 0; k < st.Length; k++)
            {
                DoubleStep(ref st[k], out lines[count++]);
            }
            if (naf[i] != 0)
            {
                bool negative = naf[i] < 0;
                for (int k = 0; k < st.Length; k++)
                {
                    ref PairState s = ref st[k];
                    ref Fq2 y = ref negative ? ref s.NegQY : ref s.QY;
                    AddStep(ref s, in s.QX, in y, out lines[count++]);
                }
            }
            MulByLines(ref f, ref fIsOne, lines[..count]);
        }

        // The two extra lines of the optimal ate pairing: T += π(Q), then the line through T and −π²(Q).
        Fq2[] g1 = FrobeniusConstants.Gamma1;
        Fq[] g2 = FrobeniusConstants.Gamma2;
        int last = 0;
        for (int k = 0; k < st.Length; k++)
        {
            ref PairState s = ref st[k];
            // π(Q) = (conj(x)·γ₁₂, conj(y)·γ₁₃) on the twist.
            Fq2.Conjugate(in s.QX, out Fq2 x1);
            Fq2.Mul(in x1, in g1[2], out x1);
            Fq2.Conjugate(in s.QY, out Fq2 y1);
            Fq2.Mul(in y1, in g1[3], out y1);
            // −π²(Q) = (x·γ₂₂, −y·γ₂₃) with γ₂₃ = ξ^((p²−1)/2) = −1, so the y coordinate is y itself.
            Fq2.MulByFq(in s.QX, in g2[2], out Fq2 x2);
            Fq2.MulByFq(in s.NegQY, in g2[3], out Fq2 y2);

            AddStep(ref s, in x1, in y1, out lines[last++]);
            AddStep(ref s, in x2, in y2, out lines[last++]); // the point is no longer needed, only its line
        }
        MulByLines(ref f, ref fIsOne, lines[..last]);
        return f;
    }

    /// <summary>f ← f·Π lines, two lines at a time (6 + 17 Fq2 products per pair of lines against 2·13).</summary>
    private static void MulByLines(ref Fq12 f, ref bool fIsOne, ReadOnlySpan<Line> lines)
    {
        int j = 0;
        for (; j + 1 < lines.Length; j += 2)
        {
            ref readonly Line a = ref lines[j];
            ref readonly Line b = ref lines[j + 1];
            Fq12.Mul034By034(in a.C0, in a.C3, in a.C4, in b.C0, in b.C3, in b.C4, out Fq6 lo, out Fq2 r3, out Fq2 r4);
            if (fIsOne)
            {
                f = new Fq12(lo, new Fq6(r3, r4, Fq2.Zero));
                fIsOne = false;
            }
            else
            {
                Fq12.MulBy01234(in f, in lo, in r3, in r4, out f);
            }
        }
        if (j < lines.Length)
        {
            ref readonly Line a = ref lines[j];
            if (fIsOne)
            {
                f = new Fq12(new Fq6(a.C0, Fq2.Zero, Fq2.Zero), new Fq6(a.C3, a.C4, Fq2.Zero));
                fIsOne = false;
            }
            else
            {
                Fq12.MulBy034(in f, in a.C0, in a.C3, in a.C4, out f);
            }
        }
    }

    /// <summary>
    /// T ← 2T and the tangent line at T evaluated at P, in homogeneous coordinates (Costello, Lange and
    /// Naehrig, "Faster Pairing Computations on Curves with High-Degree Twists"; no inversion). The output
    /// point is scaled by 4 to avoid halvings: (X : Y : Z) is projective, so this changes nothing.
    /// </summary>
    private static void DoubleStep(ref PairState s, out Line l)
    {
        Fq2.Mul(in s.X, in s.Y, out Fq2 a);
        Fq2.Double(in a, out a);                 // 2XY
        Fq2.Square(in s.Y, out Fq2 b);           // Y²
        Fq2.Square(in s.Z, out Fq2 c);           // Z²
        Fq2.Mul(in c, in ThreeB, out Fq2 e);     // 3b'Z²
        Fq2.Double(in e, out Fq2 f);
        Fq2.Add(in f, in e, out f);              // 9b'Z²
        Fq2.Add(in b, in f, out Fq2 g);          // Y² + 9b'Z²
        Fq2.Add(in s.Y, in s.Z, out Fq2 h);
        Fq2.Square(in h, out h);
        Fq2.Add(in b, in c, out Fq2 t);
        Fq2.Sub(in h, in t, out h);              // 2YZ
        Fq2.Sub(in e, in b, out Fq2 i);          // 3b'Z² − Y²
        Fq2.Square(in s.X, out Fq2 j);           // X²
        Fq2.Square(in e, out Fq2 ee);
        Fq2.Double(in ee, out Fq2 k);
        Fq2.Add(in k, in ee, out k);             // 27b'²Z⁴ / 9 · 3 = 3e²

        Fq2.Sub(in b, in f, out Fq2 x3);
        Fq2.Mul(in x3, in a, out s.X);           // 2XY(Y² − 9b'Z²)
        Fq2.Square(in g, out Fq2 y3);
        Fq2.Double(in k, out Fq2 k2);
        Fq2.Double(in k2, out k2);
        Fq2.Sub(in y3, in k2, out s.Y);          // (Y² + 9b'Z²)² − 12e²
        Fq2.Mul(in b, in h, out Fq2 z3);
        Fq2.Double(in z3, out z3);
        Fq2.Double(in z3, out s.Z);              // 8Y³Z

        // Tangent −2YZ·y_P + 3X²·x_P·w + (3b'Z² − Y²)·w³ (the affine line times −2y_T·Z², an Fq2 scalar that
        // the final exponentiation removes).
        Fq2.MulByFq(in h, in s.NegPY, out l.C0);
        Fq2.MulByFq(in j, in s.ThreePX, out l.C3);
        l.C4 = i;
    }

    /// <summary>
    /// T ← T + (x2, y2) for an affine (x2, y2) and the chord line through them evaluated at P (mixed addition
    /// in homogeneous coordinates).
    /// </summary>
    private static void AddStep(ref PairState s, in Fq2 x2, in Fq2 y2, out Line l)
    {
        Fq2.Mul(in y2, in s.Z, out Fq2 y2z1);
        Fq2.Sub(in s.Y, in y2z1, out Fq2 o);     // Y1 − y2·Z1
        Fq2.Mul(in x2, in s.Z, out Fq2 x2z1);
        Fq2.Sub(in s.X, in x2z1, out Fq2 lam);   // X1 − x2·Z1
        Fq2.Square(in o, out Fq2 c);
        Fq2.Square(in lam, out Fq2 d);
        Fq2.Mul(in lam, in d, out Fq2 e);
        Fq2.Mul(in s.Z, in c, out Fq2 f);
        Fq2.Mul(in s.X, in d, out Fq2 g);
        Fq2.Double(in g, out Fq2 t0);
        Fq2.Add(in e, in f, out Fq2 h);
        Fq2.Sub(in h, in t0, out h);
        Fq2.Mul(in s.Y, in e, out Fq2 t1);

        Fq2.Mul(in lam, in h, out s.X);
        Fq2.Sub(in g, in h, out Fq2 y3);
        Fq2.Mul(in y3, in o, out y3);
        Fq2.Sub(in y3, in t1, out s.Y);
        Fq2.Mul(in e, in s.Z, out s.Z);

        // Chord L·y_P − O·x_P·w + (O·x2 − L·y2)·w³ (the affine line times L = x_T − x2, up to Z).
        Fq2.Mul(in lam, in y2, out Fq2 t2);
        Fq2.Mul(in x2, in o, out Fq2 jj);
        Fq2.Sub(in jj, in t2, out l.C4);
        Fq2.MulByFq(in lam, in s.PY, out l.C0);
        Fq2.MulByFq(in o, in s.NegPX, out l.C3);
    }

    /// <summary>
    /// f^((p¹² − 1)/r), exactly the standard reduced pairing value (the same GT element as geth's bn256 and the
    /// textbook definition; gnark-crypto's chain instead yields the fixed power 2x(6x² + 3x + 1) of it). The easy
    /// part f^((p⁶ − 1)(p² + 1)) uses one inversion; the hard part (p⁴ − p² + 1)/r = λ₀ + λ₁p + λ₂p² + λ₃p³ is
    /// the vectorial addition chain of Scott et al., "On the Final Exponentiation for Calculating Pairings on
    /// Ordinary Elliptic Curves", with three exponentiations by x in the cyclotomic subgroup. Zero maps to zero.
    /// </summary>
    public static Fq12 FinalExponentiation(in Fq12 f)
    {
        // Easy part: t = f^(p⁶ − 1) = conj(f)/f, then t^(p² + 1). The result is in the cyclotomic subgroup.
        Fq12.Inverse(in f, out Fq12 inv);
        Fq12.Conjugate(in f, out Fq12 t);
        Fq12.Mul(in t, in inv, out t);
        Fq12.FrobeniusSquare(in t, out Fq12 tp2);
        Fq12.Mul(in t, in tp2, out t);
        if (t.IsOne)
        {
            return t;
        }

        Fq12.Frobenius(in t, out Fq12 fp);
        Fq12.FrobeniusSquare(in t, out Fq12 fp2);
        Fq12.Frobenius(in fp2, out Fq12 fp3);

        Fq12.CyclotomicExpByX(in t, out Fq12 fu);
        Fq12.CyclotomicExpByX(in fu, out Fq12 fu2);
        Fq12.CyclotomicExpByX(in fu2, out Fq12 fu3);

        Fq12.Frobenius(in fu, out Fq12 y3);
        Fq12.Frobenius(in fu2, out Fq12 fu2p);
        Fq12.Frobenius(in fu3, out Fq12 fu3p);
        Fq12.FrobeniusSquare(in fu2, out Fq12 y2);

        Fq12.Mul(in fp, in fp2, out Fq12 y0);
        Fq12.Mul(in y0, in fp3, out y0);
        Fq12.Conjugate(in t, out Fq12 y1);
        Fq12.Conjugate(in fu2, out Fq12 y5);
        Fq12.Conjugate(in y3, out y3);
        Fq12.Mul(in fu, in fu2p, out Fq12 y4);
        Fq12.Conjugate(in y4, out y4);
        Fq12.Mul(in fu3, in fu3p, out Fq12 y6);
        Fq12.Conjugate(in y6, out y6);

        // y0 · y1² · y2⁶ · y3¹² · y4¹⁸ · y5³⁰ · y6³⁶
        Fq12.CyclotomicSquare(in y6, out Fq12 t0);
        Fq12.Mul(in t0, in y4, out t0);
        Fq12.Mul(in t0, in y5, out t0);
        Fq12.Mul(in y3, in y5, out Fq12 t1);
        Fq12.Mul(in t1, in t0, out t1);
        Fq12.Mul(in t0, in y2, out t0);
        Fq12.CyclotomicSquare(in t1, out t1);
        Fq12.Mul(in t1, in t0, out t1);
        Fq12.CyclotomicSquare(in t1, out t1);
        Fq12.Mul(in t1, in y1, out t0);
        Fq12.Mul(in t1, in y0, out t1);
        Fq12.CyclotomicSquare(in t0, out t0);
        Fq12.Mul(in t0, in t1, out t0);
        return t0;
    }

    /// <summary>The reduced optimal ate pairing e(p, q); 1 when either point is infinity.</summary>
    public static Fq12 Pair(in G1Affine p, in G2Affine q)
    {
        G1Affine pp = p;
        G2Affine qq = q;
        Fq12 f = MillerLoop(new ReadOnlySpan<G1Affine>(in pp), new ReadOnlySpan<G2Affine>(in qq));
        return FinalExponentiation(in f);
    }

    /// <summary>
    /// True when Π e(p[i], q[i]) = 1, with one shared Miller loop and a single final exponentiation (the
    /// EIP-197 check). Zero pairs give true. Throws <see cref="ArgumentException"/> when the spans differ in
    /// length. Inputs must be valid (on the curve, G2 points in the subgroup); see the type's remarks.
    /// </summary>
    public static bool ProductIsOne(ReadOnlySpan<G1Affine> p, ReadOnlySpan<G2Affine> q)
    {
        Fq12 f = MillerLoop(p, q);
        return FinalExponentiation(in f).IsOne;
    }
}
