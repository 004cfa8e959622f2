// SPDX-License-Identifier: MIT
using ZkOptions.Field;

namespace ZkOptions.Prover.Tests.Msm;

/// <summary>Scalar vectors for the MSM tests.</summary>
internal static class TestScalars
{
    public static Fr MinusOne => -Fr.One;

    public static Fr[] Random(int n, int seed)
    {
        var rng = new Random(seed);
        var scalars = new Fr[n];
        for (int i = 0; i < n; i++)
        {
            scalars[i] = Fr.Random(rng);
        }
        return scalars;
    }

    /// <summary>
    /// Random scalars drawn from a few values plus 0, 1 and r − 1: equal scalars on equal points put the same
    /// point into the same bucket many times (doubling, conflicts, overflow), and on negated points cancel.
    /// </summary>
    public static Fr[] FewDistinct(int n, int seed)
    {
        var rng = new Random(seed);
        Fr[] pool = [Fr.Zero, Fr.One, MinusOne, Fr.FromUInt64(2), Fr.Random(rng), Fr.Random(rng)];
        var scalars = new Fr[n];
        for (int i = 0; i < n; i++)
        {
            scalars[i] = pool[rng.Next(pool.Length)];
        }
        return scalars;
    }
}
