// SPDX-License-Identifier: MIT
using System.Numerics;
using ZkOptions.Circuit.Std;
using ZkOptions.Circuit.Solving;
using ZkOptions.Circuit.Tests.Support;
using ZkOptions.Field;
using static ZkOptions.Circuit.Tests.Support.CircuitAssert;

namespace ZkOptions.Circuit.Tests.Std;

public sealed class FixedPointTests
{
    private static Func<Circuit> MulCircuit(Rounding rounding) => C(3, (api, x) =>
    {
        var a = FixedPoint.FromRaw(api, x[0], 64);
        var b = FixedPoint.FromRaw(api, x[1], 64);
        api.AssertEqual(FixedPoint.Mul(api, a, b, rounding: rounding).Raw, x[2]);
    });

    // Raw values are value·10⁶. The expected results are computed here by hand with the rounding written out:
    // 1.5 × 2.25 = 3.375 exactly; 0.000001 × 0.5 = 0.0000005 → floor 0, ceiling 0.000001;
    // −0.000001 × 0.5 = −0.0000005 → floor −0.000001, ceiling 0; −1.5 × 2.25 = −3.375 exactly.
    [Theory]
    [InlineData(1_500_000, 2_250_000, 3_375_000, 3_375_000)]
    [InlineData(1, 500_000, 0, 1)]
    [InlineData(-1, 500_000, -1, 0)]
    [InlineData(-1_500_000, 2_250_000, -3_375_000, -3_375_000)]
    [InlineData(-3, -333_334, 1, 2)] // 1.000002 × 10⁻⁶ … = 0.000001000002 → floor 1, ceiling 2 (raw)
    public void MulRoundsAsDocumented(long a, long b, long floor, long ceiling)
    {
        Satisfied(MulCircuit(Rounding.Floor), X(a, b, floor));
        Satisfied(MulCircuit(Rounding.Ceiling), X(a, b, ceiling));
        if (floor != ceiling)
        {
            Fails(MulCircuit(Rounding.Floor), X(a, b, ceiling), "assert a == b");
        }
    }

    [Fact]
    public void MulMatchesTheIntegerReferenceOnRandomValues()
    {
        var rng = new Random(11);
        for (int i = 0; i < 40; i++)
        {
            long a = rng.NextInt64(-4_000_000_000_000, 4_000_000_000_000), b = rng.NextInt64(-4_000_000, 4_000_000);
            var (floor, _) = FixedPoint.DivRound(new BigInteger(a) * b, FixedPoint.Scale, Rounding.Floor);
            Assert.Null(Testing.TestEngine.FirstFailure(MulCircuit(Rounding.Floor)(), X(a, b, (long)floor)));
        }
    }

    [Fact]
    public void MulOverflowIsAFailedRangeNotAWrap()
    {
        // (2^40)·(2^40) / 10⁶ needs 61 bits; a 48-bit result must fail.
        var create = C(3, (api, x) =>
        {
            var a = FixedPoint.FromRaw(api, x[0], 48);
            var b = FixedPoint.FromRaw(api, x[1], 48);
            api.AssertEqual(FixedPoint.Mul(api, a, b).Raw, x[2]);
        });
        long product = (long)((BigInteger.One << 80) / 1_000_000);
        Fails(create, X(1L << 40, 1L << 40, product), "fixed-point mul › fixed-point range (48-bit signed)");
    }

    [Fact]
    public void TamperedRescaleIsCaught()
    {
        // Shift one unit from the quotient into the remainder: q·10⁶ + rem still equals the product, but rem ≥ 10⁶.
        var failures = FailsWithTamperedHint(MulCircuit(Rounding.Floor), X(1_500_000, 2_250_000, 3_375_000 - 1), "fixed-point rescale", o =>
        {
            o[0] -= Fr.One;
            o[1] += Fr.FromUInt64(1_000_000);
        });
        Assert.Contains("fixed-point mul", failures[0].ToString());
    }

    [Theory]
    [InlineData(1_000_000, 3_000_000, 333_333, 333_334)]   // 1/3
    [InlineData(-1_000_000, 3_000_000, -333_334, -333_333)] // −1/3
    [InlineData(1_000_000, -3_000_000, -333_334, -333_333)]
    [InlineData(-1_000_000, -3_000_000, 333_333, 333_334)]
    [InlineData(7_000_000, 2_000_000, 3_500_000, 3_500_000)]
    public void DivRoundsAsDocumented(long a, long b, long floor, long ceiling)
    {
        Func<Circuit> Div(Rounding r) => C(3, (api, x) =>
            api.AssertEqual(FixedPoint.Div(api, FixedPoint.FromRaw(api, x[0], 64), FixedPoint.FromRaw(api, x[1], 64), rounding: r).Raw, x[2]));
        Satisfied(Div(Rounding.Floor), X(a, b, floor));
        Satisfied(Div(Rounding.Ceiling), X(a, b, ceiling));
        if (floor != ceiling)
        {
            Fails(Div(Rounding.Floor), X(a, b, ceiling), "assert a == b");
        }
        Fails(Div(Rounding.Floor), X(a, 0, 0), "fixed-point div");
    }

    [Fact]
    public void TamperedQuotientIsCaught()
    {
        var create = C(2, (api, x) => FixedPoint.Div(api, FixedPoint.FromRaw(api, x[0], 64), FixedPoint.FromRaw(api, x[1], 64)));
        var failures = FailsWithTamperedHint(create, X(1_000_000, 3_000_000), "fixed-point quotient", o =>
        {
            o[0] += Fr.One; // q + 1 with rem − b keeps the identity but puts rem out of range
            o[1] -= Fr.FromUInt64(3_000_000);
        });
        Assert.Contains("fixed-point div", failures[0].ToString());
    }

    [Theory]
    [InlineData(-5, 1)]
    [InlineData(0, 0)]
    [InlineData(5, 0)]
    public void SignPositivePartAndMax(long value, long negative)
    {
        Satisfied(C(2, (api, x) => api.AssertEqual(FixedPoint.IsNegative(api, FixedPoint.FromRaw(api, x[0], 32)), x[1])), X(value, negative));
        Satisfied(C(2, (api, x) => api.AssertEqual(FixedPoint.PositivePart(api, FixedPoint.FromRaw(api, x[0], 32)).Raw, x[1])), X(value, Math.Max(0, value)));
        Satisfied(C(3, (api, x) => api.AssertEqual(
            FixedPoint.Max(api, FixedPoint.FromRaw(api, x[0], 32), FixedPoint.FromRaw(api, x[1], 32)).Raw, x[2])), X(value, 3, Math.Max(value, 3)));
        if (value < 0)
        {
            Fails(C(1, (api, x) => FixedPoint.AssertNonNegative(api, FixedPoint.FromRaw(api, x[0], 32))), X(value), "fixed-point a ≥ 0");
        }
    }

    [Fact]
    public void FromRawRejectsOutOfWidth()
    {
        Satisfied(C(1, (api, x) => FixedPoint.FromRaw(api, x[0], 8)), X(-128));
        Satisfied(C(1, (api, x) => FixedPoint.FromRaw(api, x[0], 8)), X(127));
        Fails(C(1, (api, x) => FixedPoint.FromRaw(api, x[0], 8)), X(128), "fixed-point range (8-bit signed)");
        Fails(C(1, (api, x) => FixedPoint.FromRaw(api, x[0], 8)), X(-129), "fixed-point range (8-bit signed)");
    }

    [Fact]
    public void ConstantsAndExactOperations()
    {
        var c = FixedPoint.Constant(-1.25m);
        Assert.Equal(FixedPoint.FromSigned(-1_250_000), c.Raw.ConstantValue);
        Assert.Throws<ArgumentException>(() => FixedPoint.Constant(0.0000001m));
        Satisfied(C(2, (api, x) =>
        {
            var a = FixedPoint.FromRaw(api, x[0], 40);
            var sum = FixedPoint.Add(a, FixedPoint.Constant(1.25m));
            api.AssertEqual(FixedPoint.Sub(sum, FixedPoint.MulInteger(a, 2)).Raw, x[1]);
        }), X(500_000, 750_000));
    }
}
