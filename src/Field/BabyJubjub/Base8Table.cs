// SPDX-License-Identifier: MIT
using System.Diagnostics;
using System.Runtime.CompilerServices;

namespace ZkOptions.Field.BabyJubjub;

/// <summary>
/// k·Base8 from a table built once: k in radix 2^w with signed digits d_j ∈ [−2^(w−1), 2^(w−1)), and
/// k·Base8 = Σ d_j·(2^(w·j)·Base8), where every |d_j|·2^(w·j)·Base8 is a precomputed affine point. No doublings: one
/// mixed addition per non-zero digit. Used for S·Base8 in verification, R8 = r·Base8 in signing and public keys.
/// </summary>
/// <remarks>
/// <para>Scalars must be below 2^251 (reduce mod l first: Base8 has order l &lt; 2^251). w = 6 gives 43 windows of
/// 32 points: 1,376 points of 128 bytes (172 KiB), about 42 additions per product. Widths 5 to 8 measured the same
/// time per product within noise (w = 8 does 32 additions, but its 512 KiB table misses the caches), so the smaller
/// table wins.</para>
/// <para>The table is built on first use (about 1 ms) by the type initializer, which the runtime runs exactly once
/// even when several threads arrive together.</para>
/// </remarks>
internal static class Base8Table
{
    private const int Width = 6;
    private const int ScalarBits = 251;
    private const int Windows = (ScalarBits + 2 + Width - 1) / Width; // k < 2^(w·Windows − 2) absorbs the last carry
    private const int PerWindow = 1 << (Width - 1);                 // |d| = 1 … 2^(w−1)

    // Entry (j, m) = m·2^(w·j)·Base8 at index j·PerWindow + m − 1.
    private static readonly PrecomputedAffinePoint[] Entries = Build();

    // An explicit static constructor keeps the table from being built before its first use (no beforefieldinit).
    static Base8Table()
    {
    }

    /// <summary>k·Base8 for k &lt; 2^251.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static void Multiply(in Scalar256 k, out ExtendedPoint r)
    {
        Debug.Assert(k.L3 >> (ScalarBits - 192) == 0, "Base8Table.Multiply needs k < 2^251: reduce mod l first.");
        Span<sbyte> digits = stackalloc sbyte[Windows];
        SignedDigits.SignedWindows(in k, Width, digits);
        PrecomputedAffinePoint[] entries = Entries;
        ExtendedPoint acc = ExtendedPoint.Identity;
        bool started = false;
        for (int j = 0; j < Windows; j++)
        {
            int digit = digits[j];
            if (digit == 0)
            {
                continue;
            }
            ref readonly PrecomputedAffinePoint entry = ref entries[j * PerWindow + Math.Abs(digit) - 1];
            PrecomputedAffinePoint addend = digit > 0 ? entry : PrecomputedAffinePoint.Negate(in entry);
            if (!started)
            {
                // The first term needs no addition to the identity: (x, y) → (x : y : x·y : 1).
                acc = ExtendedPoint.FromAffine(in addend.X, in addend.Y);
                started = true;
            }
            else
            {
                ExtendedPoint.Add(in acc, in addend, out acc);
            }
        }
        r = acc;
    }

    private static PrecomputedAffinePoint[] Build()
    {
        var projective = new ExtendedPoint[Windows * PerWindow];
        ExtendedPoint windowBase = ExtendedPoint.FromAffine(BabyJubjub.Base8);
        for (int j = 0; j < Windows; j++)
        {
            int at = j * PerWindow;
            projective[at] = windowBase;
            for (int m = 1; m < PerWindow; m++)
            {
                ExtendedPoint.Add(in projective[at + m - 1], in windowBase, out projective[at + m]);
            }
            // 2^(w·(j+1))·Base8 = 2·(2^(w−1)·2^(w·j)·Base8), the last entry of this window doubled.
            ExtendedPoint.Double(in projective[at + PerWindow - 1], out windowBase);
        }

        // To affine with one inversion for the whole table.
        var zInverses = new Fr[projective.Length];
        for (int i = 0; i < projective.Length; i++)
        {
            zInverses[i] = projective[i].Z;
        }
        Fr.BatchInverse(zInverses);
        var entries = new PrecomputedAffinePoint[projective.Length];
        for (int i = 0; i < projective.Length; i++)
        {
            ExtendedPoint.Mul(in projective[i].X, in zInverses[i], out Fr x);
            ExtendedPoint.Mul(in projective[i].Y, in zInverses[i], out Fr y);
            entries[i] = PrecomputedAffinePoint.FromAffine(in x, in y);
        }
        return entries;
    }
}
