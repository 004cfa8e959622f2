// SPDX-License-Identifier: MIT
using System.Numerics;

namespace ZkOptions.Field;

/// <summary>Non-adjacent form (signed binary digits, no two adjacent non-zero) of the fixed loop scalars.</summary>
internal static class Naf
{
    /// <summary>The NAF digits of a positive <paramref name="value"/>, least significant first.</summary>
    internal static sbyte[] Of(BigInteger value)
    {
        var digits = new List<sbyte>();
        while (value > 0)
        {
            sbyte d = 0;
            if (!value.IsEven)
            {
                d = (value & 3) == 1 ? (sbyte)1 : (sbyte)-1;
                value -= d;
            }
            digits.Add(d);
            value >>= 1;
        }
        return digits.ToArray();
    }

    /// <summary>
    /// The width-<paramref name="width"/> NAF of a positive <paramref name="value"/>, least significant first:
    /// every non-zero digit is odd with |d| &lt; 2^(width−1) and is followed by at least width − 1 zeros, so an
    /// exponentiation needs one multiplication per window from a table of odd powers.
    /// </summary>
    internal static sbyte[] Windowed(BigInteger value, int width)
    {
        int modulus = 1 << width;
        var digits = new List<sbyte>();
        while (value > 0)
        {
            int d = 0;
            if (!value.IsEven)
            {
                d = (int)(value & (modulus - 1));
                if (d >= modulus / 2)
                {
                    d -= modulus;
                }
                value -= d;
            }
            digits.Add((sbyte)d);
            value >>= 1;
        }
        return digits.ToArray();
    }
}
