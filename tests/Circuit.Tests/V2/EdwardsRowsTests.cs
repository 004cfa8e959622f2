// SPDX-License-Identifier: MIT
using System.Numerics;
using ZkOptions.Circuit.Compiler;
using ZkOptions.Circuit.Solving;
using ZkOptions.Circuit.Std;
using ZkOptions.Constraints;
using ZkOptions.Field;
using static ZkOptions.Circuit.Tests.Support.CircuitAssert;
using Jubjub = ZkOptions.Field.BabyJubjub.BabyJubjub;

namespace ZkOptions.Circuit.Tests.V2;

/// <summary>
/// BabyJubjub scalar multiplication in v2 rows (one Edwards step gate row per bit): the same points as the native
/// curve code, one row per bit, and a tampered step refused with the gate's name.
/// </summary>
public sealed class EdwardsRowsTests
{
    private static readonly BigInteger[] Scalars =
    [
        BigInteger.Zero, BigInteger.One, 2, Jubjub.SubgroupOrder - 1, Jubjub.SubgroupOrder,
        (BigInteger.One << 253) - 1, BigInteger.Parse("1234567890123456789012345678901234567890"),
    ];

    private static CompiledCircuit VariableBase() => CircuitCompiler.Compile(C(5, (api, x) =>
    {
        var q = BabyJubjubGadget.ScalarMulVariableBase(api, api.ToBits(x[0], 253), new PointVar(x[1], x[2]));
        api.AssertEqual(q.X, x[3]);
        api.AssertEqual(q.Y, x[4]);
    })(), "variable-base", ProofSystem.V2);

    private static CompiledCircuit FixedBase() => CircuitCompiler.Compile(C(3, (api, x) =>
    {
        var q = BabyJubjubGadget.ScalarMulFixedBase(api, api.ToBits(x[0], 253), Jubjub.Base8);
        api.AssertEqual(q.X, x[1]);
        api.AssertEqual(q.Y, x[2]);
    })(), "fixed-base", ProofSystem.V2);

    [Fact]
    public void Variable_base_multiplication_matches_the_curve_code_in_one_row_per_bit()
    {
        var compiled = VariableBase();
        var p = Jubjub.Multiply(Jubjub.Base8, 987654321);
        foreach (var k in Scalars)
        {
            var expected = Jubjub.Multiply(p, k);
            var witness = compiled.Solve(Inputs(("x", new[] { Fr.FromBigInteger(k), p.X, p.Y, expected.X, expected.Y })));
            Assert.True(compiled.Check(witness).Count == 0, $"k = {k}: " + string.Join("; ", compiled.Check(witness)));
            var wrong = compiled.Solve(Inputs(("x", new[] { Fr.FromBigInteger(k), p.X, p.Y, expected.X + Fr.One, expected.Y })));
            Assert.NotEmpty(compiled.Check(wrong));
        }
        // 254 rows of bits (253 booleans and the recomposition), 253 steps and the result row, 3 cells made for P and
        // the zero accumulator, 2 assertions.
        Assert.True(compiled.RowCount <= 600 + 256, $"{compiled.RowCount} rows");
    }

    [Fact]
    public void Fixed_base_multiplication_matches_the_curve_code()
    {
        var compiled = FixedBase();
        foreach (var k in Scalars)
        {
            var expected = Jubjub.Multiply(Jubjub.Base8, k);
            var witness = compiled.Solve(Inputs(("x", new[] { Fr.FromBigInteger(k), expected.X, expected.Y })));
            Assert.True(compiled.Check(witness).Count == 0, $"k = {k}: " + string.Join("; ", compiled.Check(witness)));
        }
    }

    [Theory]
    [InlineData("babyjubjub ladder", 0, "babyjubjub ladder step gate")]       // 2·P wrong in the first step
    [InlineData("babyjubjub ladder", 4 * 100 + 2, "babyjubjub ladder step gate")]  // an accumulator mid-way
    [InlineData("babyjubjub fixed-base", 2 * 50, "babyjubjub fixed-base step gate")]
    public void A_tampered_step_is_refused_with_the_gate_name(string hint, int output, string gate)
    {
        bool fixedBase = hint.Contains("fixed", StringComparison.Ordinal);
        var compiled = fixedBase ? FixedBase() : VariableBase();
        var k = BigInteger.Parse("1234567890123456789012345678901234567890");
        var p = Jubjub.Multiply(Jubjub.Base8, 55);
        var q = Jubjub.Multiply(fixedBase ? Jubjub.Base8 : p, k);
        Fr[] values = fixedBase ? [Fr.FromBigInteger(k), q.X, q.Y] : [Fr.FromBigInteger(k), p.X, p.Y, q.X, q.Y];
        var witness = WitnessSolver.Solve(compiled, Inputs(("x", values)), (name, origin, outputs) =>
        {
            if (name == hint)
            {
                outputs[output] += Fr.One;
            }
        });
        var failures = compiled.Check(witness);
        Assert.NotEmpty(failures);
        Assert.Contains(gate, failures[0].ToString());
    }
}
