// SPDX-License-Identifier: MIT
namespace ZkOptions.Settlement.Transactions;

/// <summary>
/// The rules a transaction can break. Each has a stable name (<see cref="RuleNames.Name"/>) that the engine, the
/// CLI and the circuits' checker use, so a rejection reads the same everywhere.
/// </summary>
public enum Rule
{
    /// <summary>batch.timestamp-forward: a batch's timestamp is not before the previous batch's.</summary>
    TimestampForward,

    /// <summary>account.exists: the account index holds an account.</summary>
    AccountExists,

    /// <summary>signature.valid: the EdDSA-Poseidon signature verifies under the account's key.</summary>
    SignatureValid,

    /// <summary>chain.id: the signed chain id is the exchange's.</summary>
    ChainId,

    /// <summary>nonce.matches: a withdrawal or bid carries the account's next nonce.</summary>
    NonceMatches,

    /// <summary>amount.positive: amounts, fills and fractions are positive and in range.</summary>
    AmountPositive,

    /// <summary>collateral.sufficient: a withdrawal does not take more than the collateral.</summary>
    CollateralSufficient,

    /// <summary>margin.after: initial margin holds after, or the change is risk-reducing and maintenance holds.</summary>
    MarginAfter,

    /// <summary>account.not-liquidating: an account in liquidation cannot trade or withdraw.</summary>
    NotLiquidating,

    /// <summary>risk.cache-current: the account's cached scenario losses are for the current epoch.</summary>
    RiskCacheCurrent,

    /// <summary>oracle.fresh: a current, not stale, risk epoch exists.</summary>
    OracleFresh,

    /// <summary>oracle.forward: a new epoch is the next id and later in time, and not after the batch.</summary>
    OracleForward,

    /// <summary>oracle.signature: the epoch is signed by the oracle key.</summary>
    OracleSignature,

    /// <summary>oracle.consistent: settlement prices appear at expiry and never change.</summary>
    OracleConsistent,

    /// <summary>series.listed: the series is in the current epoch.</summary>
    SeriesListed,

    /// <summary>series.live: the series has not expired.</summary>
    SeriesLive,

    /// <summary>order.sides: maker and taker trade the same series on opposite sides, from different accounts.</summary>
    OrderSides,

    /// <summary>order.not-expired: the order's valid-until is not before the batch timestamp.</summary>
    OrderNotExpired,

    /// <summary>order.prices-cross: the taker's limit crosses the maker's; the fill is at the maker's price.</summary>
    PricesCross,

    /// <summary>order.not-replayed: the order's slot does not hold a newer order.</summary>
    OrderNotReplayed,

    /// <summary>order.not-overfilled: the filled amount never exceeds the order's amount.</summary>
    OrderNotOverfilled,

    /// <summary>order.fee-cap: the charged fee rate is within the order's max fee.</summary>
    FeeWithinCap,

    /// <summary>position.slot-free: the account has a slot for a new series.</summary>
    PositionSlotFree,

    /// <summary>liquidation.maintenance-fails: liquidation starts only when maintenance margin fails.</summary>
    LiquidationMaintenanceFails,

    /// <summary>liquidation.in-progress: bids and ends apply to an account in liquidation.</summary>
    LiquidationInProgress,

    /// <summary>liquidation.bid-schedule: the bid is at least the Dutch-auction price (or asks at most the insolvency payout).</summary>
    BidSchedule,

    /// <summary>liquidation.fraction-cap: the fraction is at most what restores the buffer margin.</summary>
    FractionCap,

    /// <summary>liquidation.can-end: the account holds initial margin or has no positions left.</summary>
    LiquidationCanEnd,

    /// <summary>settle.after-expiry: a series settles only after its expiry, at the epoch's settlement price.</summary>
    SettleAfterExpiry,

    /// <summary>settle.position: the account holds a position in the series.</summary>
    SettlePosition,

    /// <summary>l1.queue-order: L1 operations are consumed in queue order, each once.</summary>
    QueueOrder,

    /// <summary>account.not-insurance: the insurance account is the clearing counterparty; it does not trade, settle or take part in a liquidation.</summary>
    NotInsurance,

    /// <summary>A deposit into an opened account must name that account's key (no deposit is credited to a key its sender did not choose).</summary>
    DepositKeyMatches,

    /// <summary>The insurance account pays out no more than it holds (it never goes negative).</summary>
    InsuranceCovers,
}

/// <summary>The stable names of <see cref="Rule"/>.</summary>
public static class RuleNames
{
    /// <summary>"group.rule" as in the enum's documentation.</summary>
    public static string Name(this Rule rule) => rule switch
    {
        Rule.TimestampForward => "batch.timestamp-forward",
        Rule.AccountExists => "account.exists",
        Rule.SignatureValid => "signature.valid",
        Rule.ChainId => "chain.id",
        Rule.NonceMatches => "nonce.matches",
        Rule.AmountPositive => "amount.positive",
        Rule.CollateralSufficient => "collateral.sufficient",
        Rule.MarginAfter => "margin.after",
        Rule.NotLiquidating => "account.not-liquidating",
        Rule.RiskCacheCurrent => "risk.cache-current",
        Rule.OracleFresh => "oracle.fresh",
        Rule.OracleForward => "oracle.forward",
        Rule.OracleSignature => "oracle.signature",
        Rule.OracleConsistent => "oracle.consistent",
        Rule.SeriesListed => "series.listed",
        Rule.SeriesLive => "series.live",
        Rule.OrderSides => "order.sides",
        Rule.OrderNotExpired => "order.not-expired",
        Rule.PricesCross => "order.prices-cross",
        Rule.OrderNotReplayed => "order.not-replayed",
        Rule.OrderNotOverfilled => "order.not-overfilled",
        Rule.FeeWithinCap => "order.fee-cap",
        Rule.PositionSlotFree => "position.slot-free",
        Rule.LiquidationMaintenanceFails => "liquidation.maintenance-fails",
        Rule.LiquidationInProgress => "liquidation.in-progress",
        Rule.BidSchedule => "liquidation.bid-schedule",
        Rule.FractionCap => "liquidation.fraction-cap",
        Rule.LiquidationCanEnd => "liquidation.can-end",
        Rule.SettleAfterExpiry => "settle.after-expiry",
        Rule.SettlePosition => "settle.position",
        Rule.QueueOrder => "l1.queue-order",
        Rule.NotInsurance => "account.not-insurance",
        Rule.DepositKeyMatches => "deposit.key-matches",
        Rule.InsuranceCovers => "insurance.covers",
        _ => throw new ArgumentOutOfRangeException(nameof(rule)),
    };
}
