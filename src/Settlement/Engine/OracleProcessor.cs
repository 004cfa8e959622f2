// SPDX-License-Identifier: MIT
using ZkOptions.Settlement.Margin;
using ZkOptions.Settlement.Instruments;
using ZkOptions.Settlement.Risk;
using ZkOptions.Settlement.State;
using ZkOptions.Settlement.Transactions;
using static ZkOptions.Settlement.Transactions.TransactionRejectedException;

namespace ZkOptions.Settlement.Engine;

/// <summary>Risk epochs (signed, forward in id and time, not stale) and per-account risk refreshes.</summary>
internal static class OracleProcessor
{
    public static void Update(TransactionContext ctx, OracleUpdateTx tx)
    {
        OracleEpoch e = tx.Epoch;
        OracleEpoch? current = ctx.State.Epoch;
        var p = ctx.Parameters;
        Require(e.ScenarioCount == p.ScenarioCount && e.SeriesTreeDepth == p.SeriesTreeDepth, Rule.OracleConsistent,
            () => $"epoch {e.Id} has S = {e.ScenarioCount}, series depth {e.SeriesTreeDepth}; the exchange uses {p.ScenarioCount}, {p.SeriesTreeDepth}");
        Require(current is null || e.Id == current.Id + 1, Rule.OracleForward, () => $"epoch {e.Id} does not follow epoch {current!.Id}");
        Require(current is null || e.Timestamp > current.Timestamp, Rule.OracleForward,
            () => $"epoch {e.Id} at {e.Timestamp} is not later than epoch {current!.Id} at {current.Timestamp}");
        Require(e.Timestamp <= ctx.Timestamp, Rule.OracleForward, () => $"epoch {e.Id} at {e.Timestamp} is after the batch time {ctx.Timestamp}");
        Require(ctx.Timestamp - e.Timestamp <= p.MaxEpochAgeSeconds, Rule.OracleFresh,
            () => $"epoch {e.Id} is {ctx.Timestamp - e.Timestamp} s old at batch time {ctx.Timestamp}; the limit is {p.MaxEpochAgeSeconds} s");
        Require(e.IsSignedBy(p.OraclePublicKey, p.OracleDomain), Rule.OracleSignature,
            () => $"epoch {e.Id} is not signed by the oracle key for this deployment (chain {p.ChainId}, rollup {Batches.AccountJson.Address(p.RollupAddress)})");
        foreach (SeriesRisk s in e.Series)
        {
            bool expired = s.Key.Expiry <= e.Timestamp;
            Require(expired == s.IsSettled, Rule.OracleConsistent, () => expired
                ? $"series {s.Key.ToDisplay(p.UnderlyingName)} expired but epoch {e.Id} gives no settlement price"
                : $"series {s.Key.ToDisplay(p.UnderlyingName)} has a settlement price before its expiry");
            Require(!s.IsSettled || s.RiskArray.All(v => v.Micros == 0) && s.ShortCharge.Micros == 0, Rule.OracleConsistent,
                () => $"settled series {s.Key.ToDisplay(p.UnderlyingName)} must carry a zero risk array and short charge");
            if (current?.Find(s.Key) is { } old && old.Risk.IsSettled)
            {
                Require(old.Risk.SettlementPrice == s.SettlementPrice, Rule.OracleConsistent,
                    () => $"settlement price of {s.Key.ToDisplay(p.UnderlyingName)} changed from {old.Risk.SettlementPrice.ToDollars()} to {s.SettlementPrice.ToDollars()}");
            }
        }
        ctx.NewEpoch = e;
        ctx.Details["epoch"] = e.Id.ToString(System.Globalization.CultureInfo.InvariantCulture);
        ctx.Details["commitment"] = e.Commitment.ToString();
    }

    public static void Refresh(TransactionContext ctx, RiskRefreshTx tx)
    {
        Account account = ctx.Load(tx.Account, "refreshed");
        QueueProcessor.RefreshRisk(ctx, account, ctx.CurrentEpoch());
    }
}
