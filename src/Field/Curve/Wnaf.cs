// SPDX-License-Identifier: MIT
using System.Numerics;

namespace ZkOptions.Field;

/// <summary>
/// Width-w non-adjacent form of an unsigned scalar: digits in {0, ±1, ±3, …, ±(2^(w−1)−1)}, at most one
/// non-zero digit in any w consecutive positions, so a scalar multiplication needs about bits/(w+1) additions
/// from a table of 2^(w−2) odd multiples.
/// </summary>
internal static class Wnaf
{
    /// <summary>The window used by the curve code: 5 gives 8 table entries and ~1/6 density on 256 bits.</summary>
    public const int Window = 5;

    /// <summary>Table entries of odd multiples P, 3P, …, (2^(w−1)−1)P.</summary>
    public const int TableSize = 1 << (Window - 2);

    /// <summary>Digits needed for a scalar of <paramref name="limbCount"/> 64-bit limbs (one extra for the final carry).</summary>
    public static int MaxDigits(int limbCount) => 64 * limbCount + 1;

    /// <summary>
    /// Writes the w-NAF digits of <paramref name="k"/> (little-endian limbs), least significant first, and
    /// returns how many there are (0 for k = 0).
    /// </summary>
    public static int Recode(ReadOnlySpan<ulong> k, Span<sbyte> digits)
    {
        Span<ulong> t = stackalloc ulong[k.Length + 1];
        k.CopyTo(t);
        const ulong mask = (1UL << Window) - 1;
        const long half = 1L << (Window - 1);
        int count = 0;
        int last = 0;
        while (!IsZero(t))
        {
            long digit = 0;
            if ((t[0] & 1) != 0)
            {
                digit = (long)(t[0] & mask);
                if (digit >= half)
                {
                    digit -= 1L << Window;
                }
                // Clearing the low w bits this way leaves the next w−1 digits zero.
                if (digit > 0)
                {
                    SubSmall(t, (ulong)digit);
                }
                else
                {
                    AddSmall(t, (ulong)(-digit));
                }
                last = count;
            }
            digits[count++] = (sbyte)digit;
            ShiftRight1(t);
        }
        return count == 0 ? 0 : last + 1;
    }

    private static bool IsZero(ReadOnlySpan<ulong> t)
    {
        foreach (ulong limb in t)
        {
            if (limb != 0)
            {
                return false;
            }
        }
        return true;
    }

    private static void SubSmall(Span<ulong> t, ulong v)
    {
        for (int i = 0; i < t.Length && v != 0; i++)
        {
            ulong old = t[i];
            t[i] = old - v;
            v = old < v ? 1UL : 0UL;
        }
    }

    private static void AddSmall(Span<ulong> t, ulong v)
    {
        for (int i = 0; i < t.Length && v != 0; i++)
        {
            t[i] += v;
            v = t[i] < v ? 1UL : 0UL;
        }
    }

    private static void ShiftRight1(Span<ulong> t)
    {
        for (int i = 0; i < t.Length - 1; i++)
        {
            t[i] = (t[i] >> 1) | (t[i + 1] << 63);
        }
        t[^1] >>= 1;
    }

    private static readonly ulong[] RLimbs = ToLimbs(Fr.Modulus);

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
    /// Writes k mod r into four limbs. Inputs of up to four limbs are below 2^256 &lt; 6r, so a few
    /// subtractions suffice; longer inputs go through BigInteger.
    /// </summary>
    public static void ReduceModR(ReadOnlySpan<ulong> k, Span<ulong> reduced)
    {
        reduced.Clear();
        if (k.Length > 4)
        {
            BigInteger v = BigInteger.Zero;
            for (int i = k.Length - 1; i >= 0; i--)
            {
                v = (v << 64) | k[i];
            }
            v %= Fr.Modulus;
            for (int i = 0; i < 4; i++)
            {
                reduced[i] = (ulong)(v & ulong.MaxValue);
                v >>= 64;
            }
            return;
        }
        k.CopyTo(reduced);
        while (!LessThanR(reduced))
        {
            ulong borrow = 0;
            for (int i = 0; i < 4; i++)
            {
                ulong a = reduced[i], b = RLimbs[i];
                ulong d = a - b - borrow;
                borrow = (a < b || (a == b && borrow != 0)) ? 1UL : 0UL;
                reduced[i] = d;
            }
        }
    }

    private static bool LessThanR(ReadOnlySpan<ulong> v)
    {
        for (int i = 3; i >= 0; i--)
        {
            if (v[i] != RLimbs[i])
            {
                return v[i] < RLimbs[i];
            }
        }
        return false;
    }
}
