// SPDX-License-Identifier: MIT
using ZkOptions.Settlement.Numbers;
using ZkOptions.Settlement.Serialization;
using System.Text.Json.Nodes;

namespace ZkOptions.Settlement.Simulation;

/// <summary>One day of the scenario's market: BTC spot and a multiplier on every implied vol.</summary>
public sealed record MarketDay(Usd Spot, double VolMultiplier);

/// <summary>
/// What <c>zkoptions simulate --scenario F</c> reads (every field optional; the defaults are the built-in
/// scenario): the start time, the BTC spot path one day per entry (the default has a crash on day 2), the
/// accounts' deposits, how many random orders each day adds, and the random seed.
/// </summary>
public sealed record ScenarioSettings
{
    /// <summary>Unix seconds of day 0 (2026-01-01 00:00 UTC).</summary>
    public long Start { get; init; } = 1_767_225_600;

    /// <summary>Spot and vol per day; the near expiry is day 3 at 08:00 UTC.</summary>
    public IReadOnlyList<MarketDay> Days { get; init; } =
    [
        new(Usd.FromDollars(95_000), 1.0), new(Usd.FromDollars(96_500), 1.0), new(Usd.FromDollars(76_000), 1.7), new(Usd.FromDollars(78_500), 1.4),
    ];

    /// <summary>Base implied vol (the smile's at-the-money level before the day's multiplier).</summary>
    public double BaseVol { get; init; } = 0.55;

    /// <summary>Deposit of the insurance account (index 0).</summary>
    public Usd Insurance { get; init; } = Usd.FromDollars(1_000_000);

    /// <summary>Deposits of the two market makers (accounts 1 and 2).</summary>
    public Usd MakerDeposit { get; init; } = Usd.FromDollars(2_000_000);

    /// <summary>Deposit of the short-strangle seller (account 3), the account the crash liquidates.</summary>
    public Usd ShortSellerDeposit { get; init; } = Usd.FromDollars(150_000);

    /// <summary>Deposit of the option buyer (account 4).</summary>
    public Usd BuyerDeposit { get; init; } = Usd.FromDollars(200_000);

    /// <summary>Deposit of the liquidator (account 5).</summary>
    public Usd LiquidatorDeposit { get; init; } = Usd.FromDollars(3_000_000);

    /// <summary>Deposit of the saver (account 6), who withdraws and forces a withdrawal.</summary>
    public Usd SaverDeposit { get; init; } = Usd.FromDollars(25_000);

    /// <summary>Random taker orders per day from the makers and the buyer.</summary>
    public int RandomOrdersPerDay { get; init; } = 12;

    /// <summary>
    /// The most transactions per batch (the slot count N of the batch-N circuit that will prove them), or null for no
    /// cap. A full batch is sealed and the same moment goes on in the next batch.
    /// </summary>
    public int? MaxBatchTransactions { get; init; }

    /// <summary>
    /// The slots of the batch circuit that will prove the batches (<c>batch-T-G</c>), or null: a batch is sealed when
    /// its next transaction has no slot left (a trade takes any slot, anything else a general one). It needs at
    /// least one general slot, and takes precedence over <see cref="MaxBatchTransactions"/>.
    /// </summary>
    public Batches.BatchLayout? Layout { get; init; }

    /// <summary>Seed of the random order flow.</summary>
    public int Seed { get; init; } = 7;

    /// <summary>The chain the batches are for (orders and the oracle sign it).</summary>
    public long ChainId { get; init; } = new Parameters.ExchangeParameters().ChainId;

    /// <summary>The rollup contract the batches are for: the oracle signs every epoch for it (0 until one is deployed).</summary>
    public System.Numerics.BigInteger RollupAddress { get; init; }

    /// <summary>Reads a scenario file.</summary>
    public static ScenarioSettings Read(string path)
    {
        return Parse(JsonFields.ReadText(path), path);
    }

    /// <summary>Parses scenario JSON; errors name <paramref name="source"/> and the field.</summary>
    public static ScenarioSettings Parse(string text, string source)
    {
        var json = new JsonFields(source);
        JsonObject o = json.ParseObject(text);
        var d = new ScenarioSettings();
        Usd Dollars(string name, Usd fallback)
        {
            if (o[name] is null)
            {
                return fallback;
            }
            try
            {
                Usd u = Usd.ParseDollars(json.String(o, name));
                return u.Micros > 0 ? u : throw json.Fail($"{name} must be positive");
            }
            catch (FormatException e) when (e is not SettlementInputException)
            {
                throw json.Fail($"{name}: {e.Message}");
            }
        }
        IReadOnlyList<MarketDay> days = d.Days;
        if (o["days"] is not null)
        {
            JsonArray arr = json.Array(o, "days");
            if (arr.Count is < 2 or > 30)
            {
                throw json.Fail($"days has {arr.Count} entries; give 2 … 30 (the near expiry is day 3 at 08:00 when there are 4 or more)");
            }
            var list = new List<MarketDay>();
            for (int i = 0; i < arr.Count; i++)
            {
                JsonObject day = arr[i] as JsonObject ?? throw json.Fail($"days[{i}] must be an object");
                Usd spot;
                try
                {
                    spot = Usd.ParseDollars(json.String(day, "spot"));
                }
                catch (FormatException e) when (e is not SettlementInputException)
                {
                    throw json.Fail($"days[{i}].spot: {e.Message}");
                }
                if (spot.Micros <= 0)
                {
                    throw json.Fail($"days[{i}].spot must be positive");
                }
                double vm = day["volMultiplier"] is null ? 1.0 : json.Double(day, "volMultiplier", 0.1, 10);
                list.Add(new MarketDay(spot, vm));
            }
            days = list;
        }
        return new ScenarioSettings
        {
            Start = json.OptionalLong(o, "start", d.Start, 1_000_000_000, 4_000_000_000),
            MaxBatchTransactions = o["maxBatchTransactions"] is null ? null : (int)json.Long(o, "maxBatchTransactions", 1, 4096),
            Layout = o["batchLayout"] is null ? null : LayoutOf(json, o),
            Days = days,
            BaseVol = o["baseVol"] is null ? d.BaseVol : json.Double(o, "baseVol", 0.05, 3),
            Insurance = Dollars("insurance", d.Insurance),
            MakerDeposit = Dollars("makerDeposit", d.MakerDeposit),
            ShortSellerDeposit = Dollars("shortSellerDeposit", d.ShortSellerDeposit),
            BuyerDeposit = Dollars("buyerDeposit", d.BuyerDeposit),
            LiquidatorDeposit = Dollars("liquidatorDeposit", d.LiquidatorDeposit),
            SaverDeposit = Dollars("saverDeposit", d.SaverDeposit),
            RandomOrdersPerDay = (int)json.OptionalLong(o, "randomOrdersPerDay", d.RandomOrdersPerDay, 0, 1_000),
            Seed = (int)json.OptionalLong(o, "seed", d.Seed, 0, int.MaxValue),
            ChainId = json.OptionalLong(o, "chainId", d.ChainId, 1),
            RollupAddress = o["rollupAddress"] is null ? d.RollupAddress : json.Address(o, "rollupAddress"),
        };
    }

    private static Batches.BatchLayout LayoutOf(JsonFields json, JsonObject o)
    {
        string name = json.String(o, "batchLayout");
        var layout = Batches.BatchLayout.Parse(name) ?? throw json.Fail($"batchLayout: '{name}' is not batch-N or batch-T-G");
        return layout.HoldsEveryType ? layout : throw json.Fail($"batchLayout: {name} has no general slot, so no deposit or oracle update could ever be batched");
    }
}
