// SPDX-License-Identifier: MIT
using BenchmarkDotNet.Attributes;
using ZkOptions.Field;

namespace ZkOptions.Bench;

/// <summary>
/// Group operations, per operation. Additions are chained (each result feeds the next), as in a bucket
/// accumulation of an MSM.
/// </summary>
[Config(typeof(BenchConfig))]
public class CurveBenchmarks
{
    private const int Chain = 256;
    private G1Affine _g1Affine;
    private G1Jacobian _g1;
    private G2Jacobian _g2a, _g2b;
    private Fr _scalar;

    [GlobalSetup]
    public void Setup()
    {
        var rng = new Random(42);
        _g1Affine = G1Jacobian.ScalarMul(G1Affine.Generator, Fr.Random(rng)).ToAffine();
        _g1 = G1Jacobian.ScalarMul(G1Affine.Generator, Fr.Random(rng));
        _g2a = G2Jacobian.ScalarMul(G2Affine.Generator, Fr.Random(rng));
        _g2b = G2Jacobian.ScalarMul(G2Affine.Generator, Fr.Random(rng));
        _scalar = Fr.Random(rng);
    }

    [Benchmark(OperationsPerInvoke = Chain, Description = "G1 mixed add (Jacobian + affine)")]
    public G1Jacobian G1MixedAdd()
    {
        G1Jacobian acc = _g1;
        for (int i = 0; i < Chain; i++)
        {
            G1Jacobian.AddMixed(in acc, in _g1Affine, out acc);
        }
        return acc;
    }

    [Benchmark(OperationsPerInvoke = Chain, Description = "G1 double")]
    public G1Jacobian G1Double()
    {
        G1Jacobian acc = _g1;
        for (int i = 0; i < Chain; i++)
        {
            G1Jacobian.Double(in acc, out acc);
        }
        return acc;
    }

    [Benchmark(OperationsPerInvoke = Chain, Description = "G2 add (Jacobian + Jacobian)")]
    public G2Jacobian G2Add()
    {
        G2Jacobian acc = _g2a;
        for (int i = 0; i < Chain; i++)
        {
            G2Jacobian.Add(in acc, in _g2b, out acc);
        }
        return acc;
    }

    [Benchmark(Description = "G1 scalar mul (GLV)")]
    public G1Jacobian G1ScalarMul() => G1Jacobian.ScalarMul(in _g1Affine, in _scalar);
}
