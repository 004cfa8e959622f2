// SPDX-License-Identifier: MIT
using System.Numerics;
using ZkOptions.Field;
using ZkOptions.Field.BabyJubjub;
using ZkOptions.Settlement.Engine;
using ZkOptions.Settlement.Instruments;
using ZkOptions.Settlement.Numbers;
using ZkOptions.Settlement.Orders;
using ZkOptions.Settlement.Parameters;
using ZkOptions.Settlement.Risk;
using ZkOptions.Settlement.State;
using ZkOptions.Settlement.Transactions;

namespace ZkOptions.Settlement.Tests.Support;

/// <summary>An exchange on the hand-made epoch, with deterministic keys, for engine tests.</summary>
public sealed class TestExchange
{
    private readonly Dictionary<long, EddsaPrivateKey> keys = [];
    private long nextStorageId = 1;

    public TestExchange(int scenarioCount = 4)
    {
        Oracle = Key(999);
        Parameters = new ExchangeParameters { ScenarioCount = scenarioCount, OraclePublicKey = Oracle.PublicKey, AccountTreeDepth = 4, OrderTreeDepth = 2, SeriesTreeDepth = 3 };
        State = new RollupState(Parameters);
        Queue = new L1Queue();
        Engine = new SettlementEngine(State, Queue);
        Now = HandSeries.Now;
        Deposit(0, 1_000_000); // a top-up of the insurance account, open from genesis
    }

    public EddsaPrivateKey Oracle { get; }

    public ExchangeParameters Parameters { get; }

    public RollupState State { get; }

    public L1Queue Queue { get; }

    public SettlementEngine Engine { get; }

    public long Now { get; set; }

    public List<TransactionResult> Results { get; } = [];

    public static EddsaPrivateKey Key(long seed)
    {
        var bytes = new byte[32];
        BitConverter.TryWriteBytes(bytes, seed);
        bytes[31] = 0x5a;
        return new EddsaPrivateKey(bytes);
    }

    public EddsaPrivateKey KeyOf(long account) => keys.TryGetValue(account, out var k) ? k : keys[account] = Key(account + 1);

    public static BigInteger OwnerOf(long account) => new BigInteger(0xA11CE) * 1_000 + account;

    /// <summary>The key a deposit into <paramref name="account"/> names: the insurance account has none (the identity point).</summary>
    public BabyJubjubPoint KeyFor(long account) => account == Parameters.InsuranceAccount ? BabyJubjubPoint.Identity : KeyOf(account).PublicKey;

    public TransactionResult Apply(Transaction tx)
    {
        TransactionResult r = Engine.Apply(tx, Now);
        Results.Add(r);
        return r;
    }

    public TransactionResult Deposit(long account, long dollars)
    {
        long i = Queue.Enqueue(new L1Operation(L1OperationKind.Deposit, account, OwnerOf(account), Usd.FromDollars(dollars), KeyFor(account)));
        return Apply(new DepositTx(i));
    }

    public OracleEpoch Epoch(IEnumerable<SeriesRisk> series, long timestamp, long? id = null) =>
        new OracleEpoch(id ?? (State.Epoch?.Id ?? 0) + 1, timestamp, new Dictionary<int, Usd> { [1] = Usd.FromDollars(100_000) }, series,
            Parameters.ScenarioCount, Parameters.SeriesTreeDepth).SignedWith(Oracle, Parameters.OracleDomain);

    public void Publish(IEnumerable<SeriesRisk>? series = null)
    {
        Apply(new OracleUpdateTx(Epoch(series ?? HandSeries.All(), Now)));
        foreach (long a in State.Accounts.Keys.ToArray())
        {
            Apply(new RiskRefreshTx(a));
        }
    }

    public SignedOrder Order(long account, SeriesKey series, Side side, long priceDollars, long contracts,
        long? storageId = null, long? validUntil = null, long maxFeePpm = 10_000, long? chainId = null) =>
        new Order(account, series, side, Usd.FromDollars(priceDollars), Quantity.FromContracts(contracts), storageId ?? nextStorageId++,
            validUntil ?? Now + 3_600, new Ppm(maxFeePpm), chainId ?? Parameters.ChainId).SignWith(KeyOf(account));

    /// <summary>Account <paramref name="buyer"/> buys <paramref name="contracts"/> from <paramref name="seller"/> (the maker).</summary>
    public TransactionResult Trade(long buyer, long seller, SeriesKey series, long priceDollars, long contracts)
    {
        SignedOrder maker = Order(seller, series, Side.Sell, priceDollars, contracts);
        SignedOrder taker = Order(buyer, series, Side.Buy, priceDollars, contracts);
        return Apply(new TradeTx(maker, taker, Quantity.FromContracts(contracts)));
    }

    public Account Account(long index) => State.Find(index) ?? throw new InvalidOperationException($"no account {index}");

    public Usd TotalCollateral() => State.Accounts.Values.Aggregate(Usd.Zero, (s, a) => s + a.Collateral);

    /// <summary>Asserts that <paramref name="tx"/> is rejected under <paramref name="rule"/> and leaves the root as it was.</summary>
    public TransactionRejectedException Rejects(Rule rule, Transaction tx)
    {
        Fr root = State.Root;
        var e = Assert.Throws<TransactionRejectedException>(() => Engine.Apply(tx, Now));
        Assert.Equal(rule, e.Rule);
        Assert.StartsWith(rule.Name() + ": ", e.Message);
        Assert.Equal(root, State.Root);
        return e;
    }
}
