// SPDX-License-Identifier: MIT
namespace ZkOptions.Prover.Solidity.Abi;

/// <summary>
/// A Solidity ABI type (the canonical grammar of the contract ABI specification: <c>uint256</c>, <c>bytes32</c>,
/// <c>uint256[24]</c>, <c>(uint256,bytes)[]</c>, ...). Immutable; equal types have equal <see cref="CanonicalName"/>.
/// </summary>
public sealed class AbiType : IEquatable<AbiType>
{
    /// <summary>Largest static encoding accepted, so that head sizes and offsets always fit an <see cref="int"/>.</summary>
    internal const long MaxStaticSize = 1L << 30;

    private AbiType(AbiTypeKind kind, int size, AbiType? element, IReadOnlyList<AbiType> components, string canonicalName)
    {
        Kind = kind;
        Size = size;
        ElementType = element;
        Components = components;
        CanonicalName = canonicalName;
        IsDynamic = kind switch
        {
            AbiTypeKind.Bytes or AbiTypeKind.String or AbiTypeKind.DynamicArray => true,
            AbiTypeKind.FixedArray => element!.IsDynamic,
            AbiTypeKind.Tuple => components.Any(c => c.IsDynamic),
            _ => false,
        };
        long head = IsDynamic ? 32 : kind switch
        {
            AbiTypeKind.FixedArray => (long)element!.HeadSize * size,
            AbiTypeKind.Tuple => components.Sum(c => (long)c.HeadSize),
            _ => 32,
        };
        if (head > MaxStaticSize)
        {
            throw new FormatException($"ABI type '{canonicalName}' is too large: its static encoding would take {head} bytes.");
        }
        HeadSize = (int)head;
    }

    /// <summary>Which family of type this is.</summary>
    public AbiTypeKind Kind { get; }

    /// <summary>Bits for <c>uint&lt;M&gt;</c>/<c>int&lt;M&gt;</c>; 160 for <c>address</c>; 8 for <c>bool</c>; otherwise 0.</summary>
    public int BitSize => Kind switch
    {
        AbiTypeKind.UInt or AbiTypeKind.Int => Size,
        AbiTypeKind.Address => 160,
        AbiTypeKind.Bool => 8,
        _ => 0,
    };

    /// <summary>M for <c>bytes&lt;M&gt;</c>; 20 for <c>address</c>; otherwise 0.</summary>
    public int ByteLength => Kind switch
    {
        AbiTypeKind.FixedBytes => Size,
        AbiTypeKind.Address => 20,
        _ => 0,
    };

    /// <summary>k for <c>T[k]</c>; otherwise 0.</summary>
    public int ArrayLength => Kind == AbiTypeKind.FixedArray ? Size : 0;

    /// <summary>T for <c>T[k]</c> and <c>T[]</c>; otherwise null.</summary>
    public AbiType? ElementType { get; }

    /// <summary>The component types of a tuple; empty for every other kind.</summary>
    public IReadOnlyList<AbiType> Components { get; }

    /// <summary>Whether the encoding has a tail (bytes, string, T[], or anything containing one).</summary>
    public bool IsDynamic { get; }

    /// <summary>Bytes this type occupies in the head of an enclosing tuple: its whole encoding if static, a 32-byte offset if dynamic.</summary>
    public int HeadSize { get; }

    /// <summary>The canonical spelling, as used in function signatures (no spaces, no aliases).</summary>
    public string CanonicalName { get; }

    /// <summary>The kind-specific number: bits for integers, M for bytesM, k for T[k].</summary>
    private int Size { get; }

    /// <summary><c>address</c>.</summary>
    public static AbiType Address { get; } = new(AbiTypeKind.Address, 0, null, [], "address");

    /// <summary><c>bool</c>.</summary>
    public static AbiType Bool { get; } = new(AbiTypeKind.Bool, 0, null, [], "bool");

    /// <summary><c>bytes</c>.</summary>
    public static AbiType Bytes { get; } = new(AbiTypeKind.Bytes, 0, null, [], "bytes");

    /// <summary><c>string</c>.</summary>
    public static AbiType String { get; } = new(AbiTypeKind.String, 0, null, [], "string");

    /// <summary><c>uint256</c>.</summary>
    public static AbiType UInt256 { get; } = UInt(256);

    /// <summary><c>uint&lt;bits&gt;</c>.</summary>
    public static AbiType UInt(int bits) => new(AbiTypeKind.UInt, CheckBits(bits, "uint"), null, [], $"uint{bits}");

    /// <summary><c>int&lt;bits&gt;</c>.</summary>
    public static AbiType Int(int bits) => new(AbiTypeKind.Int, CheckBits(bits, "int"), null, [], $"int{bits}");

    /// <summary><c>bytes&lt;length&gt;</c>.</summary>
    public static AbiType FixedBytes(int length)
    {
        if (length is < 1 or > 32)
        {
            throw new ArgumentOutOfRangeException(nameof(length), length, "bytes<M> needs 1 <= M <= 32.");
        }
        return new(AbiTypeKind.FixedBytes, length, null, [], $"bytes{length}");
    }

    /// <summary><c>element[length]</c>.</summary>
    public static AbiType FixedArray(AbiType element, int length)
    {
        ArgumentNullException.ThrowIfNull(element);
        ArgumentOutOfRangeException.ThrowIfNegative(length);
        return new(AbiTypeKind.FixedArray, length, element, [], $"{element.CanonicalName}[{length}]");
    }

    /// <summary><c>element[]</c>.</summary>
    public static AbiType DynamicArray(AbiType element)
    {
        ArgumentNullException.ThrowIfNull(element);
        return new(AbiTypeKind.DynamicArray, 0, element, [], $"{element.CanonicalName}[]");
    }

    /// <summary><c>(components...)</c>.</summary>
    public static AbiType Tuple(params IReadOnlyList<AbiType> components)
    {
        ArgumentNullException.ThrowIfNull(components);
        AbiType[] copy = [.. components];
        return new(AbiTypeKind.Tuple, 0, null, copy, $"({string.Join(",", copy.Select(c => c.CanonicalName))})");
    }

    /// <summary>Parses one type in the canonical grammar, e.g. <c>uint256[24]</c> or <c>(uint256,bytes)[]</c>.</summary>
    /// <exception cref="FormatException">The text is not a supported type; the message quotes it.</exception>
    public static AbiType Parse(string text) => AbiTypeParser.ParseType(text);

    /// <summary>Parses a parenthesised, comma-separated parameter list, e.g. <c>(uint256[24],uint256[1])</c>.</summary>
    /// <exception cref="FormatException">The text is not a parameter list of supported types.</exception>
    public static IReadOnlyList<AbiType> ParseList(string text) => AbiTypeParser.ParseParameterList(text);

    /// <inheritdoc />
    public bool Equals(AbiType? other) => other is not null && CanonicalName == other.CanonicalName;

    /// <inheritdoc />
    public override bool Equals(object? obj) => Equals(obj as AbiType);

    /// <inheritdoc />
    public override int GetHashCode() => StringComparer.Ordinal.GetHashCode(CanonicalName);

    /// <summary>The canonical spelling.</summary>
    public override string ToString() => CanonicalName;

    private static int CheckBits(int bits, string family)
    {
        if (bits is < 8 or > 256 || bits % 8 != 0)
        {
            throw new ArgumentOutOfRangeException(nameof(bits), bits, $"{family}<M> needs M in 8..256, a multiple of 8.");
        }
        return bits;
    }
}
