// SPDX-License-Identifier: MIT
using System.Numerics;
using ZkOptions.Field.BabyJubjub;
using ZkOptions.Settlement.Instruments;
using ZkOptions.Settlement.Numbers;
using ZkOptions.Settlement.Orders;
using ZkOptions.Settlement.Risk;

namespace ZkOptions.Settlement.Transactions;

/// <summary>
/// A state transition as a sequencer submits it. <see cref="TypeName"/> is the batch file's <c>type</c> and
/// <see cref="TypeCode"/> the selector the batch circuit's slots use.
/// </summary>
public abstract record Transaction
{
    /// <summary>The batch file's type name.</summary>
    public abstract string TypeName { get; }

    /// <summary>The type selector (0 = noop … 10 = riskRefresh).</summary>
    public abstract int TypeCode { get; }
}

/// <summary>Padding; changes nothing.</summary>
public sealed record NoopTx : Transaction
{
    /// <inheritdoc/>
    public override string TypeName => "noop";

    /// <inheritdoc/>
    public override int TypeCode => TransactionTypes.Noop;
}

/// <summary>Consumes L1 queue entry <paramref name="QueueIndex"/>, a deposit: creates the account if needed and credits it.</summary>
public sealed record DepositTx(long QueueIndex) : Transaction
{
    /// <inheritdoc/>
    public override string TypeName => "deposit";

    /// <inheritdoc/>
    public override int TypeCode => TransactionTypes.Deposit;
}

/// <summary>A signed withdrawal to an L1 address; emits an exit record.</summary>
public sealed record WithdrawTx(long Account, Usd Amount, BigInteger Recipient, long Nonce, EddsaSignature Signature) : Transaction
{
    /// <inheritdoc/>
    public override string TypeName => "withdraw";

    /// <inheritdoc/>
    public override int TypeCode => TransactionTypes.Withdraw;
}

/// <summary>Consumes L1 queue entry <paramref name="QueueIndex"/>, a forced withdrawal: applied when allowed, else a no-op.</summary>
public sealed record ForcedWithdrawTx(long QueueIndex) : Transaction
{
    /// <inheritdoc/>
    public override string TypeName => "forcedWithdraw";

    /// <inheritdoc/>
    public override int TypeCode => TransactionTypes.ForcedWithdraw;
}

/// <summary>Fills <paramref name="Fill"/> contracts between a resting maker order and a taker order at the maker's price.</summary>
public sealed record TradeTx(SignedOrder Maker, SignedOrder Taker, Quantity Fill) : Transaction
{
    /// <inheritdoc/>
    public override string TypeName => "trade";

    /// <inheritdoc/>
    public override int TypeCode => TransactionTypes.Trade;
}

/// <summary>Starts the Dutch auction of an account that fails maintenance margin.</summary>
public sealed record LiquidationStartTx(long Account) : Transaction
{
    /// <inheritdoc/>
    public override string TypeName => "liquidationStart";

    /// <inheritdoc/>
    public override int TypeCode => TransactionTypes.LiquidationStart;
}

/// <summary>
/// A signed bid for <paramref name="Fraction"/> (1e-4 units, 1 … 10,000) of the whole portfolio of an account in
/// liquidation. <paramref name="Price"/> is what the liquidator pays when the portion is worth something, or what it
/// asks the insurance account to pay when the account is insolvent.
/// </summary>
public sealed record LiquidationBidTx(long Liquidator, long Victim, long Fraction, Usd Price, long Nonce, EddsaSignature Signature) : Transaction
{
    /// <summary>Fraction units per whole portfolio.</summary>
    public const long FractionScale = 10_000;

    /// <inheritdoc/>
    public override string TypeName => "liquidationBid";

    /// <inheritdoc/>
    public override int TypeCode => TransactionTypes.LiquidationBid;
}

/// <summary>Ends a liquidation once the account holds initial margin or has nothing left.</summary>
public sealed record LiquidationEndTx(long Account) : Transaction
{
    /// <inheritdoc/>
    public override string TypeName => "liquidationEnd";

    /// <inheritdoc/>
    public override int TypeCode => TransactionTypes.LiquidationEnd;
}

/// <summary>Settles an account's position in an expired series at the epoch's settlement price.</summary>
public sealed record SettleTx(long Account, SeriesKey Series) : Transaction
{
    /// <inheritdoc/>
    public override string TypeName => "settle";

    /// <inheritdoc/>
    public override int TypeCode => TransactionTypes.Settle;
}

/// <summary>Moves the exchange to a new signed risk epoch.</summary>
public sealed record OracleUpdateTx(OracleEpoch Epoch) : Transaction
{
    /// <inheritdoc/>
    public override string TypeName => "oracleUpdate";

    /// <inheritdoc/>
    public override int TypeCode => TransactionTypes.OracleUpdate;
}

/// <summary>Recomputes an account's cached scenario losses for the current epoch from all its slots.</summary>
public sealed record RiskRefreshTx(long Account) : Transaction
{
    /// <inheritdoc/>
    public override string TypeName => "riskRefresh";

    /// <inheritdoc/>
    public override int TypeCode => TransactionTypes.RiskRefresh;
}
