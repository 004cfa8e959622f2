// SPDX-License-Identifier: MIT
using System.Collections.Concurrent;

namespace ZkOptions.Prover.Msm;

/// <summary>
/// The outer loop of the bucket method, shared by G1 and G2: splits the work into (window, point-range) tasks,
/// runs them on up to maxThreads threads, sums the ranges of each window and combines the windows by Horner's
/// rule, Σ_w 2^(c·w)·S_w = (…(S_(W−1)·2^c + S_(W−2))·2^c + …) + S_0.
/// </summary>
internal static class BucketMsm<TCurve, TAffine, TJacobian>
    where TCurve : struct, IMsmCurve<TAffine, TJacobian>
    where TAffine : struct
    where TJacobian : struct
{
    /// <summary>Σ digit(i)·P_i over i in [start, end) for one window, using a per-thread workspace.</summary>
    public delegate TJacobian WindowSum<TWorkspace>(TWorkspace workspace, int window, int start, int end);

    public static TJacobian Run<TWorkspace>(
        SignedDigits digits, int maxThreads, int minPointsPerTask, Func<TWorkspace> createWorkspace, WindowSum<TWorkspace> windowSum)
        where TWorkspace : class
    {
        int n = digits.Count;
        int windows = digits.WindowCount;
        // Windows alone keep the threads busy unless there are more threads than windows; then split the points.
        int ranges = 1;
        if (maxThreads > windows)
        {
            ranges = Math.Clamp((maxThreads + windows - 1) / windows, 1, Math.Max(1, n / Math.Max(1, minPointsPerTask)));
        }
        int rangeLength = (n + ranges - 1) / ranges;
        var partial = new TJacobian[windows * ranges];
        var workspaces = new ConcurrentBag<TWorkspace>();
        Parallel.For(0, partial.Length, new ParallelOptions { MaxDegreeOfParallelism = maxThreads }, task =>
        {
            int window = task / ranges;
            int start = (task % ranges) * rangeLength;
            int end = Math.Min(n, start + rangeLength);
            if (!workspaces.TryTake(out TWorkspace? workspace))
            {
                workspace = createWorkspace();
            }
            partial[task] = start < end ? windowSum(workspace, window, start, end) : TCurve.Infinity;
            workspaces.Add(workspace);
        });
        TJacobian acc = TCurve.Infinity;
        for (int window = windows - 1; window >= 0; window--)
        {
            if (window < windows - 1)
            {
                for (int b = 0; b < digits.WindowBits; b++)
                {
                    TCurve.Double(in acc, out acc);
                }
            }
            for (int r = 0; r < ranges; r++)
            {
                TCurve.Add(in acc, in partial[window * ranges + r], out acc);
            }
        }
        return acc;
    }
}
