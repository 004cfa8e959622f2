// SPDX-License-Identifier: MIT
namespace ZkOptions.Bench;

/// <summary>
/// Samples /proc/self/status every few milliseconds and keeps the peaks of anonymous memory (heap, stacks: what must
/// fit in RAM) and of file-backed memory (a mapped proving key's pages, which the kernel can drop and read again),
/// overall and per phase (<see cref="Mark"/> closes a phase). /usr/bin/time's peak RSS is the sum's peak, for the
/// whole process.
/// </summary>
internal sealed class MemorySampler : IDisposable
{
    private readonly Thread thread;
    private readonly Dictionary<string, long> phases = [];
    private volatile bool stopped;
    private long phaseAnon, peakAnon, peakFile, peakTotal;

    public MemorySampler()
    {
        thread = new Thread(Run) { IsBackground = true, Name = "memory sampler" };
        thread.Start();
    }

    /// <summary>Peak anonymous memory in MB since the sampler started.</summary>
    public long PeakAnonMB => Interlocked.Read(ref peakAnon) >> 10;

    /// <summary>Peak file-backed memory in MB.</summary>
    public long PeakFileMB => Interlocked.Read(ref peakFile) >> 10;

    /// <summary>Peak of their sum in MB.</summary>
    public long PeakTotalMB => Interlocked.Read(ref peakTotal) >> 10;

    /// <summary>Each phase's peak anonymous memory in MB.</summary>
    public IReadOnlyDictionary<string, long> PhasePeaksMB
    {
        get
        {
            lock (phases)
            {
                return phases.ToDictionary(p => p.Key, p => p.Value >> 10);
            }
        }
    }

    /// <summary>Ends the phase <paramref name="name"/>: its peak is the peak since the last mark.</summary>
    public void Mark(string name)
    {
        Sample();
        lock (phases)
        {
            phases[name] = Interlocked.Exchange(ref phaseAnon, 0);
        }
    }

    private void Run()
    {
        while (!stopped)
        {
            Sample();
            Thread.Sleep(5);
        }
    }

    private void Sample()
    {
        long anon = 0, file = 0;
        foreach (var line in File.ReadLines("/proc/self/status"))
        {
            if (line.StartsWith("RssAnon:", StringComparison.Ordinal))
            {
                anon = Kilobytes(line);
            }
            else if (line.StartsWith("RssFile:", StringComparison.Ordinal))
            {
                file = Kilobytes(line);
            }
        }
        Max(ref phaseAnon, anon);
        Max(ref peakAnon, anon);
        Max(ref peakFile, file);
        Max(ref peakTotal, anon + file);
    }

    private static long Kilobytes(string line) => long.Parse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1]);

    private static void Max(ref long target, long value)
    {
        long current;
        while (value > (current = Interlocked.Read(ref target)) && Interlocked.CompareExchange(ref target, value, current) != current)
        {
        }
    }

    public void Dispose()
    {
        stopped = true;
        thread.Join();
    }
}
