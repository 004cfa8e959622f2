// SPDX-License-Identifier: MIT
using System.Numerics;
using ZkOptions.Field.BabyJubjub;
using ZkOptions.Settlement.Batches;
using ZkOptions.Settlement.Engine;
using ZkOptions.Settlement.Instruments;
using ZkOptions.Settlement.Margin;
using ZkOptions.Settlement.Matching;
using ZkOptions.Settlement.Numbers;
using ZkOptions.Settlement.Oracle;
using ZkOptions.Settlement.Orders;
using ZkOptions.Settlement.Parameters;
using ZkOptions.Settlement.Pricing;
using ZkOptions.Settlement.Risk;
using ZkOptions.Settlement.State;
using ZkOptions.Settlement.Transactions;

namespace ZkOptions.Settlement.Simulation;

/// <summary>
/// Runs a scenario through the sequencer and returns its batches. The built-in scenario (the defaults of
/// <see cref="ScenarioSettings"/>) uses every transaction type: deposits from the L1 queue, market makers quoting 28
/// BTC series, a buyer and a short-strangle seller trading, a signed withdrawal, a forced withdrawal, daily risk
/// epochs with refreshes, a crash on day 2 that puts the strangle seller under maintenance (flagged at the end of the
/// batch), Dutch-auction bids by a liquidator, the end of the liquidation, expiry settlement on day 3, and no-op padding.
/// </summary>
public sealed class Simulator
{
    /// <summary>Account roles of the built-in flow.</summary>
    public const long Insurance = 0, MakerA = 1, MakerB = 2, ShortSeller = 3, Buyer = 4, Liquidator = 5, Saver = 6;

    private readonly ScenarioSettings settings;
    private readonly Random rng;
    private readonly EddsaPrivateKey oracleKey = KeyFor(1_000);
    private readonly List<Batch> batches = [];
    private long storageId = 1;
    private long epochId;

    /// <summary>A simulator for <paramref name="settings"/>.</summary>
    public Simulator(ScenarioSettings settings)
    {
        this.settings = settings;
        rng = new Random(settings.Seed);
        Parameters = new ExchangeParameters { OraclePublicKey = oracleKey.PublicKey, ChainId = settings.ChainId, RollupAddress = settings.RollupAddress };
        State = new RollupState(Parameters);
        Queue = new L1Queue();
        Sequencer = new Sequencer(new SettlementEngine(State, Queue)) { MaxTransactionsPerBatch = settings.MaxBatchTransactions, Layout = settings.Layout };
        NearExpiry = settings.Start + 3 * 86_400 + 8 * 3_600;
        FarExpiry = settings.Start + 30 * 86_400 + 8 * 3_600;
        long[] strikes = [80_000, 85_000, 90_000, 95_000, 100_000, 105_000, 110_000];
        Series = [.. from e in new[] { NearExpiry, FarExpiry } from k in strikes from t in new[] { OptionType.Call, OptionType.Put }
                  select new SeriesKey(1, e, k * SeriesKey.StrikeScale, t)];
    }

    /// <summary>The exchange parameters (defaults, with the simulator's oracle key).</summary>
    public ExchangeParameters Parameters { get; }

    /// <summary>The state after the run.</summary>
    public RollupState State { get; }

    /// <summary>The L1 queue.</summary>
    public L1Queue Queue { get; }

    /// <summary>The sequencer (its rejections list what was refused and why).</summary>
    public Sequencer Sequencer { get; }

    /// <summary>Listed series: 7 strikes × call/put × 2 expiries.</summary>
    public IReadOnlyList<SeriesKey> Series { get; }

    /// <summary>Day 3, 08:00 UTC.</summary>
    public long NearExpiry { get; }

    /// <summary>Day 30, 08:00 UTC.</summary>
    public long FarExpiry { get; }

    /// <summary>The deterministic key of account (or oracle) <paramref name="seed"/>.</summary>
    public static EddsaPrivateKey KeyFor(long seed)
    {
        var bytes = new byte[32];
        BitConverter.TryWriteBytes(bytes, seed);
        "zkoptions-sim"u8.CopyTo(bytes.AsSpan(8));
        return new EddsaPrivateKey(bytes);
    }

    /// <summary>The L1 address of an account's owner.</summary>
    public static BigInteger OwnerOf(long account) => (BigInteger.One << 159) + 0x5100 + account;

    /// <summary>
    /// Runs the scenario; returns the sealed batches in order. <paramref name="progress"/> receives the share of the
    /// scenario done (0 to 1): 0 at the start, then after the opening deposits, each day and the expiry settlement.
    /// </summary>
    public IReadOnlyList<Batch> Run(IProgress<double>? progress = null)
    {
        // The opening deposits, each day, and the expiry settlement: the steps progress counts.
        double steps = settings.Days.Count + 2;
        progress?.Report(0);
        long t0 = settings.Start;
        Batch(t0, () =>
        {
            foreach (var (a, amount) in new[] { (Insurance, settings.Insurance), (MakerA, settings.MakerDeposit), (MakerB, settings.MakerDeposit),
                         (ShortSeller, settings.ShortSellerDeposit), (Buyer, settings.BuyerDeposit), (Liquidator, settings.LiquidatorDeposit), (Saver, settings.SaverDeposit) })
            {
                Deposit(a, amount);
            }
            PublishEpoch(0, t0);
        });
        progress?.Report(1 / steps);
        for (int day = 0; day < settings.Days.Count; day++)
        {
            long t = t0 + day * 86_400L + (day == 0 ? 600 : 0);
            int d = day;
            Batch(t, () =>
            {
                if (d > 0)
                {
                    PublishEpoch(d, t);
                }
                Quote(t);
                if (d == 0)
                {
                    OpenPositions(t);
                    SaverFlows();
                }
                RandomFlow(t);
            });
            if (State.Accounts.Values.Any(a => a.IsLiquidating))
            {
                long tl = t + 900;
                Batch(tl, () => Liquidate(tl));
            }
            progress?.Report((day + 2) / steps);
        }
        long settleTime = Math.Max(NearExpiry, t0 + (settings.Days.Count - 1) * 86_400L) + 600;
        if (settleTime - t0 <= 30L * 86_400 && NearExpiry < settleTime)
        {
            Batch(settleTime, () =>
            {
                PublishEpoch(settings.Days.Count - 1, settleTime);
                foreach (Account a in State.Accounts.Values.ToArray())
                {
                    foreach (PositionSlot s in a.Positions.Where(s => s.Series is { } k && k.Expiry <= settleTime).ToArray())
                    {
                        Sequencer.TryApply(new SettleTx(a.Index, s.Series!.Value));
                    }
                }
                Sequencer.TryApply(new NoopTx());
            });
        }
        progress?.Report(1);
        return batches;
    }

    private void Batch(long timestamp, Action body)
    {
        Sequencer.BeginBatch(timestamp);
        body();
        batches.AddRange(Sequencer.SealBatches());
    }

    private void Deposit(long account, Usd amount)
    {
        // The insurance account is open from genesis with no key: a deposit into it is a top-up naming the identity point.
        BabyJubjubPoint key = account == Insurance ? BabyJubjubPoint.Identity : KeyFor(account).PublicKey;
        long i = Queue.Enqueue(new L1Operation(L1OperationKind.Deposit, account, OwnerOf(account), amount, key));
        Sequencer.Apply(new DepositTx(i));
    }

    private void PublishEpoch(int day, long timestamp)
    {
        MarketDay m = settings.Days[Math.Min(day, settings.Days.Count - 1)];
        Usd settlement = settings.Days[Math.Min(3, settings.Days.Count - 1)].Spot;
        var expiries = new[] { NearExpiry, FarExpiry }.Select(e => e <= timestamp
            ? new ExpiryMarket(e, null, settlement)
            : new ExpiryMarket(e, Smile(settings.BaseVol * m.VolMultiplier, (e - timestamp) / (365.0 * 86_400)), null)).ToArray();
        var market = new MarketData(++epochId, timestamp,
            [new UnderlyingMarket(1, m.Spot, 0.03, UnderlyingMarket.DefaultShortChargeRate, expiries, Series)]);
        OracleEpoch epoch = RiskOracle.Compute(market, Parameters).SignedWith(oracleKey, Parameters.OracleDomain);
        Sequencer.Apply(new OracleUpdateTx(epoch));
    }

    /// <summary>A put-skewed SVI smile with at-the-money total variance vol²·T.</summary>
    private static SviParameters Smile(double vol, double years)
    {
        double w = vol * vol * years;
        return new SviParameters(A: 0.9 * w, B: w, Rho: -0.35, M: 0, Sigma: 0.1);
    }

    private Usd Mark(SeriesKey s) => State.Epoch!.Find(s)!.Value.Risk.Mark;

    /// <summary>Both makers post two-sided quotes of 10 contracts around every live series' mark (±3 % and ±5 %).</summary>
    private void Quote(long t)
    {
        foreach (SeriesKey s in Series.Where(s => s.Expiry > t))
        {
            long mark = Mark(s).Micros;
            if (mark < 1_000_000)
            {
                continue;
            }
            foreach (var (maker, spread) in new[] { (MakerA, 3), (MakerB, 5) })
            {
                Submit(maker, s, Side.Buy, Tick(mark * (100 - spread) / 100), Quantity.FromContracts(10), t, restOnly: true);
                Submit(maker, s, Side.Sell, Tick(mark * (100 + spread) / 100), Quantity.FromContracts(10), t, restOnly: true);
            }
        }
    }

    /// <summary>The buyer buys calls; the short seller sells a far strangle as large as initial margin allows.</summary>
    private void OpenPositions(long t)
    {
        SeriesKey nearCall = Series.First(s => s.Expiry == NearExpiry && s.Strike == 100_000 * SeriesKey.StrikeScale && s.Type == OptionType.Call);
        SeriesKey nearPut = Series.First(s => s.Expiry == NearExpiry && s.Strike == 90_000 * SeriesKey.StrikeScale && s.Type == OptionType.Put);
        SeriesKey farPut = Series.First(s => s.Expiry == FarExpiry && s.Strike == 85_000 * SeriesKey.StrikeScale && s.Type == OptionType.Put);
        SeriesKey farCall = Series.First(s => s.Expiry == FarExpiry && s.Strike == 110_000 * SeriesKey.StrikeScale && s.Type == OptionType.Call);
        Submit(Buyer, nearCall, Side.Buy, Tick(Mark(nearCall).Micros * 110 / 100), Quantity.FromContracts(5), t);
        Submit(Buyer, nearPut, Side.Buy, Tick(Mark(nearPut).Micros * 110 / 100), Quantity.FromContracts(4), t);
        foreach (SeriesKey leg in new[] { farPut, farCall, nearPut })
        {
            for (long size = 10; size >= 1; size /= 2)
            {
                if (Submit(ShortSeller, leg, Side.Sell, Tick(Mark(leg).Micros * 90 / 100), Quantity.FromContracts(size), t, immediate: true).Fills.Count > 0)
                {
                    break;
                }
            }
        }
    }

    /// <summary>The saver withdraws with a signature, then asks for a forced withdrawal on L1.</summary>
    private void SaverFlows()
    {
        Usd amount = Usd.FromDollars(5_000);
        Account saver = State.Find(Saver)!;
        var msg = SignedMessages.Withdraw(Saver, amount, OwnerOf(Saver), saver.Nonce, Parameters.ChainId);
        Sequencer.TryApply(new WithdrawTx(Saver, amount, OwnerOf(Saver), saver.Nonce, KeyFor(Saver).Sign(msg)));
        long i = Queue.Enqueue(new L1Operation(L1OperationKind.ForcedWithdraw, Saver, OwnerOf(Saver), Usd.FromDollars(2_000), BabyJubjubPoint.Identity));
        Sequencer.Apply(new ForcedWithdrawTx(i));
    }

    private void RandomFlow(long t)
    {
        SeriesKey[] live = Series.Where(s => s.Expiry > t && Mark(s).Micros >= 1_000_000).ToArray();
        for (int i = 0; i < settings.RandomOrdersPerDay && live.Length > 0; i++)
        {
            long account = new[] { Buyer, MakerA, MakerB }[rng.Next(3)];
            SeriesKey s = live[rng.Next(live.Length)];
            Side side = rng.Next(2) == 0 ? Side.Buy : Side.Sell;
            long limit = Mark(s).Micros * (side == Side.Buy ? 108 : 92) / 100;
            Submit(account, s, side, Tick(limit), new Quantity(rng.Next(1, 30) * 1_000), t, immediate: true);
        }
    }

    /// <summary>The liquidator bids the capped fraction at the schedule price for every account in liquidation, then ends what it can.</summary>
    private void Liquidate(long t)
    {
        foreach (Account victim in State.Accounts.Values.Where(a => a.IsLiquidating).ToArray())
        {
            for (int round = 0; round < 3 && State.Find(victim.Index)!.IsLiquidating; round++)
            {
                Sequencer.RefreshIfStale(victim.Index);
                Sequencer.RefreshIfStale(Liquidator);
                Account v = State.Find(victim.Index)!;
                long cap = LiquidationQuote.For(v, 1, State.Epoch!, Parameters, t).FractionCap;
                if (cap > 0)
                {
                    LiquidationQuote q = LiquidationQuote.For(v, cap, State.Epoch!, Parameters, t);
                    long nonce = State.Find(Liquidator)!.Nonce;
                    var msg = SignedMessages.LiquidationBid(Liquidator, v.Index, cap, q.Price, nonce, Parameters.ChainId);
                    Sequencer.TryApply(new LiquidationBidTx(Liquidator, v.Index, cap, q.Price, nonce, KeyFor(Liquidator).Sign(msg)));
                }
                Sequencer.TryApply(new LiquidationEndTx(v.Index));
            }
        }
    }

    private SubmitOutcome Submit(long account, SeriesKey s, Side side, Usd limit, Quantity amount, long t, bool immediate = false, bool restOnly = false)
    {
        var order = new Order(account, s, side, limit, amount, storageId++, t + 3_000, new Ppm(10_000), Parameters.ChainId).SignWith(KeyFor(account));
        if (restOnly)
        {
            Sequencer.Rest(order);
            return new SubmitOutcome([], amount, []);
        }
        return Sequencer.Submit(order, immediate);
    }

    private static Usd Tick(long micros) => new(Math.Max(10_000, micros / 10_000 * 10_000)); // 1-cent ticks
}
