// SPDX-License-Identifier: MIT
using ZkOptions.Field;
using ZkOptions.Settlement.Batches;
using ZkOptions.Settlement.Simulation;
using ZkOptions.Settlement.Transactions;

namespace ZkOptions.Cli.Demo;

/// <summary>What the demo's settlement session did, counted from its batches (nothing here is assumed).</summary>
internal sealed record SessionFacts(
    int Batches,
    int Transactions,
    IReadOnlyList<(string Type, int Count)> ByType,
    int OracleEpochs,
    int SeriesPerEpoch,
    int ScenariosPerSeries,
    int SignedOrders,
    int Exits,
    int Rejected,
    Fr FinalRoot)
{
    public static SessionFacts Of(Simulator simulator, IReadOnlyList<Batch> batches)
    {
        var transactions = batches.SelectMany(b => b.Transactions).Select(t => t.Transaction).ToList();
        var epochs = transactions.OfType<OracleUpdateTx>().Select(t => t.Epoch).ToList();
        return new SessionFacts(
            Batches: batches.Count,
            Transactions: transactions.Count,
            ByType: [.. transactions.GroupBy(t => t.TypeName).Select(g => (g.Key, g.Count())).OrderByDescending(p => p.Item2).ThenBy(p => p.Key, StringComparer.Ordinal)],
            OracleEpochs: epochs.Count,
            SeriesPerEpoch: epochs.Count == 0 ? 0 : epochs.Max(e => e.Series.Count),
            ScenariosPerSeries: epochs.Count == 0 ? 0 : epochs[0].ScenarioCount,
            // A trade carries the maker's and the taker's signed order; a liquidation bid is signed by its liquidator.
            SignedOrders: transactions.OfType<TradeTx>().Count() * 2,
            Exits: batches.Sum(b => b.Exits.Count),
            Rejected: simulator.Sequencer.Rejections.Count,
            FinalRoot: simulator.State.Root);
    }

    public int Count(string type) => ByType.FirstOrDefault(p => p.Type == type).Count;

    public string ByTypeText() => string.Join(", ", ByType.Select(p => $"{p.Count} {p.Type}"));
}
