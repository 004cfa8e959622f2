// SPDX-License-Identifier: MIT
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using ZkOptions.Field.BabyJubjub;
using ZkOptions.Sequencer.Client;
using ZkOptions.Sequencer.Hosting;
using ZkOptions.Settlement.Numbers;

namespace ZkOptions.Sequencer.Tests;

/// <summary>
/// A sequencer on a loopback port over a SQLite journal in a temporary directory, with a clock the test moves, the
/// development oracle, and a client. Restart keeps the directory; Dispose stops the service and deletes it.
/// </summary>
public sealed class RunningSequencer : IAsyncDisposable
{
    public const string Token = "test-operator-token";

    /// <summary>2026-01-01 00:00 UTC.</summary>
    public const long Start = 1_767_225_600;

    private readonly bool ownsDirectory;
    private SequencerHost? host;

    private RunningSequencer(string directory, bool ownsDirectory, int maxBatch, TimeSpan maxBatchAge)
    {
        MaxBatchAge = maxBatchAge;
        Directory = directory;
        this.ownsDirectory = ownsDirectory;
        MaxBatch = maxBatch;
        Market = new DemoMarket(DevelopmentOracle.Parameters, DevelopmentOracle.Key, Start);
    }

    public string Directory { get; }

    public int MaxBatch { get; }

    public TimeSpan MaxBatchAge { get; }

    /// <summary>Orders per second per account (0: no limit).</summary>
    public int OrderRateLimit { get; set; } = 1_000;

    /// <summary>The PostgreSQL connection string of the journal, or null for SQLite in the directory.</summary>
    public string? Postgres { get; private init; }

    /// <summary>The clock the service reads (unix seconds).</summary>
    public long Now { get; set; } = Start;

    public DemoMarket Market { get; }

    public SequencerClient Client { get; private set; } = null!;

    public SequencerHost Host => host!;

    /// <summary>Starts a sequencer; <paramref name="maxBatchAgeMs"/> is the age cut (default: long enough that only the test's clock cuts).</summary>
    /// <paramref name="postgres"/>: keep the journal in this PostgreSQL database instead of SQLite.
    public static async Task<RunningSequencer> StartAsync(string? directory = null, int maxBatch = 256, int maxBatchAgeMs = 3_600_000, string? postgres = null)
    {
        var s = new RunningSequencer(directory ?? Path.Combine(Path.GetTempPath(), "zko-seq-" + Guid.NewGuid().ToString("N")), directory is null, maxBatch,
            TimeSpan.FromMilliseconds(maxBatchAgeMs)) { Postgres = postgres };
        await s.StartServiceAsync();
        return s;
    }

    public static EddsaPrivateKey KeyFor(long account)
    {
        var bytes = new byte[32];
        BitConverter.TryWriteBytes(bytes, account);
        "zkoptions-test"u8.CopyTo(bytes.AsSpan(8));
        return new EddsaPrivateKey(bytes);
    }

    public async Task StartServiceAsync()
    {
        var options = new ServiceOptions
        {
            DataDirectory = Directory,
            Parameters = DevelopmentOracle.Parameters,
            OperatorToken = Token,
            MaxBatchTransactions = MaxBatch,
            MaxBatchAge = MaxBatchAge,
            OrdersPerSecondPerAccount = OrderRateLimit,
            Clock = () => Now,
        };
        host = SequencerHost.Create(options, ["http://127.0.0.1:0"], Postgres is { } pg ? () => new Journal.PostgresJournalStore(pg) : null);
        await host.App.StartAsync();
        string url = host.App.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        Client = new SequencerClient(new HttpClient { BaseAddress = new Uri(url) }, host.Service.Parameters, Token);
    }

    public async Task StopServiceAsync()
    {
        if (host is not null)
        {
            Client.Http.Dispose();
            await host.App.StopAsync();
            await host.DisposeAsync();
            host = null;
        }
    }

    public async Task RestartAsync()
    {
        await StopServiceAsync();
        await StartServiceAsync();
    }

    /// <summary>Opens accounts 1 … <paramref name="count"/> with <paramref name="dollars"/> each and publishes epoch 1 at the current time.</summary>
    public async Task FundAndListAsync(int count, long dollars = 1_000_000)
    {
        long queueIndex = await Client.NextQueueIndex();
        for (long a = 1; a <= count; a++)
        {
            Reply r = await Client.Deposit(queueIndex++, a, KeyFor(a).PublicKey, Usd.FromDollars(dollars));
            Assert.True(r.Ok, r.Body.ToJsonString());
        }
        Reply e = await Client.PublishEpoch(Market.Epoch(1, Now));
        Assert.True(e.Ok, e.Body.ToJsonString());
    }

    public async ValueTask DisposeAsync()
    {
        await StopServiceAsync();
        if (ownsDirectory && System.IO.Directory.Exists(Directory))
        {
            System.IO.Directory.Delete(Directory, recursive: true);
        }
    }
}
