// SPDX-License-Identifier: MIT
namespace ZkOptions.Field;

/// <summary>
/// Thrown when bytes or text cannot be decoded into a field element or curve point: wrong length, a value
/// not below the modulus, a point off the curve or outside the subgroup. The message says which.
/// </summary>
public sealed class EncodingException : FormatException
{
    /// <summary>Creates the exception with a message that names what was wrong.</summary>
    public EncodingException(string message) : base(message) { }
}
