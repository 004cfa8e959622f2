// SPDX-License-Identifier: MIT
using ZkOptions.Field;
using ZkOptions.Prover.Engines.Gpu;

namespace ZkOptions.Prover.Tests.Gpu;

[Collection(IlgpuCpuCollection.Name)]
public sealed class IlgpuMsmEngineTests(IlgpuCpuFixture fixture)
{
    private readonly IlgpuMsmEngine _engine = fixture.Msm;

    private G1Jacobian Run(G1Affine[] points, Fr[] scalars, int? windowBits = null)
    {
        _engine.WindowBitsOverride = windowBits;
        try
        {
            return _engine.MultiScalarMul(points, scalars);
        }
        finally
        {
            _engine.WindowBitsOverride = null;
        }
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(7)]
    [InlineData(64)]
    [InlineData(300)]
    public void RandomInputsMatchTheNaiveSum(int n)
    {
        var rng = new Random(1000 + n);
        G1Affine[] points = NaiveReferences.RandomPoints(rng, n);
        Fr[] scalars = NaiveReferences.RandomScalars(rng, n);
        G1Jacobian expected = NaiveReferences.Msm(points, scalars);
        Assert.Equal(expected.ToAffine(), Run(points, scalars).ToAffine());
    }

    [Theory]
    [InlineData(1)]   // binary digits: 254 windows
    [InlineData(5)]   // 254 = 50·5 + 4: a short top window
    [InlineData(7)]   // windows straddle 64-bit limb boundaries
    [InlineData(12)]  // 256 segments of 16 buckets per window
    [InlineData(13)]  // 256 segments of 32 buckets (16 bits, the widest, costs seconds on the CPU accelerator)
    public void EveryWindowWidthGivesTheSameSum(int windowBits)
    {
        var rng = new Random(2000 + windowBits);
        G1Affine[] points = NaiveReferences.RandomPoints(rng, 40);
        Fr[] scalars = NaiveReferences.RandomScalars(rng, 40);
        scalars[0] = -Fr.One; // r − 1: every bit pattern of the top window
        scalars[1] = Fr.One;
        scalars[2] = Fr.FromUInt64(ulong.MaxValue); // digits across the first limb boundary
        G1Jacobian expected = NaiveReferences.Msm(points, scalars);
        Assert.Equal(expected.ToAffine(), Run(points, scalars, windowBits).ToAffine());
    }

    [Fact]
    public void ZeroScalarsAndInfinityPointsContributeNothing()
    {
        var rng = new Random(3);
        G1Affine[] points = NaiveReferences.RandomPoints(rng, 50);
        Fr[] scalars = NaiveReferences.RandomScalars(rng, 50);
        for (int i = 0; i < 50; i += 3)
        {
            scalars[i] = Fr.Zero;
        }
        for (int i = 1; i < 50; i += 5)
        {
            points[i] = G1Affine.Infinity;
        }
        G1Jacobian expected = NaiveReferences.Msm(points, scalars);
        Assert.Equal(expected.ToAffine(), Run(points, scalars).ToAffine());
    }

    [Fact]
    public void DuplicatedAndOppositePointsHitTheDoublingAndCancellingCases()
    {
        var rng = new Random(4);
        G1Affine p = NaiveReferences.RandomPoints(rng, 1)[0];
        G1Affine q = NaiveReferences.RandomPoints(rng, 1)[0];
        // Equal scalars put copies of p (and −p) into the same buckets: bucket sums double, then cancel.
        G1Affine[] points = [p, p, p, p.Negate(), q, q.Negate(), q];
        Fr k = Fr.Random(rng);
        Fr[] scalars = [k, k, k, k, Fr.FromUInt64(5), Fr.FromUInt64(5), Fr.FromUInt64(9)];
        G1Jacobian expected = NaiveReferences.Msm(points, scalars);
        Assert.Equal(expected.ToAffine(), Run(points, scalars, 4).ToAffine());
        Assert.Equal((G1Jacobian.ScalarMul(in p, k + k) + G1Jacobian.ScalarMul(in q, Fr.FromUInt64(9))).ToAffine(),
            Run(points, scalars).ToAffine());
    }

    [Fact]
    public void SumsThatCancelGiveInfinity()
    {
        var rng = new Random(5);
        G1Affine p = NaiveReferences.RandomPoints(rng, 1)[0];
        Fr k = Fr.Random(rng);
        Assert.True(Run([p, p], [k, -k]).IsInfinity);
        Assert.True(Run([p, G1Affine.Infinity], [Fr.Zero, k]).IsInfinity);
        Assert.True(Run([], []).IsInfinity);
    }

    [Fact]
    public void ScalarsShorterThanPointsUseOnlyTheFirstPoints()
    {
        var rng = new Random(6);
        G1Affine[] points = NaiveReferences.RandomPoints(rng, 30);
        Fr[] scalars = NaiveReferences.RandomScalars(rng, 17);
        G1Jacobian expected = NaiveReferences.Msm(points.AsSpan(0, 17), scalars);
        Assert.Equal(expected.ToAffine(), Run(points, scalars).ToAffine());
        Assert.Throws<ArgumentException>(() => Run(points[..5], scalars));
    }

    [Fact]
    public void ResultIsInTheSameJacobianEncodingAsTheHost()
    {
        // A single term with scalar 1 goes through one mixed addition onto infinity: (x, y, 1) exactly.
        G1Affine g = G1Affine.Generator;
        G1Jacobian r = Run([g], [Fr.One]);
        Assert.Equal(g.X, r.X);
        Assert.Equal(g.Y, r.Y);
        Assert.Equal(Fq.One, r.Z);
    }

    [Theory]
    [InlineData(1, null)]
    [InlineData(24, null)]
    [InlineData(24, 7)]
    public void G2RandomInputsMatchTheNaiveSum(int n, int? windowBits)
    {
        var rng = new Random(7000 + n);
        G2Affine[] points = NaiveReferences.RandomG2Points(rng, n);
        Fr[] scalars = NaiveReferences.RandomScalars(rng, n);
        scalars[0] = -Fr.One;
        G2Jacobian expected = NaiveReferences.Msm(points, scalars);
        _engine.WindowBitsOverride = windowBits;
        try
        {
            Assert.Equal(expected.ToAffine(), _engine.MultiScalarMul(points, scalars).ToAffine());
        }
        finally
        {
            _engine.WindowBitsOverride = null;
        }
    }

    [Fact]
    public void G2EdgeCasesMatchTheNaiveSum()
    {
        var rng = new Random(8);
        G2Affine[] random = NaiveReferences.RandomG2Points(rng, 2);
        G2Affine p = random[0], q = random[1];
        Fr k = Fr.Random(rng);
        // Duplicates (doubling in a bucket), an opposite point (cancelling), infinity, a zero scalar, and one
        // point more than there are scalars.
        G2Affine[] points = [p, p, p.Negate(), G2Affine.Infinity, q, q, q];
        Fr[] scalars = [k, k, k, Fr.FromUInt64(3), Fr.Zero, Fr.FromUInt64(11)];
        G2Jacobian expected = NaiveReferences.Msm(points.AsSpan(0, scalars.Length), scalars);
        Assert.Equal(expected.ToAffine(), _engine.MultiScalarMul(points, scalars).ToAffine());
        Assert.True(_engine.MultiScalarMul(new[] { p, p.Negate() }, new[] { k, k }).IsInfinity);
        Assert.True(_engine.MultiScalarMul(new[] { G2Affine.Infinity }, new[] { k }).IsInfinity);
    }
}
