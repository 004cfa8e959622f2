// SPDX-License-Identifier: MIT
using System.Globalization;
using System.Numerics;

namespace ZkOptions.Settlement.Numbers;

/// <summary>Exact decimal text ↔ scaled integers, with no floating point on the way.</summary>
public static class DecimalText
{
    /// <summary>
    /// Parses an optionally signed decimal ("-1,234.5") with at most <paramref name="decimals"/> fractional digits
    /// into value·10^decimals. Throws <see cref="FormatException"/> naming <paramref name="what"/> and the text.
    /// </summary>
    public static long Parse(string text, int decimals, string what)
    {
        ArgumentNullException.ThrowIfNull(text);
        string t = text.Trim().Replace(",", "", StringComparison.Ordinal).Replace("_", "", StringComparison.Ordinal);
        bool negative = t.StartsWith('-');
        if (negative || t.StartsWith('+'))
        {
            t = t[1..];
        }
        string[] parts = t.Split('.');
        if (t.Length == 0 || parts.Length > 2 || parts.Any(p => p.Any(c => c is < '0' or > '9'))
            || (parts[0].Length == 0 && (parts.Length == 1 || parts[1].Length == 0)))
        {
            throw new FormatException($"'{text}' is not {what} (expected digits with an optional sign and decimal point).");
        }
        string frac = parts.Length == 2 ? parts[1] : "";
        if (frac.Length > decimals)
        {
            throw new FormatException($"'{text}' has more than {decimals} decimals; {what} has {decimals}.");
        }
        BigInteger v = BigInteger.Parse((parts[0].Length == 0 ? "0" : parts[0]) + frac.PadRight(decimals, '0'),
            NumberStyles.None, CultureInfo.InvariantCulture);
        if (negative)
        {
            v = -v;
        }
        if (v > long.MaxValue || v < -long.MaxValue)
        {
            throw new FormatException($"'{text}' is out of range for {what}.");
        }
        return (long)v;
    }

    /// <summary>value / 10^decimals as text with thousands separators and all decimals: "-1,234.500000".</summary>
    public static string Format(long value, int decimals)
    {
        BigInteger scale = BigInteger.Pow(10, decimals);
        BigInteger abs = BigInteger.Abs(value);
        BigInteger whole = BigInteger.DivRem(abs, scale, out BigInteger frac);
        string sign = value < 0 ? "-" : "";
        string w = whole.ToString("N0", CultureInfo.InvariantCulture);
        return decimals == 0 ? sign + w : $"{sign}{w}.{frac.ToString(CultureInfo.InvariantCulture).PadLeft(decimals, '0')}";
    }
}
