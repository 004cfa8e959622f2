// SPDX-License-Identifier: MIT
using System.Text.Json.Nodes;
using static ZkOptions.Field.Tests.Curve.TestPoints;

namespace ZkOptions.Field.Tests.Encoding;

/// <summary>snarkjs JSON points: ffjavascript's Jacobian triples, its infinity forms, and malformed shapes.</summary>
public sealed class SnarkjsJsonTests
{
    private static JsonArray Arr(params object[] items)
    {
        var a = new JsonArray();
        foreach (object item in items)
        {
            a.Add(item switch
            {
                JsonNode n => n,
                string s => JsonValue.Create(s),
                int i => JsonValue.Create(i),
                _ => throw new ArgumentException("unsupported"),
            });
        }
        return a;
    }

    private static void Throws(JsonNode? node, string fragment, bool g2 = false)
    {
        var ex = Assert.Throws<EncodingException>(() =>
        {
            if (g2)
            {
                SnarkjsJson.ReadG2(node, "vk.beta_2");
            }
            else
            {
                SnarkjsJson.ReadG1(node, "proof.A");
            }
        });
        Assert.Contains(fragment, ex.Message);
        Assert.StartsWith(g2 ? "vk.beta_2" : "proof.A", ex.Message);
    }

    [Fact]
    public void Writes_snarkjs_shapes_including_infinity()
    {
        Assert.Equal("[\"1\",\"2\",\"1\"]", SnarkjsJson.WriteG1(G1Affine.Generator).ToJsonString());
        Assert.Equal("[\"0\",\"1\",\"0\"]", SnarkjsJson.WriteG1(G1Affine.Infinity).ToJsonString());
        Assert.Equal("[[\"0\",\"0\"],[\"1\",\"0\"],[\"0\",\"0\"]]", SnarkjsJson.WriteG2(G2Affine.Infinity).ToJsonString());
        G2Affine g = G2Affine.Generator;
        Assert.Equal(
            $"[[\"{g.X.C0}\",\"{g.X.C1}\"],[\"{g.Y.C0}\",\"{g.Y.C1}\"],[\"1\",\"0\"]]",
            SnarkjsJson.WriteG2(g).ToJsonString());
        Assert.StartsWith("[[\"10857046999023057135944570762232829481370756359578518086990519993285655852781\"",
            SnarkjsJson.WriteG2(g).ToJsonString());
        Assert.Equal("\"5\"", SnarkjsJson.WriteFr(Fr.FromUInt64(5)).ToJsonString());
    }

    [Fact]
    public void Round_trips()
    {
        var rng = new Random(401);
        G1Affine p = RandomG1(rng);
        Assert.Equal(p, SnarkjsJson.ReadG1(JsonNode.Parse(SnarkjsJson.WriteG1(p).ToJsonString())));
        Assert.True(SnarkjsJson.ReadG1(SnarkjsJson.WriteG1(G1Affine.Infinity)).IsInfinity);
        G2Affine q = G2Jacobian.ScalarMul(G2Affine.Generator, Fr.Random(rng)).ToAffine();
        Assert.Equal(q, SnarkjsJson.ReadG2(JsonNode.Parse(SnarkjsJson.WriteG2(q).ToJsonString())));
        Assert.True(SnarkjsJson.ReadG2(SnarkjsJson.WriteG2(G2Affine.Infinity)).IsInfinity);
        Fr s = Fr.Random(rng);
        Assert.Equal(s, SnarkjsJson.ReadFr(SnarkjsJson.WriteFr(s)));
        Fq f = Fq.Random(rng);
        Assert.Equal(f, SnarkjsJson.ReadFq(SnarkjsJson.WriteFq(f)));
    }

    [Fact]
    public void Triples_are_Jacobian_as_in_ffjavascript()
    {
        var rng = new Random(402);
        G1Affine p = RandomG1(rng);
        Fq z = Fq.Random(rng);
        JsonArray jacobian = Arr((p.X * z * z).ToString(), (p.Y * z * z * z).ToString(), z.ToString());
        Assert.Equal(p, SnarkjsJson.ReadG1(jacobian));
        // The homogeneous reading (x/z, y/z) would be a different, off-curve point: it must not be taken.
        JsonArray homogeneous = Arr((p.X * z).ToString(), (p.Y * z).ToString(), z.ToString());
        Assert.False(SnarkjsJson.TryReadG1(homogeneous, out _));
        // z = 0 is infinity whatever x and y are; a pair means z = 1.
        Assert.True(SnarkjsJson.ReadG1(Arr("5", "7", "0")).IsInfinity);
        Assert.Equal(G1Affine.Generator, SnarkjsJson.ReadG1(Arr("1", "2")));

        G2Affine q = G2Affine.Generator;
        var z2 = new Fq2(Fq.Random(rng), Fq.Random(rng));
        Fq2 x = q.X * z2 * z2, y = q.Y * z2 * z2 * z2;
        JsonArray g2 = Arr(Arr(x.C0.ToString(), x.C1.ToString()), Arr(y.C0.ToString(), y.C1.ToString()), Arr(z2.C0.ToString(), z2.C1.ToString()));
        Assert.Equal(q, SnarkjsJson.ReadG2(g2));
        Assert.True(SnarkjsJson.ReadG2(Arr(Arr("3", "4"), Arr("5", "6"), Arr("0", "0"))).IsInfinity);
    }

    [Fact]
    public void Malformed_G1_throws_with_the_member_name()
    {
        string p = Fq.Modulus.ToString();
        Throws(null, "expected an array of 3 decimal strings");
        Throws(JsonValue.Create("1"), "expected an array of 3 decimal strings");
        Throws(Arr("1"), "expected an array of 3 decimal strings");
        Throws(Arr("1", "2", "1", "1"), "expected an array of 3 decimal strings");
        Throws(Arr(1, "2", "1"), "proof.A[0]: expected a decimal string");
        Throws(Arr("1", "0x2", "1"), "proof.A[1]");
        Throws(Arr("1", "-2", "1"), "is not a decimal integer below p");
        Throws(Arr("1", "2", " 1"), "proof.A[2]");
        Throws(Arr(p, "2", "1"), "proof.A[0]: \"" + p + "\" is not a decimal integer below p");
        Throws(Arr("1", "3", "1"), "G1 point is not on the curve");
        Assert.False(SnarkjsJson.TryReadG1(Arr("1", "3", "1"), out _));
        Assert.Throws<EncodingException>(() => SnarkjsJson.ReadFr(JsonValue.Create(Fr.Modulus.ToString())));
        Assert.Throws<EncodingException>(() => SnarkjsJson.ReadFr(JsonValue.Create(5)));
        Assert.Throws<EncodingException>(() => SnarkjsJson.ReadFq(JsonValue.Create(p)));
    }

    [Fact]
    public void Malformed_G2_throws_with_the_member_name()
    {
        JsonArray good = SnarkjsJson.WriteG2(G2Affine.Generator);
        Throws(Arr("1", "2", "1"), "vk.beta_2[0]: expected an array of 2 decimal strings", g2: true);
        Throws(Arr(Arr("1", "2")), "expected an array of 3 pairs", g2: true);
        Throws(Arr(Arr("1", "2", "3"), Arr("1", "2"), Arr("1", "0")), "vk.beta_2[0]", g2: true);
        Throws(Arr(Arr("1", "2"), Arr("1", Fq.Modulus.ToString()), Arr("1", "0")), "vk.beta_2[1][1]", g2: true);
        Throws(Arr(Arr("1", "2"), Arr("1", "2"), Arr("1", "0")), "not on the twist", g2: true);
        // Imaginary part first (the EVM order) in a snarkjs file.
        JsonNode swapped = JsonNode.Parse(good.ToJsonString())!;
        foreach (int i in new[] { 0, 1 })
        {
            var pair = swapped[i]!.AsArray();
            string re = pair[0]!.GetValue<string>(), im = pair[1]!.GetValue<string>();
            pair[0] = im;
            pair[1] = re;
        }
        Assert.Throws<EncodingException>(() => SnarkjsJson.ReadG2(swapped));
        G2Affine outside = RandomTwistPoint(new Random(403));
        Throws(SnarkjsJson.WriteG2(outside), "G2 point is not in the order-r subgroup", g2: true);
        Assert.Equal(outside, SnarkjsJson.ReadG2(SnarkjsJson.WriteG2(outside), checkSubgroup: false));
        Assert.False(SnarkjsJson.TryReadG2(SnarkjsJson.WriteG2(outside), out _));
    }
}
