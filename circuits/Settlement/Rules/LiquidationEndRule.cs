// SPDX-License-Identifier: MIT
using ZkOptions.Circuit;
using ZkOptions.Settlement.Transactions;
using ZkOptions.Circuits.Settlement.Gadgets;

namespace ZkOptions.Circuits.Settlement.Rules;

/// <summary>
/// liquidationEnd (LiquidationProcessor.End): the account is in liquidation; with positions left it must hold
/// initial margin on a fresh epoch; with none left, a negative balance is made whole by the insurance account.
/// The flag is cleared.
/// </summary>
public sealed class LiquidationEndRule : SettlementRule
{
    public override int TypeCode => TransactionTypes.LiquidationEnd;
    public override string Name => "liquidationEnd";

    public override Action Apply(SlotContext ctx, Variable active)
    {
        var api = ctx.Api;
        var old = ctx.Primary.Old;
        var check = new RuleCheck(api, active);
        Variable hasPositions;
        using (api.Scope("liquidationEnd"))
        {
            ctx.UsePrimary(active);
            check.NotEqual("liquidation.in-progress", old.LiquidationStart, 0);
            hasPositions = 1 - old.HasNoPositions(api);
            var negative = 1 - SignedArithmetic.IsNonNegative(api, api.Mul(active, old.Collateral), 64);
            var cover = api.Mul(api.Mul(active, 1 - hasPositions), negative);
            new RuleCheck(api, cover).NotEqual("account.not-insurance", ctx.Primary.Index, ctx.Shape.InsuranceAccount);
            ctx.UseInsurance(cover);
            ctx.PayInsurance(cover, old.Collateral);
            var after = old.Clone();
            after.LiquidationStart = 0;
            after.Collateral = old.Collateral - api.Mul(cover, old.Collateral);
            ctx.CommitPrimary(active, after);
            ctx.RequestMargin(0, active, old);
            ctx.PublishData(active, TypeCode, ctx.Primary.Index);
        }
        return () =>
        {
            using (api.Scope("liquidationEnd"))
            {
                var margined = new RuleCheck(api, api.Mul(active, hasPositions));
                CommonChecks.FreshEpoch(ctx, margined);
                CommonChecks.CacheCurrent(ctx, margined, old);
                margined.True("liquidation.can-end", CommonChecks.HoldsInitial(api, ctx.Margin[0]));
            }
        };
    }
}
