// SPDX-License-Identifier: MIT
using ZkOptions.Settlement.Numbers;

namespace ZkOptions.Settlement.Tests.Numbers;

public sealed class ExactTests
{
    [Theory]
    [InlineData(7, 2, 3, 4)]
    [InlineData(-7, 2, -4, -3)]
    [InlineData(6, 3, 2, 2)]
    [InlineData(-6, 3, -2, -2)]
    [InlineData(0, 5, 0, 0)]
    public void FloorAndCeilingRoundTowardsMinusAndPlusInfinity(long x, long d, long floor, long ceil)
    {
        Assert.Equal(floor, (long)Exact.FloorDiv(x, d));
        Assert.Equal(ceil, (long)Exact.CeilDiv(x, d));
    }

    [Fact]
    public void NotionalIsExactAndRoundingFavoursTheExchange()
    {
        // 0.0003 contracts at 1.000001 USD = 0.0003000003 USD: 3 units × 1,000,001 µUSD = 3,000,003 e-10 USD.
        Int128 n = Exact.Notional(new Quantity(3), new Usd(1_000_001));
        Assert.Equal((Int128)3_000_003, n);
        Assert.Equal(new Usd(300), Exact.FloorUsd(n));   // a credit rounds down
        Assert.Equal(new Usd(301), Exact.CeilUsd(n));    // a charge rounds up
        Assert.Equal(new Usd(-301), Exact.FloorUsd(-n));
    }

    [Theory]
    [InlineData("1500", 1_500_000_000)]
    [InlineData("-0.25", -250_000)]
    [InlineData("1,234.5", 1_234_500_000)]
    [InlineData(".5", 500_000)]
    public void DollarsParseExactly(string text, long micros) => Assert.Equal(new Usd(micros), Usd.ParseDollars(text));

    [Theory]
    [InlineData("1.0000001")]
    [InlineData("abc")]
    [InlineData("")]
    [InlineData("1.2.3")]
    [InlineData("-")]
    [InlineData("99999999999999999999")]
    public void BadDollarTextIsRefusedWithTheText(string text)
    {
        var e = Assert.Throws<FormatException>(() => Usd.ParseDollars(text));
        Assert.Contains($"'{text}'", e.Message);
    }

    [Fact]
    public void FormattingIsExact()
    {
        Assert.Equal("-1,234.500000", new Usd(-1_234_500_000).ToDollars());
        Assert.Equal("0.0001", new Quantity(1).ToContracts());
    }
}
