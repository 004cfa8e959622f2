// SPDX-License-Identifier: MIT
using System.Collections;
using System.Numerics;
using System.Text.Json;
using ZkOptions.Prover.Solidity.Abi;

namespace ZkOptions.Solidity.Tests.Abi;

/// <summary>
/// Test-side view of ABI values: normalizes what the encoder accepts into what the decoder returns, compares values
/// deeply, and compares them with cast's <c>abi-decode --json</c> output.
/// </summary>
internal static class AbiValues
{
    /// <summary>Converts an encoder input into the decoder's shape (BigInteger, byte[], object?[]).</summary>
    public static object? Normalize(AbiType type, object? value) => type.Kind switch
    {
        AbiTypeKind.UInt or AbiTypeKind.Int => value switch
        {
            BigInteger b => b,
            int i => (BigInteger)i,
            long l => (BigInteger)l,
            uint u => (BigInteger)u,
            ulong u => (BigInteger)u,
            byte b => (BigInteger)b,
            sbyte b => (BigInteger)b,
            _ => throw new ArgumentException($"not an integer: {value}"),
        },
        AbiTypeKind.Address when value is string s => EthereumAddress.Parse(s),
        AbiTypeKind.FixedArray or AbiTypeKind.DynamicArray =>
            ((IList)value!).Cast<object?>().Select(v => Normalize(type.ElementType!, v)).ToArray(),
        AbiTypeKind.Tuple => ((object?[])value!).Select((v, i) => Normalize(type.Components[i], v)).ToArray(),
        _ => value,
    };

    /// <summary>Deep equality of two normalized values (byte arrays and object arrays by content).</summary>
    public static void AssertEqual(object? expected, object? actual, string path = "value")
    {
        switch (expected)
        {
            case byte[] e:
                Assert.True(actual is byte[] a && a.AsSpan().SequenceEqual(e),
                    $"{path}: expected 0x{Convert.ToHexStringLower(e)}, got {Show(actual)}");
                break;
            case object?[] e:
                var list = Assert.IsType<object?[]>(actual);
                Assert.True(e.Length == list.Length, $"{path}: expected {e.Length} items, got {list.Length}");
                for (int i = 0; i < e.Length; i++)
                {
                    AssertEqual(e[i], list[i], $"{path}[{i}]");
                }
                break;
            default:
                Assert.True(Equals(expected, actual), $"{path}: expected {Show(expected)}, got {Show(actual)}");
                break;
        }
    }

    /// <summary>Compares a normalized value with cast's JSON rendering of it.</summary>
    public static void AssertMatchesCastJson(AbiType type, object? expected, JsonElement json, string path = "value")
    {
        switch (type.Kind)
        {
            case AbiTypeKind.UInt or AbiTypeKind.Int:
                // cast prints small numbers as JSON numbers and large ones as decimal strings.
                BigInteger actual = json.ValueKind == JsonValueKind.Number
                    ? BigInteger.Parse(json.GetRawText())
                    : BigInteger.Parse(json.GetString()!);
                Assert.True((BigInteger)expected! == actual, $"{path}: expected {expected}, cast says {actual}");
                break;
            case AbiTypeKind.Bool:
                Assert.Equal((bool)expected!, json.GetBoolean());
                break;
            case AbiTypeKind.Address:
                // cast renders addresses in EIP-55 form, which also checks our checksum code.
                Assert.Equal(EthereumAddress.ToChecksumString((byte[])expected!), json.GetString());
                break;
            case AbiTypeKind.FixedBytes or AbiTypeKind.Bytes:
                Assert.Equal("0x" + Convert.ToHexStringLower((byte[])expected!), json.GetString());
                break;
            case AbiTypeKind.String:
                Assert.Equal((string)expected!, json.GetString());
                break;
            case AbiTypeKind.FixedArray or AbiTypeKind.DynamicArray:
                {
                    var items = (object?[])expected!;
                    Assert.Equal(items.Length, json.GetArrayLength());
                    int i = 0;
                    foreach (JsonElement item in json.EnumerateArray())
                    {
                        AssertMatchesCastJson(type.ElementType!, items[i], item, $"{path}[{i}]");
                        i++;
                    }
                    break;
                }
            case AbiTypeKind.Tuple:
                {
                    var items = (object?[])expected!;
                    Assert.Equal(items.Length, json.GetArrayLength());
                    int i = 0;
                    foreach (JsonElement item in json.EnumerateArray())
                    {
                        AssertMatchesCastJson(type.Components[i], items[i], item, $"{path}.{i}");
                        i++;
                    }
                    break;
                }
            default:
                throw new InvalidOperationException($"unhandled {type}");
        }
    }

    private static string Show(object? value) => value switch
    {
        null => "null",
        byte[] b => "0x" + Convert.ToHexStringLower(b),
        _ => $"{value} ({value.GetType().Name})",
    };
}
