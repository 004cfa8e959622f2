// SPDX-License-Identifier: MIT
using ZkOptions.Field;
using ZkOptions.Field.BabyJubjub;
using ZkOptions.Settlement.State;
using ZkOptions.Settlement.Transactions;

namespace ZkOptions.Settlement.Engine;

/// <summary>
/// The executable specification of the exchange: applies one transaction at a time to a <see cref="RollupState"/>,
/// either completely (returning what a prover needs) or not at all (throwing
/// <see cref="TransactionRejectedException"/> naming the rule).
/// </summary>
public sealed class SettlementEngine(RollupState state, L1Queue queue)
{
    /// <summary>The state being advanced.</summary>
    public RollupState State { get; } = state;

    /// <summary>The L1 queue deposits and forced withdrawals come from.</summary>
    public L1Queue Queue { get; } = queue;

    /// <summary>
    /// How account signatures are checked: EdDSA-Poseidon verification by default. A service that has already
    /// verified a signed order on its intake pool passes a check that remembers those (and verifies anything else),
    /// so each order is verified once; the rule itself is unchanged.
    /// </summary>
    public SignatureCheck Signatures { get; init; } = EddsaPoseidon.Verify;

    /// <summary>Applies <paramref name="tx"/> at batch time <paramref name="timestamp"/>.</summary>
    public TransactionResult Apply(Transaction tx, long timestamp)
    {
        ArgumentNullException.ThrowIfNull(tx);
        TransactionRejectedException.Require(timestamp >= State.Timestamp, Rule.TimestampForward,
            () => $"batch time {timestamp} is before the previous batch's {State.Timestamp}");
        var ctx = new TransactionContext(State, Queue, timestamp, Signatures);
        Fr rootBefore = State.TrackRoots ? State.Root : Fr.Zero;
        Dispatch(ctx, tx);
        State.BeginRecording();
        ctx.Commit();
        IReadOnlyList<AccountUpdate> updates = State.EndRecording();
        State.Timestamp = timestamp;
        Fr rootAfter = State.TrackRoots ? State.Root : Fr.Zero;
        return new TransactionResult(tx, timestamp, rootBefore, rootAfter, updates, ctx.OrderSlots, ctx.SeriesRead, ctx.Exits, ctx.Details);
    }

    private static void Dispatch(TransactionContext ctx, Transaction tx)
    {
        switch (tx)
        {
            case NoopTx:
                break;
            case DepositTx d:
                QueueProcessor.Deposit(ctx, d);
                break;
            case ForcedWithdrawTx f:
                QueueProcessor.ForcedWithdraw(ctx, f);
                break;
            case WithdrawTx w:
                WithdrawProcessor.Apply(ctx, w);
                break;
            case TradeTx t:
                TradeProcessor.Apply(ctx, t);
                break;
            case LiquidationStartTx s:
                LiquidationProcessor.Start(ctx, s);
                break;
            case LiquidationBidTx b:
                LiquidationProcessor.Bid(ctx, b);
                break;
            case LiquidationEndTx e:
                LiquidationProcessor.End(ctx, e);
                break;
            case SettleTx s:
                SettleProcessor.Apply(ctx, s);
                break;
            case OracleUpdateTx o:
                OracleProcessor.Update(ctx, o);
                break;
            case RiskRefreshTx r:
                OracleProcessor.Refresh(ctx, r);
                break;
            default:
                throw new ArgumentException($"unknown transaction type {tx.GetType().Name}", nameof(tx));
        }
    }
}
