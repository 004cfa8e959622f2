// SPDX-License-Identifier: MIT
using System.Numerics;
using System.Text;

namespace ZkOptions.Prover.Solidity.Abi;

/// <summary>
/// Decodes Solidity ABI data (return data, or calldata after the 4-byte selector) into the value shapes
/// <see cref="AbiEncoder"/> accepts: <see cref="BigInteger"/> for integers, <see cref="bool"/>, <c>byte[]</c> for
/// <c>address</c> (20 bytes), <c>bytes&lt;M&gt;</c> and <c>bytes</c>, <see cref="string"/>, and <c>object?[]</c> for arrays
/// and tuples. Checks as strictly as Solidity's own decoder: every offset and length must stay inside the data, and
/// value types must be cleanly padded (no dirty high bits, bool only 0 or 1). Malformed data raises
/// <see cref="FormatException"/>; trailing bytes after the encoding are allowed, as in Solidity.
/// </summary>
public static class AbiDecoder
{
    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    /// <summary>Decodes the tuple <c>(types...)</c> from <paramref name="data"/>.</summary>
    /// <exception cref="FormatException">The data is too short, an offset or length points outside it, or a value is badly padded.</exception>
    public static IReadOnlyList<object?> Decode(IReadOnlyList<AbiType> types, ReadOnlySpan<byte> data)
    {
        ArgumentNullException.ThrowIfNull(types);
        var budget = new Budget(data.Length);
        return DecodeSequence(data, 0, types.Count, i => types[i], i => $"value {i}", budget);
    }

    /// <summary>Decodes a single value of <paramref name="type"/>, encoded as the one-element tuple <c>(type)</c>.</summary>
    /// <exception cref="FormatException">As for <see cref="Decode"/>.</exception>
    public static object? DecodeSingle(AbiType type, ReadOnlySpan<byte> data)
    {
        ArgumentNullException.ThrowIfNull(type);
        return Decode([type], data)[0];
    }

    /// <summary>Decodes a tuple-layout sequence whose heads start at <paramref name="start"/>; offsets are relative to it.</summary>
    private static object?[] DecodeSequence(
        ReadOnlySpan<byte> data, long start, int count, Func<int, AbiType> typeAt, Func<int, string> locationAt, Budget budget)
    {
        // Spent before allocating, so a large declared count cannot allocate more than the data justifies.
        budget.Spend(count, count == 0 ? "(empty)" : locationAt(0));
        var values = new object?[count];
        long head = start;
        for (int i = 0; i < count; i++)
        {
            AbiType type = typeAt(i);
            if (type.IsDynamic)
            {
                BigInteger offset = AbiWord.ReadUnsigned(ReadWord(data, head, locationAt(i), type, "offset"));
                if (offset > data.Length - start)
                {
                    throw Malformed(locationAt(i), type, $"offset {offset} (from byte {start}) points past the end of the {data.Length}-byte data");
                }
                values[i] = DecodeAt(data, start + (long)offset, type, locationAt(i), budget);
            }
            else
            {
                values[i] = DecodeAt(data, head, type, locationAt(i), budget);
            }
            head += type.HeadSize;
        }
        return values;
    }

    private static object? DecodeAt(ReadOnlySpan<byte> data, long position, AbiType type, string location, Budget budget)
    {
        switch (type.Kind)
        {
            case AbiTypeKind.UInt:
                {
                    BigInteger value = AbiWord.ReadUnsigned(ReadWord(data, position, location, type, "value"));
                    if (type.BitSize < 256 && value >> type.BitSize != 0)
                    {
                        throw Malformed(location, type, $"word at byte {position} has bits set above bit {type.BitSize}");
                    }
                    return value;
                }
            case AbiTypeKind.Int:
                {
                    BigInteger value = AbiWord.ReadSigned(ReadWord(data, position, location, type, "value"));
                    BigInteger half = BigInteger.One << (type.BitSize - 1);
                    if (value < -half || value >= half)
                    {
                        throw Malformed(location, type, $"word at byte {position} is not a sign-extended {type}");
                    }
                    return value;
                }
            case AbiTypeKind.Bool:
                {
                    BigInteger value = AbiWord.ReadUnsigned(ReadWord(data, position, location, type, "value"));
                    return value.IsZero ? false : value.IsOne ? true : throw Malformed(location, type, $"word at byte {position} is neither 0 nor 1");
                }
            case AbiTypeKind.Address:
                {
                    ReadOnlySpan<byte> word = ReadWord(data, position, location, type, "value");
                    if (word[..(AbiWord.Size - EthereumAddress.Length)].ContainsAnyExcept((byte)0))
                    {
                        throw Malformed(location, type, $"word at byte {position} has bits set above bit 160");
                    }
                    return word[(AbiWord.Size - EthereumAddress.Length)..].ToArray();
                }
            case AbiTypeKind.FixedBytes:
                {
                    ReadOnlySpan<byte> word = ReadWord(data, position, location, type, "value");
                    if (word[type.ByteLength..].ContainsAnyExcept((byte)0))
                    {
                        throw Malformed(location, type, $"word at byte {position} has nonzero bytes after the first {type.ByteLength}");
                    }
                    return word[..type.ByteLength].ToArray();
                }
            case AbiTypeKind.Bytes:
                return LengthPrefixed(data, position, type, location).ToArray();
            case AbiTypeKind.String:
                try
                {
                    return StrictUtf8.GetString(LengthPrefixed(data, position, type, location));
                }
                catch (DecoderFallbackException)
                {
                    throw Malformed(location, type, "the string is not valid UTF-8");
                }
            case AbiTypeKind.FixedArray:
                {
                    AbiType element = type.ElementType!;
                    long heads = (long)type.ArrayLength * element.HeadSize;
                    if (heads > data.Length - position)
                    {
                        throw Malformed(location, type, $"its {heads} head bytes do not fit in the {Math.Max(0, data.Length - position)} bytes from byte {position}");
                    }
                    return DecodeSequence(data, position, type.ArrayLength, _ => element, i => $"{location}[{i}]", budget);
                }
            case AbiTypeKind.DynamicArray:
                {
                    AbiType element = type.ElementType!;
                    long count = Length(data, position, type, location, "element count");
                    long available = data.Length - (position + AbiWord.Size);
                    if (count * Math.Max(element.HeadSize, 1) > available)
                    {
                        throw Malformed(location, type, $"{count} elements of {element.HeadSize} head bytes do not fit in the {available} bytes after byte {position + AbiWord.Size}");
                    }
                    return DecodeSequence(data, position + AbiWord.Size, (int)count, _ => element, i => $"{location}[{i}]", budget);
                }
            case AbiTypeKind.Tuple:
                return DecodeSequence(data, position, type.Components.Count, i => type.Components[i], i => $"{location}.{i}", budget);
            default:
                throw new InvalidOperationException($"Unhandled ABI type kind {type.Kind}.");
        }
    }

    /// <summary>The bytes of a <c>bytes</c>/<c>string</c> value: a length word, then that many bytes (padding is not required, as in Solidity).</summary>
    private static ReadOnlySpan<byte> LengthPrefixed(ReadOnlySpan<byte> data, long position, AbiType type, string location)
    {
        long length = Length(data, position, type, location, "length");
        long start = position + AbiWord.Size;
        if (length > data.Length - start)
        {
            throw Malformed(location, type, $"length {length} at byte {position} runs past the end of the {data.Length}-byte data");
        }
        return data.Slice((int)start, (int)length);
    }

    private static long Length(ReadOnlySpan<byte> data, long position, AbiType type, string location, string what)
    {
        BigInteger length = AbiWord.ReadUnsigned(ReadWord(data, position, location, type, what));
        if (length > data.Length)
        {
            throw Malformed(location, type, $"{what} {length} at byte {position} exceeds the {data.Length}-byte data");
        }
        return (long)length;
    }

    private static ReadOnlySpan<byte> ReadWord(ReadOnlySpan<byte> data, long position, string location, AbiType type, string what)
    {
        if (position < 0 || position > data.Length - AbiWord.Size)
        {
            throw Malformed(location, type, $"the {what} word at byte {position} lies beyond the end of the {data.Length}-byte data");
        }
        return data.Slice((int)position, AbiWord.Size);
    }

    private static FormatException Malformed(string location, AbiType type, string problem) =>
        new($"Malformed ABI data at {location} ({type}): {problem}.");

    /// <summary>
    /// Caps the number of decoded items. Offsets may alias, so a short non-canonical encoding could otherwise expand
    /// into a huge object graph; canonical encodings spend at least 32 bytes per item except for zero-sized types.
    /// </summary>
    private sealed class Budget(int dataLength)
    {
        private long _left = dataLength + 4096L;

        public void Spend(int items, string location)
        {
            _left -= items;
            if (_left < 0)
            {
                throw new FormatException($"Malformed ABI data at {location}: more items than the data can canonically hold (aliased offsets?).");
            }
        }
    }
}
