// SPDX-License-Identifier: MIT
using System.Numerics;

namespace ZkOptions.Field.Tests.Support;

/// <summary>Random tower elements and a plain square-and-multiply power over BigInteger exponents, as oracles.</summary>
public static class TowerOracle
{
    public static readonly BigInteger P = Fq.Modulus;

    public static readonly BigInteger R = BigInteger.Parse(
        "21888242871839275222246405745257275088548364400416034343698204186575808495617");

    public static Fq2 RandomFq2(Random rng) => new(Fq.Random(rng), Fq.Random(rng));

    public static Fq6 RandomFq6(Random rng) => new(RandomFq2(rng), RandomFq2(rng), RandomFq2(rng));

    public static Fq12 RandomFq12(Random rng) => new(RandomFq6(rng), RandomFq6(rng));

    public static Fq6 Pow(Fq6 a, BigInteger e)
    {
        Fq6 acc = Fq6.One;
        for (int bit = (int)e.GetBitLength() - 1; bit >= 0; bit--)
        {
            acc *= acc;
            if (!(e >> bit).IsEven) acc *= a;
        }
        return acc;
    }

    public static Fq12 Pow(Fq12 a, BigInteger e)
    {
        Fq12 acc = Fq12.One;
        for (int bit = (int)e.GetBitLength() - 1; bit >= 0; bit--)
        {
            acc *= acc;
            if (!(e >> bit).IsEven) acc *= a;
        }
        return acc;
    }

    /// <summary>An element of the cyclotomic subgroup: a^((p⁶ − 1)(p² + 1)), computed without the code under test's maps.</summary>
    public static Fq12 RandomCyclotomic(Random rng)
    {
        Fq12 a = RandomFq12(rng);
        return Pow(a, (BigInteger.Pow(P, 6) - 1) * (P * P + 1));
    }
}
