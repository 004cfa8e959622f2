// SPDX-License-Identifier: MIT
using ZkOptions.Field;
using ZkOptions.Prover.Engines.Cpu;

namespace ZkOptions.Prover.Tests.Ntt;

/// <summary>
/// <see cref="FrLanes"/> (eight Fr values on AVX-512 lanes, for the quotient's identities) against the scalar
/// <see cref="Fr"/>, lane by lane, on random values, on the edge values 0, 1, r − 1 and powers of two, and through long
/// chains of operations that keep every intermediate in its lazily reduced range. Without AVX-512 (or with hardware
/// intrinsics off) the prover must not choose the lanes, which the first test checks.
/// </summary>
public sealed class FrLanesTests
{
    private static readonly Fr[] Edges =
    [
        Fr.Zero, Fr.One, -Fr.One, Fr.FromUInt64(2), -Fr.FromUInt64(2), Fr.FromUInt64(1UL << 63),
        Fr.FromBigInteger(System.Numerics.BigInteger.Pow(2, 253)), -Fr.FromBigInteger(System.Numerics.BigInteger.Pow(2, 253)),
    ];

    [Fact]
    public void The_prover_uses_the_lanes_only_where_the_cpu_has_them()
    {
        Assert.Equal(FrLanes.IsSupported, new ZkOptions.Prover.PlonkV2.PlonkV2Prover(new CpuNttEngine(), new CpuMsmEngine()).VectorLanes);
    }

    [Fact]
    public void Products_sums_and_differences_equal_the_scalar_ones_lane_by_lane()
    {
        if (!FrLanes.IsSupported)
        {
            return; // the lanes cannot run here; the test above holds the prover to the scalar path
        }
        var rng = new Random(11);
        for (int trial = 0; trial < 200; trial++)
        {
            Fr[] a = Values(rng, trial), b = Values(rng, trial + 1);
            FrLanes x = FrLanes.Load(a), y = FrLanes.Load(b);
            AssertLanes(a.Zip(b, (p, q) => p * q), x * y);
            AssertLanes(a.Zip(b, (p, q) => p + q), x + y);
            AssertLanes(a.Zip(b, (p, q) => p - q), x - y);
            AssertLanes(a.Zip(b, (p, q) => q - p), y - x);
            AssertLanes(a, x);
        }
    }

    [Fact]
    public void Constants_and_one_are_broadcast()
    {
        if (!FrLanes.IsSupported)
        {
            return;
        }
        var rng = new Random(12);
        Fr c = Fr.Random(rng);
        Fr[] a = Values(rng, 0);
        AssertLanes(a.Select(v => v * c), FrLanes.Load(a) * FrLanes.Constant(c));
        AssertLanes(a.Select(v => v + Fr.One), FrLanes.Load(a) + FrLanes.One);
        AssertLanes(Enumerable.Repeat(-Fr.One, 8), FrLanes.Constant(Fr.Zero) - FrLanes.One);
    }

    [Fact]
    public void Long_chains_stay_exact()
    {
        if (!FrLanes.IsSupported)
        {
            return;
        }
        // Each step feeds the previous results back in, so a bound that slipped would compound.
        var rng = new Random(13);
        Fr[] a = Values(rng, 2), b = Values(rng, 3);
        FrLanes x = FrLanes.Load(a), y = FrLanes.Load(b);
        for (int step = 0; step < 2000; step++)
        {
            switch (step % 5)
            {
                case 0: (a, x) = ([.. a.Zip(b, (p, q) => p * q)], x * y); break;
                case 1: (a, x) = ([.. a.Zip(b, (p, q) => p - q - q)], x - y - y); break;
                case 2: (b, y) = ([.. a.Zip(b, (p, q) => p + q + p)], x + y + x); break;
                case 3: (b, y) = ([.. a.Zip(b, (p, q) => q - p * p)], y - x * x); break;
                default: (a, x) = ([.. a.Select(p => p * p * p * p * p)], x * x * x * x * x); break;
            }
        }
        AssertLanes(a, x);
        AssertLanes(b, y);
    }

    // Random values, with the edge values in some lanes on every other trial.
    private static Fr[] Values(Random rng, int trial)
    {
        var values = new Fr[FrLanes.Count];
        for (int lane = 0; lane < values.Length; lane++)
        {
            values[lane] = trial % 2 == 0 && lane % 2 == 0 ? Edges[rng.Next(Edges.Length)] : Fr.Random(rng);
        }
        return values;
    }

    private static void AssertLanes(IEnumerable<Fr> expected, FrLanes actual)
    {
        var stored = new Fr[FrLanes.Count];
        actual.Store(stored);
        Assert.Equal(expected.ToArray(), stored);
    }
}
