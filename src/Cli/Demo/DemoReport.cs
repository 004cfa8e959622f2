// SPDX-License-Identifier: MIT
using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;
using ZkOptions.Field;
using ZkOptions.Cli.Output;

namespace ZkOptions.Cli.Demo;

/// <summary>What <c>zkoptions demo</c> measured, as the summary table and as its --json object.</summary>
internal sealed record DemoReport(
    SessionFacts Session,
    string Circuit,
    int Rows,
    int TradeSlotRows,
    int DomainPower,
    int PublicSignals,
    IReadOnlyList<string> CheckedTypes,
    long ProvedBatch,
    int ProvedTrades,
    Fr NewStateRoot,
    int ProofBytes,
    int CalldataBytes,
    long ExpectedGas,
    double SessionSeconds,
    double CheckSeconds,
    double SetupSeconds,
    double ProveSeconds,
    double VerifySeconds,
    double TotalSeconds,
    string Directory,
    string? KeyFile)
{
    /// <summary>The proof's rows per trade it proves: what a trade cost in this proof, its general slot and padding included.</summary>
    public int RowsPerTrade => ProvedTrades == 0 ? Rows : (int)Math.Round((double)Rows / ProvedTrades);

    /// <summary>The verifier's gas per trade the proof covers.</summary>
    public long GasPerTrade => ProvedTrades == 0 ? ExpectedGas : (long)Math.Round((double)ExpectedGas / ProvedTrades);

    public string ToTable()
    {
        var c = CultureInfo.InvariantCulture;
        var s = Session;
        var sb = new StringBuilder();
        void Row(string label, string value) => sb.Append(c, $"  {label,-14}{value}\n");
        sb.Append(c, $"zkoptions demo: done in {TotalSeconds:F1} s\n");
        Row("session", $"{Counted.Of(s.Batches, "batch", "batches")}, {Counted.Of(s.Transactions, "transaction")} in {SessionSeconds:F1} s: " +
                       $"{Counted.Of(s.OracleEpochs, "oracle epoch")} ({s.SeriesPerEpoch} series, {s.ScenariosPerSeries}-scenario risk arrays), " +
                       $"{Counted.Of(s.SignedOrders, "signed order")} in {Counted.Of(s.Count("trade"), "trade")},");
        Row("", $"{Counted.Of(s.Count("liquidationStart"), "liquidation")} ({Counted.Of(s.Count("liquidationBid"), "bid")}), " +
                $"{Counted.Of(s.Count("settle"), "expiry settlement")}, {Counted.Of(s.Exits, "exit")}, {Counted.Of(s.Rejected, "request")} refused");
        Row("circuit", $"{Circuit} on PLONK v2: {Counted.Of(Rows, "row", format: "N0")} (a trade slot {TradeSlotRows:N0}), domain 2^{DomainPower}, " +
                       $"{Counted.Of(PublicSignals, "public signal")}; agrees with the engine on {Counted.Of(CheckedTypes.Count, "transaction type")} ({CheckSeconds:F1} s)");
        Row("setup", $"{SetupSeconds:F1} s (development SRS: insecure, for the demo only)");
        Row("prove", $"{ProveSeconds:F1} s: batch {ProvedBatch}, {Counted.Of(ProvedTrades, "trade")} of the session's {s.Count("trade")} in one proof; " +
                     $"new state root {Abbreviated(NewStateRoot)}");
        Row("verify (C#)", $"{VerifySeconds:F2} s: valid, and a forged new state root is refused");
        Row("proof size", $"{ProofBytes:N0} B ({ProofBytes / 32} words); calldata {CalldataBytes:N0} B with the {Counted.Of(PublicSignals, "public signal")}");
        Row("expected gas", $"{ExpectedGas:N0} for the verifyProof transaction (gas model, held to anvil in tests)");
        Row("per trade", $"{RowsPerTrade:N0} rows, {GasPerTrade:N0} verifier gas ({Counted.Of(ProvedTrades, "trade")} in the proof)");
        Row("files", $"{Directory}: {string.Join(", ", DemoFiles.Names)}{(KeyFile is null ? "" : $", {KeyFile}")}");
        return sb.ToString();
    }

    private static string Abbreviated(Fr value) => value.ToString() is { Length: > 18 } text ? text[..18] + "…" : value.ToString();

    public JsonObject ToJson() => new()
    {
        ["session"] = new JsonObject
        {
            ["batches"] = Session.Batches,
            ["transactions"] = Session.Transactions,
            ["byType"] = new JsonObject(Session.ByType.Select(p => KeyValuePair.Create(p.Type, (JsonNode?)p.Count))),
            ["oracleEpochs"] = Session.OracleEpochs,
            ["seriesPerEpoch"] = Session.SeriesPerEpoch,
            ["scenariosPerSeries"] = Session.ScenariosPerSeries,
            ["signedOrders"] = Session.SignedOrders,
            ["exits"] = Session.Exits,
            ["rejected"] = Session.Rejected,
            ["finalRoot"] = Session.FinalRoot.ToString(),
        },
        ["circuit"] = Circuit,
        ["system"] = "v2",
        ["gates"] = Rows,
        ["rows"] = Rows,
        ["tradeSlotRows"] = TradeSlotRows,
        ["domainPower"] = DomainPower,
        ["publicSignals"] = PublicSignals,
        ["checkedTypes"] = new JsonArray([.. CheckedTypes.Select(t => (JsonNode?)t)]),
        ["provedBatch"] = ProvedBatch,
        ["provedTrades"] = ProvedTrades,
        ["rowsPerTrade"] = RowsPerTrade,
        ["gasPerTrade"] = GasPerTrade,
        ["newStateRoot"] = NewStateRoot.ToString(),
        ["proofBytes"] = ProofBytes,
        ["calldataBytes"] = CalldataBytes,
        ["expectedGas"] = ExpectedGas,
        ["seconds"] = new JsonObject
        {
            ["session"] = Math.Round(SessionSeconds, 3),
            ["check"] = Math.Round(CheckSeconds, 3),
            ["setup"] = Math.Round(SetupSeconds, 3),
            ["prove"] = Math.Round(ProveSeconds, 3),
            ["verify"] = Math.Round(VerifySeconds, 3),
            ["total"] = Math.Round(TotalSeconds, 3),
        },
        ["out"] = Directory,
    };
}
