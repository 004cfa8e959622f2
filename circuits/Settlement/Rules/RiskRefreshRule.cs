// SPDX-License-Identifier: MIT
using ZkOptions.Circuit;
using ZkOptions.Circuits.Settlement.Gadgets;

namespace ZkOptions.Circuits.Settlement.Rules;

/// <summary>
/// riskRefresh (OracleProcessor.Refresh): recomputes the account's cache for the epoch in force from every slot,
/// each slot's series read from the epoch (series port i serves position slot i).
/// </summary>
public sealed class RiskRefreshRule : SettlementRule
{
    public override int TypeCode => 10;
    public override string Name => "riskRefresh";

    public override Action Apply(SlotContext ctx, Variable active)
    {
        var api = ctx.Api;
        using (api.Scope("riskRefresh"))
        {
            ctx.UsePrimary(active);
            ctx.CommitPrimary(active, Refreshed(ctx, active, ctx.Primary.Old));
            ctx.PublishData(active, 10, ctx.Primary.Index);
        }
        return () => { };
    }

    /// <summary>
    /// <paramref name="old"/> with its cache recomputed for the epoch in force from every slot (QueueProcessor.RefreshRisk),
    /// reading position slot i's series through series port i; a forced withdrawal refreshes the same way.
    /// </summary>
    public static AccountState Refreshed(SlotContext ctx, Variable active, AccountState old)
    {
        var api = ctx.Api;
        var after = old.Clone();
        after.RiskEpoch = ctx.Epoch.Id;
        after.MarkSum = 0;
        after.ShortSum = 0;
        for (int s = 0; s < after.Scenarios; s++)
        {
            after.SetLoss(s, 0);
        }
        for (int i = 0; i < old.PositionSlots; i++)
        {
            var held = api.Mul(active, 1 - api.IsZero(old.SeriesAt(i)));
            ctx.UseSeries(i, held);
            new RuleCheck(api, held).Equal("series.listed", ctx.Series[i].Key, old.SeriesAt(i));
            PositionBook.AddRiskChange(api, after, ctx.Series[i], 0, old.QuantityAt(i));
        }
        return after;
    }
}
