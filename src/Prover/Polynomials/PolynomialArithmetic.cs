// SPDX-License-Identifier: MIT
using ZkOptions.Field;

namespace ZkOptions.Prover.Polynomials;

/// <summary>
/// Coefficient-form operations the PLONK rounds need: evaluation, division by X − z and by X^n − 1, scaled sums.
/// Coefficients are in ascending order (index i holds the coefficient of X^i).
/// </summary>
public static class PolynomialArithmetic
{
    private const int ParallelChunk = 1 << 14;

    /// <summary>p(x) by Horner's rule, split into chunks evaluated in parallel for long polynomials.</summary>
    public static unsafe Fr Evaluate(ReadOnlySpan<Fr> coefficients, in Fr x)
    {
        if (coefficients.Length <= 2 * ParallelChunk)
        {
            return Horner(coefficients, x);
        }
        // p(x) = Σ_k x^(k·C) · p_k(x) over chunks p_k of C coefficients. The chunks are read in place through a pointer
        // (the span is pinned while the synchronous parallel loop runs) rather than from a copy: a copy per evaluation
        // was an n-sized array of garbage each time, about 40 per proof.
        int length = coefficients.Length;
        int chunks = (length + ParallelChunk - 1) / ParallelChunk;
        var partial = new Fr[chunks];
        Fr xv = x;
        fixed (Fr* pinned = coefficients)
        {
            nint start0 = (nint)pinned;
            Parallel.For(0, chunks, ParallelLimit.Options, k =>
            {
                int start = k * ParallelChunk;
                partial[k] = Horner(new ReadOnlySpan<Fr>((Fr*)start0 + start, Math.Min(ParallelChunk, length - start)), xv);
            });
        }
        Fr.Pow(in xv, (ulong)ParallelChunk, out Fr step);
        return Horner(partial, step);
    }

    private static Fr Horner(ReadOnlySpan<Fr> coefficients, in Fr x)
    {
        Fr acc = Fr.Zero;
        for (int i = coefficients.Length - 1; i >= 0; i--)
        {
            Fr.Mul(in acc, in x, out acc);
            Fr.Add(in acc, in coefficients[i], out acc);
        }
        return acc;
    }

    /// <summary>
    /// In place: p(X) → q(X) = (p(X) − p(z)) / (X − z), returning p(z). The quotient occupies indices 0 … len − 2;
    /// the top index is set to zero.
    /// </summary>
    public static Fr DivideByLinear(Span<Fr> coefficients, in Fr z)
    {
        // Synthetic division from the top: q_{i−1} = p_i + z·q_i (q_{d−1} = p_d); the final carry is the remainder p(z).
        Fr carry = Fr.Zero;
        for (int i = coefficients.Length - 1; i >= 0; i--)
        {
            Fr.Mul(in carry, in z, out Fr t);
            Fr.Add(in t, in coefficients[i], out Fr next);
            coefficients[i] = carry;
            carry = next;
        }
        // coefficients[i] now holds q_i, and the top coefficient is zero.
        return carry;
    }

    /// <summary>
    /// Divides p (length ≤ 4n) by X^n − 1 in place, returning false when the remainder is not zero (the polynomial did
    /// not vanish on the domain — in PLONK, a witness that breaks a gate or copy constraint).
    /// From p = q·(X^n − 1): q_i = q_{i−n} − p_i, and the top n coefficients of p must equal q shifted by n.
    /// </summary>
    public static bool DivideByVanishing(Span<Fr> coefficients, int n)
    {
        int length = coefficients.Length;
        var q = new Fr[Math.Max(0, length - n)];
        for (int i = 0; i < q.Length; i++)
        {
            Fr.Neg(in coefficients[i], out Fr negP);
            if (i >= n)
            {
                Fr.Add(in q[i - n], in negP, out negP);
            }
            q[i] = negP;
        }
        // Check: for i ≥ length − n, p_i must equal q_{i−n} (no q_i term exists there).
        for (int i = Math.Max(0, length - n); i < length; i++)
        {
            Fr expected = i >= n ? q[i - n] : Fr.Zero;
            if (coefficients[i] != expected)
            {
                return false;
            }
        }
        q.CopyTo(coefficients);
        coefficients[q.Length..].Clear();
        return true;
    }

    /// <summary>target[i] += factor · source[i] for every i of source (target must be at least as long).</summary>
    public static void AddScaled(Span<Fr> target, ReadOnlySpan<Fr> source, in Fr factor)
    {
        for (int i = 0; i < source.Length; i++)
        {
            Fr.Mul(in source[i], in factor, out Fr t);
            Fr.Add(in target[i], in t, out target[i]);
        }
    }

    /// <summary>target[i] += source[i].</summary>
    public static void Add(Span<Fr> target, ReadOnlySpan<Fr> source)
    {
        for (int i = 0; i < source.Length; i++)
        {
            Fr.Add(in target[i], in source[i], out target[i]);
        }
    }

    /// <summary>Adds (b0 + b1·X + b2·X² …)·(X^n − 1) to p in place (p must have room for n + blinding.Length terms).</summary>
    public static void AddBlindingTimesVanishing(Span<Fr> coefficients, int n, ReadOnlySpan<Fr> blinding)
    {
        for (int j = 0; j < blinding.Length; j++)
        {
            Fr.Sub(in coefficients[j], in blinding[j], out coefficients[j]);
            Fr.Add(in coefficients[n + j], in blinding[j], out coefficients[n + j]);
        }
    }

    /// <summary>The degree of p (−1 for the zero polynomial).</summary>
    public static int Degree(ReadOnlySpan<Fr> coefficients)
    {
        for (int i = coefficients.Length - 1; i >= 0; i--)
        {
            if (!coefficients[i].IsZero)
            {
                return i;
            }
        }
        return -1;
    }
}
