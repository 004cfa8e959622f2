// SPDX-License-Identifier: MIT
namespace ZkOptions.Field;

/// <summary>Scalar multiplication for G1: width-5 wNAF for one point, interleaved wNAF (Straus) for a few.</summary>
public readonly partial struct G1Jacobian
{
    /// <summary>[k]p for a scalar in Fr.</summary>
    public static G1Jacobian ScalarMul(in G1Affine p, in Fr k) => ScalarMul(FromAffine(in p), in k);

    /// <summary>[k]p for a scalar in Fr.</summary>
    public static G1Jacobian ScalarMul(in G1Jacobian p, in Fr k)
    {
        k.ToCanonicalLimbs(out ulong l0, out ulong l1, out ulong l2, out ulong l3);
        ReadOnlySpan<ulong> limbs = [l0, l1, l2, l3];
        return MulWnaf(in p, limbs);
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
        return MulWnaf(FromAffine(in p), reduced);
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
