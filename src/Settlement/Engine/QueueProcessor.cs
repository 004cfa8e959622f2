// SPDX-License-Identifier: MIT
using System.Globalization;
using ZkOptions.Settlement.Margin;
using ZkOptions.Settlement.Risk;
using ZkOptions.Settlement.State;
using ZkOptions.Settlement.Transactions;
using static ZkOptions.Settlement.Transactions.TransactionRejectedException;

namespace ZkOptions.Settlement.Engine;

/// <summary>
/// L1 queue entries: deposits and forced withdrawals, consumed strictly in queue order. A forced withdrawal that
/// is not allowed (wrong owner, too large, breaks margin, account in liquidation) is consumed as a no-op, so an L1
/// request can never block the queue.
/// </summary>
internal static class QueueProcessor
{
    public static void Deposit(TransactionContext ctx, DepositTx tx)
    {
        L1Operation op = Consume(ctx, tx.QueueIndex, L1OperationKind.Deposit);
        Account? account = ctx.TryLoad(op.Account);
        if (account is null)
        {
            ExchangeParametersCheck(ctx, op.Account);
            account = new Account(op.Account, op.PublicKey, op.Owner, ctx.Parameters.PositionSlots, ctx.Parameters.ScenarioCount,
                ctx.Parameters.OrderTreeDepth, ctx.State.Epoch?.Id ?? 0);
            ctx.Create(account);
            ctx.Details["created"] = "true";
        }
        else
        {
            Require(account.PublicKey == op.PublicKey, Rule.DepositKeyMatches,
                () => $"queue entry {tx.QueueIndex} names another key than account {op.Account}'s; the deposit cannot be credited to it");
        }
        account.Collateral += op.Amount;
        ctx.Details["amount"] = op.Amount.ToString();
    }

    public static void ForcedWithdraw(TransactionContext ctx, ForcedWithdrawTx tx)
    {
        L1Operation op = Consume(ctx, tx.QueueIndex, L1OperationKind.ForcedWithdraw);
        string? refusal = TryForcedWithdraw(ctx, op);
        ctx.Details["applied"] = refusal is null ? "true" : "false";
        if (refusal is not null)
        {
            ctx.Details["reason"] = refusal;
        }
    }

    private static string? TryForcedWithdraw(TransactionContext ctx, L1Operation op)
    {
        Account? stored = ctx.State.Find(op.Account);
        if (stored is null)
        {
            return $"{Rule.AccountExists.Name()}: account {op.Account} does not exist";
        }
        // The account is read even when the request is refused, so the batch witness proves the refusal.
        Account working = ctx.Load(op.Account, "forced-withdrawal");
        // The slot refreshes the account's scenario losses itself, for the epoch in force, before it decides: a stale
        // cache is something the sequencer controls (it bumps epochs), so it can never be a reason to refuse. With
        // positions, the request can only be consumed under a fresh epoch; until one is published it stays queued
        // and its deadline runs.
        if (!working.HasNoPositions)
        {
            OracleEpoch fresh = ctx.FreshEpoch();
            RefreshRisk(ctx, working, fresh);
        }
        else
        {
            working.Risk = new RiskCache(ctx.State.Epoch?.Id ?? 0, ctx.Parameters.ScenarioCount);
        }
        if (working.Owner != op.Owner)
        {
            return $"{Rule.SignatureValid.Name()}: the L1 sender is not account {op.Account}'s owner";
        }
        if (op.Amount.Micros <= 0 || op.Amount > working.Collateral)
        {
            return $"{Rule.CollateralSufficient.Name()}: {op.Amount.ToDollars()} USD requested, {working.Collateral.ToDollars()} USD held";
        }
        if (working.IsLiquidating)
        {
            return $"{Rule.NotLiquidating.Name()}: account {op.Account} is in liquidation";
        }
        if (!working.HasNoPositions)
        {
            Account after = working.Clone();
            after.Collateral -= op.Amount;
            MarginFigures figures = MarginCalculator.Evaluate(after, ctx.Parameters);
            if (!figures.HoldsInitial)
            {
                return $"{Rule.MarginAfter.Name()}: initial margin would fail (excess {figures.InitialExcess.ToDollars()} USD)";
            }
        }
        working.Collateral -= op.Amount;
        ctx.Exits.Add(new ExitRecord(op.Account, op.Owner, op.Amount));
        return null;
    }

    /// <summary>Recomputes <paramref name="account"/>'s risk cache from every slot for <paramref name="epoch"/> (as riskRefresh does).</summary>
    internal static void RefreshRisk(TransactionContext ctx, Account account, OracleEpoch epoch)
    {
        foreach (PositionSlot slot in account.Positions)
        {
            if (slot.Series is { } key)
            {
                ctx.ReadSeries(epoch, key);
            }
        }
        RiskCache? cache = MarginCalculator.ComputeCache(account.Positions, epoch, out Instruments.SeriesKey? missing);
        Require(cache is not null, Rule.SeriesListed, () => $"series {missing} is not in epoch {epoch.Id}");
        account.Risk = cache!;
    }

    private static L1Operation Consume(TransactionContext ctx, long index, L1OperationKind kind)
    {
        Require(index == ctx.State.QueueConsumed, Rule.QueueOrder,
            () => $"queue entry {index} is not the next one; {ctx.State.QueueConsumed} entries are consumed");
        Require(index < ctx.Queue.Count, Rule.QueueOrder, () => $"queue entry {index} does not exist ({ctx.Queue.Count} queued)");
        L1Operation op = ctx.Queue[index];
        Require(op.Kind == kind, Rule.QueueOrder, () => $"queue entry {index} is a {op.Kind}, not a {kind}");
        ctx.Details["queueIndex"] = index.ToString(CultureInfo.InvariantCulture);
        // The entry itself, so a prover can rebuild its hash from the batch file alone.
        ctx.Details["l1Owner"] = Batches.AccountJson.Address(op.Owner);
        ctx.Details["l1Amount"] = op.Amount.ToString();
        ctx.Details["l1KeyX"] = op.PublicKey.X.ToString();
        ctx.Details["l1KeyY"] = op.PublicKey.Y.ToString();
        ctx.ConsumesQueueEntry = true;
        return op;
    }

    private static void ExchangeParametersCheck(TransactionContext ctx, long index) =>
        Require(index >= 0 && index < ctx.Parameters.AccountCapacity, Rule.AccountExists,
            () => $"account index {index} is outside the tree (capacity {ctx.Parameters.AccountCapacity})");
}
