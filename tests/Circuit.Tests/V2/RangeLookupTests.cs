// SPDX-License-Identifier: MIT
using System.Numerics;
using ZkOptions.Circuit.Compiler;
using ZkOptions.Circuit.Solving;
using ZkOptions.Constraints;
using ZkOptions.Field;
using static ZkOptions.Circuit.Tests.Support.CircuitAssert;

namespace ZkOptions.Circuit.Tests.V2;

/// <summary>
/// Range checks in v2 are lookups of limbs into a range table whose width the compiler picks for the circuit's
/// domain: values in range pass, values out of range (also just above 2^n when n is not a multiple of the limb) and
/// limbs a malicious prover rewrites are refused by the lookup, named at the call site.
/// </summary>
public sealed class RangeLookupTests
{
    private static CompiledCircuit Ranges(int checks, int bits) =>
        CircuitCompiler.Compile(C(checks, (api, x) =>
        {
            foreach (var v in x)
            {
                api.RangeCheck(v, bits);
            }
        })(), "ranges", ProofSystem.V2);

    [Fact]
    public void A_small_circuit_gets_a_small_table_and_a_large_one_the_16_bit_table()
    {
        var small = Ranges(1, 64).ToWideCircuit();
        var medium = Ranges(400, 64).ToWideCircuit();
        var large = Ranges(5000, 64).ToWideCircuit();
        Assert.True(Assert.Single(small.Tables).Values.Count <= 1 << 8, $"{small.Tables[0].Name} for {small.Rows.Count} rows");
        // 400 checks: 12-bit limbs (9 rows each, 3,600 rows) fit 2^12, where 16-bit limbs would need the 2^16 table.
        Assert.Equal(1 << 12, Assert.Single(medium.Tables).Values.Count);
        // 5,000 checks need 2^16 rows either way, and the 16-bit table makes a 64-bit check four limb rows, the
        // first also recomposing them.
        Assert.Equal(1 << 16, Assert.Single(large.Tables).Values.Count);
        Assert.Equal(5000 * 4, large.Rows.Count);
    }

    [Theory]
    [InlineData(64)]
    [InlineData(20)]    // a top limb of 4 bits under a 16-bit table: its scaled copy is looked up too
    [InlineData(8)]
    public void In_range_passes_and_just_out_of_range_is_refused_by_the_lookup(int bits)
    {
        foreach (int checks in new[] { 1, 400 })
        {
            var compiled = Ranges(checks, bits);
            var max = (BigInteger.One << bits) - 1;
            var values = Enumerable.Repeat(Fr.FromBigInteger(max), checks).ToArray();
            Assert.Empty(compiled.Check(compiled.Solve(Inputs(("x", values)))));

            values[^1] = Fr.FromBigInteger(max + 1);
            var failure = Assert.Single(compiled.Check(compiled.Solve(Inputs(("x", values)))));
            Assert.Contains("RangeLookupTests.cs:", failure.ToString());
            // A circuit too small for any table gets bits (the booleans gate refuses then).
            Assert.Contains(compiled.ToWideCircuit().Tables.Count > 0 ? "is not in table range" : "gate", failure.ToString());

            values[^1] = -Fr.One;
            Assert.NotEmpty(compiled.Check(compiled.Solve(Inputs(("x", values)))));
        }
    }

    [Fact]
    public void Limbs_rewritten_to_sum_right_out_of_range_are_refused()
    {
        // x = 2^20 in L-bit limbs; a malicious prover moves one unit of limb 1 into limb 0 (+2^L): the sum holds,
        // limb 0 is out of the table.
        var compiled = CircuitCompiler.Compile(C(400, (api, x) =>
        {
            foreach (var v in x)
            {
                api.RangeCheck(v, 32);
            }
        })(), "ranges", ProofSystem.V2);
        var values = Enumerable.Repeat(Fr.FromUInt64(1 << 20), 400).ToArray();
        int limb = 0, calls = 0;
        var witness = WitnessSolver.Solve(compiled, Inputs(("x", values)), (name, origin, outputs) =>
        {
            if (name.EndsWith("-bit limbs", StringComparison.Ordinal) && calls++ == 0)
            {
                limb = int.Parse(name.Split('-')[0], System.Globalization.CultureInfo.InvariantCulture);
                outputs[0] += Fr.FromUInt64(1UL << limb);
                outputs[1] -= Fr.One;
            }
        });
        Assert.True(limb > 0, "no limb hint ran");
        var failure = Assert.Single(compiled.Check(witness));
        Assert.Contains($"{1UL << limb} is not in table range{limb}", failure.ToString());
    }
}
