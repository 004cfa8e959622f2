// SPDX-License-Identifier: MIT
using System.Numerics;
using static ZkOptions.Field.Tests.Curve.TestPoints;

namespace ZkOptions.Field.Tests.Encoding;

/// <summary>The LEM layout of .zkey/.ptau points: Montgomery little-endian, real part first, zeros for infinity.</summary>
public sealed class SnarkjsBinaryTests
{
    /// <summary>x·2^256 mod p as 32 little-endian bytes, computed with BigInteger only.</summary>
    private static byte[] Lem(BigInteger x)
    {
        BigInteger m = (x << 256) % Fq.Modulus;
        var bytes = new byte[32];
        m.TryWriteBytes(bytes, out _, isUnsigned: true, isBigEndian: false);
        return bytes;
    }

    private static void Throws(Action a, string fragment) =>
        Assert.Contains(fragment, Assert.Throws<EncodingException>(a).Message);

    [Fact]
    public void Layout_matches_Montgomery_little_endian_real_first()
    {
        var g1 = new byte[64];
        SnarkjsBinary.WriteG1(G1Affine.Generator, g1);
        Assert.Equal(Lem(1).Concat(Lem(2)), g1);
        var g2 = new byte[128];
        G2Affine g = G2Affine.Generator;
        SnarkjsBinary.WriteG2(g, g2);
        Assert.Equal(
            Lem(g.X.C0.ToBigInteger()).Concat(Lem(g.X.C1.ToBigInteger())).Concat(Lem(g.Y.C0.ToBigInteger())).Concat(Lem(g.Y.C1.ToBigInteger())),
            g2);
        SnarkjsBinary.WriteG1(G1Affine.Infinity, g1);
        Assert.Equal(new byte[64], g1);
        SnarkjsBinary.WriteG2(G2Affine.Infinity, g2);
        Assert.Equal(new byte[128], g2);
    }

    [Fact]
    public void Round_trips_single_and_arrays()
    {
        var rng = new Random(501);
        var g1 = new G1Affine[] { RandomG1(rng), G1Affine.Infinity, RandomG1(rng) };
        var bytes = new byte[g1.Length * 64];
        for (int i = 0; i < g1.Length; i++)
        {
            SnarkjsBinary.WriteG1(g1[i], bytes.AsSpan(64 * i));
        }
        var back = new G1Affine[g1.Length];
        SnarkjsBinary.ReadG1Array(bytes, back);
        Assert.Equal(g1, back);
        Assert.Equal(g1[0], SnarkjsBinary.ReadG1(bytes.AsSpan(0, 64)));

        var g2 = new G2Affine[] { G2Affine.Generator, G2Affine.Infinity };
        var bytes2 = new byte[g2.Length * 128];
        for (int i = 0; i < g2.Length; i++)
        {
            SnarkjsBinary.WriteG2(g2[i], bytes2.AsSpan(128 * i));
        }
        var back2 = new G2Affine[g2.Length];
        SnarkjsBinary.ReadG2Array(bytes2, back2);
        Assert.Equal(g2, back2);

        Fr s = Fr.Random(rng);
        var fr = new byte[32];
        s.WriteMontgomeryLittleEndian(fr);
        Assert.Equal(s, SnarkjsBinary.ReadFr(fr));
        Assert.Equal(Fq.FromUInt64(1), SnarkjsBinary.ReadFq(Lem(1)));
    }

    [Fact]
    public void Rejects_bad_input_and_honours_the_validation_switches()
    {
        var g1 = new byte[64];
        SnarkjsBinary.WriteG1(G1Affine.Generator, g1);
        Throws(() => SnarkjsBinary.ReadG1(g1.AsSpan(0, 63)), "expected 64 bytes");
        byte[] bigX = (byte[])g1.Clone();
        Fq.Modulus.TryWriteBytes(bigX, out _, isUnsigned: true, isBigEndian: false);
        Throws(() => SnarkjsBinary.ReadG1(bigX), "G1 x coordinate is not below p");
        Throws(() => SnarkjsBinary.ReadG1(bigX, validate: false), "not below p");
        byte[] maxY = (byte[])g1.Clone();
        maxY.AsSpan(32).Fill(0xFF);
        Throws(() => SnarkjsBinary.ReadG1(maxY), "G1 y coordinate is not below p");
        byte[] offCurve = Lem(1).Concat(Lem(3)).ToArray();
        Throws(() => SnarkjsBinary.ReadG1(offCurve), "not on the curve");
        Assert.False(SnarkjsBinary.TryReadG1(offCurve, out _));
        Assert.False(SnarkjsBinary.ReadG1(offCurve, validate: false).IsOnCurve());
        Throws(() => SnarkjsBinary.ReadG1Array(g1.Concat(offCurve).ToArray(), new G1Affine[2]), "G1 point #1");
        Throws(() => SnarkjsBinary.ReadG1Array(g1, new G1Affine[2]), "Expected 2 points");

        G2Affine outside = RandomTwistPoint(new Random(502));
        var g2 = new byte[128];
        SnarkjsBinary.WriteG2(outside, g2);
        Throws(() => SnarkjsBinary.ReadG2(g2), "G2 point is not in the order-r subgroup");
        Assert.Equal(outside, SnarkjsBinary.ReadG2(g2, checkSubgroup: false));
        Assert.Equal(outside, SnarkjsBinary.ReadG2(g2, validate: false));
        Throws(() => SnarkjsBinary.ReadG2Array(g2, new G2Affine[1]), "G2 point #0");
        g2[127] ^= 0x01;
        Throws(() => SnarkjsBinary.ReadG2(g2, checkSubgroup: false), "not on the twist");
        Throws(() => SnarkjsBinary.ReadG2(g2.AsSpan(1)), "expected 128 bytes");
        byte[] bigPart = new byte[128];
        SnarkjsBinary.WriteG2(G2Affine.Generator, bigPart);
        bigPart.AsSpan(32, 32).Fill(0xFF);
        Throws(() => SnarkjsBinary.ReadG2(bigPart), "G2 x imaginary part is not below p");
        Throws(() => SnarkjsBinary.ReadFr(new byte[32].Select(_ => (byte)0xFF).ToArray()), "not below r");
        Throws(() => SnarkjsBinary.ReadFq(new byte[31]), "expected 32 bytes");
    }
}
