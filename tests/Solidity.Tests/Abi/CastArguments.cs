// SPDX-License-Identifier: MIT
using System.Collections;
using System.Globalization;
using System.Numerics;
using ZkOptions.Prover.Solidity.Abi;

namespace ZkOptions.Solidity.Tests.Abi;

/// <summary>Writes ABI values the way <c>cast abi-encode</c>/<c>cast calldata</c> read them on the command line.</summary>
internal static class CastArguments
{
    /// <summary>One command-line argument per top-level value.</summary>
    public static string[] For(IReadOnlyList<AbiType> types, IReadOnlyList<object?> values) =>
        [.. types.Select((t, i) => Format(t, values[i], nested: false))];

    private static string Format(AbiType type, object? value, bool nested) => type.Kind switch
    {
        AbiTypeKind.UInt or AbiTypeKind.Int => ((BigInteger)AbiValues.Normalize(type, value)!).ToString(CultureInfo.InvariantCulture),
        AbiTypeKind.Bool => (bool)value! ? "true" : "false",
        AbiTypeKind.Address => value is string s ? s : EthereumAddress.ToChecksumString((byte[])value!),
        AbiTypeKind.FixedBytes or AbiTypeKind.Bytes => "0x" + Convert.ToHexStringLower((byte[])value!),
        // cast takes a top-level string verbatim; inside [..] or (..) it needs quotes (and cannot escape a quote).
        AbiTypeKind.String => nested ? Quoted((string)value!) : (string)value!,
        AbiTypeKind.FixedArray or AbiTypeKind.DynamicArray =>
            "[" + string.Join(",", ((IList)value!).Cast<object?>().Select(v => Format(type.ElementType!, v, nested: true))) + "]",
        AbiTypeKind.Tuple =>
            "(" + string.Join(",", ((object?[])value!).Select((v, i) => Format(type.Components[i], v, nested: true))) + ")",
        _ => throw new InvalidOperationException($"unhandled {type}"),
    };

    private static string Quoted(string s) =>
        s.Contains('"') ? throw new ArgumentException("cast cannot parse a quote inside a nested string") : $"\"{s}\"";
}
