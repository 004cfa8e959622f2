// SPDX-License-Identifier: MIT
namespace ZkOptions.Field;

/// <summary>Scalar multiplication for G2 (and any twist point): width-5 wNAF for one point, interleaved wNAF (Straus) for a few.</summary>
public readonly partial struct G2Jacobian
{
    /// <summary>[k]p for a scalar in Fr.</summary>
    public static G2Jacobian ScalarMul(in G2Affine p, in Fr k) => ScalarMul(FromAffine(in p), in k);

    /// <summary>[k]p for a scalar in Fr.</summary>
    public static G2Jacobian ScalarMul(in G2Jacobian p, in Fr k)
    {
        k.ToCanonicalLimbs(out ulong l0, out ulong l1, out ulong l2, out ulong l3);
        ReadOnlySpan<ulong> limbs = [l0, l1, l2, l3];
        return MulWnaf(in p, limbs);
    }

    /// <summary>
    /// [k]p for an arbitrary unsigned integer k given as little-endian 64-bit limbs (at most 64 limbs). The
    /// scalar is NOT reduced mod r: the twist has a large cofactor, and this must stay right for points outside
    /// G2 too (the subgroup check multiplies by x₀, and tests multiply by r).
    /// </summary>
    public static G2Jacobian ScalarMul(in G2Affine p, ReadOnlySpan<ulong> scalarLimbsLittleEndian) =>
        ScalarMul(FromAffine(in p), scalarLimbsLittleEndian);

    /// <inheritdoc cref="ScalarMul(in G2Affine, ReadOnlySpan{ulong})"/>
    public static G2Jacobian ScalarMul(in G2Jacobian p, ReadOnlySpan<ulong> scalarLimbsLittleEndian)
    {
        if (scalarLimbsLittleEndian.Length > 64)
        {
            throw new ArgumentException("Scalars are limited to 64 limbs.", nameof(scalarLimbsLittleEndian));
        }
        return MulWnaf(in p, scalarLimbsLittleEndian);
    }

    private static void BuildTable(in G2Jacobian p, Span<G2Jacobian> table)
    {
        table[0] = p;
        Double(in p, out G2Jacobian twice);
        for (int i = 1; i < table.Length; i++)
        {
            Add(in table[i - 1], in twice, out table[i]);
        }
    }

    private static G2Jacobian MulWnaf(in G2Jacobian p, ReadOnlySpan<ulong> k)
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
        Span<G2Jacobian> table = stackalloc G2Jacobian[Wnaf.TableSize];
        BuildTable(in p, table);
        // The top digit of a positive scalar is positive: start from it instead of doubling infinity.
        G2Jacobian acc = table[digits[n - 1] >> 1];
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
                Neg(in table[(-d) >> 1], out G2Jacobian t);
                Add(in acc, in t, out acc);
            }
        }
        return acc;
    }

    /// <summary>
    /// Σ [scalars[i]] points[i] (points of G2: scalars are taken mod r) by interleaved wNAF (Straus): one shared chain of ~254 doublings and ~n·43
    /// mixed additions from per-point tables made affine with a single inversion. Meant for small n (verifier
    /// sums, a handful of public inputs); large MSMs belong to the prover's bucket method.
    /// </summary>
    public static G2Jacobian MultiScalarMul(ReadOnlySpan<G2Affine> points, ReadOnlySpan<Fr> scalars)
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
        var tables = new G2Jacobian[n * tableSize];
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
        var affine = new G2Affine[tables.Length];
        BatchToAffine(tables, affine);
        G2Jacobian acc = Infinity;
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
                    G2Affine.Neg(in affine[i * tableSize + ((-d) >> 1)], out G2Affine t);
                    AddMixed(in acc, in t, out acc);
                }
            }
        }
        return acc;
    }
}
