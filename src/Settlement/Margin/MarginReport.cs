// SPDX-License-Identifier: MIT
using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;
using ZkOptions.Settlement.Numbers;
using ZkOptions.Settlement.Parameters;
using ZkOptions.Settlement.Risk;
using ZkOptions.Settlement.State;

namespace ZkOptions.Settlement.Margin;

/// <summary>
/// A per-account margin breakdown a person can read: each position with its mark value, short charge and its loss
/// in the worst scenario; every scenario's total; and the figures of <see cref="MarginFigures"/> with a verdict.
/// Computed from the positions against the epoch (not from the cache), so it also shows whether the cache is stale.
/// </summary>
public sealed record MarginReport(Account Account, OracleEpoch Epoch, RiskCache Fresh, MarginFigures Figures, IReadOnlyList<string> ScenarioLabels)
{
    /// <summary>Builds the report; throws <see cref="ArgumentException"/> when a position's series is not in the epoch.</summary>
    public static MarginReport For(Account account, OracleEpoch epoch, ExchangeParameters p, IReadOnlyList<string>? labels = null)
    {
        RiskCache fresh = MarginCalculator.ComputeCache(account.Positions, epoch, out var missing)
            ?? throw new ArgumentException($"series {missing} of account {account.Index} is not in epoch {epoch.Id}");
        labels ??= ScenarioGrid.Default.Count == epoch.ScenarioCount
            ? ScenarioGrid.Default.Scenarios.Select(s => s.ToString()).ToArray()
            : Enumerable.Range(1, epoch.ScenarioCount).Select(i => $"scenario {i}").ToArray();
        return new MarginReport(account, epoch, fresh, MarginCalculator.Evaluate(account.Collateral, fresh, p), labels);
    }

    /// <summary>The report as text.</summary>
    public string ToText(ExchangeParameters p)
    {
        var sb = new StringBuilder();
        MarginFigures f = Figures;
        int w = f.WorstScenario;
        sb.AppendLine(CultureInfo.InvariantCulture, $"account {Account.Index}   epoch {Epoch.Id}   collateral {Account.Collateral.ToDollars()} USD{(Account.IsLiquidating ? "   IN LIQUIDATION" : "")}");
        if (Account.Risk.Epoch != Epoch.Id)
        {
            sb.AppendLine(CultureInfo.InvariantCulture, $"note: the account's cached losses are for epoch {Account.Risk.Epoch}; the figures below are recomputed for epoch {Epoch.Id}");
        }
        sb.AppendLine();
        sb.AppendLine(CultureInfo.InvariantCulture, $"{"series",-24} {"quantity",12} {"mark",14} {"value",16} {"short charge",14} {(w >= 0 ? "loss @ worst" : ""),16}");
        foreach (PositionSlot s in Account.Positions.Where(s => !s.IsEmpty))
        {
            SeriesRisk r = Epoch.Find(s.Series!.Value)!.Value.Risk;
            Usd value = Exact.FloorUsd(Exact.Notional(s.Quantity, r.Mark));
            Usd shortCharge = Exact.CeilUsd((Int128)Math.Max(0, -s.Quantity.Units) * r.ShortCharge.Micros);
            string loss = w >= 0 ? Exact.CeilUsd(Exact.Notional(s.Quantity, r.RiskArray[w])).ToDollars() : "";
            sb.AppendLine(CultureInfo.InvariantCulture,
                $"{s.Series.Value.ToDisplay(p.UnderlyingName),-24} {s.Quantity.ToContracts(),12} {r.Mark.ToDollars(),14} {value.ToDollars(),16} {shortCharge.ToDollars(),14} {loss,16}");
        }
        sb.AppendLine();
        sb.AppendLine("scenario losses (positive = loss):");
        for (int i = 0; i < Fresh.Losses.Length; i++)
        {
            sb.AppendLine(CultureInfo.InvariantCulture, $"  {i + 1,2}. {ScenarioLabels[i],-24} {Exact.CeilUsd(Fresh.Losses[i]).ToDollars(),16}{(i == w ? "   ← worst" : "")}");
        }
        sb.AppendLine();
        sb.AppendLine(CultureInfo.InvariantCulture, $"  mark-to-market  MtM = collateral + Σ q·mark      {f.MarkToMarket.ToDollars(),16}");
        sb.AppendLine(CultureInfo.InvariantCulture, $"  worst loss      Worst = max(0, max_s L_s)         {f.Worst.ToDollars(),16}");
        sb.AppendLine(CultureInfo.InvariantCulture, $"  short add-on    Cont = Σ charge·max(0, −q)        {f.ShortCharge.ToDollars(),16}");
        sb.AppendLine(CultureInfo.InvariantCulture, $"  maintenance     MM = Worst + Cont                 {f.Maintenance.ToDollars(),16}   excess {f.MaintenanceExcess.ToDollars()}");
        sb.AppendLine(CultureInfo.InvariantCulture, $"  initial         IM = {p.InitialMarginFactor.ToDecimal()}·MM              {f.Initial.ToDollars(),16}   excess {f.InitialExcess.ToDollars()}");
        sb.AppendLine();
        sb.AppendLine(f.HoldsInitial ? "status: initial margin holds (may trade and withdraw)"
            : f.HoldsMaintenance ? "status: below initial, above maintenance (only risk-reducing trades)"
            : "status: BELOW MAINTENANCE (liquidation may start)");
        return sb.ToString();
    }

    /// <summary>The report as one JSON object (amounts as micro-USD strings).</summary>
    public JsonObject ToJson()
    {
        MarginFigures f = Figures;
        return new JsonObject
        {
            ["account"] = Account.Index.ToString(CultureInfo.InvariantCulture),
            ["epoch"] = Epoch.Id.ToString(CultureInfo.InvariantCulture),
            ["collateral"] = Account.Collateral.ToString(),
            ["markToMarket"] = f.MarkToMarket.ToString(),
            ["worst"] = f.Worst.ToString(),
            ["worstScenario"] = f.WorstScenario < 0 ? null : ScenarioLabels[f.WorstScenario],
            ["shortCharge"] = f.ShortCharge.ToString(),
            ["maintenance"] = f.Maintenance.ToString(),
            ["initial"] = f.Initial.ToString(),
            ["maintenanceExcess"] = f.MaintenanceExcess.ToString(),
            ["initialExcess"] = f.InitialExcess.ToString(),
            ["holdsMaintenance"] = f.HoldsMaintenance,
            ["holdsInitial"] = f.HoldsInitial,
            ["liquidating"] = Account.IsLiquidating,
            ["scenarioLosses"] = new JsonArray(Fresh.Losses.Select(l => (JsonNode)JsonValue.Create(Exact.CeilUsd(l).ToString())).ToArray()),
        };
    }
}
