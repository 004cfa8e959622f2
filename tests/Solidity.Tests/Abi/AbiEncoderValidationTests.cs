// SPDX-License-Identifier: MIT
using System.Numerics;
using ZkOptions.Prover.Solidity.Abi;

namespace ZkOptions.Solidity.Tests.Abi;

/// <summary>Every value the encoder refuses, with a message naming the argument, its type and the problem.</summary>
public sealed class AbiEncoderValidationTests
{
    private static readonly BigInteger TwoTo256 = BigInteger.One << 256;

    [Theory]
    [MemberData(nameof(BadIntegers))]
    public void Rejects_integers_out_of_range(string type, object value, string problem)
    {
        var e = Assert.Throws<ArgumentException>(() => AbiEncoder.EncodeCall($"f(bool,{type})", true, value));

        Assert.Contains($"argument 1 ({type})", e.Message);
        Assert.Contains(problem, e.Message);
    }

    public static TheoryData<string, object, string> BadIntegers() => new()
    {
        { "uint256", BigInteger.MinusOne, "negative" },
        { "uint256", -5, "negative" },
        { "uint256", TwoTo256, "at most 2^256-1" },
        { "uint8", 256, "at most 2^8-1" },
        { "uint8", -1L, "negative" },
        { "int8", -129, "-2^7 to 2^7-1" },
        { "int8", 128, "-2^7 to 2^7-1" },
        { "int256", BigInteger.One << 255, "-2^255 to 2^255-1" },
        { "int256", -(BigInteger.One << 255) - 1, "-2^255 to 2^255-1" },
        { "uint64", ulong.MaxValue + (BigInteger)1, "at most 2^64-1" },
    };

    [Fact]
    public void Accepts_integer_bounds()
    {
        AbiEncoder.EncodeCall("f(uint256,int256,int256,uint8,int8,int8)",
            TwoTo256 - 1, (BigInteger.One << 255) - 1, -(BigInteger.One << 255), (byte)255, (sbyte)-128, 127L);
        AbiEncoder.EncodeCall("f(uint64,uint32,int64)", ulong.MaxValue, uint.MaxValue, long.MinValue);
    }

    [Fact]
    public void Rejects_a_fixed_array_of_the_wrong_length()
    {
        var proof = new BigInteger[23];

        var e = Assert.Throws<ArgumentException>(() => AbiEncoder.EncodeCall("verifyProof(uint256[24],uint256[1])", proof, new BigInteger[1]));

        Assert.Contains("argument 0 (uint256[24])", e.Message);
        Assert.Contains("expected exactly 24 elements, got 23", e.Message);
    }

    [Fact]
    public void Names_the_element_of_a_nested_value()
    {
        object[] inputs = [new BigInteger[] { 1, 2 }, new BigInteger[] { 3, -4 }];

        var e = Assert.Throws<ArgumentException>(() => AbiEncoder.EncodeCall("f(uint256[][2])", (object)inputs));

        Assert.Contains("argument 0[1][1] (uint256)", e.Message);
        Assert.Contains("negative", e.Message);
    }

    [Theory]
    [InlineData("bytes32", 31, "expected exactly 32 bytes, got 31")]
    [InlineData("bytes32", 33, "expected exactly 32 bytes, got 33")]
    [InlineData("bytes1", 0, "expected exactly 1 bytes, got 0")]
    [InlineData("address", 19, "expected exactly 20 bytes, got 19")]
    [InlineData("address", 32, "expected exactly 20 bytes, got 32")]
    public void Rejects_byte_strings_of_the_wrong_length(string type, int length, string problem)
    {
        var e = Assert.Throws<ArgumentException>(() => AbiEncoder.Encode([AbiType.Parse(type)], [new byte[length]]));

        Assert.Contains($"argument 0 ({type})", e.Message);
        Assert.Contains(problem, e.Message);
    }

    [Theory]
    [InlineData("0xf39fd6e51aad88f6f4ce6ab8827279cfffb9226", "40 hex digits")]
    [InlineData("f39fd6e51aad88f6f4ce6ab8827279cfffb92266", "40 hex digits")]
    [InlineData("0xg39fd6e51aad88f6f4ce6ab8827279cfffb92266", "40 hex digits")]
    [InlineData("0xF39fd6e51aad88F6F4ce6aB8827279cffFb92266", "EIP-55")]
    public void Rejects_bad_address_text(string address, string problem)
    {
        var e = Assert.Throws<ArgumentException>(() => AbiEncoder.EncodeCall("f(address)", address));

        Assert.Contains("argument 0 (address)", e.Message);
        Assert.Contains(problem, e.Message);
    }

    [Theory]
    [InlineData("0xf39Fd6e51aad88F6F4ce6aB8827279cffFb92266")]
    [InlineData("0xf39fd6e51aad88f6f4ce6ab8827279cfffb92266")]
    [InlineData("0XF39FD6E51AAD88F6F4CE6AB8827279CFFFB92266")]
    public void Accepts_address_text_in_checksum_lower_or_upper_case(string address)
    {
        byte[] data = AbiEncoder.EncodeCall("f(address)", address);

        Assert.Equal("f39fd6e51aad88f6f4ce6ab8827279cfffb92266", Convert.ToHexStringLower(data.AsSpan(4 + 12)));
    }

    [Theory]
    [MemberData(nameof(WrongShapes))]
    public void Rejects_values_of_the_wrong_shape(string type, object? value, string problem)
    {
        var e = Assert.Throws<ArgumentException>(() => AbiEncoder.Encode([AbiType.Parse(type)], [value]));

        Assert.Contains($"argument 0 ({type})", e.Message);
        Assert.Contains(problem, e.Message);
    }

    public static TheoryData<string, object?, string> WrongShapes() => new()
    {
        { "uint256", "5", "expected a BigInteger or an integer primitive, got String" },
        { "uint256", null, "value is null" },
        { "uint256", 1.5, "got Double" },
        { "bool", 1, "expected a bool" },
        { "string", new byte[1], "expected a string" },
        { "bytes", "0x01", "expected a byte[]" },
        { "uint256[]", "1,2", "expected an array or list" },
        { "(uint256,bool)", new object?[] { 1 }, "expected a tuple of 2 components, got 1" },
        { "(uint256,bool)", 7, "expected an object?[]" },
    };

    [Fact]
    public void Rejects_a_string_with_a_lone_surrogate()
    {
        // A Fact, not theory data: xunit's serialization of theory data would replace the lone surrogate.
        var e = Assert.Throws<ArgumentException>(() => AbiEncoder.EncodeCall("f(string)", "a\ud800b"));

        Assert.Contains("argument 0 (string): the string is not valid UTF-16", e.Message);
    }

    [Fact]
    public void Rejects_a_value_count_that_differs_from_the_parameter_count()
    {
        var e = Assert.Throws<ArgumentException>(() => AbiEncoder.EncodeCall("f(uint256,uint256)", 1));

        Assert.Contains("Expected 2 values for (uint256,uint256), got 1", e.Message);
    }

    [Fact]
    public void Takes_lists_value_tuples_and_memory_as_values()
    {
        byte[] fromArrays = AbiEncoder.EncodeCall("f(uint256[],(uint8,bytes),bytes4)",
            new BigInteger[] { 1, 2 }, new object?[] { 3, new byte[] { 9 } }, new byte[] { 1, 2, 3, 4 });
        byte[] fromOthers = AbiEncoder.EncodeCall("f(uint256[],(uint8,bytes),bytes4)",
            new List<int> { 1, 2 }, (3, new ReadOnlyMemory<byte>([9])), new ReadOnlyMemory<byte>([1, 2, 3, 4]));

        Assert.Equal(fromArrays, fromOthers);
    }
}
