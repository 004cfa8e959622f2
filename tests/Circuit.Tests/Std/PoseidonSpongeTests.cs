// SPDX-License-Identifier: MIT
using ZkOptions.Circuit.Compiler;
using ZkOptions.Circuit.Solving;
using ZkOptions.Circuit.Std;
using ZkOptions.Constraints;
using ZkOptions.Field;
using static ZkOptions.Circuit.Tests.Support.CircuitAssert;
using NativeSponge = ZkOptions.Field.Hashing.PoseidonSponge;

namespace ZkOptions.Circuit.Tests.Std;

/// <summary>
/// The Poseidon sponge gadget against the native sponge (itself checked against circomlibjs) on both proof systems,
/// its v2 row cost, and a tampered lane carried from one block into the next refused.
/// </summary>
public sealed class PoseidonSpongeTests
{
    private static Fr[] Values(int n) => Enumerable.Range(0, n).Select(i => Fr.FromUInt64((ulong)(77 + 1_000_003 * i))).ToArray();

    private static CompiledCircuit SpongeCircuit(int n, ProofSystem system) =>
        CircuitCompiler.Compile(C(n + 1, (api, x) => api.AssertEqual(PoseidonSponge.Hash(api, x[..n]), x[n]))(), "sponge", system);

    [Theory]
    [InlineData(1, ProofSystem.V1)]
    [InlineData(5, ProofSystem.V1)]
    [InlineData(19, ProofSystem.V1)]
    [InlineData(1, ProofSystem.V2)]
    [InlineData(4, ProofSystem.V2)]
    [InlineData(5, ProofSystem.V2)]
    [InlineData(16, ProofSystem.V2)]
    [InlineData(19, ProofSystem.V2)]
    public void The_gadget_gives_the_native_sponge_hash(int n, ProofSystem system)
    {
        var compiled = SpongeCircuit(n, system);
        var values = Values(n);
        var expected = NativeSponge.Hash(values);
        Assert.Empty(compiled.Check(compiled.Solve(Inputs(("x", values.Append(expected))))));
        Assert.NotEmpty(compiled.Check(compiled.Solve(Inputs(("x", values.Append(expected + Fr.One))))));
    }

    [Theory]
    [InlineData(4)]
    [InlineData(16)]
    [InlineData(19)]
    public void On_v2_a_block_costs_its_permutation_rows_and_a_row_per_lane_it_adds_into(int n)
    {
        var compiled = SpongeCircuit(n, ProofSystem.V2);
        int blocks = NativeSponge.Permutations(n);
        // 68 round rows and an output row a permutation; from the second block on, one row per lane summed; the assertion.
        int added = n - Math.Min(n, 4);
        Assert.Equal(blocks * 69 + added + 1, compiled.RowCount);
    }

    [Fact]
    public void A_lane_tampered_between_blocks_is_refused()
    {
        var compiled = SpongeCircuit(8, ProofSystem.V2);
        var values = Values(8);
        int permutations = 0;
        var witness = WitnessSolver.Solve(compiled, Inputs(("x", values.Append(NativeSponge.Hash(values)))), (name, origin, outputs) =>
        {
            if (name == "poseidon(4) rounds" && permutations++ == 0)
            {
                outputs[^2] += Fr.One;   // lane 3 of the first block's output, which the second block absorbs into
            }
        });
        Assert.Equal(2, permutations);
        var failures = compiled.Check(witness);
        Assert.NotEmpty(failures);
        Assert.Contains("PoseidonSpongeTests.cs:", failures[0].ToString());
    }
}
