// SPDX-License-Identifier: MIT
using System.Globalization;
using System.Numerics;
using ZkOptions.Field;

namespace ZkOptions.Cli.Commands;

/// <summary>
/// Field elements typed on the command line: a decimal integer or 0x-prefixed hex, strictly below r (never reduced,
/// so a typo cannot silently become another value). Errors name the argument and the text.
/// </summary>
internal static class FieldInput
{
    /// <summary>Longest accepted text: 78 decimal digits or 0x and 64 hex digits, with room for leading zeros.</summary>
    private const int MaxLength = 100;

    /// <summary>Parses <paramref name="text"/>; <paramref name="what"/> names it in the <see cref="UsageException"/>.</summary>
    public static Fr Parse(string text, string what)
    {
        BigInteger value = ParseInteger(text, what);
        if (value >= Fr.Modulus)
        {
            throw new UsageException($"{what} \"{Shorten(text)}\" is ≥ r, the BN254 scalar field modulus ({Fr.Modulus}).");
        }
        return Fr.FromBigInteger(value);
    }

    private static BigInteger ParseInteger(string text, string what)
    {
        if (text.Length > 0 && text.Length <= MaxLength)
        {
            if (text.StartsWith("0x", StringComparison.OrdinalIgnoreCase))
            {
                string digits = text[2..];
                if (digits.Length > 0 && digits.All(Uri.IsHexDigit))
                {
                    return BigInteger.Parse("0" + digits, NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture);
                }
            }
            else if (text.All(char.IsAsciiDigit))
            {
                return BigInteger.Parse(text, NumberStyles.None, CultureInfo.InvariantCulture);
            }
        }
        throw new UsageException($"{what} \"{Shorten(text)}\" is not a decimal or 0x-hex integer.");
    }

    private static string Shorten(string text) => text.Length > 90 ? text[..90] + "…" : text;
}
