// SPDX-License-Identifier: MIT
using ZkOptions.Field;
using ZkOptions.Prover.Engines.Gpu;

namespace ZkOptions.Prover.Tests.Gpu;

[Collection(IlgpuCpuCollection.Name)]
public sealed class IlgpuNttEngineTests(IlgpuCpuFixture fixture)
{
    private readonly IlgpuNttEngine _engine = fixture.Ntt;

    public static TheoryData<int> DftSizes => [1, 2, 4, 8, 16, 64, 256];

    public static TheoryData<int> RoundTripSizes => [1, 2, 32, 1024];

    [Theory]
    [MemberData(nameof(DftSizes))]
    public void ForwardMatchesTheNaiveDft(int n)
    {
        Fr[] coefficients = NaiveReferences.RandomScalars(new Random(n), n);
        Fr[] values = (Fr[])coefficients.Clone();
        _engine.Forward(values);
        Assert.Equal(NaiveReferences.Dft(coefficients, Fr.One), values);
    }

    [Theory]
    [MemberData(nameof(DftSizes))]
    public void InverseMatchesTheNaiveDftBackwards(int n)
    {
        // Inverse(e) = c exactly when the naive DFT of c is e.
        Fr[] coefficients = NaiveReferences.RandomScalars(new Random(100 + n), n);
        Fr[] values = NaiveReferences.Dft(coefficients, Fr.One);
        _engine.Inverse(values);
        Assert.Equal(coefficients, values);
    }

    [Theory]
    [MemberData(nameof(DftSizes))]
    public void CosetForwardAndInverseMatchTheNaiveDft(int n)
    {
        var rng = new Random(200 + n);
        Fr[] coefficients = NaiveReferences.RandomScalars(rng, n);
        Fr shift = Fr.Random(rng);
        Fr[] expected = NaiveReferences.Dft(coefficients, shift);
        Fr[] values = (Fr[])coefficients.Clone();
        _engine.ForwardCoset(values, shift);
        Assert.Equal(expected, values);
        _engine.InverseCoset(values, shift);
        Assert.Equal(coefficients, values);
    }

    [Theory]
    [MemberData(nameof(RoundTripSizes))]
    public void LargerSizesRoundTripAndAgreeWithHornerAtSampledPoints(int n)
    {
        var rng = new Random(300 + n);
        Fr[] coefficients = NaiveReferences.RandomScalars(rng, n);
        Fr shift = Fr.FromUInt64(7); // snarkjs-style small coset generator
        Fr[] values = (Fr[])coefficients.Clone();
        _engine.ForwardCoset(values, shift);
        Fr omega = NaiveReferences.RootOfUnity(n);
        foreach (int i in new[] { 0, 1 % n, n / 2, n - 1 })
        {
            Fr x = shift * omega.Pow((ulong)i);
            Assert.Equal(NaiveReferences.Evaluate(coefficients, x), values[i]);
        }
        _engine.InverseCoset(values, shift);
        Assert.Equal(coefficients, values);
        _engine.Forward(values);
        _engine.Inverse(values);
        Assert.Equal(coefficients, values);
    }

    [Fact]
    public void EdgeValuesSurviveTheRoundTrip()
    {
        Fr[] coefficients = [Fr.Zero, Fr.One, -Fr.One, Fr.Zero, -Fr.One, -Fr.One, Fr.One, Fr.FromUInt64(2)];
        Fr[] values = (Fr[])coefficients.Clone();
        _engine.Forward(values);
        Assert.Equal(NaiveReferences.Dft(coefficients, Fr.One), values);
        _engine.Inverse(values);
        Assert.Equal(coefficients, values);
    }

    [Fact]
    public void ASliceOfALargerArrayIsTransformedInPlace()
    {
        Fr[] buffer = NaiveReferences.RandomScalars(new Random(9), 20);
        Fr[] original = (Fr[])buffer.Clone();
        _engine.Forward(buffer.AsMemory(4, 16));
        Assert.Equal(NaiveReferences.Dft(original.AsSpan(4, 16), Fr.One), buffer[4..20]);
        Assert.Equal(original[..4], buffer[..4]);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(3)]
    [InlineData(12)]
    public void SizesThatAreNotPowersOfTwoAreRejected(int n)
    {
        Assert.Throws<ArgumentException>(() => _engine.Forward(new Fr[n]));
    }

    [Fact]
    public void ZeroShiftHasNoInverseCoset()
    {
        Assert.Throws<ArgumentException>(() => _engine.InverseCoset(new Fr[4], Fr.Zero));
    }
}
