// SPDX-License-Identifier: MIT
using System.Collections.Concurrent;
using System.Diagnostics;
using System.Text.Json.Nodes;
using ZkOptions.Sequencer.Threading;

namespace ZkOptions.Sequencer.Hosting;

/// <summary>
/// Where the sequencing thread's time goes, by kind of work (an input kind, "order+trade" when it traded, "read",
/// "tick", "snapshot"): how many, how many seconds of wall time, and how many of CPU time (on a shared machine the
/// difference is the time the thread waited for a core), for GET /metrics. A profile that costs two timestamps and
/// two clock reads a work item, so it is always on.
/// </summary>
public sealed class SequencerTimings
{
    private readonly ConcurrentDictionary<string, Totals> byKind = new();

    /// <summary>
    /// Adds one piece of work of <paramref name="kind"/>, done on the calling thread, that started at
    /// <paramref name="started"/> (from <see cref="Start"/>).
    /// </summary>
    public void Add(string kind, (long Timestamp, long CpuNanoseconds) started)
    {
        Totals totals = byKind.GetOrAdd(kind, _ => new Totals());
        Interlocked.Add(ref totals.Ticks, Stopwatch.GetTimestamp() - started.Timestamp);
        Interlocked.Add(ref totals.CpuNanoseconds, ThreadCpuTime.Nanoseconds() - started.CpuNanoseconds);
        Interlocked.Increment(ref totals.Count);
    }

    /// <summary>The moment a piece of work starts, for <see cref="Add"/>.</summary>
    public static (long Timestamp, long CpuNanoseconds) Start() => (Stopwatch.GetTimestamp(), ThreadCpuTime.Nanoseconds());

    /// <summary>The figures: { kind: { count, seconds, meanMs } }, kinds in name order.</summary>
    public JsonObject ToJson()
    {
        var o = new JsonObject();
        foreach (var (kind, totals) in byKind.OrderBy(k => k.Key, StringComparer.Ordinal))
        {
            long count = Interlocked.Read(ref totals.Count);
            double seconds = Stopwatch.GetElapsedTime(0, Interlocked.Read(ref totals.Ticks)).TotalSeconds;
            double cpuSeconds = Interlocked.Read(ref totals.CpuNanoseconds) / 1e9;
            o[kind] = new JsonObject
            {
                ["count"] = count,
                ["seconds"] = Math.Round(seconds, 3),
                ["meanMs"] = count > 0 ? Math.Round(seconds * 1000 / count, 3) : 0,
                ["cpuSeconds"] = Math.Round(cpuSeconds, 3),
                ["meanCpuMs"] = count > 0 ? Math.Round(cpuSeconds * 1000 / count, 3) : 0,
            };
        }
        return o;
    }

    private sealed class Totals
    {
        public long Ticks;
        public long CpuNanoseconds;
        public long Count;
    }
}
