// SPDX-License-Identifier: MIT
using System.Runtime.CompilerServices;

namespace ZkOptions.Field.BabyJubjub;

/// <summary>
/// k·P for a point P known only at run time (a public key, or any point but Base8 given to BabyJubjub.Multiply):
/// width-5 NAF digits of k, a table of the odd multiples P, 3P, …, 15P, and one doubling per bit with an addition
/// for about one bit in six.
/// </summary>
/// <remarks>
/// Width 5 measured fastest for 254-bit scalars: width 4 adds ~9 more additions, width 6 costs 8 more table
/// entries than it saves. Doublings that are followed by another doubling skip T (see
/// <see cref="ExtendedPoint.DoubleWithoutT"/>).
/// </remarks>
internal static class WnafMultiplication
{
    private const int Width = 5;
    private const int OddMultiples = 1 << (Width - 2); // P, 3P, …, (2^(w−1) − 1)P

    /// <summary>k·p for any k &lt; 2^256, not reduced: valid for every curve point, whatever its order.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static void Multiply(in ExtendedPoint p, in Scalar256 k, out ExtendedPoint r)
    {
        Span<sbyte> digits = stackalloc sbyte[SignedDigits.MaxWnafLength];
        int length = SignedDigits.Wnaf(in k, Width, digits);
        if (length == 0)
        {
            r = ExtendedPoint.Identity;
            return;
        }

        // oddMultiples[i] = (2i + 1)·p, and their negations, ready to add.
        Span<ExtendedPoint> oddMultiples = stackalloc ExtendedPoint[OddMultiples];
        Span<PrecomputedPoint> addends = stackalloc PrecomputedPoint[2 * OddMultiples];
        oddMultiples[0] = p;
        ExtendedPoint.Double(in p, out ExtendedPoint twice);
        PrecomputedPoint twiceAddend = PrecomputedPoint.From(in twice);
        for (int i = 1; i < OddMultiples; i++)
        {
            ExtendedPoint.Add(in oddMultiples[i - 1], in twiceAddend, out oddMultiples[i]);
        }
        for (int i = 0; i < OddMultiples; i++)
        {
            addends[i] = PrecomputedPoint.From(in oddMultiples[i]);
            addends[OddMultiples + i] = PrecomputedPoint.Negate(in addends[i]);
        }

        // The top digit is positive: start from its multiple instead of adding it to the identity.
        ExtendedPoint acc = oddMultiples[digits[length - 1] >> 1];
        for (int i = length - 2; i >= 0; i--)
        {
            int digit = digits[i];
            if (digit == 0 && i > 0)
            {
                ExtendedPoint.DoubleWithoutT(in acc, out acc);
                continue;
            }
            ExtendedPoint.Double(in acc, out acc);
            if (digit > 0)
            {
                ExtendedPoint.Add(in acc, in addends[digit >> 1], out acc);
            }
            else if (digit < 0)
            {
                ExtendedPoint.Add(in acc, in addends[OddMultiples + (-digit >> 1)], out acc);
            }
        }
        r = acc;
    }
}
