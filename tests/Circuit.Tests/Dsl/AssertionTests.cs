// SPDX-License-Identifier: MIT
using ZkOptions.Circuit.Compiler;
using ZkOptions.Circuit.Solving;
using ZkOptions.Circuit.Tests.Support;
using ZkOptions.Field;
using static ZkOptions.Circuit.Tests.Support.CircuitAssert;

namespace ZkOptions.Circuit.Tests.Dsl;

public sealed class AssertionTests
{
    [Fact]
    public void AssertEqualOfLongSumsChainsGates()
    {
        // 6 wires in a − b: (6 − 2) = 4 gates, each folding two terms, and a final 3-term gate… (n − 2) in all.
        var body = (Api api, Variable[] x) => api.AssertEqual(api.Add(x[0], x[1], x[2], x[3], x[4]), x[5]);
        var compiled = Satisfied(C(6, body), X(1, 2, 3, 4, 5, 15));
        Assert.Equal(4, compiled.GateCount);
        Fails(C(6, body), X(1, 2, 3, 4, 5, 16), "assert a == b");
    }

    [Theory]
    [InlineData(0, true)]
    [InlineData(1, true)]
    [InlineData(2, false)]
    [InlineData(-1, false)]
    public void AssertBoolean(long value, bool ok)
    {
        var create = C(1, (api, x) => api.AssertBoolean(x[0]));
        if (ok)
        {
            Satisfied(create, X(value));
        }
        else
        {
            Fails(create, X(value), "assert a ∈ {0, 1}");
        }
    }

    [Fact]
    public void AssertBooleanOfAffineValue()
    {
        // 1 − x is boolean exactly when x is.
        Satisfied(C(1, (api, x) => api.AssertBoolean(1 - x[0])), X(1));
        Fails(C(1, (api, x) => api.AssertBoolean(1 - x[0])), X(3), "assert a ∈ {0, 1}");
    }

    [Fact]
    public void RepeatedBooleanChecksAreFree()
    {
        var compiled = CircuitCompiler.Compile(new TestCircuit(1, (api, x) =>
        {
            api.AssertBoolean(x[0]);
            api.AssertBoolean(x[0]);
            api.AssertBoolean(1 - x[0]);
            api.Select(x[0], 3, 4);
        }));
        Assert.Equal(1, compiled.GateCount);
    }

    [Fact]
    public void AssertNonZeroAndNotEqual()
    {
        Satisfied(C(1, (api, x) => api.AssertNonZero(x[0])), X(5));
        Fails(C(1, (api, x) => api.AssertNonZero(x[0])), X(0), "assert a ≠ 0");
        Satisfied(C(2, (api, x) => api.AssertNotEqual(x[0], x[1])), X(5, 6));
        Fails(C(2, (api, x) => api.AssertNotEqual(x[0], x[1])), X(6, 6), "assert a ≠ b");
        var tampered = FailsWithTamperedHint(C(1, (api, x) => api.AssertNonZero(x[0])), X(5), "inverse", o => o[0] = Fr.Zero);
        Assert.Contains("assert a ≠ 0", Assert.Single(tampered).ToString());
    }

    [Fact]
    public void ReportsCarryScopeFileLineAndValues()
    {
        var failures = Fails(C(2, (api, x) =>
        {
            using (api.Scope("maker margin"))
            {
                using (api.Scope("inner"))
                {
                    api.AssertEqual(x[0] * 2 + x[1], 10);
                }
            }
        }), X(3, 5), "maker margin › inner");
        string text = failures[0].ToString();
        Assert.Matches(@"AssertionTests\.cs:\d+ maker margin › inner: assert a == b failed", text);
        Assert.Contains("a = 2·x[0] + x[1] = 11", text);
        Assert.Contains("b = 10", text);
    }

    [Fact]
    public void NegativeValuesPrintAsNegatives()
    {
        var failures = Fails(C(1, (api, x) => api.AssertEqual(x[0], 1)), X(-5), "assert a == b");
        Assert.Contains("a = x[0] = −5", failures[0].ToString());
    }

    [Fact]
    public void ScopesMustBeClosed()
    {
        var e = Assert.Throws<CircuitDefinitionException>(() => CircuitCompiler.Compile(new TestCircuit(1, (api, x) => api.Scope("left open"))));
        Assert.Contains("left open", e.Message);
    }
}
