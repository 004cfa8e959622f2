// SPDX-License-Identifier: MIT
using ZkOptions.Circuit;
using ZkOptions.Circuits.Settlement.Gadgets;
using R = ZkOptions.Circuits.Settlement.SlotRegions;

namespace ZkOptions.Circuits.Settlement.Rules;

/// <summary>
/// forcedWithdraw (QueueProcessor.ForcedWithdraw): consumes the next L1 queue entry (kind 2, key (0, 1)). The slot first
/// refreshes the account's risk cache for the epoch in force from every position slot (as riskRefresh does), so a
/// stale cache — which the sequencer controls by bumping epochs — is never a reason to refuse; with positions, the
/// entry can only be consumed under a fresh epoch (oracle.fresh). The request then applies exactly when the L1 sender
/// owns the account, 0 &lt; amount ≤ collateral, the account is not in liquidation, and (with positions) initial margin
/// holds after; otherwise it is a recorded no-op that keeps the refreshed cache. The circuit computes that verdict
/// itself, so a sequencer can neither skip an allowed request nor pay a refused one.
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
        Variable basicOk, hasPositions;
        using (api.Scope("forcedWithdraw"))
        {
            ctx.UsePrimary(active);
            ctx.ConsumeQueueEntry(active, 2, ctx.Primary.Index, owner, amount, 0, 1);
            ctx.PublishData(active, 3, tx[R.QueueIndex], applied);
            api.AssertBoolean(api.Mul(active, applied));
            new RuleCheck(api, active).Equal("account.exists", ctx.Primary.IsNew, 0);
            api.RangeCheck(api.Mul(active, amount), 96);
            hasPositions = 1 - old.HasNoPositions(api);
            CommonChecks.FreshEpoch(ctx, new RuleCheck(api, api.Mul(active, hasPositions)));
            var refreshed = RiskRefreshRule.Refreshed(ctx, active, old);
            var ownerOk = api.IsEqual(owner, old.Owner);
            var amountPositive = 1 - api.IsZero(amount);
            var covered = SignedArithmetic.IsNonNegative(api, api.Mul(active, old.Collateral - amount), 100);
            var notLiquidating = api.IsZero(old.LiquidationStart);
            basicOk = api.Mul(api.Mul(ownerOk, amountPositive), api.Mul(covered, notLiquidating));
            var paid = refreshed.Clone();
            paid.Collateral = old.Collateral - amount;
            ctx.RequestMargin(0, active, paid);
            ctx.CommitPrimary(active, paid.SelectFrom(api, api.Mul(active, applied), refreshed));
            ctx.EmitExit(api.Mul(active, applied), ctx.Primary.Index, owner, amount);
        }
        return () =>
        {
            using (api.Scope("forcedWithdraw"))
            {
                var marginOk = CommonChecks.HoldsInitial(api, ctx.Margin[0]);
                var ok = api.Mul(basicOk, 1 - hasPositions + api.Mul(hasPositions, marginOk));
                new RuleCheck(api, active).Equal("l1.forced-withdrawal-verdict", applied, ok);
            }
        };
    }
}
