// SPDX-License-Identifier: MIT
using ZkOptions.Field;
using ZkOptions.Prover.Plonk;

namespace ZkOptions.Prover.Tests.Plonk;

public sealed class DevPowersOfTauTests
{
    [Fact]
    public void FixedBasePowersEqualPlainScalarMultiplesAcrossChunks()
    {
        const int count = 4096 + 300; // more than one parallel chunk
        var srs = DevPowersOfTau.Create(count, seed: 5);
        Assert.Equal(count, srs.TauG1.Length);
        Assert.Equal(G1Affine.Generator, srs.TauG1[0]);
        foreach (int i in new[] { 1, 2, 255, 256, 4095, 4096, count - 1 })
        {
            Fr.Pow(srs.Tau, (ulong)i, out Fr power);
            Assert.Equal(G1Jacobian.ScalarMul(G1Affine.Generator, power).ToAffine(), srs.TauG1[i]);
        }
        Assert.Equal(G2Jacobian.ScalarMul(G2Affine.Generator, srs.Tau).ToAffine(), srs.TauG2);
        // The pairing relation the verifier relies on: e(τ^(i+1)·G1, G2) = e(τ^i·G1, τ·G2).
        Assert.True(Pairing.ProductIsOne([srs.TauG1[4097], srs.TauG1[4096].Negate()], [G2Affine.Generator, srs.TauG2]));
        Assert.False(Pairing.ProductIsOne([srs.TauG1[4097], srs.TauG1[4095].Negate()], [G2Affine.Generator, srs.TauG2]));
    }

    [Fact]
    public void TheSeedDeterminesTau()
    {
        Assert.Equal(DevPowersOfTau.TauFor(9), DevPowersOfTau.TauFor(9));
        Assert.NotEqual(DevPowersOfTau.TauFor(9), DevPowersOfTau.TauFor(10));
        Assert.NotEqual(DevPowersOfTau.TauFor(1), DevPowersOfTau.TauFor(1UL << 32 | 1)); // the high half of the seed counts too
    }
}
