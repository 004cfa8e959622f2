// SPDX-License-Identifier: MIT
using ZkOptions.Field;
using ZkOptions.Prover.Engines.Cpu;
using ZkOptions.Prover.Msm;

namespace ZkOptions.Prover.Tests.Msm;

public class G2MsmTests
{
    private static readonly MsmSettings Buckets = new() { StrausThreshold = 0 };

    private static G2Jacobian Msm(G2Affine[] points, Fr[] scalars, MsmSettings settings) =>
        G2Pippenger.MultiScalarMul(points, scalars, settings);

    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    [InlineData(31)]
    [InlineData(32)]
    [InlineData(40)]
    public void Small_sizes_match_the_naive_sum(int n)
    {
        G2TestSet set = G2TestSet.Random(n, seed: n);
        Fr[] scalars = TestScalars.Random(n, seed: 2000 + n);
        G2Jacobian expected = G2TestSet.Naive(set.Points, scalars);
        Assert.True(expected == Msm(set.Points, scalars, Buckets), "buckets");
        Assert.True(expected == new CpuMsmEngine().MultiScalarMul(set.Points, scalars), "engine");
    }

    [Fact]
    public void Larger_size_matches_the_discrete_log_oracle()
    {
        const int n = 1100;
        G2TestSet set = G2TestSet.Random(n, seed: 1);
        Fr[] scalars = TestScalars.Random(n, seed: 2);
        Assert.True(set.Expected(scalars) == new CpuMsmEngine().MultiScalarMul(set.Points, scalars));
    }

    [Fact]
    public void Special_cases_in_buckets_are_handled()
    {
        const int n = 300;
        G2TestSet set = G2TestSet.Adversarial(n, seed: 3);
        Fr[] scalars = TestScalars.FewDistinct(n, seed: 4);
        Assert.True(set.Expected(scalars) == Msm(set.Points, scalars, Buckets));
        Assert.True(Msm(set.Points, new Fr[n], Buckets).IsInfinity);
        G2Affine p = set.Points.First(q => !q.IsInfinity);
        Fr k = TestScalars.MinusOne;
        Assert.True(Msm([p, -p, p, p], [k, k, k, Fr.One], Buckets).IsInfinity, "(−1)·(P − P + P) + P");
        G2Affine[] infinities = Enumerable.Repeat(G2Affine.Infinity, 40).ToArray();
        Assert.True(Msm(infinities, TestScalars.Random(40, seed: 5), Buckets).IsInfinity);
    }

    [Fact]
    public void Window_sizes_and_thread_counts_give_the_same_result()
    {
        const int n = 150;
        G2TestSet set = G2TestSet.Adversarial(n, seed: 6);
        Fr[] scalars = TestScalars.Random(n, seed: 7);
        G2Jacobian expected = set.Expected(scalars);
        for (int c = SignedDigits.MinWindowBits; c <= 13; c++)
        {
            Assert.True(expected == Msm(set.Points, scalars, Buckets with { WindowBits = c }), $"c = {c}");
        }
        foreach (int threads in new[] { 1, 3, 64 })
        {
            var settings = Buckets with { MaxThreads = threads, MinPointsPerTask = 10 };
            Assert.True(expected == Msm(set.Points, scalars, settings), $"{threads} threads");
        }
    }

    [Fact]
    public void Prefix_and_length_rules()
    {
        G2TestSet set = G2TestSet.Random(50, seed: 8);
        Fr[] scalars = TestScalars.Random(35, seed: 9);
        var engine = new CpuMsmEngine();
        Assert.True(set.Expected(scalars) == engine.MultiScalarMul(set.Points, scalars));
        Assert.Throws<ArgumentException>(() => engine.MultiScalarMul(set.Points, TestScalars.Random(51, seed: 10)));
    }
}
