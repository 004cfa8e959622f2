// SPDX-License-Identifier: MIT
using ZkOptions.Circuit.Compiler;
using ZkOptions.Circuit.Solving;
using ZkOptions.Constraints;
using ZkOptions.Constraints.V2;
using ZkOptions.Field;
using static ZkOptions.Circuit.Tests.Support.CircuitAssert;

namespace ZkOptions.Circuit.Tests.V2;

/// <summary>
/// Bit decompositions in v2 check five bits a row: a decomposition that sums right with a non-boolean "bit" is
/// refused by the booleans gate, named with the call site.
/// </summary>
public sealed class BooleansRowsTests
{
    [Fact]
    public void A_non_boolean_bit_that_sums_right_is_refused_by_the_booleans_gate()
    {
        var compiled = CircuitCompiler.Compile(C(1, (api, x) => api.ToBits(x[0], 12))(), "bits", ProofSystem.V2);
        Assert.Equal(3, compiled.ToWideCircuit().Rows.Count(r => r.Gate == GateKind.Booleans));
        var honest = compiled.Solve(X(3));
        Assert.Empty(compiled.Check(honest));

        // 3 = 1 + 2·1 = 3 + 2·0: the second decomposition sums right but its first "bit" is 3.
        var witness = WitnessSolver.Solve(compiled, X(3), (name, origin, outputs) =>
        {
            if (name == "12 bits")
            {
                outputs[0] = Fr.FromUInt64(3);
                outputs[1] = Fr.Zero;
            }
        });
        var failure = Assert.Single(compiled.Check(witness));
        Assert.Contains("BooleansRowsTests.cs:", failure.ToString());
        Assert.Contains("booleans gate", failure.ToString());
    }
}
