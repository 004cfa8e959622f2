// SPDX-License-Identifier: MIT
namespace ZkOptions.Prover.Solidity.Abi;

/// <summary>20-byte Ethereum addresses as 0x-hex text, with EIP-55 mixed-case checksums.</summary>
public static class EthereumAddress
{
    /// <summary>Bytes in an address.</summary>
    public const int Length = 20;

    /// <summary>
    /// Parses <c>0x</c> followed by 40 hex digits. All-lowercase and all-uppercase text is accepted as is; mixed case
    /// must carry a valid EIP-55 checksum, because mixed case is how a checksum is written and a wrong one means a typo.
    /// </summary>
    /// <exception cref="FormatException">Not 0x + 40 hex digits, or a mixed-case address with a wrong checksum.</exception>
    public static byte[] Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (text.Length != 2 + 2 * Length || !text.StartsWith("0x", StringComparison.OrdinalIgnoreCase) ||
            !text.Skip(2).All(char.IsAsciiHexDigit))
        {
            throw new FormatException($"'{text}' is not an address: expected 0x followed by 40 hex digits.");
        }
        string digits = text[2..];
        byte[] bytes = Convert.FromHexString(digits);
        bool hasLower = digits.Any(char.IsAsciiLetterLower);
        bool hasUpper = digits.Any(char.IsAsciiLetterUpper);
        if (hasLower && hasUpper && ToChecksumString(bytes) != "0x" + digits)
        {
            throw new FormatException($"'{text}' has mixed case but an invalid EIP-55 checksum (expected {ToChecksumString(bytes)}).");
        }
        return bytes;
    }

    /// <summary>The EIP-55 checksummed spelling, e.g. <c>0xf39Fd6e51aad88F6F4ce6aB8827279cffFb92266</c>.</summary>
    public static string ToChecksumString(ReadOnlySpan<byte> address)
    {
        if (address.Length != Length)
        {
            throw new ArgumentException($"An address is {Length} bytes, not {address.Length}.", nameof(address));
        }
        string lower = Convert.ToHexStringLower(address);
        byte[] hash = Keccak256.Hash(lower);
        var chars = lower.ToCharArray();
        for (int i = 0; i < chars.Length; i++)
        {
            int nibble = (i % 2 == 0) ? hash[i / 2] >> 4 : hash[i / 2] & 0xF;
            if (nibble >= 8)
            {
                chars[i] = char.ToUpperInvariant(chars[i]);
            }
        }
        return "0x" + new string(chars);
    }
}
