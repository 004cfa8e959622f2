// SPDX-License-Identifier: MIT
using ZkOptions.Circuit.Compiler;
using ZkOptions.Circuit.Solving;
using ZkOptions.Circuit.Tests.Support;
using ZkOptions.Field;
using static ZkOptions.Circuit.Tests.Support.CircuitAssert;

namespace ZkOptions.Circuit.Tests.Dsl;

public sealed class ConditionalTests
{
    [Theory]
    [InlineData(0, 1)]
    [InlineData(5, 0)]
    [InlineData(-1, 0)]
    public void IsZero(long value, long expected)
    {
        var compiled = Satisfied(C(2, (api, x) => api.AssertEqual(api.IsZero(x[0]), x[1])), X(value, expected));
        Fails(C(2, (api, x) => api.AssertEqual(api.IsZero(x[0]), x[1])), X(value, 1 - expected), "assert a == b");
        Assert.Equal(3, compiled.GateCount); // m = a·inv, a·(1 − m) = 0, and the assertion
    }

    [Fact]
    public void IsZeroCannotBeMadeToLie()
    {
        // A malicious inverse for a non-zero input: m = a·inv ≠ 1, so out = 1 − m ≠ 0 and a·out ≠ 0.
        var failures = FailsWithTamperedHint(C(1, (api, x) => api.IsZero(x[0])), X(5), "inverse or 0", o => o[0] = Fr.Zero);
        Assert.Contains("is a == 0", Assert.Single(failures).ToString());
    }

    [Fact]
    public void IsEqual()
    {
        Satisfied(C(3, (api, x) => api.AssertEqual(api.IsEqual(x[0], x[1]), x[2])), X(4, 4, 1));
        Satisfied(C(3, (api, x) => api.AssertEqual(api.IsEqual(x[0], x[1]), x[2])), X(4, 5, 0));
        Fails(C(3, (api, x) => api.AssertEqual(api.IsEqual(x[0], x[1]), x[2])), X(4, 5, 1), "assert a == b");
    }

    [Theory]
    [InlineData(1, 10)]
    [InlineData(0, 20)]
    public void Select(long condition, long expected)
    {
        var body = (Api api, Variable[] x) => api.AssertEqual(api.Select(x[0], x[1], x[2]), x[3]);
        Satisfied(C(4, body), X(condition, 10, 20, expected));
        Fails(C(4, body), X(condition, 10, 20, expected + 1), "assert a == b");
    }

    [Fact]
    public void SelectRejectsANonBooleanCondition()
    {
        // With c = 2: b + 2(a − b) = 2a − b, which a prover could otherwise pass off as a selection.
        Fails(C(4, (api, x) => api.AssertEqual(api.Select(x[0], x[1], x[2]), x[3])), X(2, 10, 20, 0), "select(c, a, b)");
    }

    [Theory]
    [InlineData(0, 0)]
    [InlineData(1, 0)]
    [InlineData(0, 1)]
    [InlineData(1, 1)]
    public void Lookup2WithConstantAndVariableTables(long b0, long b1)
    {
        long[] table = [11, 22, 33, 50];
        long expected = table[b0 + 2 * b1];
        var constant = (Api api, Variable[] x) => api.AssertEqual(api.Lookup2(x[0], x[1], 11, 22, 33, 50), x[2]);
        var compiled = Satisfied(C(3, constant), X(b0, b1, expected));
        Assert.Equal(5, compiled.GateCount); // two boolean checks, b0·b1, and the 4-wire assertion (2 gates)
        Fails(C(3, constant), X(b0, b1, expected + 1), "assert a == b");

        var variable = (Api api, Variable[] x) => api.AssertEqual(api.Lookup2(x[0], x[1], x[3], x[4], x[5], x[6]), x[2]);
        Satisfied(C(7, variable), X([b0, b1, expected, .. table]));
        var tampered = table.ToArray();
        tampered[b0 + 2 * b1] += 1;
        Fails(C(7, variable), X([b0, b1, expected, .. tampered]), "assert a == b");
    }

    [Fact]
    public void Lookup2RejectsNonBooleanSelectors()
    {
        Fails(C(3, (api, x) => api.AssertEqual(api.Lookup2(x[0], x[1], 11, 22, 33, 44), x[2])), X(2, 0, 11), "lookup2");
    }
}
