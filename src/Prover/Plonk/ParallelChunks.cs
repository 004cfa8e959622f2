// SPDX-License-Identifier: MIT
namespace ZkOptions.Prover.Plonk;

/// <summary>Runs a loop over [0, count) in contiguous chunks on all cores (chunks keep per-point powers cheap).</summary>
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
        Parallel.For(0, chunks, k => body(k * chunk, Math.Min(count, (k + 1) * chunk)));
    }
}
