// SPDX-License-Identifier: MIT
using ZkOptions.Settlement.Parameters;

namespace ZkOptions.Sequencer.Hosting;

/// <summary>How a sequencer runs.</summary>
public sealed record ServiceOptions
{
    /// <summary>The data directory: the SQLite journal, batch files, the lock file.</summary>
    public required string DataDirectory { get; init; }

    /// <summary>The parameters of a new journal (an existing journal keeps its own; a different set is refused).</summary>
    public required ExchangeParameters Parameters { get; init; }

    /// <summary>The most transactions a batch holds (the N of the batch-N circuit that proves it).</summary>
    public int MaxBatchTransactions { get; init; } = 256;

    /// <summary>A batch holding transactions is cut once its oldest is this old.</summary>
    public TimeSpan MaxBatchAge { get; init; } = TimeSpan.FromSeconds(1);

    /// <summary>The clock (unix seconds); read only on the sequencing thread, and journaled in every cut.</summary>
    public Func<long> Clock { get; init; } = () => DateTimeOffset.UtcNow.ToUnixTimeSeconds();

    /// <summary>
    /// Orders (new and replacements) one account may send per second, with bursts of twice as many (a token bucket);
    /// 0 for no limit. Cancels are never limited: a venue must never refuse a market maker's way out.
    /// </summary>
    public int OrdersPerSecondPerAccount { get; init; } = 1_000;

    /// <summary>
    /// Whether the exchange is written to <c>DIR/snapshot.json</c> at each sealed batch (skipping a batch while the
    /// previous snapshot is still being written) and loaded at start, so a restart replays only the journal after it.
    /// </summary>
    public bool Snapshots { get; init; } = true;

    /// <summary>The bearer token of the operator endpoints.</summary>
    public required string OperatorToken { get; init; }
}
