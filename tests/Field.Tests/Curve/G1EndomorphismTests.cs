// SPDX-License-Identifier: MIT
using System.Numerics;
using static ZkOptions.Field.Tests.Curve.TestPoints;

namespace ZkOptions.Field.Tests.Curve;

/// <summary>The GLV endomorphism behind G1 scalar multiplication.</summary>
public sealed class G1EndomorphismTests
{
    [Fact]
    public void Phi_is_multiplication_by_lambda_and_beta_is_a_cube_root_of_unity()
    {
        Assert.Equal(Fq.One, G1Endomorphism.Beta * G1Endomorphism.Beta * G1Endomorphism.Beta);
        Assert.NotEqual(Fq.One, G1Endomorphism.Beta);
        Assert.Equal(BigInteger.One, BigInteger.ModPow(G1Endomorphism.Lambda, 3, Fr.Modulus));
        G1Affine p = RandomG1(new Random(601));
        G1Endomorphism.Apply(G1Jacobian.FromAffine(p), out G1Jacobian phi);
        Assert.Equal(G1Jacobian.ScalarMulWnaf(G1Jacobian.FromAffine(p), G1Endomorphism.Lambda), phi);
    }

    [Fact]
    public void Decomposition_is_congruent_and_short()
    {
        var rng = new Random(602);
        BigInteger r = Fr.Modulus;
        var scalars = new List<BigInteger> { 1, 2, r - 1, r - 2, (r - 1) / 2, G1Endomorphism.Lambda, r - G1Endomorphism.Lambda };
        for (int i = 0; i < 50; i++)
        {
            scalars.Add(RandomScalar(rng, 256) % r);
        }
        foreach (BigInteger k in scalars)
        {
            G1Endomorphism.Decompose(k, out BigInteger k1, out BigInteger k2);
            Assert.Equal(k, ((k1 + k2 * G1Endomorphism.Lambda) % r + r) % r);
            Assert.True(BigInteger.Abs(k1).GetBitLength() <= 129 && BigInteger.Abs(k2).GetBitLength() <= 129, $"k = {k}");
        }
    }

    [Fact]
    public void Glv_matches_plain_wnaf_on_random_scalars()
    {
        var rng = new Random(603);
        for (int i = 0; i < 16; i++)
        {
            G1Affine p = RandomG1(rng);
            Fr k = Fr.Random(rng);
            Assert.Equal(G1Jacobian.ScalarMulWnaf(G1Jacobian.FromAffine(p), k.ToBigInteger()), G1Jacobian.ScalarMul(p, k));
        }
    }
}
