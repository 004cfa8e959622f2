// SPDX-License-Identifier: MIT
using ZkOptions.Field;
using ZkOptions.Prover.Engines.Cpu;
using ZkOptions.Prover.Polynomials;

namespace ZkOptions.Prover.Tests.Ntt;

/// <summary>Both paths of <see cref="CpuNttEngine"/> against the O(n²) definitions, and round trips.</summary>
public class CpuNttEngineTests
{
    public static TheoryData<int, bool, int> SmallSizes()
    {
        var data = new TheoryData<int, bool, int>();
        foreach (int log2n in new[] { 0, 1, 2, 3, 4, 6, 7, 9 })
        {
            data.Add(log2n, false, 1);
            data.Add(log2n, true, 1);
        }
        data.Add(7, true, 2);
        data.Add(7, false, 2);
        return data;
    }

    [Theory]
    [MemberData(nameof(SmallSizes))]
    public void Forward_and_inverse_equal_the_naive_DFT(int log2n, bool vector, int threads)
    {
        int n = 1 << log2n;
        Fr[] input = NttReference.RandomVector(n, seed: 100 + log2n);
        Fr root = NttReference.RootOfUnity(n);
        var engine = NttReference.Engine(vector, threads);

        Fr[] values = (Fr[])input.Clone();
        engine.Forward(values);
        Assert.Equal(NttReference.Dft(input, root), values);

        values = (Fr[])input.Clone();
        engine.Inverse(values);
        Fr.Inverse(root, out Fr rootInverse);
        Fr.Inverse(Fr.FromUInt64((ulong)n), out Fr nInverse);
        Assert.Equal(NttReference.Dft(input, rootInverse).Select(x => x * nInverse).ToArray(), values);
    }

    [Theory]
    [InlineData(0, false)]
    [InlineData(3, false)]
    [InlineData(3, true)]
    [InlineData(6, false)]
    [InlineData(6, true)]
    [InlineData(8, true)]
    public void Coset_transforms_evaluate_at_shifted_points(int log2n, bool vector)
    {
        int n = 1 << log2n;
        Fr[] coefficients = NttReference.RandomVector(n, seed: 200 + log2n);
        Fr shift = Fr.FromUInt64(7); // snarkjs's coset shift for the quotient polynomial is a small constant too
        Fr root = NttReference.RootOfUnity(n);
        var engine = NttReference.Engine(vector, threads: 1);

        Fr[] values = (Fr[])coefficients.Clone();
        engine.ForwardCoset(values, shift);
        Fr point = shift;
        for (int i = 0; i < n; i++)
        {
            Assert.Equal(NttReference.Evaluate(coefficients, point), values[i]);
            point *= root;
        }
        engine.InverseCoset(values, shift);
        Assert.Equal(coefficients, values);
    }

    public static TheoryData<int, bool> RoundTripSizes()
    {
        var data = new TheoryData<int, bool>();
        for (int log2n = 0; log2n <= 16; log2n++)
        {
            data.Add(log2n, true);
        }
        foreach (int log2n in new[] { 5, 12, 13, 16 })
        {
            data.Add(log2n, false);
        }
        return data;
    }

    [Theory]
    [MemberData(nameof(RoundTripSizes))]
    public void Inverse_undoes_forward_and_cosets_round_trip(int log2n, bool vector)
    {
        int n = 1 << log2n;
        Fr[] input = NttReference.RandomVector(n, seed: 300 + log2n);
        var engine = NttReference.Engine(vector, threads: 0);
        Fr[] values = (Fr[])input.Clone();
        engine.Forward(values);
        if (n > 1)
        {
            Assert.NotEqual(input, values);
        }
        engine.Inverse(values);
        Assert.Equal(input, values);

        Fr shift = Fr.Random(new Random(log2n));
        engine.ForwardCoset(values, shift);
        engine.InverseCoset(values, shift);
        Assert.Equal(input, values);
    }

    [Fact]
    public void Forward_of_a_single_power_is_the_domain()
    {
        // x ↦ x: evaluations are the domain elements ω^k, in natural order.
        var engine = new CpuNttEngine();
        var domain = EvaluationDomain.Get(11);
        var values = new Fr[domain.Size];
        values[1] = Fr.One;
        engine.Forward(values);
        for (int k = 0; k < domain.Size; k += 97)
        {
            Assert.Equal(domain.Element(k), values[k]);
        }
    }

    [Fact]
    public void Rejects_bad_sizes_and_a_zero_shift()
    {
        var engine = new CpuNttEngine();
        Assert.Equal("cpu", engine.Name);
        Assert.Equal(Environment.ProcessorCount, engine.MaxThreads);
        Assert.Equal(3, new CpuNttEngine(3).MaxThreads);
        Assert.Throws<ArgumentOutOfRangeException>(() => new CpuNttEngine(-1));
        Assert.Throws<ArgumentOutOfRangeException>(() => engine.Forward(new Fr[12]));
        Assert.Throws<ArgumentOutOfRangeException>(() => engine.Forward(Memory<Fr>.Empty));
        Assert.Throws<ArgumentException>(() => engine.InverseCoset(new Fr[8], Fr.Zero));
    }

    [Fact]
    public void Works_on_a_slice_of_a_larger_array()
    {
        Fr[] backing = NttReference.RandomVector(1 << 10 + 3, seed: 5);
        Fr[] expected = backing[3..(3 + 1024)];
        NttReference.Engine(vector: false, threads: 1).Forward(expected);
        var engine = new CpuNttEngine();
        engine.Forward(backing.AsMemory(3, 1024));
        Assert.Equal(expected, backing[3..(3 + 1024)]);
    }
}
