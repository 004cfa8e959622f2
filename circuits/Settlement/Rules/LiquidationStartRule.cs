// SPDX-License-Identifier: MIT
using ZkOptions.Circuit;
using ZkOptions.Settlement.Transactions;
using ZkOptions.Circuits.Settlement.Gadgets;

namespace ZkOptions.Circuits.Settlement.Rules;

/// <summary>
/// liquidationStart (LiquidationProcessor.Start): the account is not already in liquidation, its cache is for a
/// fresh epoch, and maintenance fails (MtM − MM &lt; 0); the start time is recorded.
/// </summary>
public sealed class LiquidationStartRule : SettlementRule
{
    public override int TypeCode => TransactionTypes.LiquidationStart;
    public override string Name => "liquidationStart";

    public override Action Apply(SlotContext ctx, Variable active)
    {
        var api = ctx.Api;
        var old = ctx.Primary.Old;
        var check = new RuleCheck(api, active);
        using (api.Scope("liquidationStart"))
        {
            ctx.UsePrimary(active);
            check.Equal("liquidation.in-progress", old.LiquidationStart, 0);
            CommonChecks.FreshEpoch(ctx, check);
            CommonChecks.CacheCurrent(ctx, check, old);
            var after = old.Clone();
            after.LiquidationStart = ctx.Timestamp;
            ctx.CommitPrimary(active, after);
            ctx.RequestMargin(0, active, old);
            ctx.PublishData(active, TypeCode, ctx.Primary.Index);
        }
        return () =>
        {
            using (api.Scope("liquidationStart"))
            {
                check.Equal("liquidation.maintenance-fails", CommonChecks.HoldsMaintenance(api, ctx.Margin[0]), 0);
            }
        };
    }
}
