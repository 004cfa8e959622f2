// SPDX-License-Identifier: MIT
using ZkOptions.Settlement.Margin;
using ZkOptions.Settlement.Numbers;
using ZkOptions.Settlement.Risk;
using ZkOptions.Settlement.State;
using ZkOptions.Settlement.Transactions;
using static ZkOptions.Settlement.Transactions.TransactionRejectedException;

namespace ZkOptions.Settlement.Engine;

/// <summary>
/// Expiry settlement of one position against the insurance account, which acts as the clearing counterparty: a
/// long is owed ⌊q·payoff⌋, a short owes ⌈|q|·payoff⌉ (payoff from the 1e-8 strike, exact until this one
/// rounding), and the slot is cleared. Neither side can pay what it does not hold: a short pays at most its
/// collateral (the rest is its default, which the insurance fund bears), and the fund pays a long at most its own
/// balance (the rest is the long's socialised loss). So no balance goes negative, and positive balances never
/// exceed the tokens the contract holds.
/// </summary>
internal static class SettleProcessor
{
    private const long PayoffE8ToMicros = 100 * Quantity.Scale; // (1e-4 contracts × 1e-8 USD) → 1e-6 USD

    public static void Apply(TransactionContext ctx, SettleTx tx)
    {
        ctx.RequireNotInsurance(tx.Account, "settling account");
        Account account = ctx.Load(tx.Account, "settling");
        Quantity q = account.PositionIn(tx.Series);
        Require(!q.IsZero, Rule.SettlePosition, () => $"account {tx.Account} holds no position in {tx.Series.ToDisplay(ctx.Parameters.UnderlyingName)}");
        Require(tx.Series.Expiry <= ctx.Timestamp, Rule.SettleAfterExpiry,
            () => $"series expires at {tx.Series.Expiry}; the batch time is {ctx.Timestamp}");
        OracleEpoch epoch = ctx.CurrentEpoch();
        SeriesRisk risk = ctx.ReadSeries(epoch, tx.Series);
        Require(risk.IsSettled, Rule.SettleAfterExpiry, () => $"epoch {epoch.Id} has no settlement price for the series yet");
        TransactionContext.RequireCurrentCache(account, epoch);

        Int128 exact = (Int128)q.Units * tx.Series.PayoffE8(risk.SettlementPrice);
        Usd owed = new(checked((long)Exact.FloorDiv(exact, PayoffE8ToMicros)));
        Account insurance = ctx.Insurance();
        Usd amount = Paid(owed, account.Collateral, insurance.Collateral);
        account.Collateral += amount;
        insurance.Collateral -= amount;
        if (amount != owed)
        {
            ctx.Details[owed.Micros > 0 ? "socializedLoss" : "default"] = new Usd(Math.Abs(owed.Micros - amount.Micros)).ToString();
        }
        MarginCalculator.AddChange(account.Risk, risk, q, Quantity.Zero);
        account.AddPosition(tx.Series, -q);
        ctx.Details["settlementPrice"] = risk.SettlementPrice.ToString();
        ctx.Details["quantity"] = q.ToString();
        ctx.Details["amount"] = amount.ToString();
    }

    /// <summary>What moves from the fund to the account (negative: from the account to the fund) when <paramref name="owed"/> is due.</summary>
    internal static Usd Paid(Usd owed, Usd accountBalance, Usd fundBalance) =>
        owed.Micros >= 0 ? new Usd(Math.Min(owed.Micros, Math.Max(fundBalance.Micros, 0)))
            : new Usd(-Math.Min(-owed.Micros, Math.Max(accountBalance.Micros, 0)));
}
