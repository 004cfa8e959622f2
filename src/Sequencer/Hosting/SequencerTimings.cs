// SPDX-License-Identifier: MIT
using System.Collections.Concurrent;
using System.Diagnostics;
using System.Text.Json.Nodes;

namespace ZkOptions.Sequencer.Hosting;

/// <summary>
/// Where the sequencing thread's time goes, by kind of work (an input kind, "order+trade" when it traded, "read",
/// "tick", "snapshot"): how many and how many seconds, for GET /metrics. A profile that costs two timestamps a work
/// item, so it is always on.
/// </summary>
public sealed class SequencerTimings
{
    private readonly ConcurrentDictionary<string, Totals> byKind = new();

    /// <summary>Adds one piece of work of <paramref name="kind"/> that started at <paramref name="startedTimestamp"/> (a <see cref="Stopwatch"/> timestamp).</summary>
    public void Add(string kind, long startedTimestamp)
    {
        Totals totals = byKind.GetOrAdd(kind, _ => new Totals());
        Interlocked.Add(ref totals.Ticks, Stopwatch.GetTimestamp() - startedTimestamp);
        Interlocked.Increment(ref totals.Count);
    }

    /// <summary>The figures: { kind: { count, seconds, meanMs } }, kinds in name order.</summary>
    public JsonObject ToJson()
    {
        var o = new JsonObject();
        foreach (var (kind, totals) in byKind.OrderBy(k => k.Key, StringComparer.Ordinal))
        {
            long count = Interlocked.Read(ref totals.Count);
            double seconds = Stopwatch.GetElapsedTime(0, Interlocked.Read(ref totals.Ticks)).TotalSeconds;
            o[kind] = new JsonObject
            {
                ["count"] = count,
                ["seconds"] = Math.Round(seconds, 3),
                ["meanMs"] = count > 0 ? Math.Round(seconds * 1000 / count, 3) : 0,
            };
        }
        return o;
    }

    private sealed class Totals
    {
        public long Ticks;
        public long Count;
    }
}
