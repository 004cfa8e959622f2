// SPDX-License-Identifier: MIT
using System.Runtime.CompilerServices;
using System.Threading.Channels;

namespace ZkOptions.Sequencer.Threading;

/// <summary>
/// Blocks a dedicated thread (the sequencing thread, the journal writer) until its channel has something to read,
/// without spinning first: a blocking wait on a task spins for a while before it sleeps, and on two shared cores that
/// spinning, at every gap in the work, took CPU from the request threads and the batch files (about a tenth of a
/// core each in a profile of <c>bench/sequencer/run.sh</c>).
/// </summary>
public sealed class ChannelWaiter<T>(ChannelReader<T> reader) : IDisposable
{
    private readonly ManualResetEventSlim ready = new(false, spinCount: 0);

    /// <summary>True when something can be read; false once the channel is completed and empty.</summary>
    public bool WaitToRead()
    {
        ValueTask<bool> wait = reader.WaitToReadAsync();
        if (!wait.IsCompleted)
        {
            ready.Reset();
            ValueTaskAwaiter<bool> awaiter = wait.GetAwaiter();
            awaiter.UnsafeOnCompleted(ready.Set);
            ready.Wait();
            return awaiter.GetResult();
        }
        return wait.GetAwaiter().GetResult();
    }

    /// <inheritdoc/>
    public void Dispose() => ready.Dispose();
}
