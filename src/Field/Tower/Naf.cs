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
}
