// SPDX-License-Identifier: MIT
using BenchmarkDotNet.Attributes;
using ZkOptions.Field;

namespace ZkOptions.Bench;

/// <summary>One pairing, and the 4-pair product check a PLONK/KZG verifier needs (one shared final exponentiation).</summary>
[Config(typeof(BenchConfig))]
public class PairingBenchmarks
{
    private G1Affine[] _p = [];
    private G2Affine[] _q = [];
    private byte[] _ecPairingInput = [];

    [GlobalSetup]
    public void Setup()
    {
        var rng = new Random(42);
        // e(a·P, Q)·e(b·P, Q)·e(c·P, Q)·e(−(a+b+c)·P, Q) = 1: the check succeeds, so nothing short-circuits.
        Fr a = Fr.Random(rng), b = Fr.Random(rng), c = Fr.Random(rng);
        Fr d = -(a + b + c);
        _p = new[] { a, b, c, d }.Select(k => G1Jacobian.ScalarMul(G1Affine.Generator, k).ToAffine()).ToArray();
        G2Affine q = G2Jacobian.ScalarMul(G2Affine.Generator, Fr.Random(rng)).ToAffine();
        _q = [q, q, q, q];
        if (!Pairing.ProductIsOne(_p, _q))
        {
            throw new InvalidOperationException("benchmark input must satisfy the product check");
        }
        _ecPairingInput = new byte[2 * Precompiles.EcPairingPairLength];
        for (int i = 0; i < 2; i++)
        {
            var chunk = _ecPairingInput.AsSpan(i * Precompiles.EcPairingPairLength);
            EvmEncoding.WriteG1(i == 0 ? G1Affine.Generator : G1Affine.Generator.Negate(), chunk);
            EvmEncoding.WriteG2(G2Affine.Generator, chunk[EvmEncoding.G1Size..]);
        }
    }

    [Benchmark(Description = "pairing e(P, Q)")]
    public Fq12 OnePairing() => Pairing.Pair(in _p[0], in _q[0]);

    [Benchmark(Description = "4-pair product check")]
    public bool FourPairProductCheck() => Pairing.ProductIsOne(_p, _q);

    [Benchmark(Description = "ecPairing precompile, 2 pairs (decode + subgroup checks + check)")]
    public byte[] EcPairingTwoPairs() => Precompiles.EcPairing(_ecPairingInput);
}
