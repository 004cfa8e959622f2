// SPDX-License-Identifier: MIT
using System.Collections;
using System.Numerics;
using System.Runtime.CompilerServices;
using System.Text;

namespace ZkOptions.Prover.Solidity.Abi;

/// <summary>
/// Solidity contract ABI encoding (head/tail layout, 32-byte words, offsets relative to the enclosing tuple), as in
/// https://docs.soliditylang.org/en/latest/abi-spec.html. Values: <see cref="BigInteger"/> or any integer primitive
/// for <c>uint&lt;M&gt;</c>/<c>int&lt;M&gt;</c>; <see cref="bool"/>; <c>byte[]</c> (or <see cref="ReadOnlyMemory{T}"/>)
/// for <c>bytes</c>, <c>bytes&lt;M&gt;</c> and <c>address</c> (which also takes 0x-hex text); <see cref="string"/>;
/// any <see cref="IList"/> (arrays, <see cref="List{T}"/>) for <c>T[k]</c>/<c>T[]</c>; <c>object?[]</c> (or any
/// <see cref="IList"/> or <see cref="ITuple"/>) for tuples.
/// </summary>
public static class AbiEncoder
{
    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    /// <summary>The 4-byte selector: the first bytes of Keccak-256 of the canonical form of <paramref name="signature"/>.</summary>
    /// <exception cref="FormatException">The signature does not parse.</exception>
    public static byte[] FunctionSelector(string signature) => AbiFunctionSignature.Parse(signature).Selector;

    /// <summary>
    /// Calldata for a call: selector followed by the encoded arguments. <paramref name="signature"/> names the parameter
    /// types, e.g. <c>verifyProof(uint256[24],uint256[1])</c>. Pass one C# argument per Solidity parameter (an
    /// <c>object[]</c> passed alone is taken as the argument list itself, as with any <c>params</c> method).
    /// </summary>
    /// <exception cref="FormatException">The signature does not parse.</exception>
    /// <exception cref="ArgumentException">An argument does not fit its parameter type; the message names which and why.</exception>
    public static byte[] EncodeCall(string signature, params object?[] args)
    {
        ArgumentNullException.ThrowIfNull(args);
        AbiFunctionSignature function = AbiFunctionSignature.Parse(signature);
        byte[] body = Encode(function.Parameters, args);
        var calldata = new byte[4 + body.Length];
        function.Selector.CopyTo(calldata, 0);
        body.CopyTo(calldata, 4);
        return calldata;
    }

    /// <summary>Encodes <paramref name="values"/> as the tuple <c>(types...)</c> — the layout of calldata after the selector and of return data.</summary>
    /// <exception cref="ArgumentException">The counts differ or a value does not fit its type; the message names which and why.</exception>
    public static byte[] Encode(IReadOnlyList<AbiType> types, IReadOnlyList<object?> values)
    {
        ArgumentNullException.ThrowIfNull(types);
        ArgumentNullException.ThrowIfNull(values);
        if (types.Count != values.Count)
        {
            throw new ArgumentException(
                $"Expected {types.Count} values for ({string.Join(",", types)}), got {values.Count}.", nameof(values));
        }
        return EncodeSequence(types.Count, i => types[i], i => values[i], i => $"argument {i}");
    }

    /// <summary>Encodes one value of one type on its own (its tuple-free encoding, as it would appear in a tail or head).</summary>
    private static byte[] EncodeValue(AbiType type, object? value, string location)
    {
        if (value is null)
        {
            throw Invalid(location, type, "value is null");
        }
        switch (type.Kind)
        {
            case AbiTypeKind.UInt:
            case AbiTypeKind.Int:
                return Word(CheckedInteger(type, value, location));
            case AbiTypeKind.Bool:
                return value is bool b ? Word(b ? BigInteger.One : BigInteger.Zero) : throw WrongShape(location, type, value, "a bool");
            case AbiTypeKind.Address:
                {
                    byte[] address = AddressBytes(type, value, location);
                    var word = new byte[AbiWord.Size];
                    address.CopyTo(word, AbiWord.Size - EthereumAddress.Length);
                    return word;
                }
            case AbiTypeKind.FixedBytes:
                {
                    ReadOnlySpan<byte> bytes = ByteString(type, value, location).Span;
                    if (bytes.Length != type.ByteLength)
                    {
                        throw Invalid(location, type, $"expected exactly {type.ByteLength} bytes, got {bytes.Length}");
                    }
                    var word = new byte[AbiWord.Size];
                    bytes.CopyTo(word);
                    return word;
                }
            case AbiTypeKind.Bytes:
                return LengthPrefixed(ByteString(type, value, location).Span);
            case AbiTypeKind.String:
                return value is string s ? LengthPrefixed(Utf8(type, s, location)) : throw WrongShape(location, type, value, "a string");
            case AbiTypeKind.FixedArray:
                {
                    IList items = List(type, value, location);
                    if (items.Count != type.ArrayLength)
                    {
                        throw Invalid(location, type, $"expected exactly {type.ArrayLength} elements, got {items.Count}");
                    }
                    AbiType element = type.ElementType!;
                    return EncodeSequence(items.Count, _ => element, i => items[i], i => $"{location}[{i}]");
                }
            case AbiTypeKind.DynamicArray:
                {
                    IList items = List(type, value, location);
                    AbiType element = type.ElementType!;
                    byte[] body = EncodeSequence(items.Count, _ => element, i => items[i], i => $"{location}[{i}]");
                    var encoded = new byte[AbiWord.Size + body.Length];
                    AbiWord.Write(items.Count, encoded);
                    body.CopyTo(encoded, AbiWord.Size);
                    return encoded;
                }
            case AbiTypeKind.Tuple:
                {
                    IReadOnlyList<object?> items = TupleItems(type, value, location);
                    if (items.Count != type.Components.Count)
                    {
                        throw Invalid(location, type, $"expected a tuple of {type.Components.Count} components, got {items.Count}");
                    }
                    return EncodeSequence(items.Count, i => type.Components[i], i => items[i], i => $"{location}.{i}");
                }
            default:
                throw new InvalidOperationException($"Unhandled ABI type kind {type.Kind}.");
        }
    }

    /// <summary>
    /// The tuple layout shared by tuples, fixed and dynamic arrays (after the length) and the argument list: every
    /// item's head in order (static items inline, dynamic items as an offset from the start of this sequence), then the
    /// dynamic items' encodings in the same order.
    /// </summary>
    private static byte[] EncodeSequence(int count, Func<int, AbiType> typeAt, Func<int, object?> valueAt, Func<int, string> locationAt)
    {
        var encodings = new byte[count][];
        long headSize = 0;
        long tailSize = 0;
        for (int i = 0; i < count; i++)
        {
            AbiType type = typeAt(i);
            encodings[i] = EncodeValue(type, valueAt(i), locationAt(i));
            headSize += type.HeadSize;
            if (type.IsDynamic)
            {
                tailSize += encodings[i].Length;
            }
        }
        if (headSize + tailSize > Array.MaxLength)
        {
            throw new ArgumentException($"The encoding would take {headSize + tailSize} bytes, more than an array can hold.");
        }
        var result = new byte[headSize + tailSize];
        int head = 0;
        int tail = (int)headSize;
        for (int i = 0; i < count; i++)
        {
            if (typeAt(i).IsDynamic)
            {
                AbiWord.Write(tail, result.AsSpan(head, AbiWord.Size));
                head += AbiWord.Size;
                encodings[i].CopyTo(result, tail);
                tail += encodings[i].Length;
            }
            else
            {
                encodings[i].CopyTo(result, head);
                head += encodings[i].Length;
            }
        }
        return result;
    }

    private static BigInteger CheckedInteger(AbiType type, object value, string location)
    {
        BigInteger v = value switch
        {
            BigInteger x => x,
            int x => x,
            long x => x,
            uint x => x,
            ulong x => x,
            short x => x,
            ushort x => x,
            byte x => x,
            sbyte x => x,
            Int128 x => (BigInteger)x,
            UInt128 x => (BigInteger)x,
            _ => throw WrongShape(location, type, value, "a BigInteger or an integer primitive"),
        };
        int bits = type.BitSize;
        if (type.Kind == AbiTypeKind.UInt)
        {
            if (v.Sign < 0)
            {
                throw Invalid(location, type, $"value {v} is negative but {type} is unsigned");
            }
            if (v >= BigInteger.One << bits)
            {
                throw Invalid(location, type, $"value {v} does not fit: {type} holds at most 2^{bits}-1");
            }
        }
        else
        {
            BigInteger half = BigInteger.One << (bits - 1);
            if (v < -half || v >= half)
            {
                throw Invalid(location, type, $"value {v} does not fit: {type} holds -2^{bits - 1} to 2^{bits - 1}-1");
            }
        }
        return v;
    }

    private static byte[] AddressBytes(AbiType type, object value, string location)
    {
        if (value is string text)
        {
            try
            {
                return EthereumAddress.Parse(text);
            }
            catch (FormatException e)
            {
                throw Invalid(location, type, e.Message);
            }
        }
        ReadOnlyMemory<byte> bytes = ByteString(type, value, location);
        if (bytes.Length != EthereumAddress.Length)
        {
            throw Invalid(location, type, $"expected exactly {EthereumAddress.Length} bytes, got {bytes.Length}");
        }
        return bytes.ToArray();
    }

    private static ReadOnlyMemory<byte> ByteString(AbiType type, object value, string location) => value switch
    {
        byte[] b => b,
        ReadOnlyMemory<byte> m => m,
        Memory<byte> m => m,
        _ => throw WrongShape(location, type, value, type.Kind == AbiTypeKind.Address ? "a byte[] of 20 bytes or 0x-hex text" : "a byte[]"),
    };

    private static byte[] Utf8(AbiType type, string s, string location)
    {
        try
        {
            return StrictUtf8.GetBytes(s);
        }
        catch (EncoderFallbackException e)
        {
            throw Invalid(location, type, $"the string is not valid UTF-16 ({e.Message})");
        }
    }

    private static IList List(AbiType type, object value, string location) =>
        value is IList list ? list : throw WrongShape(location, type, value, "an array or list");

    private static IReadOnlyList<object?> TupleItems(AbiType type, object value, string location)
    {
        switch (value)
        {
            case object?[] array:
                return array;
            case IList list:
                return [.. list.Cast<object?>()];
            case ITuple tuple:
                var items = new object?[tuple.Length];
                for (int i = 0; i < items.Length; i++)
                {
                    items[i] = tuple[i];
                }
                return items;
            default:
                throw WrongShape(location, type, value, "an object?[] (or list or value tuple) of components");
        }
    }

    private static byte[] LengthPrefixed(ReadOnlySpan<byte> bytes)
    {
        int padded = (bytes.Length + AbiWord.Size - 1) / AbiWord.Size * AbiWord.Size;
        var encoded = new byte[AbiWord.Size + padded];
        AbiWord.Write(bytes.Length, encoded);
        bytes.CopyTo(encoded.AsSpan(AbiWord.Size));
        return encoded;
    }

    private static byte[] Word(BigInteger value)
    {
        var word = new byte[AbiWord.Size];
        AbiWord.Write(value, word);
        return word;
    }

    private static ArgumentException WrongShape(string location, AbiType type, object value, string expected) =>
        Invalid(location, type, $"expected {expected}, got {value.GetType().Name}");

    private static ArgumentException Invalid(string location, AbiType type, string problem) =>
        new($"ABI {location} ({type}): {problem}.");
}
