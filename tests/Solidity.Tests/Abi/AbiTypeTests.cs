// SPDX-License-Identifier: MIT
using ZkOptions.Prover.Solidity.Abi;

namespace ZkOptions.Solidity.Tests.Abi;

public sealed class AbiTypeTests
{
    [Theory]
    [InlineData("uint256", AbiTypeKind.UInt, false, 32)]
    [InlineData("int8", AbiTypeKind.Int, false, 32)]
    [InlineData("address", AbiTypeKind.Address, false, 32)]
    [InlineData("bool", AbiTypeKind.Bool, false, 32)]
    [InlineData("bytes1", AbiTypeKind.FixedBytes, false, 32)]
    [InlineData("bytes32", AbiTypeKind.FixedBytes, false, 32)]
    [InlineData("bytes", AbiTypeKind.Bytes, true, 32)]
    [InlineData("string", AbiTypeKind.String, true, 32)]
    [InlineData("uint256[24]", AbiTypeKind.FixedArray, false, 24 * 32)]
    [InlineData("uint256[]", AbiTypeKind.DynamicArray, true, 32)]
    [InlineData("uint256[][2]", AbiTypeKind.FixedArray, true, 32)]
    [InlineData("uint8[3][2]", AbiTypeKind.FixedArray, false, 6 * 32)]
    [InlineData("(uint256,bytes)[]", AbiTypeKind.DynamicArray, true, 32)]
    [InlineData("(uint256,(bool,bytes32[2]))", AbiTypeKind.Tuple, false, 4 * 32)]
    [InlineData("(uint256,(bool,string))", AbiTypeKind.Tuple, true, 32)]
    [InlineData("()", AbiTypeKind.Tuple, false, 0)]
    public void Parses_canonical_types(string text, AbiTypeKind kind, bool dynamic, int headSize)
    {
        AbiType type = AbiType.Parse(text);

        Assert.Equal(kind, type.Kind);
        Assert.Equal(dynamic, type.IsDynamic);
        Assert.Equal(headSize, type.HeadSize);
        Assert.Equal(text, type.CanonicalName);
        Assert.Equal(type, AbiType.Parse(type.ToString()));
    }

    [Fact]
    public void Exposes_sizes_and_structure()
    {
        AbiType t = AbiType.Parse("(int24,bytes7,address[3][],bool)");

        Assert.Equal(24, t.Components[0].BitSize);
        Assert.Equal(7, t.Components[1].ByteLength);
        AbiType arrays = t.Components[2];
        Assert.Equal(AbiTypeKind.DynamicArray, arrays.Kind);
        Assert.Equal(3, arrays.ElementType!.ArrayLength);
        Assert.Equal(AbiType.Address, arrays.ElementType.ElementType);
        Assert.Equal(20, AbiType.Address.ByteLength);
        Assert.Equal(AbiType.Tuple(AbiType.Int(24), AbiType.FixedBytes(7), AbiType.DynamicArray(AbiType.FixedArray(AbiType.Address, 3)), AbiType.Bool), t);
    }

    [Fact]
    public void Tolerates_whitespace_and_drops_it_from_the_canonical_name()
    {
        Assert.Equal("(uint256,bytes)[2]", AbiType.Parse(" ( uint256 , bytes ) [ 2 ] ").CanonicalName);
        Assert.Equal(["uint256[24]", "uint256[1]"], AbiType.ParseList("(uint256[24], uint256[1])").Select(t => t.CanonicalName));
    }

    [Theory]
    [InlineData("", "expected a type")]
    [InlineData("uint", "alias")]
    [InlineData("int", "alias")]
    [InlineData("byte", "bytes1")]
    [InlineData("uint7", "multiple of 8")]
    [InlineData("uint264", "8..256")]
    [InlineData("int0", "unknown type")]
    [InlineData("uint08", "unknown type")]
    [InlineData("bytes0", "unknown type")]
    [InlineData("bytes33", "1 <= M <= 32")]
    [InlineData("fixed128x18", "not supported")]
    [InlineData("function", "unknown type")]
    [InlineData("uint256[", "array length")]
    [InlineData("uint256[01]", "canonical length")]
    [InlineData("uint256[-1]", "array length")]
    [InlineData("uint256[99999999999]", "31 bits")]
    [InlineData("(uint256", "missing ')'")]
    [InlineData("(uint256,)", "expected a type")]
    [InlineData("(uint256 bytes)", "expected ','")]
    [InlineData("uint256 x", "unexpected 'x'")]
    [InlineData("uint256[1073741824]", "too large")]
    public void Rejects_bad_types_with_a_message_naming_the_text(string text, string reason)
    {
        var e = Assert.Throws<FormatException>(() => AbiType.Parse(text));

        Assert.Contains($"'{text}'", e.Message);
        Assert.Contains(reason, e.Message);
    }

    [Theory]
    [InlineData("verifyProof", "expected '('")]
    [InlineData("(uint256)", "function name")]
    [InlineData("1f(uint256)", "function name")]
    [InlineData("f(uint256)(bool)", "return types")]
    [InlineData("f(uint)", "alias")]
    public void Rejects_bad_signatures(string text, string reason)
    {
        var e = Assert.Throws<FormatException>(() => AbiFunctionSignature.Parse(text));

        Assert.Contains($"'{text}'", e.Message);
        Assert.Contains(reason, e.Message);
    }

    [Fact]
    public void Signature_exposes_name_parameters_and_canonical_text()
    {
        AbiFunctionSignature s = AbiFunctionSignature.Parse("verifyProof(uint256[24], uint256[1])");

        Assert.Equal("verifyProof", s.Name);
        Assert.Equal(2, s.Parameters.Count);
        Assert.Equal("verifyProof(uint256[24],uint256[1])", s.Canonical);
        Assert.Equal(4, s.Selector.Length);
    }
}
