// SPDX-License-Identifier: MIT
using ZkOptions.Field;
using ZkOptions.Prover.Engines.Cpu;
using ZkOptions.Prover.Msm;

namespace ZkOptions.Prover.Tests.Msm;

public class G1MsmTests
{
    /// <summary>Every accumulation path, with Straus off so that even tiny inputs go through buckets.</summary>
    private static readonly string[] ModeNames = ["auto", "jacobian", "affine", "affine-tiny-batches", "straus-default"];

    public static TheoryData<string> Modes => new(ModeNames);

    private static MsmSettings Settings(string mode, int threads = 2) => mode switch
    {
        "auto" => new MsmSettings { MaxThreads = threads, StrausThreshold = 0 },
        "jacobian" => new MsmSettings { MaxThreads = threads, StrausThreshold = 0, G1Buckets = G1BucketMode.Jacobian },
        "affine" => new MsmSettings { MaxThreads = threads, StrausThreshold = 0, G1Buckets = G1BucketMode.BatchAffine, ReductionSegments = 4 },
        // Batches of 3 and a queue of 3: conflicts, retries and the Jacobian overflow happen constantly.
        "affine-tiny-batches" => new MsmSettings
        {
            MaxThreads = threads, StrausThreshold = 0, G1Buckets = G1BucketMode.BatchAffine, BatchSize = 3, ReductionSegments = 3,
        },
        "straus-default" => new MsmSettings { MaxThreads = threads },
        _ => throw new ArgumentException(mode),
    };

    private static G1Jacobian Msm(G1Affine[] points, Fr[] scalars, MsmSettings settings) =>
        G1Pippenger.MultiScalarMul(points, scalars, settings);

    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    [InlineData(31)]
    [InlineData(32)]
    [InlineData(33)]
    [InlineData(100)]
    public void Small_sizes_match_the_naive_sum_in_every_mode(int n)
    {
        G1TestSet set = G1TestSet.Random(n, seed: n);
        Fr[] scalars = TestScalars.Random(n, seed: 1000 + n);
        G1Jacobian expected = G1TestSet.Naive(set.Points, scalars);
        foreach (string mode in ModeNames)
        {
            Assert.True(expected == Msm(set.Points, scalars, Settings(mode)), $"n = {n}, mode {mode}");
        }
    }

    [Theory]
    [InlineData(257)]
    [InlineData(1000)]
    [InlineData(5000)]
    public void Larger_sizes_match_the_discrete_log_oracle(int n)
    {
        G1TestSet set = G1TestSet.Random(n, seed: n);
        Fr[] scalars = TestScalars.Random(n, seed: 1000 + n);
        G1Jacobian expected = set.Expected(scalars);
        if (n == 257)
        {
            Assert.True(expected == G1TestSet.Naive(set.Points, scalars), "the two oracles disagree");
        }
        Assert.True(expected == new CpuMsmEngine().MultiScalarMul(set.Points, scalars));
        Assert.True(expected == Msm(set.Points, scalars, Settings("affine")));
        Assert.True(expected == Msm(set.Points, scalars, Settings("jacobian")));
    }

    [Fact]
    public void Dense_windows_use_the_segmented_affine_reduction_correctly()
    {
        // 6000 points on 2^(10−1) buckets fill them all; 7 segments of 74 leave a partial last segment.
        const int n = 6000;
        G1TestSet set = G1TestSet.Random(n, seed: 7);
        Fr[] scalars = TestScalars.Random(n, seed: 8);
        G1Jacobian expected = set.Expected(scalars);
        foreach (int segments in new[] { 7, 32, 128 })
        {
            var settings = new MsmSettings { WindowBits = 10, G1Buckets = G1BucketMode.BatchAffine, ReductionSegments = segments };
            Assert.True(expected == Msm(set.Points, scalars, settings), $"{segments} segments");
        }
    }

    [Theory]
    [MemberData(nameof(Modes))]
    public void Special_cases_in_buckets_are_handled(string mode)
    {
        const int n = 700;
        G1TestSet set = G1TestSet.Adversarial(n, seed: 3);
        Fr[] scalars = TestScalars.FewDistinct(n, seed: 4);
        Assert.True(set.Expected(scalars) == Msm(set.Points, scalars, Settings(mode)));
    }

    [Theory]
    [MemberData(nameof(Modes))]
    public void One_point_many_times_doubles_and_overflows(string mode)
    {
        // Every term lands in the same bucket of every window: P + P, then conflicts for the rest.
        const int n = 300;
        G1Affine p = G1TestSet.Random(1, seed: 5).Points[0];
        Fr k = Fr.Random(new Random(6));
        G1Affine[] points = Enumerable.Repeat(p, n).ToArray();
        Fr[] scalars = Enumerable.Repeat(k, n).ToArray();
        G1Jacobian expected = G1Jacobian.ScalarMul(p, k * Fr.FromUInt64(n));
        Assert.True(expected == Msm(points, scalars, Settings(mode)));
    }

    [Theory]
    [MemberData(nameof(Modes))]
    public void A_point_and_its_negation_cancel(string mode)
    {
        const int n = 200;
        G1Affine p = G1TestSet.Random(1, seed: 9).Points[0];
        Fr k = Fr.Random(new Random(10));
        G1Affine[] points = Enumerable.Range(0, n).Select(i => i % 2 == 0 ? p : -p).ToArray();
        Fr[] scalars = Enumerable.Repeat(k, n).ToArray();
        Assert.True(Msm(points, scalars, Settings(mode)).IsInfinity);
        // One extra term survives the cancellation.
        Assert.True(G1Jacobian.ScalarMul(p, k) == Msm([.. points, p], [.. scalars, k], Settings(mode)));
    }

    [Theory]
    [MemberData(nameof(Modes))]
    public void Zero_scalars_and_infinity_points_give_infinity(string mode)
    {
        const int n = 100;
        G1TestSet set = G1TestSet.Random(n, seed: 11);
        Assert.True(Msm(set.Points, new Fr[n], Settings(mode)).IsInfinity);
        G1Affine[] infinities = Enumerable.Repeat(G1Affine.Infinity, n).ToArray();
        Assert.True(Msm(infinities, TestScalars.Random(n, seed: 12), Settings(mode)).IsInfinity);
    }

    [Theory]
    [MemberData(nameof(Modes))]
    public void Scalars_one_and_minus_one(string mode)
    {
        const int n = 64;
        G1TestSet set = G1TestSet.Random(n, seed: 13);
        G1Jacobian sum = G1Jacobian.Infinity;
        foreach (G1Affine p in set.Points)
        {
            sum += p;
        }
        Assert.True(sum == Msm(set.Points, Enumerable.Repeat(Fr.One, n).ToArray(), Settings(mode)));
        Assert.True(-sum == Msm(set.Points, Enumerable.Repeat(TestScalars.MinusOne, n).ToArray(), Settings(mode)));
    }

    [Fact]
    public void Every_window_size_the_selector_can_pick_gives_the_same_result()
    {
        const int n = 600;
        G1TestSet set = G1TestSet.Adversarial(n, seed: 14);
        Fr[] scalars = TestScalars.Random(n, seed: 15);
        scalars[0] = TestScalars.MinusOne;
        scalars[1] = Fr.Zero;
        G1Jacobian expected = set.Expected(scalars);
        for (int c = SignedDigits.MinWindowBits; c <= MsmWindowSize.MaxWindowBits; c++)
        {
            foreach (G1BucketMode mode in new[] { G1BucketMode.BatchAffine, G1BucketMode.Jacobian })
            {
                var settings = new MsmSettings { WindowBits = c, G1Buckets = mode, ReductionSegments = 4 };
                Assert.True(expected == Msm(set.Points, scalars, settings), $"c = {c}, {mode}");
            }
        }
    }

    [Fact]
    public void Thread_counts_and_point_ranges_do_not_change_the_result()
    {
        const int n = 3000;
        G1TestSet set = G1TestSet.Random(n, seed: 16);
        Fr[] scalars = TestScalars.Random(n, seed: 17);
        G1Jacobian single = Msm(set.Points, scalars, new MsmSettings { MaxThreads = 1 });
        Assert.True(set.Expected(scalars) == single);
        foreach (int threads in new[] { 2, 3, 64 })
        {
            // 64 threads over 19 windows split each window into point ranges of ≥ 100 points.
            var settings = new MsmSettings { MaxThreads = threads, MinPointsPerTask = 100, G1Buckets = G1BucketMode.BatchAffine };
            Assert.True(single == Msm(set.Points, scalars, settings), $"{threads} threads");
        }
    }

    [Fact]
    public void Fewer_scalars_than_points_use_a_prefix()
    {
        const int n = 500;
        G1TestSet set = G1TestSet.Random(n, seed: 18);
        Fr[] scalars = TestScalars.Random(300, seed: 19);
        var engine = new CpuMsmEngine();
        Assert.True(set.Expected(scalars) == engine.MultiScalarMul(set.Points, scalars));
        Assert.True(G1TestSet.Naive(set.Points, scalars[..5]) == engine.MultiScalarMul(set.Points, scalars.AsMemory(0, 5)));
    }

    [Fact]
    public void More_scalars_than_points_is_rejected()
    {
        G1TestSet set = G1TestSet.Random(3, seed: 20);
        var engine = new CpuMsmEngine();
        Assert.Throws<ArgumentException>(() => engine.MultiScalarMul(set.Points, TestScalars.Random(4, seed: 21)));
        Assert.Throws<ArgumentException>(() => engine.MultiScalarMul(set.Points, TestScalars.Random(40, seed: 21)));
    }
}
