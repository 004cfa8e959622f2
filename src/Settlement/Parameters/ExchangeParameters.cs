// SPDX-License-Identifier: MIT
using System.Numerics;
using ZkOptions.Field.Hashing;
using ZkOptions.Field;
using ZkOptions.Field.BabyJubjub;
using ZkOptions.Settlement.Hashing;
using ZkOptions.Settlement.Numbers;

namespace ZkOptions.Settlement.Parameters;

/// <summary>
/// The per-deployment settings of the exchange (docs/settlement.md tables the defaults). Their hash,
/// <see cref="Hash"/>, is part of what a batch commits to, so a batch proved under other parameters is rejected.
/// </summary>
public sealed record ExchangeParameters
{
    /// <summary>Chain id signed into every order and withdrawal (replay protection across deployments).</summary>
    public long ChainId { get; init; } = 31337;

    /// <summary>
    /// The L1 address of the rollup contract (160 bits). With <see cref="ChainId"/> it makes the
    /// <see cref="OracleDomain"/> the oracle signs into every epoch, so an epoch signed for one deployment cannot be
    /// replayed on another. 0 (no contract can live there) until a deployment sets it.
    /// </summary>
    public BigInteger RollupAddress { get; init; }

    /// <summary>
    /// The oracle's domain separator, <c>Poseidon(chainId, rollupAddress)</c>: the oracle signs
    /// <c>Poseidon(domain, commitment)</c>, and a batch's epoch chain starts from it. The contract computes the same
    /// value from <c>block.chainid</c> and its own address.
    /// </summary>
    public Fr OracleDomain => Poseidon.Hash(FieldCodec.Unsigned(ChainId), Fr.FromBigInteger(RollupAddress));

    /// <summary>Scenarios per risk array, S.</summary>
    public int ScenarioCount { get; init; } = 16;

    /// <summary>Position slots per account, K.</summary>
    public int PositionSlots { get; init; } = 8;

    /// <summary>Depth of the quaternary account tree (4^depth accounts).</summary>
    public int AccountTreeDepth { get; init; } = 8;

    /// <summary>Depth of each account's quaternary order-fill tree (4^depth order slots).</summary>
    public int OrderTreeDepth { get; init; } = 4;

    /// <summary>Depth of the quaternary series tree of a risk epoch (4^depth series).</summary>
    public int SeriesTreeDepth { get; init; } = 5;

    /// <summary>Initial-margin multiplier on Worst + Cont (1.25, Derive's mFactor).</summary>
    public Ppm InitialMarginFactor { get; init; } = new(1_250_000);

    /// <summary>
    /// Buffer-margin multiplier: a liquidation bid may take no more of the portfolio than restores
    /// MtM − 1.15·(Worst + Cont) ≥ 0 (Derive's bufferMarginPercentage 0.15).
    /// </summary>
    public Ppm LiquidationBufferFactor { get; init; } = new(1_150_000);

    /// <summary>Dutch-auction price factor at the start of a liquidation (0.95).</summary>
    public Ppm AuctionStartFactor { get; init; } = new(950_000);

    /// <summary>Dutch-auction price factor after <see cref="AuctionDurationSeconds"/> and from then on (0.70).</summary>
    public Ppm AuctionEndFactor { get; init; } = new(700_000);

    /// <summary>Seconds over which the auction factor falls linearly from start to end (15 minutes).</summary>
    public long AuctionDurationSeconds { get; init; } = 900;

    /// <summary>Share of a solvent liquidation's bid paid to the insurance account (10 %).</summary>
    public Ppm LiquidatorFeeRate { get; init; } = new(100_000);

    /// <summary>Fee rate on the premium charged to the maker of a trade.</summary>
    public Ppm MakerFeeRate { get; init; } = new(2_000);

    /// <summary>Fee rate on the premium charged to the taker of a trade.</summary>
    public Ppm TakerFeeRate { get; init; } = new(5_000);

    /// <summary>A risk epoch older than this (seconds before the batch timestamp) is stale for margin decisions.</summary>
    public long MaxEpochAgeSeconds { get; init; } = 3_600;

    /// <summary>
    /// The account that receives fees and rounding, pays out at expiry, and covers insolvency. It is index 0, opened at
    /// genesis with no key (<see cref="State.RollupState"/>), as the contract assumes; the setting exists so files say so.
    /// </summary>
    public long InsuranceAccount { get; init; }

    /// <summary>The risk oracle's EdDSA-Poseidon public key; epochs must carry its signature.</summary>
    public BabyJubjubPoint OraclePublicKey { get; init; } = BabyJubjubPoint.Identity;

    /// <summary>Underlying ids and their names (1 = BTC, 2 = ETH by default).</summary>
    public IReadOnlyDictionary<int, string> Underlyings { get; init; } = new Dictionary<int, string> { [1] = "BTC", [2] = "ETH" };

    /// <summary>The name of an underlying id, or "u{id}".</summary>
    public string UnderlyingName(int id) => Underlyings.TryGetValue(id, out string? n) ? n : $"u{id}";

    /// <summary>Number of accounts the tree holds.</summary>
    public long AccountCapacity => 1L << (2 * AccountTreeDepth);

    /// <summary>Number of order slots per account.</summary>
    public long OrderSlotCapacity => 1L << (2 * OrderTreeDepth);

    /// <summary>Throws <see cref="ArgumentException"/> when a setting is out of its meaningful range.</summary>
    public void Validate()
    {
        Check(ScenarioCount is >= 1 and <= 64, "scenarioCount must be in [1, 64]");
        Check(PositionSlots is >= 1 and <= 16, "positionSlots must be in [1, 16]");
        Check(AccountTreeDepth is >= 1 and <= 16, "accountTreeDepth must be in [1, 16]");
        Check(OrderTreeDepth is >= 1 and <= 16, "orderTreeDepth must be in [1, 16]");
        Check(SeriesTreeDepth is >= 1 and <= 16, "seriesTreeDepth must be in [1, 16]");
        Check(ChainId > 0, "chainId must be positive");
        Check(InitialMarginFactor.Value >= Ppm.Scale, "initialMarginFactor must be ≥ 1");
        Check(LiquidationBufferFactor.Value >= Ppm.Scale, "liquidationBufferFactor must be ≥ 1");
        Check(AuctionStartFactor.Value <= Ppm.Scale && AuctionEndFactor.Value <= AuctionStartFactor.Value && AuctionEndFactor.Value > 0,
            "auction factors must satisfy 0 < end ≤ start ≤ 1");
        Check(AuctionDurationSeconds > 0, "auctionDurationSeconds must be positive");
        Check(LiquidatorFeeRate.Value < Ppm.Scale, "liquidatorFeeRate must be < 1");
        Check(MakerFeeRate.Value < Ppm.Scale && TakerFeeRate.Value < Ppm.Scale, "fee rates must be < 1");
        Check(MaxEpochAgeSeconds > 0, "maxEpochAgeSeconds must be positive");
        Check(InsuranceAccount == 0, "insuranceAccount must be 0: the insurance account is opened at genesis as index 0");
        Check(RollupAddress.Sign >= 0 && RollupAddress < (BigInteger.One << 160), "rollupAddress must be a 160-bit address");
        Check(OraclePublicKey.IsOnCurve, "oraclePublicKey must be a BabyJubjub point");
    }

    /// <summary>
    /// The configuration hash: HashMany of every setting above in declaration order (except the rollup address), the
    /// oracle key as (x, y), the rollup address, and the
    /// underlying ids in ascending order (names are labels and not hashed).
    /// </summary>
    public Fr Hash()
    {
        var v = new List<Fr>
        {
            FieldCodec.Unsigned(ChainId), FieldCodec.Unsigned(ScenarioCount), FieldCodec.Unsigned(PositionSlots),
            FieldCodec.Unsigned(AccountTreeDepth), FieldCodec.Unsigned(OrderTreeDepth), FieldCodec.Unsigned(SeriesTreeDepth),
            FieldCodec.Unsigned(InitialMarginFactor.Value), FieldCodec.Unsigned(LiquidationBufferFactor.Value),
            FieldCodec.Unsigned(AuctionStartFactor.Value), FieldCodec.Unsigned(AuctionEndFactor.Value),
            FieldCodec.Unsigned(AuctionDurationSeconds), FieldCodec.Unsigned(LiquidatorFeeRate.Value),
            FieldCodec.Unsigned(MakerFeeRate.Value), FieldCodec.Unsigned(TakerFeeRate.Value),
            FieldCodec.Unsigned(MaxEpochAgeSeconds), FieldCodec.Unsigned(InsuranceAccount),
            OraclePublicKey.X, OraclePublicKey.Y, Fr.FromBigInteger(RollupAddress),
        };
        foreach (int id in Underlyings.Keys.Order())
        {
            v.Add(FieldCodec.Unsigned(id));
        }
        return FieldCodec.HashMany(v.ToArray());
    }

    private static void Check(bool ok, string message)
    {
        if (!ok)
        {
            throw new ArgumentException(message);
        }
    }
}
