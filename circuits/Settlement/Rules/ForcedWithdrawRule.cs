// SPDX-License-Identifier: MIT
using ZkOptions.Circuit;
using ZkOptions.Circuits.Settlement.Gadgets;
using R = ZkOptions.Circuits.Settlement.SlotRegions;

namespace ZkOptions.Circuits.Settlement.Rules;

/// <summary>
/// forcedWithdraw (QueueProcessor.ForcedWithdraw): consumes the next L1 queue entry (kind 2, key (0, 1)). It applies
/// exactly when the L1 sender owns the account, 0 &lt; amount ≤ collateral, the account is not in liquidation, and
/// (with positions) a fresh epoch and current cache show initial margin after; otherwise it is a recorded no-op.
/// The circuit computes that verdict itself, so a sequencer can neither skip an allowed request nor pay a refused one.
/// </summary>
public sealed class ForcedWithdrawRule : SettlementRule
{
    public override int TypeCode => 3;
    public override string Name => "forcedWithdraw";

    public override Action Apply(SlotContext ctx, Variable active)
    {
        var api = ctx.Api;
        var tx = ctx.Tx;
        var old = ctx.Primary.Old;
        Variable owner = tx[R.QueueOwner], amount = tx[R.QueueAmount], applied = tx[R.QueueApplied];
        AccountState after;
        Variable basicOk, hasPositions;
        using (api.Scope("forcedWithdraw"))
        {
            ctx.UsePrimary(active);
            ctx.ConsumeQueueEntry(active, 2, ctx.Primary.Index, owner, amount, 0, 1);
            ctx.PublishData(active, 3, tx[R.QueueIndex], applied);
            api.AssertBoolean(api.Mul(active, applied));
            new RuleCheck(api, active).Equal("account.exists", ctx.Primary.IsNew, 0);
            api.RangeCheck(api.Mul(active, amount), 96);
            var ownerOk = api.IsEqual(owner, old.Owner);
            var amountPositive = 1 - api.IsZero(amount);
            var covered = SignedArithmetic.IsNonNegative(api, api.Mul(active, old.Collateral - amount), 100);
            var notLiquidating = api.IsZero(old.LiquidationStart);
            basicOk = api.Mul(api.Mul(ownerOk, amountPositive), api.Mul(covered, notLiquidating));
            after = old.Clone();
            after.Collateral = old.Collateral - amount;
            hasPositions = 1 - old.HasNoPositions(api);
            ctx.RequestMargin(0, active, after);
            ctx.CommitPrimary(api.Mul(active, applied), after);
            ctx.EmitExit(api.Mul(active, applied), ctx.Primary.Index, owner, amount);
        }
        return () =>
        {
            using (api.Scope("forcedWithdraw"))
            {
                var age = ctx.Timestamp - ctx.Epoch.Timestamp;
                var fresh = api.Mul(1 - api.IsZero(ctx.Epoch.Id),
                    SignedArithmetic.IsNonNegative(api, api.Mul(active, ctx.Shape.Parameters.MaxEpochAgeSeconds - age), 64));
                var current = api.IsEqual(old.RiskEpoch, ctx.Epoch.Id);
                var marginOk = api.Mul(api.Mul(fresh, current), CommonChecks.HoldsInitial(api, ctx.Margin[0]));
                var ok = api.Mul(basicOk, 1 - hasPositions + api.Mul(hasPositions, marginOk));
                new RuleCheck(api, active).Equal("l1.forced-withdrawal-verdict", applied, ok);
            }
        };
    }
}
