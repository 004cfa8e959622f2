// SPDX-License-Identifier: MIT
using ZkOptions.Circuit;
using ZkOptions.Circuits.Settlement.Gadgets;

namespace ZkOptions.Circuits.Settlement.Rules;

/// <summary>
/// One transaction type's rules in the batch circuit, mirroring its processor in src/Settlement/Engine. A rule runs
/// in two phases: <see cref="Apply"/> computes its state changes and asks the slot for ports, margin figures,
/// signatures, queue entries, exits and public data; the action it returns checks what needs the margin figures.
/// Every assertion is conditioned on <c>active</c> (the slot's type is this rule's) and scoped by the engine's rule name.
/// </summary>
public abstract class SettlementRule
{
    /// <summary>The batch file type code (Transaction.TypeCode).</summary>
    public abstract int TypeCode { get; }

    /// <summary>The batch file type name.</summary>
    public abstract string Name { get; }

    /// <summary>Phase one; returns phase two (run once the margin figures exist).</summary>
    public abstract Action Apply(SlotContext ctx, Variable active);

    /// <summary>The rules of every transaction type but noop, by type code.</summary>
    public static IReadOnlyList<SettlementRule> All { get; } =
    [
        new DepositRule(), new WithdrawRule(), new ForcedWithdrawRule(), new TradeRule(), new LiquidationStartRule(),
        new LiquidationBidRule(), new LiquidationEndRule(), new SettleRule(), new OracleUpdateRule(), new RiskRefreshRule(),
    ];

    /// <summary>The rules a slot of <paramref name="kind"/> offers (BatchLayout.Accepts).</summary>
    public static IReadOnlyList<SettlementRule> For(ZkOptions.Settlement.Batches.SlotKind kind) =>
        All.Where(r => ZkOptions.Settlement.Batches.BatchLayout.Accepts(kind, r.TypeCode)).ToArray();
}

/// <summary>Checks several rules share.</summary>
internal static class CommonChecks
{
    /// <summary>oracle.fresh: an epoch exists and is at most maxEpochAge old at the batch time.</summary>
    public static void FreshEpoch(SlotContext ctx, RuleCheck check)
    {
        check.NotEqual("oracle.fresh", ctx.Epoch.Id, 0);
        check.LessOrEqual("oracle.fresh", ctx.Timestamp - ctx.Epoch.Timestamp, ctx.Shape.Parameters.MaxEpochAgeSeconds, 40);
    }

    /// <summary>risk.cache-current: the account's cached losses are for the epoch in force.</summary>
    public static void CacheCurrent(SlotContext ctx, RuleCheck check, AccountState account) =>
        check.Equal("risk.cache-current", account.RiskEpoch, ctx.Epoch.Id);

    /// <summary>account.not-liquidating.</summary>
    public static void NotLiquidating(RuleCheck check, AccountState account) =>
        check.Equal("account.not-liquidating", account.LiquidationStart, 0);

    /// <summary>The expiry (low 32 bits) of a packed series key below 2^104.</summary>
    public static Variable ExpiryOf(Api api, Variable series)
    {
        using (api.Scope("series expiry"))
        {
            return SignedArithmetic.SplitLow(api, series, 32, 72).Low;
        }
    }

    /// <summary>Whether the initial margin holds (MtM − IM ≥ 0).</summary>
    public static Variable HoldsInitial(Api api, MarginFigures f) =>
        SignedArithmetic.IsNonNegative(api, f.InitialExcess, MarginFigures.MoneyBits + 10);

    /// <summary>Whether the maintenance margin holds (MtM − MM ≥ 0).</summary>
    public static Variable HoldsMaintenance(Api api, MarginFigures f) =>
        SignedArithmetic.IsNonNegative(api, f.MaintenanceExcess, MarginFigures.MoneyBits + 10);
}
