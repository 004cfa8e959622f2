// SPDX-License-Identifier: MIT
using System.Numerics;

namespace ZkOptions.Field.Tests.Support;

/// <summary>Edge values for a modulus q (gnark-crypto's staticTestValues, Int256's edge cases) plus seeded random ones.</summary>
public static class EdgeValues
{
    public static IReadOnlyList<BigInteger> For(BigInteger q, int randomCount = 24, int seed = 7)
    {
        BigInteger two64 = BigInteger.One << 64;
        var values = new List<BigInteger>
        {
            0, 1, 2, 3, q - 1, q - 2, (q - 1) / 2, (q + 1) / 2,
            two64 - 1, two64, two64 + 1, (BigInteger.One << 128) - 1, BigInteger.One << 128,
            (BigInteger.One << 192) - 1, BigInteger.One << 192, BigInteger.One << 253, (BigInteger.One << 253) - 1,
            q - two64, q - (BigInteger.One << 128), uint.MaxValue, ulong.MaxValue,
        };
        var rng = new Random(seed);
        var buffer = new byte[33];
        for (int i = 0; i < randomCount; i++)
        {
            rng.NextBytes(buffer);
            buffer[32] = 0;
            values.Add(new BigInteger(buffer) % q);
        }
        return values;
    }

    public static BigInteger Mod(BigInteger v, BigInteger q)
    {
        var r = BigInteger.Remainder(v, q);
        return r.Sign < 0 ? r + q : r;
    }
}
