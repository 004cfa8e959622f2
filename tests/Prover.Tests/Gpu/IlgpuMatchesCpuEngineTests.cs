// SPDX-License-Identifier: MIT
using ZkOptions.Field;
using ZkOptions.Prover.Engines.Cpu;

namespace ZkOptions.Prover.Tests.Gpu;

/// <summary>
/// The acceptance check for the ILGPU engine: its kernels, run on ILGPU's CPU accelerator, return exactly what the
/// CPU engine returns (bit for bit), for NTTs in every direction and for G1 and G2 MSMs.
/// </summary>
[Collection(IlgpuCpuCollection.Name)]
public sealed class IlgpuMatchesCpuEngineTests(IlgpuCpuFixture gpu)
{
    private static Fr[] RandomFr(int count, int seed)
    {
        var rng = new Random(seed);
        return [.. Enumerable.Range(0, count).Select(_ => Fr.Random(rng))];
    }

    [Theory]
    [InlineData(1)]
    [InlineData(3)]
    [InlineData(10)]
    public void NttInEveryDirection(int log2n)
    {
        var cpu = new CpuNttEngine();
        var input = RandomFr(1 << log2n, log2n);
        Fr shift = Fr.FromUInt64(7);
        foreach (var (name, run) in new (string, Action<Prover.Engines.INttEngine, Fr[]>)[]
        {
            ("forward", (e, v) => e.Forward(v)),
            ("inverse", (e, v) => e.Inverse(v)),
            ("forward coset", (e, v) => e.ForwardCoset(v, shift)),
            ("inverse coset", (e, v) => e.InverseCoset(v, shift)),
        })
        {
            var expected = (Fr[])input.Clone();
            run(cpu, expected);
            var actual = (Fr[])input.Clone();
            run(gpu.Ntt, actual);
            Assert.True(expected.AsSpan().SequenceEqual(actual), $"{name} NTT of size 2^{log2n} differs");
        }
    }

    [Theory]
    [InlineData(1)]
    [InlineData(37)]
    [InlineData(300)]
    public void G1MsmWithEdgeCases(int n)
    {
        var scalars = RandomFr(n, n);
        var points = new G1Affine[n];
        for (int i = 0; i < n; i++)
        {
            points[i] = G1Jacobian.ScalarMul(G1Affine.Generator, Fr.FromUInt64((ulong)(i % 17 + 1))).ToAffine(); // repeats: buckets double
        }
        if (n > 2)
        {
            points[1] = G1Affine.Infinity;
            scalars[2] = Fr.Zero;
            points[3 % n] = points[0].Negate();
            scalars[n - 1] = -Fr.One;
        }
        var expected = new CpuMsmEngine().MultiScalarMul(points, scalars);
        Assert.Equal(expected, gpu.Msm.MultiScalarMul(points, scalars));
        // a prefix of the points, as KZG commitments use
        Assert.Equal(new CpuMsmEngine().MultiScalarMul(points, scalars[..(n / 2 + 1)]), gpu.Msm.MultiScalarMul(points, scalars[..(n / 2 + 1)]));
    }

    [Fact]
    public void G2Msm()
    {
        int n = 40;
        var scalars = RandomFr(n, 99);
        var points = new G2Affine[n];
        for (int i = 0; i < n; i++)
        {
            points[i] = G2Jacobian.ScalarMul(G2Affine.Generator, Fr.FromUInt64((ulong)(i % 5 + 2))).ToAffine();
        }
        Assert.Equal(new CpuMsmEngine().MultiScalarMul(points, scalars), gpu.Msm.MultiScalarMul(points, scalars));
    }
}
