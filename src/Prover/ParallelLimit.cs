// SPDX-License-Identifier: MIT
namespace ZkOptions.Prover;

/// <summary>
/// The thread cap (the CLI's <c>--threads</c>) for the parallel loops that take no thread count of their own: reading
/// witnesses, keys and powers of tau, the prover's per-point loops (gate check, permutation, quotient), polynomial
/// evaluation, domain tables and the development SRS. The CPU NTT and MSM engines take their count in their
/// constructors instead.
/// </summary>
/// <remarks>
/// The cap is ambient for the calling flow (an <see cref="AsyncLocal{T}"/>), not a process-wide static, so one run
/// (or one in-process test) never limits another running beside it; tasks a capped flow starts inherit it.
/// </remarks>
public static class ParallelLimit
{
    private static readonly AsyncLocal<int> Cap = new();

    /// <summary>The most threads a loop of the current flow may use, or 0 when no cap is set (all cores).</summary>
    public static int MaxThreads => Cap.Value;

    /// <summary>Options for <c>Parallel.For</c> that honour the current cap (the runtime's default when there is none).</summary>
    public static ParallelOptions Options =>
        Cap.Value > 0 ? new ParallelOptions { MaxDegreeOfParallelism = Cap.Value } : new ParallelOptions();

    /// <summary>
    /// Caps the current flow at <paramref name="threads"/> threads (0 = all cores) until the returned scope is
    /// disposed, which restores the previous cap.
    /// </summary>
    public static IDisposable Apply(int threads)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(threads);
        int previous = Cap.Value;
        Cap.Value = threads;
        return new Restore(previous);
    }

    private sealed class Restore(int previous) : IDisposable
    {
        private bool disposed;

        public void Dispose()
        {
            if (!disposed)
            {
                Cap.Value = previous;
                disposed = true;
            }
        }
    }
}
