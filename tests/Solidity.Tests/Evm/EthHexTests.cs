// SPDX-License-Identifier: MIT
using System.Numerics;
using ZkOptions.Evm.Harness;

namespace ZkOptions.Solidity.Tests.Evm;

public sealed class EthHexTests
{
    [Theory]
    [InlineData("0x0", "0")]
    [InlineData("0x00ff", "255")]
    [InlineData("0xFF", "255")]
    [InlineData("0x8000000000000000", "9223372036854775808")]
    [InlineData("0xffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff",
        "115792089237316195423570985008687907853269984665640564039457584007913129639935")]
    public void Parses_quantities_as_unsigned(string hex, string value) =>
        Assert.Equal(BigInteger.Parse(value), EthHex.ParseQuantity(hex));

    [Theory]
    [InlineData("0x")]
    [InlineData("ff")]
    [InlineData("-0x1")]
    [InlineData("0x1g")]
    [InlineData("0x 1")]
    public void Rejects_malformed_quantities(string hex) =>
        Assert.Throws<FormatException>(() => EthHex.ParseQuantity(hex));

    [Fact]
    public void Rejects_quantities_beyond_64_bits_where_64_are_expected() =>
        Assert.Throws<FormatException>(() => EthHex.ParseUInt64("0x10000000000000000"));

    [Fact]
    public void Writes_quantities_without_leading_zeros()
    {
        Assert.Equal("0x0", EthHex.Quantity(0));
        Assert.Equal("0xf", EthHex.Quantity(15));
        Assert.Equal("0x100", EthHex.Quantity(256));
        Assert.Throws<ArgumentOutOfRangeException>(() => EthHex.Quantity(-1));
    }

    [Fact]
    public void Round_trips_data_and_rejects_odd_lengths()
    {
        Assert.Equal("0x", EthHex.Data([]));
        Assert.Equal([0x01, 0xab], EthHex.ParseData("0x01AB"));
        Assert.Empty(EthHex.ParseData("0x"));
        Assert.Throws<FormatException>(() => EthHex.ParseData("0x123"));
        Assert.Throws<FormatException>(() => EthHex.ParseData("01ab"));
    }
}
