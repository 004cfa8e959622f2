// SPDX-License-Identifier: MIT
using System.Numerics;
using System.Text.Json;
using ZkOptions.Field.BabyJubjub;
using ZkOptions.Field.Tests.Support;
// The type BabyJubjub shares its name with its namespace, which this test namespace also ends with.
using Jubjub = ZkOptions.Field.BabyJubjub.BabyJubjub;

namespace ZkOptions.Field.Tests.BabyJubjub;

/// <summary>BabyJubjub against circomlibjs 0.1.7 <c>babyjub.js</c> (vectors/circomlib/babyjubjub.json), case by case.</summary>
public sealed class BabyJubjubVectorTests
{
    private static readonly JsonElement Doc = JsonDocument.Parse(File.ReadAllText(RepoPaths.Vector("circomlib", "babyjubjub.json"))).RootElement;

    internal static BabyJubjubPoint Point(JsonElement e) =>
        new(Fr.Parse(e.GetProperty("x").GetString()!), Fr.Parse(e.GetProperty("y").GetString()!));

    private static IEnumerable<JsonElement> Cases(string name, int atLeast)
    {
        var list = Doc.GetProperty(name).EnumerateArray().ToList();
        Assert.True(list.Count >= atLeast, $"{name}: {list.Count} cases, expected at least {atLeast}");
        return list;
    }

    [Fact]
    public void Constants_are_circomlibjs()
    {
        Assert.Equal(Doc.GetProperty("a").GetString(), Jubjub.A.ToString());
        Assert.Equal(Doc.GetProperty("d").GetString(), Jubjub.D.ToString());
        Assert.Equal(Point(Doc.GetProperty("generatorPoint")), Jubjub.Generator);
        Assert.Equal(Point(Doc.GetProperty("base8")), Jubjub.Base8);
        Assert.Equal(BigInteger.Parse(Doc.GetProperty("order").GetString()!), Jubjub.CurveOrder);
        Assert.Equal(BigInteger.Parse(Doc.GetProperty("subOrder").GetString()!), Jubjub.SubgroupOrder);
    }

    [Fact]
    public void Add_matches_addPoint()
    {
        foreach (var c in Cases("add", 12))
        {
            var sum = Jubjub.Add(Point(c.GetProperty("a")), Point(c.GetProperty("b")));
            Assert.True(Point(c.GetProperty("sum")) == sum, c.GetProperty("what").GetString());
        }
    }

    [Fact]
    public void Double_matches_addPoint_of_a_point_with_itself()
    {
        foreach (var c in Cases("double", 12))
        {
            var p = Point(c.GetProperty("point"));
            Assert.True(Point(c.GetProperty("result")) == Jubjub.Double(p), c.GetProperty("what").GetString());
            Assert.Equal(Jubjub.Double(p), Jubjub.Add(p, p));
        }
    }

    [Fact]
    public void Multiply_matches_mulPointEscalar_for_every_scalar()
    {
        foreach (var c in Cases("mul", 75))
        {
            var result = Jubjub.Multiply(Point(c.GetProperty("point")), BigInteger.Parse(c.GetProperty("scalar").GetString()!));
            Assert.True(Point(c.GetProperty("result")) == result, c.GetProperty("what").GetString());
        }
    }

    [Fact]
    public void Curve_and_subgroup_membership_match_inCurve_and_inSubgroup()
    {
        int off = 0, outside = 0;
        foreach (var c in Cases("membership", 17))
        {
            var p = Point(c.GetProperty("point"));
            string what = c.GetProperty("what").GetString()!;
            bool onCurve = c.GetProperty("inCurve").GetBoolean();
            bool inSubgroup = c.GetProperty("inSubgroup").GetBoolean();
            Assert.True(onCurve == p.IsOnCurve, what + ": inCurve");
            Assert.True(inSubgroup == p.IsInPrimeSubgroup, what + ": inSubgroup");
            off += onCurve ? 0 : 1;
            outside += onCurve && !inSubgroup ? 1 : 0;
        }
        Assert.True(off >= 4 && outside >= 4, "the vectors must hold off-curve points and curve points outside the subgroup");
    }

    [Fact]
    public void Pack_matches_packPoint()
    {
        foreach (var c in Cases("pack", 14))
        {
            byte[] packed = Jubjub.Pack(Point(c.GetProperty("point")));
            Assert.True(c.GetProperty("packed").GetString() == Convert.ToHexStringLower(packed), c.GetProperty("what").GetString());
        }
    }

    [Fact]
    public void TryUnpack_matches_unpackPoint_on_canonical_encodings_and_refuses_non_canonical_ones()
    {
        int accepted = 0, refused = 0, nonCanonical = 0;
        foreach (var c in Cases("unpack", 23))
        {
            string what = c.GetProperty("what").GetString()!;
            byte[] bytes = Convert.FromHexString(c.GetProperty("packed").GetString()!);
            byte[] copy = (byte[])bytes.Clone();
            bool ok = Jubjub.TryUnpack(bytes, out BabyJubjubPoint p);
            Assert.Equal(copy, bytes); // the input is not modified (circomlibjs clears the sign bit of its argument)
            if (!c.GetProperty("canonical").GetBoolean())
            {
                // circomlibjs reduces a y ≥ r and accepts it; zkoptions keeps one encoding per point (documented).
                Assert.NotEqual(JsonValueKind.Null, c.GetProperty("point").ValueKind);
                Assert.False(ok, what);
                nonCanonical++;
                continue;
            }
            var expected = c.GetProperty("point");
            if (expected.ValueKind == JsonValueKind.Null)
            {
                Assert.False(ok, what);
                refused++;
            }
            else
            {
                Assert.True(ok, what);
                Assert.True(Point(expected) == p, what);
                accepted++;
            }
        }
        Assert.True(accepted >= 10 && refused >= 3 && nonCanonical >= 1, $"accepted {accepted}, refused {refused}, non-canonical {nonCanonical}");
    }
}
