// SPDX-License-Identifier: MIT
using System.Globalization;
using ZkOptions.Settlement.Margin;
using ZkOptions.Settlement.Numbers;
using ZkOptions.Settlement.Orders;
using ZkOptions.Settlement.Risk;
using ZkOptions.Settlement.State;
using ZkOptions.Settlement.Transactions;
using static ZkOptions.Settlement.Transactions.TransactionRejectedException;

namespace ZkOptions.Settlement.Engine;

/// <summary>
/// Liquidation as a Dutch auction of a fraction of the whole portfolio (Derive's design): start only
/// below maintenance; bids take the same fraction of every slot and of the cash, at a price that falls with time;
/// the fraction is capped at what restores the buffer margin; the liquidator must hold initial margin after; a fee
/// goes to the insurance account, which also pays for insolvent portions and covers a negative balance at the end.
/// </summary>
internal static class LiquidationProcessor
{
    public static void Start(TransactionContext ctx, LiquidationStartTx tx)
    {
        Account account = ctx.Load(tx.Account, "liquidated");
        Require(!account.IsLiquidating, Rule.LiquidationInProgress, () => $"account {tx.Account} is already in liquidation");
        OracleEpoch epoch = ctx.FreshEpoch();
        TransactionContext.RequireCurrentCache(account, epoch);
        MarginFigures f = ctx.Figures(account);
        Require(!f.HoldsMaintenance, Rule.LiquidationMaintenanceFails,
            () => $"account {tx.Account} holds maintenance margin: MtM {f.MarkToMarket.ToDollars()} − MM {f.Maintenance.ToDollars()} = {f.MaintenanceExcess.ToDollars()} USD");
        account.LiquidationStart = ctx.Timestamp;
        ctx.Details["maintenanceExcess"] = f.MaintenanceExcess.ToString();
    }

    public static void Bid(TransactionContext ctx, LiquidationBidTx tx)
    {
        var p = ctx.Parameters;
        Require(tx.Liquidator != tx.Victim, Rule.LiquidationInProgress, () => "an account cannot bid on its own liquidation");
        ctx.RequireNotInsurance(tx.Victim, "liquidated account");
        ctx.RequireNotInsurance(tx.Liquidator, "liquidator");
        Account victim = ctx.Load(tx.Victim, "liquidated");
        Account liquidator = ctx.Load(tx.Liquidator, "liquidator");
        Require(victim.IsLiquidating, Rule.LiquidationInProgress, () => $"account {tx.Victim} is not in liquidation");
        Require(!liquidator.IsLiquidating, Rule.NotLiquidating, () => $"liquidator {tx.Liquidator} is itself in liquidation");
        Require(tx.Fraction is >= 1 and <= LiquidationBidTx.FractionScale, Rule.AmountPositive,
            () => $"fraction {tx.Fraction} is outside 1 … {LiquidationBidTx.FractionScale} (1e-4 of the portfolio)");
        Require(tx.Price.Micros >= 0, Rule.AmountPositive, () => "a bid price is ≥ 0");
        Require(tx.Nonce == liquidator.Nonce, Rule.NonceMatches, () => $"nonce {tx.Nonce} given, liquidator expects {liquidator.Nonce}");
        ctx.RequireSignature(liquidator,
            SignedMessages.LiquidationBid(tx.Liquidator, tx.Victim, tx.Fraction, tx.Price, tx.Nonce, p.ChainId), tx.Signature, "the bid");
        OracleEpoch epoch = ctx.FreshEpoch();
        TransactionContext.RequireCurrentCache(victim, epoch);
        TransactionContext.RequireCurrentCache(liquidator, epoch);

        foreach (PositionSlot slot in victim.Positions)
        {
            if (slot.Series is { } key)
            {
                ctx.ReadSeries(epoch, key);
            }
        }
        LiquidationQuote quote = LiquidationQuote.For(victim, tx.Fraction, epoch, p, ctx.Timestamp);
        Require(tx.Fraction <= quote.FractionCap, Rule.FractionCap,
            () => $"fraction {tx.Fraction} exceeds the cap {quote.FractionCap} that restores the buffer margin (buffer excess {quote.Figures.BufferExcess.ToDollars()} USD)");

        Account insurance = ctx.Insurance();
        if (!quote.Insolvent)
        {
            Require(tx.Price >= quote.Price, Rule.BidSchedule,
                () => $"bid {tx.Price.ToDollars()} USD is below the schedule: {quote.Factor.ToDecimal()} × portion value {quote.Value.ToDollars()} = {quote.Price.ToDollars()} USD");
            Usd fee = Exact.MulCeil(tx.Price, p.LiquidatorFeeRate);
            liquidator.Collateral -= tx.Price;
            victim.Collateral += tx.Price - fee;
            insurance.Collateral += fee;
            ctx.Details["fee"] = fee.ToString();
        }
        else
        {
            Require(tx.Price <= quote.Price, Rule.BidSchedule,
                () => $"insolvent portion: the bid asks {tx.Price.ToDollars()} USD from insurance, the schedule allows {quote.Price.ToDollars()} USD");
            Require(tx.Price <= insurance.Collateral, Rule.InsuranceCovers,
                () => $"insolvent portion: the bid asks {tx.Price.ToDollars()} USD from insurance, which holds {insurance.Collateral.ToDollars()} USD");
            insurance.Collateral -= tx.Price;
            liquidator.Collateral += tx.Price;
            ctx.Details["insolvent"] = "true";
        }
        victim.Collateral -= quote.Cash;
        liquidator.Collateral += quote.Cash;
        foreach (var (risk, q) in quote.Moves)
        {
            ctx.MovePosition(victim, risk, -q);
            ctx.MovePosition(liquidator, risk, q);
        }
        // The bid's nonce is spent, so the same signed bid cannot be replayed while the auction runs.
        liquidator.Nonce++;
        MarginFigures liqAfter = ctx.Figures(liquidator);
        Require(liqAfter.HoldsInitial, Rule.MarginAfter,
            () => $"liquidator {tx.Liquidator} fails initial margin after the bid: excess {liqAfter.InitialExcess.ToDollars()} USD");
        TradeProcessor.RequireCashCovers(liquidator, "liquidator");

        ctx.Details["factor"] = quote.Factor.ToString();
        ctx.Details["fractionCap"] = quote.FractionCap.ToString(CultureInfo.InvariantCulture);
        ctx.Details["portionValue"] = quote.Value.ToString();
    }

    public static void End(TransactionContext ctx, LiquidationEndTx tx)
    {
        Account account = ctx.Load(tx.Account, "liquidated");
        Require(account.IsLiquidating, Rule.LiquidationInProgress, () => $"account {tx.Account} is not in liquidation");
        if (account.HasNoPositions)
        {
            if (account.Collateral.Micros < 0)
            {
                ctx.RequireNotInsurance(tx.Account, "liquidated account");
                Usd cover = -account.Collateral;
                Account insurance = ctx.Insurance();
                Require(cover <= insurance.Collateral, Rule.InsuranceCovers,
                    () => $"the insurance account holds {insurance.Collateral.ToDollars()} USD and cannot cover {cover.ToDollars()} USD");
                insurance.Collateral -= cover;
                account.Collateral += cover;
                ctx.Details["insuranceCover"] = cover.ToString();
            }
        }
        else
        {
            OracleEpoch epoch = ctx.FreshEpoch();
            TransactionContext.RequireCurrentCache(account, epoch);
            MarginFigures f = ctx.Figures(account);
            Require(f.HoldsInitial, Rule.LiquidationCanEnd,
                () => $"account {tx.Account} still fails initial margin (excess {f.InitialExcess.ToDollars()} USD) and holds positions");
        }
        account.LiquidationStart = 0;
    }
}
