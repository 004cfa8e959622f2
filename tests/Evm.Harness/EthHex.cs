// SPDX-License-Identifier: MIT
using System.Globalization;
using System.Numerics;

namespace ZkOptions.Evm.Harness;

/// <summary>The two hex encodings of Ethereum JSON-RPC: quantities (0x-prefixed, no leading zeros) and data (0x-prefixed, two digits per byte).</summary>
public static class EthHex
{
    /// <summary>A non-negative integer as a quantity, e.g. 0 → "0x0", 255 → "0xff".</summary>
    public static string Quantity(BigInteger value)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(value);
        if (value.IsZero)
        {
            return "0x0";
        }
        string hex = Convert.ToHexStringLower(value.ToByteArray(isUnsigned: true, isBigEndian: true)).TrimStart('0');
        return "0x" + hex;
    }

    /// <summary>Bytes as data, e.g. [0x01, 0xab] → "0x01ab".</summary>
    public static string Data(ReadOnlySpan<byte> bytes) => "0x" + Convert.ToHexStringLower(bytes);

    /// <summary>Parses a quantity. Leading zeros are tolerated; a missing 0x prefix, a sign or a non-hex digit is not.</summary>
    /// <exception cref="FormatException">Not 0x followed by at least one hex digit.</exception>
    public static BigInteger ParseQuantity(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (text.Length < 3 || !text.StartsWith("0x", StringComparison.OrdinalIgnoreCase) || !text.Skip(2).All(char.IsAsciiHexDigit))
        {
            throw new FormatException($"'{text}' is not a hex quantity (0x followed by hex digits).");
        }
        // A leading 0 keeps BigInteger from reading the top bit as a sign.
        return BigInteger.Parse("0" + text[2..], NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture);
    }

    /// <summary>Parses a quantity that must fit in 64 bits (gas, block numbers, timestamps).</summary>
    /// <exception cref="FormatException">Not a quantity, or larger than <see cref="ulong.MaxValue"/>.</exception>
    public static ulong ParseUInt64(string text)
    {
        BigInteger value = ParseQuantity(text);
        return value <= ulong.MaxValue ? (ulong)value : throw new FormatException($"Quantity {text} does not fit in 64 bits.");
    }

    /// <summary>Parses data: "0x" followed by an even number of hex digits ("0x" alone is empty).</summary>
    /// <exception cref="FormatException">No 0x prefix, an odd digit count or a non-hex digit.</exception>
    public static byte[] ParseData(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (!text.StartsWith("0x", StringComparison.OrdinalIgnoreCase) || text.Length % 2 != 0 || !text.Skip(2).All(char.IsAsciiHexDigit))
        {
            throw new FormatException($"'{(text.Length > 80 ? text[..80] + "…" : text)}' is not hex data (0x followed by an even number of hex digits).");
        }
        return Convert.FromHexString(text.AsSpan(2));
    }
}
