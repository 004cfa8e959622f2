// SPDX-License-Identifier: MIT
using System.Numerics;
using static ZkOptions.Field.Tests.Curve.TestPoints;

namespace ZkOptions.Field.Tests.Encoding;

/// <summary>EIP-196/197 encodings: round trips, the imaginary-first G2 layout, and every kind of bad input.</summary>
public sealed class EvmEncodingTests
{
    private static byte[] Word(BigInteger v)
    {
        var bytes = new byte[32];
        v.TryWriteBytes(bytes, out _, isUnsigned: true, isBigEndian: true);
        // TryWriteBytes writes the minimal big-endian form at the start: right-align it.
        int len = v.IsZero ? 0 : v.GetByteCount(isUnsigned: true);
        var word = new byte[32];
        Array.Copy(bytes, 0, word, 32 - len, len);
        return word;
    }

    private static byte[] Concat(params byte[][] parts) => parts.SelectMany(p => p).ToArray();

    private static EncodingException Throws(Action a, string fragment)
    {
        var ex = Assert.Throws<EncodingException>(a);
        Assert.Contains(fragment, ex.Message);
        return ex;
    }

    [Fact]
    public void G1_round_trips_and_generator_is_1_2()
    {
        var rng = new Random(301);
        for (int i = 0; i < 5; i++)
        {
            G1Affine p = RandomG1(rng);
            Assert.Equal(p, EvmEncoding.ReadG1(EvmEncoding.EncodeG1(p)));
        }
        Assert.Equal(Concat(Word(1), Word(2)), EvmEncoding.EncodeG1(G1Affine.Generator));
        Assert.Equal(new byte[64], EvmEncoding.EncodeG1(G1Affine.Infinity));
        Assert.True(EvmEncoding.ReadG1(new byte[64]).IsInfinity);
    }

    [Fact]
    public void G2_is_imaginary_first_and_round_trips()
    {
        // EIP-197's generator, written from its published decimal coordinates, imaginary part first.
        byte[] expected = Concat(
            Word(BigInteger.Parse("11559732032986387107991004021392285783925812861821192530917403151452391805634")),
            Word(BigInteger.Parse("10857046999023057135944570762232829481370756359578518086990519993285655852781")),
            Word(BigInteger.Parse("4082367875863433681332203403145435568316851327593401208105741076214120093531")),
            Word(BigInteger.Parse("8495653923123431417604973247489272438418190587263600148770280649306958101930")));
        Assert.Equal(expected, EvmEncoding.EncodeG2(G2Affine.Generator));
        Assert.Equal(G2Affine.Generator, EvmEncoding.ReadG2(expected));
        G2Affine p = G2Jacobian.ScalarMul(G2Affine.Generator, Fr.FromUInt64(77)).ToAffine();
        Assert.Equal(p, EvmEncoding.ReadG2(EvmEncoding.EncodeG2(p)));
        Assert.Equal(new byte[128], EvmEncoding.EncodeG2(G2Affine.Infinity));
        Assert.True(EvmEncoding.ReadG2(new byte[128]).IsInfinity);
    }

    [Fact]
    public void G1_rejects_bad_lengths_coordinates_and_off_curve_points()
    {
        BigInteger p = Fq.Modulus;
        foreach (int length in new[] { 0, 63, 65, 128 })
        {
            Throws(() => EvmEncoding.ReadG1(new byte[length]), "expected 64 bytes");
            Assert.False(EvmEncoding.TryReadG1(new byte[length], out _));
        }
        Throws(() => EvmEncoding.ReadG1(Concat(Word(p), Word(2))), "G1 x coordinate is not below p");
        Throws(() => EvmEncoding.ReadG1(Concat(Word(p + 1), Word(2))), "G1 x coordinate is not below p");
        Throws(() => EvmEncoding.ReadG1(Concat(Word((BigInteger.One << 256) - 1), Word(2))), "x coordinate");
        Throws(() => EvmEncoding.ReadG1(Concat(Word(1), Word(p))), "G1 y coordinate is not below p");
        // (1, p + 2) would be the generator if y were reduced: it must not be.
        Throws(() => EvmEncoding.ReadG1(Concat(Word(1), Word(p + 2))), "G1 y coordinate is not below p");
        Throws(() => EvmEncoding.ReadG1(Concat(Word(1), Word(3))), "G1 point is not on the curve y² = x³ + 3");
        Throws(() => EvmEncoding.ReadG1(Concat(Word(0), Word(1))), "not on the curve");
        Assert.False(EvmEncoding.TryReadG1(Concat(Word(1), Word(3)), out _));
        Assert.True(EvmEncoding.TryReadG1(Concat(Word(1), Word(2)), out G1Affine g) && g == G1Affine.Generator);
    }

    [Fact]
    public void G2_rejects_bad_lengths_coordinates_twist_and_subgroup()
    {
        byte[] good = EvmEncoding.EncodeG2(G2Affine.Generator);
        Throws(() => EvmEncoding.ReadG2(good.AsSpan(0, 127)), "expected 128 bytes");
        Throws(() => EvmEncoding.ReadG2(new byte[64]), "expected 128 bytes");
        string[] parts = ["x imaginary", "x real", "y imaginary", "y real"];
        for (int i = 0; i < 4; i++)
        {
            byte[] bad = (byte[])good.Clone();
            Word(Fq.Modulus).CopyTo(bad, 32 * i);
            Throws(() => EvmEncoding.ReadG2(bad), $"G2 {parts[i]} part is not below p");
            Assert.False(EvmEncoding.TryReadG2(bad, out _));
        }
        byte[] offTwist = (byte[])good.Clone();
        offTwist[127] ^= 1;
        Throws(() => EvmEncoding.ReadG2(offTwist), "not on the twist");

        // Real part first (the snarkjs order) is the classic mistake: not a point of the twist.
        byte[] swapped = Concat(good[32..64], good[..32], good[96..128], good[64..96]);
        Assert.Throws<EncodingException>(() => EvmEncoding.ReadG2(swapped));

        G2Affine outside = RandomTwistPoint(new Random(302));
        byte[] notInG2 = EvmEncoding.EncodeG2(outside);
        Throws(() => EvmEncoding.ReadG2(notInG2), "G2 point is not in the order-r subgroup");
        Assert.False(EvmEncoding.TryReadG2(notInG2, out _));
        Assert.Equal(outside, EvmEncoding.ReadG2(notInG2, checkSubgroup: false));
        Assert.True(EvmEncoding.TryReadG2(notInG2, out _, checkSubgroup: false));
    }

    [Fact]
    public void Scalars_uint256_and_Fr()
    {
        var rng = new Random(303);
        BigInteger k = RandomScalar(rng, 256);
        var limbs = new ulong[4];
        EvmEncoding.ReadUInt256(Word(k), limbs);
        Assert.Equal(Limbs(k), limbs);
        EvmEncoding.ReadUInt256(Word((BigInteger.One << 256) - 1), limbs);
        Assert.All(limbs, l => Assert.Equal(ulong.MaxValue, l));
        Assert.Throws<EncodingException>(() => EvmEncoding.ReadUInt256(new byte[31], limbs));

        Assert.Equal(Fr.FromBigInteger(Fr.Modulus - 1), EvmEncoding.ReadFr(Word(Fr.Modulus - 1)));
        Throws(() => EvmEncoding.ReadFr(Word(Fr.Modulus)), "not below the group order r");
        var buffer = new byte[32];
        EvmEncoding.WriteFr(Fr.FromUInt64(258), buffer);
        Assert.Equal(Word(258), buffer);
    }
}
