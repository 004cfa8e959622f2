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
        var large = Ranges(40000, 64).ToWideCircuit();
        Assert.True(Assert.Single(small.Tables).Values.Count <= 1 << 8, $"{small.Tables[0].Name} for {small.Rows.Count} rows");
        // 400 checks: 8-bit limbs (two lane rows and their recomposition, 3 rows each, 1,200 rows) fit 2^11, where
        // 16-bit limbs (one row each) would need the 2^16 table.
        Assert.Equal(1 << 8, Assert.Single(medium.Tables).Values.Count);
        Assert.Equal(400 * 3, medium.Rows.Count);
        // 40,000 checks need 2^16 rows anyway, so the 16-bit table comes free, and a 64-bit check is one lane row:
        // the four limbs in w0..w3, each looked up, the value in w4.
        Assert.Equal(1 << 16, Assert.Single(large.Tables).Values.Count);
        Assert.Equal(40000, large.Rows.Count);
        Assert.All(large.Rows, r => Assert.True(r.Lanes && r.Gate == Constraints.V2.GateKind.Arithmetic));
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

    [Theory]
    [InlineData(64, 40000, "range16", 1)]    // four 16-bit limbs: one lane row, the value in w4
    [InlineData(48, 40000, "range16", 1)]    // three limbs and the constant one
    [InlineData(16, 40000, "range16", 1)]    // the value is its own limb
    [InlineData(10, 40000, "range16", 1)]    // the value is its own limb, its multiple by 2^6 beside it in the lanes
    [InlineData(60, 40000, "range15", 1)]    // 15-bit limbs fill four lanes, where 16-bit ones would need a second row
    [InlineData(20, 40000, "range10", 1)]    // likewise two 10-bit limbs
    [InlineData(128, 20000, "range16", 3)]   // eight limbs: two lane rows with their partial sums in w4, then their sum
    [InlineData(23, 2000, "range12", 2)]     // 23 bits fill no limb width: a top limb of 11 bits, its multiple by 2^1 on a second row
    public void A_range_check_takes_its_pinned_rows_per_check(int bits, int checks, string table, int rowsPerCheck)
    {
        var circuit = Ranges(checks, bits).ToWideCircuit();
        Assert.Equal(table, Assert.Single(circuit.Tables).Name);
        Assert.Equal(checks * rowsPerCheck, circuit.Rows.Count);
    }

    [Theory]
    [InlineData(64, 2)]     // the sum row w = x − y, then the lane row
    [InlineData(16, 1)]     // one limb: limb − (x − y) = 0 in one row that looks the limb up in w0
    public void A_value_of_several_terms_takes_its_pinned_rows_and_is_checked(int bits, int rowsPerCheck)
    {
        var compiled = CircuitCompiler.Compile(C(40000, (api, x) =>
        {
            for (int i = 0; i < x.Length; i += 2)
            {
                api.RangeCheck(x[i] - x[i + 1], bits);
            }
        })(), "differences", ProofSystem.V2);
        // 20,000 checks of x − y on the 16-bit table.
        Assert.Equal("range16", Assert.Single(compiled.ToWideCircuit().Tables).Name);
        Assert.Equal(20000 * rowsPerCheck, compiled.ToWideCircuit().Rows.Count);
        var values = Enumerable.Range(0, 40000).Select(i => Fr.FromUInt64(i % 2 == 0 ? 1UL << (bits - 1) : 5)).ToArray();
        Assert.Empty(compiled.Check(compiled.Solve(Inputs(("x", values)))));
        values[1] = Fr.FromUInt64(1UL << (bits - 1)) + Fr.One;   // x − y = −1
        Assert.Contains("is not in table range16", Assert.Single(compiled.Check(compiled.Solve(Inputs(("x", values))))).ToString());
    }

    [Fact]
    public void A_lane_rewritten_out_of_its_table_is_named_at_the_call_and_its_forced_proof_is_rejected()
    {
        // One 64-bit check (a small circuit: L-bit limbs on lane rows): limb 0 + 2^L and limb 1 − 1 keep its lane row's
        // sum, and lane 0 leaves the table. The checker names this file's line and the value; the proof made anyway
        // does not verify.
        var compiled = Ranges(1, 64);
        var values = new[] { Fr.FromUInt64(1 << 20) };
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
        Assert.Contains(compiled.ToWideCircuit().Rows, r => r.Lanes);
        var failure = Assert.Single(compiled.Check(witness));
        Assert.Contains($"lookup: {1UL << limb} is not in table range{limb}", failure.ToString());
        Assert.Contains("RangeLookupTests.cs:", failure.ToString());
        Assert.Contains("range check", failure.ToString());
        Assert.False(ForcedProofs.ProveAndVerify(compiled, witness), "a proof of a lane outside its table verified");
        Assert.True(ForcedProofs.ProveAndVerify(compiled, compiled.Solve(Inputs(("x", values)))));
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
