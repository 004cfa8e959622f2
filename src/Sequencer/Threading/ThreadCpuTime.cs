// SPDX-License-Identifier: MIT
using System.Runtime.InteropServices;

namespace ZkOptions.Sequencer.Threading;

/// <summary>
/// The CPU time the calling thread has used (Linux <c>CLOCK_THREAD_CPUTIME_ID</c>), so a profile on a shared machine
/// can tell the work's own cost from the time it waited for a core; zero elsewhere.
/// </summary>
public static class ThreadCpuTime
{
    private const int ClockThreadCpuTime = 3; // CLOCK_THREAD_CPUTIME_ID

    private static readonly bool Available = OperatingSystem.IsLinux() && Probe();

    /// <summary>The calling thread's CPU time in nanoseconds (0 where it cannot be read).</summary>
    public static long Nanoseconds() =>
        Available && ClockGetTime(ClockThreadCpuTime, out TimeSpec t) == 0 ? t.Seconds * 1_000_000_000 + t.Nanoseconds : 0;

    private static bool Probe()
    {
        try
        {
            return ClockGetTime(ClockThreadCpuTime, out _) == 0;
        }
        catch (Exception e) when (e is DllNotFoundException or EntryPointNotFoundException)
        {
            return false;
        }
    }

    [StructLayout(LayoutKind.Sequential)]
    private struct TimeSpec
    {
        public long Seconds;
        public long Nanoseconds;
    }

    [DllImport("libc", EntryPoint = "clock_gettime")]
    private static extern int ClockGetTime(int clock, out TimeSpec time);
}
