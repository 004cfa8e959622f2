// SPDX-License-Identifier: MIT
using System.Globalization;
using System.Numerics;
using System.Text.Json;
using ZkOptions.Field;
using ZkOptions.Prover.Polynomials;
using ZkOptions.Prover.Tests.Support;

namespace ZkOptions.Prover.Tests.Ntt;

/// <summary>vectors/ntt/ntt.json, written by ffjavascript 0.3.1 (vectors/ntt/generate.mjs).</summary>
public class FfjavascriptVectorTests
{
    private static readonly JsonElement Vectors =
        JsonDocument.Parse(File.ReadAllText(RepoPaths.Vector("ntt", "ntt.json"))).RootElement;

    private static Fr Parse(JsonElement e) => Fr.FromBigInteger(BigInteger.Parse(e.GetString()!, CultureInfo.InvariantCulture));

    private static Fr[] ParseArray(JsonElement e) => e.EnumerateArray().Select(Parse).ToArray();

    [Fact]
    public void Domain_generators_equal_ffjavascript_w()
    {
        var roots = Vectors.GetProperty("roots").EnumerateArray().ToArray();
        Assert.Equal(EvaluationDomain.MaxLog2Size + 1, roots.Length);
        foreach (var root in roots)
        {
            var d = EvaluationDomain.Get(root.GetProperty("log2n").GetInt32());
            Assert.Equal(Parse(root.GetProperty("w")), d.Generator);
            Assert.Equal(Parse(root.GetProperty("wi")), d.GeneratorInverse);
        }
    }

    [Theory]
    [InlineData(false, 1)]
    [InlineData(true, 1)]
    [InlineData(true, 2)]
    public void Transforms_of_2_to_10_equal_ffjavascript_fft_and_ifft(bool vector, int threads)
    {
        var fft = Vectors.GetProperty("fft");
        Fr[] input = ParseArray(fft.GetProperty("input"));
        Assert.Equal(1 << fft.GetProperty("log2n").GetInt32(), input.Length);
        var engine = NttReference.Engine(vector, threads);

        Fr[] values = (Fr[])input.Clone();
        engine.Forward(values);
        Assert.Equal(ParseArray(fft.GetProperty("forward")), values);

        values = (Fr[])input.Clone();
        engine.Inverse(values);
        Assert.Equal(ParseArray(fft.GetProperty("inverse")), values);
    }
}
