// SPDX-License-Identifier: MIT
namespace ZkOptions.Field.BabyJubjub;

/// <summary>
/// Signed-digit recodings of a <see cref="Scalar256"/> for window methods. Negative digits are free on an Edwards
/// curve (−(x, y) = (−x, y)), so they halve the tables of the unsigned forms.
/// </summary>
internal static class SignedDigits
{
    /// <summary>Digits a width-w NAF of a 256-bit scalar can have: one more than its bits, for the last carry.</summary>
    public const int MaxWnafLength = Scalar256.BitCount + 1;

    /// <summary>
    /// The width-<paramref name="width"/> NAF of k (2 ≤ width ≤ 8), least significant digit first: every digit is 0
    /// or odd in (−2^(w−1), 2^(w−1)), any w consecutive digits hold at most one non-zero, and
    /// k = Σ digits[i]·2^i. Writes <see cref="MaxWnafLength"/> digits and returns the length up to the last non-zero
    /// one (0 for k = 0); the top non-zero digit is positive.
    /// </summary>
    public static int Wnaf(in Scalar256 k, int width, Span<sbyte> digits)
    {
        digits[..MaxWnafLength].Clear();
        int carry = 0;
        int length = 0;
        int bit = 0;
        while (bit < MaxWnafLength)
        {
            // The value still to recode is (k >> bit) + carry; while it is even, the digit is 0.
            if ((int)k.Bits(bit, 1) == carry)
            {
                bit++;
                continue;
            }
            int word = (int)k.Bits(bit, width) + carry;      // odd
            carry = (word >> (width - 1)) & 1;               // the top half becomes negative, borrowing 2^w
            word -= carry << width;
            digits[bit] = (sbyte)word;
            length = bit + 1;
            bit += width;
        }
        return length;
    }

    /// <summary>
    /// k in radix 2^w with digits in [−2^(w−1), 2^(w−1)), least significant first (1 ≤ width ≤ 8): k = Σ digits[j]·2^(w·j).
    /// Requires k &lt; 2^(w·digits.Length − 2) so that the last carry is absorbed; writes digits.Length digits.
    /// </summary>
    public static void SignedWindows(in Scalar256 k, int width, Span<sbyte> digits)
    {
        int carry = 0;
        int half = 1 << (width - 1);
        for (int j = 0; j < digits.Length; j++)
        {
            int value = (int)k.Bits(width * j, width) + carry;
            carry = value >= half ? 1 : 0;
            digits[j] = (sbyte)(value - (carry << width));
        }
    }
}
