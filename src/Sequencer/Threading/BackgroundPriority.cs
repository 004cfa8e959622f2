// SPDX-License-Identifier: MIT
using System.Runtime.InteropServices;

namespace ZkOptions.Sequencer.Threading;

/// <summary>
/// Lowers the calling thread's scheduling priority (Linux nice 10) for work that no acknowledgement waits for —
/// batch files and snapshots — so that when the cores are short the sequencing thread, the journal writer and the
/// request threads run first and the files catch up in the gaps. Elsewhere, or where the call fails, it does nothing:
/// a priority is a preference, never a condition of correctness.
/// </summary>
public static partial class BackgroundPriority
{
    private const int PriorityProcess = 0; // PRIO_PROCESS: on Linux, with a thread id, that thread alone
    private const int Nice = 10;

    /// <summary>Lowers the calling thread's priority; true when it did.</summary>
    public static bool LowerCurrentThread()
    {
        if (!OperatingSystem.IsLinux())
        {
            return false;
        }
        try
        {
            return SetPriority(PriorityProcess, GetThreadId(), Nice) == 0;
        }
        catch (Exception e) when (e is DllNotFoundException or EntryPointNotFoundException)
        {
            return false;
        }
    }

    [DllImport("libc", EntryPoint = "gettid")]
    private static extern int GetThreadId();

    [DllImport("libc", EntryPoint = "setpriority", SetLastError = true)]
    private static extern int SetPriority(int which, int who, int priority);
}
