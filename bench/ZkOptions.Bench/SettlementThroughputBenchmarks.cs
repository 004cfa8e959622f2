// SPDX-License-Identifier: MIT
using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Engines;
using ZkOptions.Field.BabyJubjub;
using ZkOptions.Settlement.Engine;
using ZkOptions.Settlement.Instruments;
using ZkOptions.Settlement.Matching;
using ZkOptions.Settlement.Numbers;
using ZkOptions.Settlement.Oracle;
using ZkOptions.Settlement.Orders;
using ZkOptions.Settlement.Parameters;
using ZkOptions.Settlement.Pricing;
using ZkOptions.Settlement.Simulation;
using ZkOptions.Settlement.State;
using ZkOptions.Settlement.Transactions;

namespace ZkOptions.Bench;

/// <summary>
/// Trades per second through the sequencer: <see cref="Trades"/> taker orders, each matching one resting maker
/// order (price-time priority), each fill checked in full — two EdDSA-Poseidon signatures, order-slot updates,
/// incremental scenario losses (S = 16) and portfolio margin for both accounts. With <see cref="StateRoots"/> the
/// account leaves and the quaternary account tree (depth 8) are re-hashed after every trade, as batches need;
/// without, the leaves are hashed once when the root is read. Orders are signed in the setup, not measured.
/// Trades per second = Trades / median.
/// </summary>
[Config(typeof(BenchConfig))]
[SimpleJob(RunStrategy.Monitoring, warmupCount: 1, iterationCount: 7, id: "monitoring")]
public class SettlementThroughputBenchmarks
{
    public const int Trades = 200;
    private const int Accounts = 40;

    private Sequencer sequencer = null!;
    private SignedOrder[] takers = null!;

    [Params(true, false)]
    public bool StateRoots { get; set; }

    [IterationSetup]
    public void Setup()
    {
        EddsaPrivateKey oracle = Simulator.KeyFor(1_000);
        var p = new ExchangeParameters { OraclePublicKey = oracle.PublicKey };
        var state = new RollupState(p, trackRoots: StateRoots);
        var queue = new L1Queue();
        sequencer = new Sequencer(new SettlementEngine(state, queue));
        long t = 1_767_225_600;
        long expiry = t + 30 * 86_400;
        SeriesKey[] series = [.. new long[] { 90_000, 95_000, 100_000, 105_000 }.SelectMany(k => new[]
            { new SeriesKey(1, expiry, k * SeriesKey.StrikeScale, OptionType.Call), new SeriesKey(1, expiry, k * SeriesKey.StrikeScale, OptionType.Put) })];
        var market = new MarketData(1, t, [new UnderlyingMarket(1, Usd.FromDollars(95_000), 0.03, UnderlyingMarket.DefaultShortChargeRate,
            [new ExpiryMarket(expiry, new SviParameters(0.02, 0.025, -0.35, 0, 0.1), null)], series)]);
        sequencer.BeginBatch(t);
        for (long a = 1; a <= Accounts; a++)   // account 0 is the insurance fund, open from genesis
        {
            long i = queue.Enqueue(new L1Operation(L1OperationKind.Deposit, a, Simulator.OwnerOf(a), Usd.FromDollars(10_000_000), Simulator.KeyFor(a).PublicKey));
            sequencer.Apply(new DepositTx(i));
        }
        sequencer.Apply(new OracleUpdateTx(RiskOracle.Compute(market, p).SignedWith(oracle, p.OracleDomain)));
        var rng = new Random(5);
        takers = new SignedOrder[Trades];
        long storage = 1;
        for (int n = 0; n < Trades; n++)
        {
            SeriesKey s = series[rng.Next(series.Length)];
            long maker = 1 + rng.Next(Accounts / 2), taker = 1 + Accounts / 2 + rng.Next(Accounts / 2);
            Usd price = new(state.Epoch!.Find(s)!.Value.Risk.Mark.Micros / 10_000 * 10_000 + 10_000);
            var q = Quantity.FromContracts(1 + rng.Next(3));
            var m = new Order(maker, s, Side.Sell, price, q, storage++, t + 3_600, new Ppm(10_000), p.ChainId).SignWith(Simulator.KeyFor(maker));
            sequencer.Rest(m);
            takers[n] = new Order(taker, s, Side.Buy, price, q, storage++, t + 3_600, new Ppm(10_000), p.ChainId).SignWith(Simulator.KeyFor(taker));
        }
        foreach (long a in state.Accounts.Keys)
        {
            sequencer.RefreshIfStale(a);
        }
    }

    [Benchmark]
    public int MatchAndMargin()
    {
        int fills = 0;
        foreach (SignedOrder o in takers)
        {
            fills += sequencer.Submit(o, immediateOrCancel: true).Fills.Count;
        }
        _ = sequencer.Engine.State.Root;
        if (fills != Trades)
        {
            throw new InvalidOperationException($"{fills} of {Trades} orders filled: {string.Join("; ", sequencer.Rejections.Take(3))}");
        }
        return fills;
    }
}
