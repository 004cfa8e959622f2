// SPDX-License-Identifier: MIT
using System.Threading.Channels;
using ZkOptions.Sequencer.Threading;

namespace ZkOptions.Sequencer.Journal;

/// <summary>
/// Makes journal entries durable in groups: the sequencing thread hands over entries in sequence, this thread
/// appends everything waiting in one transaction, and only then completes each entry's task, which is what lets the
/// API send the acknowledgement. A barrier (no entry) completes once everything handed over before it is durable.
/// A store failure is fatal: no later acknowledgement can be given, so every waiter fails and the writer stops.
/// </summary>
public sealed class GroupCommitWriter : IDisposable
{
    private const int MaxGroup = 4_096;

    private readonly IJournalStore store;
    private readonly Channel<(JournalEntry? Entry, TaskCompletionSource Done)> queue =
        Channel.CreateUnbounded<(JournalEntry?, TaskCompletionSource)>(new UnboundedChannelOptions { SingleReader = true, SingleWriter = true });
    private readonly Thread thread;

    /// <summary>Starts the writer over <paramref name="store"/>.</summary>
    public GroupCommitWriter(IJournalStore store)
    {
        this.store = store;
        thread = new Thread(Run) { Name = "journal writer", IsBackground = true };
        thread.Start();
    }

    /// <summary>Commits so far (groups), for the figures.</summary>
    public long Commits { get; private set; }

    /// <summary>Seconds spent appending (the fsyncs included), for the figures.</summary>
    public double BusySeconds { get; private set; }

    /// <summary>The error that stopped the writer, or null.</summary>
    public Exception? Failure { get; private set; }

    /// <summary>Queues <paramref name="entry"/>; the task completes when it is durable.</summary>
    public Task Append(JournalEntry entry) => Enqueue(entry);

    /// <summary>A task that completes when everything queued so far is durable.</summary>
    public Task Barrier() => Enqueue(null);

    private Task Enqueue(JournalEntry? entry)
    {
        var done = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        if (Failure is { } f)
        {
            done.SetException(new InvalidOperationException("the journal writer has stopped", f));
        }
        else if (!queue.Writer.TryWrite((entry, done)))
        {
            done.SetException(new InvalidOperationException("the journal writer is closed"));
        }
        return done.Task;
    }

    private void Run()
    {
        var group = new List<(JournalEntry? Entry, TaskCompletionSource Done)>();
        var entries = new List<JournalEntry>();
        ChannelReader<(JournalEntry?, TaskCompletionSource)> reader = queue.Reader;
        using var waiter = new ChannelWaiter<(JournalEntry?, TaskCompletionSource)>(reader);
        while (waiter.WaitToRead())
        {
            group.Clear();
            entries.Clear();
            while (group.Count < MaxGroup && reader.TryRead(out var item))
            {
                group.Add(item);
                if (item.Item1 is { } e)
                {
                    entries.Add(e);
                }
            }
            try
            {
                if (entries.Count > 0)
                {
                    long started = System.Diagnostics.Stopwatch.GetTimestamp();
                    store.Append(entries);
                    BusySeconds += System.Diagnostics.Stopwatch.GetElapsedTime(started).TotalSeconds;
                    Commits++;
                }
            }
            catch (Exception ex)
            {
                Failure = ex;
                queue.Writer.TryComplete(ex);
                foreach (var (_, done) in group)
                {
                    done.TrySetException(ex);
                }
                while (reader.TryRead(out var rest))
                {
                    rest.Item2.TrySetException(ex);
                }
                return;
            }
            foreach (var (_, done) in group)
            {
                done.TrySetResult();
            }
        }
    }

    /// <summary>Stops taking entries, writes what is queued, and waits for the thread.</summary>
    public void Dispose()
    {
        queue.Writer.TryComplete();
        thread.Join();
    }
}
