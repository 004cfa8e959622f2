// SPDX-License-Identifier: MIT
using ZkOptions.Circuit.Compiler;
using ZkOptions.Circuit.Solving;
using ZkOptions.Circuit.Tests.Support;
using ZkOptions.Field;
using static ZkOptions.Circuit.Tests.Support.CircuitAssert;

namespace ZkOptions.Circuit.Tests.Dsl;

public sealed class ArithmeticTests
{
    [Fact]
    public void LinearOperationsCostNoGatesAndCancel()
    {
        var compiled = CircuitCompiler.Compile(new TestCircuit(2, (api, x) =>
        {
            var sum = api.Add(x[0], x[1], x[0] * 3, 7);
            var back = api.Sub(sum, x[0] * 4, x[1]);
            Assert.True(back.IsConstant);
            Assert.Equal(Fr.FromUInt64(7), back.ConstantValue);
        }));
        Assert.Equal(0, compiled.GateCount);
    }

    [Fact]
    public void ConstantsFold()
    {
        var compiled = CircuitCompiler.Compile(new TestCircuit(1, (api, x) =>
        {
            var six = api.Mul(2, 3);
            Assert.Equal(Fr.FromUInt64(6), six.ConstantValue);
            Assert.Equal(Fr.FromUInt64(3), api.Div(six, 2).ConstantValue);
            Assert.True(api.Mul(x[0], 0).IsConstant);
            Assert.Equal(x[0] * 5, api.Mul(x[0], 5));
            Assert.Equal(Fr.One, api.IsZero(0).ConstantValue);
            Assert.Equal(Fr.One, api.IsZero(0).ConstantValue);
            Assert.Equal(x[0], api.Select(1, x[0], 9));
        }));
        Assert.Equal(0, compiled.GateCount);
    }

    [Fact]
    public void MulOfAffineValuesIsOneGate()
    {
        var compiled = CircuitCompiler.Compile(new TestCircuit(2, (api, x) => api.AssertEqual(api.Mul(x[0] * 2 + 3, x[1] - 1), 0)));
        Assert.Equal(2, compiled.GateCount); // the product, and the assertion on its wire
        Satisfied(C(2, (api, x) => api.AssertEqual(api.Mul(x[0] * 2 + 3, x[1] - 1), 99)), X(3, 12));
        Fails(C(2, (api, x) => api.AssertEqual(api.Mul(x[0] * 2 + 3, x[1] - 1), 99)), X(3, 13), "assert a == b");
    }

    [Fact]
    public void MulOfWideSumsCollapsesThem()
    {
        // (x0 + x1 + x2)·(x0 − x1) = 27: 2 gates to collapse the first factor, 1 for the second, 1 for the product,
        // 1 for the assertion.
        var body = (Api api, Variable[] x) => api.AssertEqual(api.Mul(x[0] + x[1] + x[2], x[0] - x[1]), 27);
        var compiled = Satisfied(C(3, body), X(5, 2, 2));
        Assert.Equal(5, compiled.GateCount);
        Fails(C(3, body), X(5, 2, 3), "assert a == b");
    }

    [Fact]
    public void SquareUsesOneGate()
    {
        var compiled = Satisfied(C(1, (api, x) => api.AssertEqual(api.Mul(x[0] + 1, x[0] + 1), 16)), X(3));
        Assert.Equal(2, compiled.GateCount);
    }

    [Fact]
    public void DivAndInverse()
    {
        Satisfied(C(2, (api, x) => api.AssertEqual(api.Div(x[0], x[1]), 4)), X(12, 3));
        Satisfied(C(1, (api, x) => api.AssertEqual(api.Mul(api.Inverse(x[0]), x[0]), 1)), X(-7));
        Fails(C(2, (api, x) => api.Div(x[0], x[1])), X(12, 0), "a / b (b ≠ 0)");
        Fails(C(2, (api, x) => api.Div(x[0], x[1])), X(0, 0), "a / b (b ≠ 0)");
        Fails(C(1, (api, x) => api.Inverse(x[0])), X(0), "1 / a (a ≠ 0)");
    }

    [Fact]
    public void TamperedInverseHintIsCaught()
    {
        var failures = FailsWithTamperedHint(C(2, (api, x) => api.Div(x[0], x[1])), X(12, 3), "inverse", o => o[0] += Fr.One);
        Assert.Single(failures);
        Assert.Contains("a / b (b ≠ 0)", failures[0].ToString());
        Assert.Contains("b = x[1] = 3", failures[0].ToString());
    }

    [Fact]
    public void DivisionByConstantZeroIsADefinitionError()
    {
        var e = Assert.Throws<CircuitDefinitionException>(() => CircuitCompiler.Compile(new TestCircuit(1, (api, x) => api.Div(x[0], 0))));
        Assert.Contains("ArithmeticTests.cs:", e.Message);
        Assert.Contains("fails for every input", e.Message);
    }

    [Fact]
    public void AGrowingAccumulatorCostsOneGatePerStep()
    {
        // acc ← acc + acc·y, 200 times: acc is a sum that grows by one product wire per step. Each product needs acc
        // collapsed to one wire; the collapsed prefix is remembered, so a step costs 2 gates, not a chain of 200.
        const int steps = 200;
        var body = (Api api, Variable[] x) =>
        {
            Variable acc = x[0];
            for (int i = 0; i < steps; i++)
            {
                acc += api.Mul(acc, x[1]);
            }
            api.AssertEqual(acc, x[2]);
        };
        var compiled = CircuitCompiler.Compile(new TestCircuit(3, body));
        Assert.InRange(compiled.GateCount, 2 * steps, 2 * steps + 3);
        // (1 + y)^200·x with y = 1, x = 1: 2^200 mod r.
        Satisfied(C(3, body), Inputs(("x", new[] { Fr.One, Fr.One, Fr.FromUInt64(2).Pow(200) })));
        Fails(C(3, body), Inputs(("x", new[] { Fr.One, Fr.One, Fr.FromUInt64(2).Pow(199) })), "assert a == b");
    }
}
