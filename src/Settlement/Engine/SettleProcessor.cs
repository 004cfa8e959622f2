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
/// long receives ⌊q·payoff⌋, a short pays ⌈|q|·payoff⌉ (payoff from the 1e-8 strike, exact until this one
/// rounding), and the slot is cleared.
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
        Usd amount = new(checked((long)Exact.FloorDiv(exact, PayoffE8ToMicros)));
        account.Collateral += amount;
        ctx.Insurance().Collateral -= amount;
        MarginCalculator.AddChange(account.Risk, risk, q, Quantity.Zero);
        account.AddPosition(tx.Series, -q);
        ctx.Details["settlementPrice"] = risk.SettlementPrice.ToString();
        ctx.Details["quantity"] = q.ToString();
        ctx.Details["amount"] = amount.ToString();
    }
}
