// SPDX-License-Identifier: MIT
using ZkOptions.Field;
using ZkOptions.Prover.Engines.Cpu;

namespace ZkOptions.Prover.Tests.Ntt;

/// <summary>
/// The AVX-512 path against the scalar path (bit for bit) and multi-threaded against single-threaded runs. On a
/// CPU without AVX-512 the vector engines fall back to the scalar path and these tests compare it with itself.
/// </summary>
public class NttVectorPathTests
{
    [Fact]
    public void The_vector_path_is_chosen_when_the_cpu_has_it()
    {
        Assert.Equal(NttVectorField.IsSupported, new CpuNttEngine().UseVectorPath);
        Assert.False(NttReference.Engine(vector: false, threads: 1).UseVectorPath);
        // The static switch (for diagnosis) turns the path off for engines created while it is set. Only this
        // test asserts which path a default engine takes, so flipping it here cannot disturb other tests.
        CpuNttEngine.VectorPathDisabled = true;
        try
        {
            Assert.False(new CpuNttEngine().UseVectorPath);
        }
        finally
        {
            CpuNttEngine.VectorPathDisabled = false;
        }
    }

    public static TheoryData<int> Sizes() => new() { 6, 7, 8, 10, 11, 14, 15, 17 };

    [Theory]
    [MemberData(nameof(Sizes))]
    public void Vector_path_equals_scalar_path_for_all_four_transforms(int log2n)
    {
        int n = 1 << log2n;
        Fr[] input = NttReference.RandomVector(n, seed: 400 + log2n);
        Fr shift = Fr.Random(new Random(log2n));
        var scalar = NttReference.Engine(vector: false, threads: 0);
        var vector = NttReference.Engine(vector: true, threads: 0);
        foreach (var transform in new Action<CpuNttEngine, Fr[]>[]
                 {
                     (e, v) => e.Forward(v), (e, v) => e.Inverse(v),
                     (e, v) => e.ForwardCoset(v, shift), (e, v) => e.InverseCoset(v, shift),
                 })
        {
            Fr[] a = (Fr[])input.Clone(), b = (Fr[])input.Clone();
            transform(scalar, a);
            transform(vector, b);
            Assert.Equal(a, b);
        }
    }

    [Theory]
    [InlineData(6)]
    [InlineData(9)]
    [InlineData(14)]
    public void Extreme_inputs_stay_within_the_lazy_reduction_bounds(int log2n)
    {
        // All q − 1 (every limb as large as it gets), alternating 0 / q − 1, and a single q − 1.
        int n = 1 << log2n;
        Fr max = -Fr.One;
        Fr[][] inputs =
        [
            Enumerable.Repeat(max, n).ToArray(),
            Enumerable.Range(0, n).Select(i => i % 2 == 0 ? max : Fr.Zero).ToArray(),
            Enumerable.Range(0, n).Select(i => i == n - 1 ? max : Fr.Zero).ToArray(),
        ];
        var scalar = NttReference.Engine(vector: false, threads: 1);
        var vector = NttReference.Engine(vector: true, threads: 1);
        foreach (Fr[] input in inputs)
        {
            Fr[] a = (Fr[])input.Clone(), b = (Fr[])input.Clone();
            scalar.Forward(a);
            vector.Forward(b);
            Assert.Equal(a, b);
            scalar.InverseCoset(a, max);
            vector.InverseCoset(b, max);
            Assert.Equal(a, b);
        }
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void Multi_threaded_equals_single_threaded(bool vector)
    {
        Fr[] input = NttReference.RandomVector(1 << 15, seed: 9);
        Fr[] a = (Fr[])input.Clone(), b = (Fr[])input.Clone();
        NttReference.Engine(vector, threads: 1).ForwardCoset(a, Fr.FromUInt64(5));
        NttReference.Engine(vector, threads: 4).ForwardCoset(b, Fr.FromUInt64(5));
        Assert.Equal(a, b);
    }
}
