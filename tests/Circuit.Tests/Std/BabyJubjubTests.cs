// SPDX-License-Identifier: MIT
using System.Numerics;
using System.Text.Json;
using ZkOptions.Circuit.Catalog;
using ZkOptions.Circuit.Solving;
using ZkOptions.Circuit.Std;
using ZkOptions.Circuit.Tests.Support;
using ZkOptions.Field;
using static ZkOptions.Circuit.Tests.Support.CircomlibVectors;

namespace ZkOptions.Circuit.Tests.Std;

/// <summary>In-circuit BabyJubjub against circomlibjs (vectors/circomlib/babyjubjub.json).</summary>
public sealed class BabyJubjubTests
{
    public sealed class AddCircuit : Circuit
    {
        [Secret("p")] public Variable[] P = new Variable[2];
        [Secret("q")] public Variable[] Q = new Variable[2];
        [Secret("sum")] public Variable[] Sum = new Variable[2];

        public override void Define(Api api)
        {
            var s = BabyJubjubGadget.Add(api, new PointVar(P[0], P[1]), new PointVar(Q[0], Q[1]));
            api.AssertEqual(s.X, Sum[0]);
            api.AssertEqual(s.Y, Sum[1]);
        }
    }

    public sealed class DoubleCircuit : Circuit
    {
        [Secret("p")] public Variable[] P = new Variable[2];
        [Secret("result")] public Variable[] Result = new Variable[2];

        public override void Define(Api api)
        {
            var s = BabyJubjubGadget.Double(api, new PointVar(P[0], P[1]));
            api.AssertEqual(s.X, Result[0]);
            api.AssertEqual(s.Y, Result[1]);
        }
    }

    public sealed class FixedBaseCircuit : Circuit
    {
        [Secret("scalar")] public Variable Scalar;
        [Secret("result")] public Variable[] Result = new Variable[2];

        public override void Define(Api api)
        {
            var s = BabyJubjubGadget.ScalarMulFixedBase(api, api.ToBits(Scalar, 253), Field.BabyJubjub.BabyJubjub.Base8);
            api.AssertEqual(s.X, Result[0]);
            api.AssertEqual(s.Y, Result[1]);
        }
    }

    private static Fr[] Point(JsonElement p) => [F(p.GetProperty("x")), F(p.GetProperty("y"))];

    [Fact]
    public void AddMatchesCircomlibjs()
    {
        var cases = Load("babyjubjub.json").GetProperty("add").EnumerateArray().ToList();
        Assert.NotEmpty(cases);
        foreach (var c in cases)
        {
            var inputs = new InputAssignment().Set("p", Point(c.GetProperty("a"))).Set("q", Point(c.GetProperty("b"))).Set("sum", Point(c.GetProperty("sum")));
            CircuitAssert.Satisfied(() => new AddCircuit(), inputs);
            var wrong = Point(c.GetProperty("sum"));
            wrong[0] += Fr.One;
            CircuitAssert.Fails(() => new AddCircuit(),
                new InputAssignment().Set("p", Point(c.GetProperty("a"))).Set("q", Point(c.GetProperty("b"))).Set("sum", wrong), "assert a == b");
        }
    }

    [Fact]
    public void DoubleMatchesCircomlibjs()
    {
        foreach (var c in Load("babyjubjub.json").GetProperty("double").EnumerateArray())
        {
            CircuitAssert.Satisfied(() => new DoubleCircuit(),
                new InputAssignment().Set("p", Point(c.GetProperty("point"))).Set("result", Point(c.GetProperty("result"))));
        }
    }

    [Fact]
    public void ScalarMulMatchesCircomlibjsForEveryScalarBelow2To253()
    {
        int checkedCases = 0;
        foreach (var c in Load("babyjubjub.json").GetProperty("mul").EnumerateArray())
        {
            var scalar = BigInteger.Parse(c.GetProperty("scalar").GetString()!);
            if (scalar >= BigInteger.One << 253)
            {
                continue; // the circuits take 253-bit scalars
            }
            var inputs = new InputAssignment()
                .Set("outX", F(c.GetProperty("result").GetProperty("x"))).Set("outY", F(c.GetProperty("result").GetProperty("y")))
                .Set("x", F(c.GetProperty("point").GetProperty("x"))).Set("y", F(c.GetProperty("point").GetProperty("y")))
                .Set("scalar", Fr.FromBigInteger(scalar));
            Assert.Null(Testing.TestEngine.FirstFailure(new BabyJubjubScalarMulCircuit(), inputs));
            if (c.GetProperty("what").GetString()!.StartsWith("random 253-bit · Base8", StringComparison.Ordinal))
            {
                CircuitAssert.Satisfied(() => new BabyJubjubScalarMulCircuit(), inputs);
                CircuitAssert.Satisfied(() => new FixedBaseCircuit(), new InputAssignment()
                    .Set("scalar", Fr.FromBigInteger(scalar)).Set("result", Point(c.GetProperty("result"))));
            }
            checkedCases++;
        }
        Assert.True(checkedCases >= 50, $"only {checkedCases} cases");
    }

    [Fact]
    public void APointOffTheCurveIsRejected()
    {
        var example = InputAssignment.Parse(CircuitCatalog.Find("babyjubjub-scalar-mul")!.ExampleInput(), "example");
        var doc = JsonDocument.Parse(CircuitCatalog.Find("babyjubjub-scalar-mul")!.ExampleInput()).RootElement;
        var off = new InputAssignment()
            .Set("outX", F(doc.GetProperty("outX"))).Set("outY", F(doc.GetProperty("outY")))
            .Set("x", F(doc.GetProperty("x"))).Set("y", F(doc.GetProperty("y")) + Fr.One)
            .Set("scalar", F(doc.GetProperty("scalar")));
        CircuitAssert.Satisfied(() => new BabyJubjubScalarMulCircuit(), example);
        CircuitAssert.Fails(() => new BabyJubjubScalarMulCircuit(), off, "babyjubjub on curve");
    }

    [Fact]
    public void ATamperedDivisionIsCaught()
    {
        var c = Load("babyjubjub.json").GetProperty("add")[1];
        var inputs = new InputAssignment().Set("p", Point(c.GetProperty("a"))).Set("q", Point(c.GetProperty("b"))).Set("sum", Point(c.GetProperty("sum")));
        var failures = CircuitAssert.FailsWithTamperedHint(() => new AddCircuit(), inputs, "babyjubjub division", o => o[1] += Fr.One);
        Assert.Contains("babyjubjub add", failures[0].ToString());
    }
}
