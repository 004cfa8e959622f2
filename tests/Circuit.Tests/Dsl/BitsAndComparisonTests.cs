// SPDX-License-Identifier: MIT
using System.Numerics;
using ZkOptions.Circuit.Compiler;
using ZkOptions.Circuit.Solving;
using ZkOptions.Circuit.Tests.Support;
using ZkOptions.Field;
using static ZkOptions.Circuit.Tests.Support.CircuitAssert;

namespace ZkOptions.Circuit.Tests.Dsl;

public sealed class BitsAndComparisonTests
{
    [Fact]
    public void ToBitsRoundTripsAndCostsAboutTwoGatesPerBit()
    {
        Satisfied(C(1, (api, x) =>
        {
            var bits = api.ToBits(x[0], 16);
            api.AssertEqual(bits[0], 1);
            api.AssertEqual(bits[15], 1);
            api.AssertEqual(api.FromBits(bits), x[0]);
        }), X(0b1000_0000_0000_0011));
        // 16 boolean gates, and Σ 2^i·bᵢ − x (17 wires) in 15 gates.
        Assert.Equal(31, Compiler.CircuitCompiler.Compile(new TestCircuit(1, (api, x) => api.ToBits(x[0], 16))).GateCount);
    }

    [Theory]
    [InlineData(255, true)]
    [InlineData(256, false)]
    [InlineData(-1, false)]
    public void ToBitsProvesTheRange(long value, bool ok)
    {
        var create = C(1, (api, x) => api.ToBits(x[0], 8));
        if (ok)
        {
            Satisfied(create, X(value));
        }
        else
        {
            Fails(create, X(value), "to 8 bits (a < 2^8)");
        }
    }

    [Fact]
    public void ANonBooleanBitIsCaught()
    {
        // Bits (2, 1, 0, …) also sum to 4 = 2·1 + 1·2: only the boolean constraint stops it.
        var failures = FailsWithTamperedHint(C(1, (api, x) => api.ToBits(x[0], 8)), X(4), "8 bits", o =>
        {
            o[0] = Fr.FromUInt64(2);
            o[1] = Fr.One;
            o[2] = Fr.Zero;
        });
        Assert.Contains("to 8 bits", failures[0].ToString());
    }

    [Fact]
    public void FullWidthDecompositionRejectsTheAlias()
    {
        // x and x + r have the same field value; with 254 bits both fit, so the bits are also checked to be < r.
        var x = BigInteger.Parse("12345678901234567890");
        var alias = x + Fr.Modulus;
        Assert.True(alias < BigInteger.One << 254);
        var failures = FailsWithTamperedHint(C(1, (api, v) => api.ToBits(v[0], 254)), Inputs(("x", new[] { Fr.FromBigInteger(x) })), "254 bits", o =>
        {
            for (int i = 0; i < o.Length; i++)
            {
                o[i] = (alias >> i & 1) == 1 ? Fr.One : Fr.Zero;
            }
        });
        Assert.Contains("to 254 bits", failures[0].ToString());
        Satisfied(C(1, (api, v) => api.ToBits(v[0], 254)), Inputs(("x", new[] { -Fr.One })));
    }

    [Theory]
    [InlineData(0b1011, 11, true)]
    [InlineData(0b1011, 10, false)]
    [InlineData(0b0111, 8, true)]
    [InlineData(0b1001, 8, false)]
    [InlineData(0, 0, true)]
    public void AssertBitsAtMost(long value, long bound, bool ok)
    {
        var create = C(1, (api, x) => api.AssertBitsAtMost(api.ToBits(x[0], 4), bound));
        if (ok)
        {
            Satisfied(create, X(value));
        }
        else
        {
            Fails(create, X(value), $"assert bits ≤ {bound}");
        }
    }

    // The exact edges, gnark's bounded_test style: with a width of 8, 255 vs 255, 0 vs 255, and neighbours.
    [Theory]
    [InlineData(10, 17, 1)]
    [InlineData(17, 17, 0)]
    [InlineData(18, 17, 0)]
    [InlineData(0, 255, 1)]
    [InlineData(255, 0, 0)]
    [InlineData(254, 255, 1)]
    public void IsLess(long a, long b, long expected)
    {
        var body = (Api api, Variable[] x) =>
            api.AssertEqual(api.IsLess(api.RangeCheck(x[0], 8), api.RangeCheck(x[1], 8)), x[2]);
        Satisfied(C(3, body), X(a, b, expected));
        Fails(C(3, body), X(a, b, 1 - expected), "assert a == b");
        var orEqual = (Api api, Variable[] x) =>
            api.AssertEqual(api.IsLessOrEqual(api.RangeCheck(x[0], 8), api.RangeCheck(x[1], 8)), x[2]);
        Satisfied(C(3, orEqual), X(a, b, a <= b ? 1 : 0));
    }

    [Theory]
    [InlineData(10, 17, true, true)]
    [InlineData(17, 17, true, false)]
    [InlineData(18, 17, false, false)]
    public void AssertLessAndLessOrEqual(long a, long b, bool lessOrEqual, bool less)
    {
        var le = C(2, (api, x) => api.AssertLessOrEqual(api.RangeCheck(x[0], 8), api.RangeCheck(x[1], 8)));
        var lt = C(2, (api, x) => api.AssertLess(api.RangeCheck(x[0], 8), api.RangeCheck(x[1], 8)));
        if (lessOrEqual) { Satisfied(le, X(a, b)); } else { Fails(le, X(a, b), "assert a ≤ b"); }
        if (less) { Satisfied(lt, X(a, b)); } else { Fails(lt, X(a, b), "assert a < b"); }
    }

    [Fact]
    public void ComparisonsOfMixedWidthsUseTheWiderWidth()
    {
        var body = (Api api, Variable[] x) =>
            api.AssertEqual(api.IsLess(api.RangeCheck(x[0], 4), api.RangeCheck(x[1], 40)), x[2]);
        Satisfied(C(3, body), X(15, 1L << 39, 1));
        Satisfied(C(3, body), X(15, 3, 0));
        Satisfied(C(3, body), X(3, 3, 0));
    }

    [Fact]
    public void RangeCheckRejectsOutOfRange()
    {
        Fails(C(1, (api, x) => api.RangeCheck(x[0], 64)), Inputs(("x", new[] { Fr.FromBigInteger(BigInteger.One << 64) })), "range check 0 ≤ a < 2^64");
        Satisfied(C(1, (api, x) => api.RangeCheck(x[0], 64)), Inputs(("x", new[] { Fr.FromBigInteger((BigInteger.One << 64) - 1) })));
    }

    [Fact]
    public void WidthsAreValidated()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => CircuitCompiler.Compile(new TestCircuit(1, (api, x) => api.RangeCheck(x[0], 253))));
        Assert.Throws<ArgumentOutOfRangeException>(() => CircuitCompiler.Compile(new TestCircuit(1, (api, x) => api.ToBits(x[0], 255))));
        Assert.Throws<ArgumentOutOfRangeException>(() => Bounded.Constant(-1));
    }

    [Fact]
    public void BoundedConstantsCompare()
    {
        var body = (Api api, Variable[] x) => api.AssertLessOrEqual(api.RangeCheck(x[0], 20), Bounded.Constant(999_999));
        Satisfied(C(1, body), X(999_999));
        Fails(C(1, body), X(1_000_000), "assert a ≤ b");
    }
}
