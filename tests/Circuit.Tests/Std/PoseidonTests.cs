// SPDX-License-Identifier: MIT
using ZkOptions.Circuit.Compiler;
using ZkOptions.Circuit.Solving;
using ZkOptions.Circuit.Std;
using ZkOptions.Circuit.Tests.Support;
using ZkOptions.Field;
using static ZkOptions.Circuit.Tests.Support.CircomlibVectors;

namespace ZkOptions.Circuit.Tests.Std;

/// <summary>In-circuit Poseidon against circomlibjs's outputs (vectors/circomlib/poseidon.json), every width 1–16.</summary>
public sealed class PoseidonTests
{
    public sealed class HashCircuit(int n) : Circuit
    {
        [Public("hash")] public Variable Hash;
        [Secret("in")] public Variable[] In = new Variable[n];

        public override void Define(Api api) => api.AssertEqual(Poseidon.Hash(api, In), Hash);
    }

    public static IEnumerable<object[]> Widths => Enumerable.Range(1, 16).Select(n => new object[] { n });

    [Theory]
    [MemberData(nameof(Widths))]
    public void MatchesCircomlibjsAndRejectsAWrongHash(int n)
    {
        var cases = Load("poseidon.json").GetProperty("cases").EnumerateArray().Where(c => c.GetProperty("nInputs").GetInt32() == n).ToList();
        Assert.NotEmpty(cases);
        foreach (var c in cases)
        {
            var inputs = new InputAssignment()
                .Set("hash", F(c.GetProperty("output")))
                .Set("in", c.GetProperty("inputs").EnumerateArray().Select(F));
            CircuitAssert.Satisfied(() => new HashCircuit(n), inputs);
            var wrong = new InputAssignment()
                .Set("hash", F(c.GetProperty("output")) + Fr.One)
                .Set("in", c.GetProperty("inputs").EnumerateArray().Select(F));
            CircuitAssert.Fails(() => new HashCircuit(n), wrong, "assert a == b");
        }
    }

    [Fact]
    public void TamperedIntermediateIsCaughtInsideTheGadget()
    {
        // Flip one S-box output wire after solving: the gate that defines it names the Poseidon scope.
        var compiled = CircuitCompiler.Compile(new HashCircuit(2));
        var inputs = new InputAssignment().Set("hash", Field.Hashing.Poseidon.Hash(Fr.One, Fr.FromUInt64(2))).Set("in", [Fr.One, Fr.FromUInt64(2)]);
        var witness = compiled.Solve(inputs);
        Assert.Empty(compiled.Check(witness));
        witness[compiled.WireCount / 2] += Fr.One;
        var failures = compiled.Check(witness);
        Assert.NotEmpty(failures);
        Assert.Contains("poseidon(2)", failures[0].ToString());
    }

    [Fact]
    public void GateCountOfTwoInputs()
    {
        var compiled = CircuitCompiler.Compile(new HashCircuit(2));
        Assert.InRange(compiled.GateCount, 1, 600);
    }
}
