// SPDX-License-Identifier: MIT
using ZkOptions.Settlement.Batches;
using ZkOptions.Settlement.Simulation;
using ZkOptions.Settlement.Transactions;

namespace ZkOptions.Settlement.Tests.Batches;

/// <summary>
/// batch-T-G layouts: where the general slots sit, which slot each transaction takes, the names, and the simulator
/// cutting its batches so each fits the layout.
/// </summary>
public sealed class BatchLayoutTests
{
    private const int T = TransactionTypes.Trade, D = TransactionTypes.Deposit, O = TransactionTypes.OracleUpdate;

    [Theory]
    [InlineData(4, 1, "G....")]
    [InlineData(4, 2, "G..G..")]
    [InlineData(6, 3, "G..G..G..")]
    [InlineData(0, 3, "GGG")]
    [InlineData(3, 0, "...")]
    [InlineData(5, 2, "G..G...")]
    public void General_slots_are_spread_evenly_from_slot_0(int trades, int generals, string expected)
    {
        var layout = new BatchLayout(trades, generals);
        Assert.Equal(expected, string.Concat(Enumerable.Range(0, layout.Slots).Select(s => layout.KindOf(s) == SlotKind.General ? 'G' : '.')));
        Assert.Equal(generals, Enumerable.Range(0, layout.Slots).Count(s => layout.KindOf(s) == SlotKind.General));
    }

    [Fact]
    public void Each_transaction_takes_the_earliest_slot_after_the_previous_that_accepts_it()
    {
        var layout = new BatchLayout(4, 2);   // G..G..
        Assert.Equal<int>([0, 1, 2, 3, 4], layout.Assign([D, T, T, O, T])!);
        Assert.Equal<int>([0, 3, 4, 5], layout.Assign([T, O, T, T])!);
        Assert.Null(layout.Assign([D, O, O]));          // the third needs a general slot after slot 3
        Assert.Null(layout.Assign([T, T, T, T, T, T, T]));
        Assert.Equal<int>([0, 1, 2, 3, 4, 5], layout.Assign([T, T, T, T, T, T])!);
        Assert.Equal<int>([], layout.Assign([])!);
    }

    [Theory]
    [InlineData("batch-4", 0, 4, "batch-4")]
    [InlineData("batch-128-4", 128, 4, "batch-128-4")]
    [InlineData("batch-0-2", 0, 2, "batch-2")]
    [InlineData("batch-3-0", 3, 0, "batch-3-0")]
    public void Names_read_and_write(string name, int trades, int generals, string canonical)
    {
        var layout = BatchLayout.Parse(name)!;
        Assert.Equal((trades, generals), (layout.TradeSlots, layout.GeneralSlots));
        Assert.Equal(canonical, layout.Name);
    }

    [Theory]
    [InlineData("batch-0")]
    [InlineData("batch-0-0")]
    [InlineData("batch--1")]
    [InlineData("batch-1-2-3")]
    [InlineData("batch-x")]
    [InlineData("Batch-1")]
    [InlineData("batch-99999999")]
    public void Other_names_are_not_layouts(string name) => Assert.Null(BatchLayout.Parse(name));

    [Fact]
    public void The_simulator_cuts_batches_that_fit_the_layout_and_loses_no_transaction()
    {
        var layout = new BatchLayout(6, 2);
        var laidOut = new Simulator(new ScenarioSettings { Layout = layout }).Run();
        var uncapped = new Simulator(new ScenarioSettings()).Run();
        // No batch is empty, even where the engine refused the transaction that opened it.
        Assert.All(laidOut, b => Assert.NotEmpty(b.Transactions));
        Assert.All(laidOut, b => Assert.NotNull(layout.Assign(b.Transactions.Select(t => t.Transaction.TypeCode).ToArray())));
        Assert.Equal(uncapped.SelectMany(b => b.Transactions).Select(t => t.Transaction.TypeName),
            laidOut.SelectMany(b => b.Transactions).Select(t => t.Transaction.TypeName));
        Assert.Equal(uncapped[^1].NewRoot, laidOut[^1].NewRoot);
        Assert.True(laidOut.Count > uncapped.Count);
        // Batches chain: each starts at the root the previous one ended at.
        for (int i = 1; i < laidOut.Count; i++)
        {
            Assert.Equal(laidOut[i - 1].NewRoot, laidOut[i].OldRoot);
        }
    }
}
