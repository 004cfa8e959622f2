// SPDX-License-Identifier: MIT
using ILGPU;
using ILGPU.Runtime;
using ZkOptions.Field;
using ZkOptions.Prover.Engines.Gpu;

namespace ZkOptions.Prover.Tests.Gpu;

/// <summary>
/// The device field arithmetic against the Field library, both called directly on the host (many values, fast)
/// and compiled by ILGPU and run on its CPU accelerator (what the engines execute).
/// </summary>
[Collection(IlgpuCpuCollection.Name)]
public sealed class DeviceFieldTests
{
    private const int OpsPerPair = 10;

    [Fact]
    public void MulWideMatchesUInt128()
    {
        var rng = new Random(1);
        ulong[] edges = [0, 1, 2, uint.MaxValue, 1UL << 32, ulong.MaxValue, ulong.MaxValue - 1, 0x8000000000000000UL];
        var samples = edges.Concat(Enumerable.Range(0, 200).Select(_ => (ulong)rng.NextInt64() * 3 + 1)).ToArray();
        foreach (ulong a in samples)
        {
            foreach (ulong b in samples)
            {
                Montgomery256.MulWide(a, b, out ulong lo, out ulong hi);
                UInt128 expected = (UInt128)a * b;
                Assert.Equal((ulong)expected, lo);
                Assert.Equal((ulong)(expected >> 64), hi);
            }
        }
    }

    [Fact]
    public void HostCallsMatchTheFieldLibrary()
    {
        (Fr[] frs, Fq[] fqs) = Samples(new Random(2), 300);
        for (int i = 0; i < frs.Length; i++)
        {
            for (int j = i; j < Math.Min(frs.Length, i + 12); j++)
            {
                Limbs256[] results = new Limbs256[OpsPerPair];
                Apply(Limbs256.FromFr(frs[i]), Limbs256.FromFr(frs[j]), Limbs256.FromFq(fqs[i]), Limbs256.FromFq(fqs[j]), results);
                AssertMatches(frs[i], frs[j], fqs[i], fqs[j], results);
            }
        }
    }

    [Fact]
    public void KernelsOnTheCpuAcceleratorMatchTheFieldLibrary()
    {
        (Fr[] frs, Fq[] fqs) = Samples(new Random(3), 64);
        int n = frs.Length;
        // Pair every sample with its neighbour and with itself (squares, a − a).
        var a = new List<(Fr R, Fq Q)>();
        var b = new List<(Fr R, Fq Q)>();
        for (int i = 0; i < n; i++)
        {
            a.Add((frs[i], fqs[i]));
            b.Add((frs[(i + 1) % n], fqs[(i + 1) % n]));
            a.Add((frs[i], fqs[i]));
            b.Add((frs[i], fqs[i]));
        }
        int count = a.Count;
        using var device = IlgpuDevice.CreateCpu();
        var kernel = device.Accelerator.LoadAutoGroupedStreamKernel<
            Index1D, ArrayView<Limbs256>, ArrayView<Limbs256>, ArrayView<Limbs256>, ArrayView<Limbs256>, ArrayView<Limbs256>>(FieldKernel);
        using var frA = device.Accelerator.Allocate1D(a.Select(x => Limbs256.FromFr(x.R)).ToArray());
        using var frB = device.Accelerator.Allocate1D(b.Select(x => Limbs256.FromFr(x.R)).ToArray());
        using var fqA = device.Accelerator.Allocate1D(a.Select(x => Limbs256.FromFq(x.Q)).ToArray());
        using var fqB = device.Accelerator.Allocate1D(b.Select(x => Limbs256.FromFq(x.Q)).ToArray());
        using var results = device.Accelerator.Allocate1D<Limbs256>(count * OpsPerPair);
        kernel(count, frA.View, frB.View, fqA.View, fqB.View, results.View);
        device.Accelerator.Synchronize();
        Limbs256[] all = results.GetAsArray1D();
        for (int i = 0; i < count; i++)
        {
            AssertMatches(a[i].R, b[i].R, a[i].Q, b[i].Q, all.AsSpan(i * OpsPerPair, OpsPerPair).ToArray());
        }
    }

    [Fact]
    public void LimbsReinterpretFrWithoutChangingBits()
    {
        Fr[] values = [Fr.Zero, Fr.One, -Fr.One, Fr.Random(new Random(4))];
        Span<Limbs256> limbs = Limbs256.Cast(values.AsSpan());
        for (int i = 0; i < values.Length; i++)
        {
            Assert.Equal(Limbs256.FromFr(values[i]), limbs[i]);
            Assert.Equal(values[i], limbs[i].ToFr());
        }
        Assert.Equal(System.Runtime.CompilerServices.Unsafe.SizeOf<Fr>(), System.Runtime.CompilerServices.Unsafe.SizeOf<Limbs256>());
    }

    internal static void FieldKernel(
        Index1D i, ArrayView<Limbs256> frA, ArrayView<Limbs256> frB, ArrayView<Limbs256> fqA, ArrayView<Limbs256> fqB,
        ArrayView<Limbs256> results)
    {
        Limbs256 r0 = default, r1 = default, r2 = default, r3 = default, r4 = default;
        Limbs256 r5 = default, r6 = default, r7 = default, r8 = default, r9 = default;
        Limbs256 x = frA[i], y = frB[i], u = fqA[i], v = fqB[i];
        DeviceFr.Add(in x, in y, out r0);
        DeviceFr.Sub(in x, in y, out r1);
        DeviceFr.Mul(in x, in y, out r2);
        DeviceFr.Neg(in x, out r3);
        DeviceFr.ToCanonical(in x, out r4);
        DeviceFq.Add(in u, in v, out r5);
        DeviceFq.Sub(in u, in v, out r6);
        DeviceFq.Mul(in u, in v, out r7);
        DeviceFq.Neg(in u, out r8);
        DeviceFq.Double(in u, out r9);
        int o = i.X * OpsPerPair;
        results[o] = r0;
        results[o + 1] = r1;
        results[o + 2] = r2;
        results[o + 3] = r3;
        results[o + 4] = r4;
        results[o + 5] = r5;
        results[o + 6] = r6;
        results[o + 7] = r7;
        results[o + 8] = r8;
        results[o + 9] = r9;
    }

    /// <summary>The kernel body on the host (same order of results).</summary>
    private static void Apply(Limbs256 x, Limbs256 y, Limbs256 u, Limbs256 v, Limbs256[] r)
    {
        DeviceFr.Add(in x, in y, out r[0]);
        DeviceFr.Sub(in x, in y, out r[1]);
        DeviceFr.Mul(in x, in y, out r[2]);
        DeviceFr.Neg(in x, out r[3]);
        DeviceFr.ToCanonical(in x, out r[4]);
        DeviceFq.Add(in u, in v, out r[5]);
        DeviceFq.Sub(in u, in v, out r[6]);
        DeviceFq.Mul(in u, in v, out r[7]);
        DeviceFq.Neg(in u, out r[8]);
        DeviceFq.Double(in u, out r[9]);
    }

    private static void AssertMatches(Fr x, Fr y, Fq u, Fq v, Limbs256[] r)
    {
        Assert.Equal(x + y, r[0].ToFr());
        Assert.Equal(x - y, r[1].ToFr());
        Assert.Equal(x * y, r[2].ToFr());
        Assert.Equal(-x, r[3].ToFr());
        x.ToCanonicalLimbs(out ulong c0, out ulong c1, out ulong c2, out ulong c3);
        Assert.Equal(new Limbs256(c0, c1, c2, c3), r[4]);
        Assert.Equal(u + v, r[5].ToFq());
        Assert.Equal(u - v, r[6].ToFq());
        Assert.Equal(u * v, r[7].ToFq());
        Assert.Equal(-u, r[8].ToFq());
        Assert.Equal(u + u, r[9].ToFq());
    }

    /// <summary>Edge values (0, 1, 2, −1 = p − 1, −2, and the element whose Montgomery limbs are p − 1), then random ones.</summary>
    private static (Fr[] Frs, Fq[] Fqs) Samples(Random rng, int randomCount)
    {
        var frs = new List<Fr>
        {
            Fr.Zero, Fr.One, Fr.FromUInt64(2), -Fr.One, -Fr.FromUInt64(2),
            new(Fr.Q0 - 1, Fr.Q1, Fr.Q2, Fr.Q3), new(1, 0, 0, 0), new(ulong.MaxValue, ulong.MaxValue, ulong.MaxValue, Fr.Q3 - 1),
        };
        var fqs = new List<Fq>
        {
            Fq.Zero, Fq.One, Fq.FromUInt64(2), -Fq.One, -Fq.FromUInt64(2),
            new(Fq.Q0 - 1, Fq.Q1, Fq.Q2, Fq.Q3), new(1, 0, 0, 0), new(ulong.MaxValue, ulong.MaxValue, ulong.MaxValue, Fq.Q3 - 1),
        };
        for (int i = 0; i < randomCount; i++)
        {
            frs.Add(Fr.Random(rng));
            fqs.Add(Fq.Random(rng));
        }
        return (frs.ToArray(), fqs.ToArray());
    }
}
