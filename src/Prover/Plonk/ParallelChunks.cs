// SPDX-License-Identifier: MIT
namespace ZkOptions.Prover.Plonk;

/// <summary>
/// Runs a loop over [0, count) in contiguous chunks (chunks keep per-point powers cheap) on all cores, or on as many
/// as <see cref="ParallelLimit"/> allows.
/// </summary>
internal static class ParallelChunks
{
    public static void For(int count, Action<int, int> body, int chunk = 1 << 13)
    {
        int chunks = (count + chunk - 1) / chunk;
        if (chunks <= 1)
        {
            body(0, count);
            return;
        }
        Parallel.For(0, chunks, ParallelLimit.Options, k => body(k * chunk, Math.Min(count, (k + 1) * chunk)));
    }
}
