// SPDX-License-Identifier: MIT
using System.Buffers.Binary;
using System.Numerics;

namespace ZkOptions.Field;

/// <summary>
/// Scalar multiplication for G1: GLV (two ~128-bit halves through the endomorphism φ) with interleaved width-5
/// wNAF for one point, interleaved wNAF (Straus) for a few.
/// </summary>
public readonly partial struct G1Jacobian
{
    /// <summary>[k]p for a scalar in Fr.</summary>
    public static G1Jacobian ScalarMul(in G1Affine p, in Fr k) => ScalarMul(FromAffine(in p), in k);

    /// <summary>[k]p for a scalar in Fr.</summary>
    public static G1Jacobian ScalarMul(in G1Jacobian p, in Fr k)
    {
        k.ToCanonicalLimbs(out ulong l0, out ulong l1, out ulong l2, out ulong l3);
        ReadOnlySpan<ulong> limbs = [l0, l1, l2, l3];
        return MulGlv(in p, limbs);
    }

    /// <summary>
    /// [k]p for an arbitrary unsigned integer k given as little-endian 64-bit limbs (any length; Ethereum's
    /// ecMul passes any 256-bit value). G1 has cofactor 1, so every point on the curve has order r (or 1) and
    /// [k]p = [k mod r]p: the scalar is reduced mod r first, which is valid for any <paramref name="p"/> on the
    /// curve (and meaningless for one that is not).
    /// </summary>
    public static G1Jacobian ScalarMul(in G1Affine p, ReadOnlySpan<ulong> scalarLimbsLittleEndian)
    {
        Span<ulong> reduced = stackalloc ulong[4];
        Wnaf.ReduceModR(scalarLimbsLittleEndian, reduced);
        return MulGlv(FromAffine(in p), reduced);
    }

    /// <summary>Plain wNAF without the endomorphism (no reduction): derives the GLV constants, and cross-checks.</summary>
    internal static G1Jacobian ScalarMulWnaf(in G1Jacobian p, BigInteger k)
    {
        Span<ulong> limbs = stackalloc ulong[(int)((k.GetBitLength() + 63) / 64)];
        ToLimbs(k, limbs);
        return MulWnaf(in p, limbs);
    }

    private static void ToLimbs(BigInteger k, Span<ulong> limbs)
    {
        Span<byte> bytes = stackalloc byte[8 * limbs.Length];
        bytes.Clear();
        k.TryWriteBytes(bytes, out _, isUnsigned: true, isBigEndian: false);
        for (int i = 0; i < limbs.Length; i++)
        {
            limbs[i] = BinaryPrimitives.ReadUInt64LittleEndian(bytes[(8 * i)..]);
        }
    }

    /// <summary>[k]p for k &lt; r (four limbs) as [k1]p + [k2]φ(p), sharing one chain of ~128 doublings.</summary>
    private static G1Jacobian MulGlv(in G1Jacobian p, ReadOnlySpan<ulong> k)
    {
        if (p.IsInfinity)
        {
            return Infinity;
        }
        Span<byte> bytes = stackalloc byte[32];
        for (int i = 0; i < 4; i++)
        {
            BinaryPrimitives.WriteUInt64LittleEndian(bytes[(8 * i)..], k[i]);
        }
        var scalar = new BigInteger(bytes, isUnsigned: true, isBigEndian: false);
        if (scalar.IsZero)
        {
            return Infinity;
        }
        G1Endomorphism.Decompose(scalar, out BigInteger k1, out BigInteger k2);
        // Fold the signs into the points: [k1]P = [|k1|](±P), and likewise for φ(P).
        G1Jacobian p1 = p;
        if (k1.Sign < 0)
        {
            Neg(in p, out p1);
        }
        bool flip = k1.Sign * k2.Sign < 0;
        const int limbCount = 3; // |k1|, |k2| are about 2^127; three limbs leave ample room
        Span<ulong> l1 = stackalloc ulong[limbCount], l2 = stackalloc ulong[limbCount];
        ToLimbs(BigInteger.Abs(k1), l1);
        ToLimbs(BigInteger.Abs(k2), l2);
        Span<sbyte> d1 = stackalloc sbyte[Wnaf.MaxDigits(limbCount)], d2 = stackalloc sbyte[Wnaf.MaxDigits(limbCount)];
        int n1 = Wnaf.Recode(l1, d1), n2 = Wnaf.Recode(l2, d2);
        Span<G1Jacobian> t1 = stackalloc G1Jacobian[Wnaf.TableSize], t2 = stackalloc G1Jacobian[Wnaf.TableSize];
        BuildTable(in p1, t1);
        for (int i = 0; i < t1.Length; i++)
        {
            // φ([m]P1) = [m]φ(P1): the second table costs one multiplication per entry.
            G1Endomorphism.Apply(in t1[i], out t2[i]);
            if (flip)
            {
                Neg(in t2[i], out t2[i]);
            }
        }
        G1Jacobian acc = Infinity;
        for (int j = Math.Max(n1, n2) - 1; j >= 0; j--)
        {
            Double(in acc, out acc);
            if (j < n1)
            {
                AddDigit(ref acc, t1, d1[j]);
            }
            if (j < n2)
            {
                AddDigit(ref acc, t2, d2[j]);
            }
        }
        return acc;
    }

    private static void AddDigit(ref G1Jacobian acc, ReadOnlySpan<G1Jacobian> table, int d)
    {
        if (d > 0)
        {
            Add(in acc, in table[d >> 1], out acc);
        }
        else if (d < 0)
        {
            Neg(in table[(-d) >> 1], out G1Jacobian t);
            Add(in acc, in t, out acc);
        }
    }

    private static void BuildTable(in G1Jacobian p, Span<G1Jacobian> table)
    {
        table[0] = p;
        Double(in p, out G1Jacobian twice);
        for (int i = 1; i < table.Length; i++)
        {
            Add(in table[i - 1], in twice, out table[i]);
        }
    }

    private static G1Jacobian MulWnaf(in G1Jacobian p, ReadOnlySpan<ulong> k)
    {
        if (p.IsInfinity)
        {
            return Infinity;
        }
        Span<sbyte> digits = stackalloc sbyte[Wnaf.MaxDigits(k.Length)];
        int n = Wnaf.Recode(k, digits);
        if (n == 0)
        {
            return Infinity;
        }
        Span<G1Jacobian> table = stackalloc G1Jacobian[Wnaf.TableSize];
        BuildTable(in p, table);
        // The top digit of a positive scalar is positive: start from it instead of doubling infinity.
        G1Jacobian acc = table[digits[n - 1] >> 1];
        for (int i = n - 2; i >= 0; i--)
        {
            Double(in acc, out acc);
            int d = digits[i];
            if (d > 0)
            {
                Add(in acc, in table[d >> 1], out acc);
            }
            else if (d < 0)
            {
                Neg(in table[(-d) >> 1], out G1Jacobian t);
                Add(in acc, in t, out acc);
            }
        }
        return acc;
    }

    /// <summary>
    /// Σ [scalars[i]] points[i] by interleaved wNAF (Straus): one shared chain of ~254 doublings and ~n·43
    /// mixed additions from per-point tables made affine with a single inversion. Meant for small n (verifier
    /// sums, a handful of public inputs); large MSMs belong to the prover's bucket method.
    /// </summary>
    public static G1Jacobian MultiScalarMul(ReadOnlySpan<G1Affine> points, ReadOnlySpan<Fr> scalars)
    {
        if (points.Length != scalars.Length)
        {
            throw new ArgumentException($"{points.Length} points but {scalars.Length} scalars.", nameof(scalars));
        }
        int n = points.Length;
        const int stride = 4 * 64 + 1;
        const int tableSize = Wnaf.TableSize;
        var digits = new sbyte[n * stride];
        var lengths = new int[n];
        var tables = new G1Jacobian[n * tableSize];
        int maxLength = 0;
        Span<ulong> limbs = stackalloc ulong[4];
        for (int i = 0; i < n; i++)
        {
            if (points[i].IsInfinity)
            {
                BuildTable(Infinity, tables.AsSpan(i * tableSize, tableSize));
                continue; // length stays 0: contributes nothing
            }
            scalars[i].ToCanonicalLimbs(out limbs[0], out limbs[1], out limbs[2], out limbs[3]);
            lengths[i] = Wnaf.Recode(limbs, digits.AsSpan(i * stride, stride));
            maxLength = Math.Max(maxLength, lengths[i]);
            BuildTable(FromAffine(in points[i]), tables.AsSpan(i * tableSize, tableSize));
        }
        var affine = new G1Affine[tables.Length];
        BatchToAffine(tables, affine);
        G1Jacobian acc = Infinity;
        for (int j = maxLength - 1; j >= 0; j--)
        {
            Double(in acc, out acc);
            for (int i = 0; i < n; i++)
            {
                if (j >= lengths[i])
                {
                    continue;
                }
                int d = digits[i * stride + j];
                if (d > 0)
                {
                    AddMixed(in acc, in affine[i * tableSize + (d >> 1)], out acc);
                }
                else if (d < 0)
                {
                    G1Affine.Neg(in affine[i * tableSize + ((-d) >> 1)], out G1Affine t);
                    AddMixed(in acc, in t, out acc);
                }
            }
        }
        return acc;
    }
}
