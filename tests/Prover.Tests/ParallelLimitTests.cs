// SPDX-License-Identifier: MIT
namespace ZkOptions.Prover.Tests;

/// <summary>--threads reaches the loops outside the engines through <see cref="ParallelLimit"/>.</summary>
public sealed class ParallelLimitTests
{
    /// <summary>The most loop bodies that ran at the same time (each body lingers so that overlap is visible).</summary>
    private static int PeakConcurrency(ParallelOptions options)
    {
        int running = 0, peak = 0;
        Parallel.For(0, 32, options, _ =>
        {
            int now = Interlocked.Increment(ref running);
            int seen;
            while ((seen = Volatile.Read(ref peak)) < now && Interlocked.CompareExchange(ref peak, now, seen) != seen)
            {
            }
            Thread.Sleep(5);
            Interlocked.Decrement(ref running);
        });
        return peak;
    }

    [Fact]
    public void A_cap_of_one_runs_the_loop_on_one_thread_and_lifting_it_restores_the_default()
    {
        Assert.Equal(0, ParallelLimit.MaxThreads);
        using (ParallelLimit.Apply(1))
        {
            Assert.Equal(1, ParallelLimit.MaxThreads);
            Assert.Equal(1, PeakConcurrency(ParallelLimit.Options));
            using (ParallelLimit.Apply(0))
            {
                Assert.Equal(-1, ParallelLimit.Options.MaxDegreeOfParallelism); // 0 = all cores: the runtime's default
            }
            Assert.Equal(1, ParallelLimit.MaxThreads);
        }
        Assert.Equal(0, ParallelLimit.MaxThreads);
        Assert.Equal(-1, ParallelLimit.Options.MaxDegreeOfParallelism);
    }

    [Fact]
    public async Task The_cap_belongs_to_its_flow_and_does_not_limit_runs_beside_it()
    {
        var capped = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        // Started before the cap, it reads the cap only after the cap is set: it must still see none.
        Task<int> beside = Task.Run(async () =>
        {
            await capped.Task;
            return ParallelLimit.MaxThreads;
        });
        using (ParallelLimit.Apply(2))
        {
            capped.SetResult();
            Assert.Equal(0, await beside);
            // Tasks started inside the capped flow inherit the cap.
            Assert.Equal(2, await Task.Run(() => ParallelLimit.MaxThreads));
        }
    }

    [Fact]
    public void A_negative_cap_is_refused()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => ParallelLimit.Apply(-1));
    }
}
