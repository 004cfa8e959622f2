// SPDX-License-Identifier: MIT
using ZkOptions.Field.Tests.Support;

namespace ZkOptions.Field.Tests.Support;

/// <summary>The naive reference curve must itself be right before other tests lean on it.</summary>
public sealed class ReferenceCurveSanityTests
{
    [Fact]
    public void Generators_are_on_their_curves_and_have_order_r()
    {
        Assert.True(ReferenceCurve.OnCurve(G1Affine.Generator));
        Assert.True(ReferenceCurve.OnTwist(G2Affine.Generator));
        Assert.True(ReferenceCurve.Mul(G1Affine.Generator, Fr.Modulus).IsInfinity);
        Assert.True(ReferenceCurve.Mul(G2Affine.Generator, Fr.Modulus).IsInfinity);
        Assert.False(ReferenceCurve.Mul(G1Affine.Generator, Fr.Modulus - 1).IsInfinity);
    }
}
