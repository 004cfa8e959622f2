// SPDX-License-Identifier: MIT
using System.Runtime.InteropServices;

namespace ZkOptions.Prover.Engines.Cpu;

/// <summary>The loop helpers of the CPU transforms: a bounded parallel for, optionally with a per-worker buffer.</summary>
internal static unsafe class NttParallel
{
    /// <summary>Runs body(0 … count−1) on up to <paramref name="threads"/> threads (inline when one suffices).</summary>
    internal static void For(int count, int threads, Action<int> body)
    {
        if (threads <= 1 || count <= 1)
        {
            for (int i = 0; i < count; i++)
            {
                body(i);
            }
            return;
        }
        Parallel.For(0, count, new ParallelOptions { MaxDegreeOfParallelism = threads }, body);
    }

    /// <summary>
    /// As <see cref="For"/>, and hands each worker its own 64-byte-aligned native buffer of
    /// <paramref name="bufferBytes"/> bytes (aligned so that 512-bit loads never split a cache line).
    /// </summary>
    internal static void ForWithBuffer(int count, int threads, nuint bufferBytes, Action<int, IntPtr> body)
    {
        if (threads <= 1 || count <= 1)
        {
            void* buffer = NativeMemory.AlignedAlloc(bufferBytes, 64);
            try
            {
                for (int i = 0; i < count; i++)
                {
                    body(i, (IntPtr)buffer);
                }
            }
            finally
            {
                NativeMemory.AlignedFree(buffer);
            }
            return;
        }
        Parallel.For(0, count, new ParallelOptions { MaxDegreeOfParallelism = threads },
            () => (IntPtr)NativeMemory.AlignedAlloc(bufferBytes, 64),
            (i, _, buffer) =>
            {
                body(i, buffer);
                return buffer;
            },
            buffer => NativeMemory.AlignedFree((void*)buffer));
    }
}
