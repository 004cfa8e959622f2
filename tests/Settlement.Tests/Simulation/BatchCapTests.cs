// SPDX-License-Identifier: MIT
using ZkOptions.Settlement.Batches;
using ZkOptions.Settlement.Engine;
using ZkOptions.Settlement.Matching;
using ZkOptions.Settlement.Simulation;

namespace ZkOptions.Settlement.Tests.Simulation;

/// <summary>A sequencer capped at N transactions per batch (the slot count of the circuit that proves them).</summary>
public sealed class BatchCapTests
{
    [Theory]
    [InlineData(1)]
    [InlineData(4)]
    public void CappedBatchesHoldTheSameTransitionsInTheSameOrder(int cap)
    {
        IReadOnlyList<Batch> whole = new Simulator(new ScenarioSettings()).Run();
        IReadOnlyList<Batch> capped = new Simulator(new ScenarioSettings { MaxBatchTransactions = cap }).Run();

        Assert.All(capped, b => Assert.InRange(b.Transactions.Count, 1, cap));
        Assert.Equal(Enumerable.Range(1, capped.Count).Select(i => (long)i), capped.Select(b => b.Number));
        for (int i = 1; i < capped.Count; i++)
        {
            Assert.Equal(capped[i - 1].NewRoot, capped[i].OldRoot);
            Assert.Equal(capped[i - 1].QueueHashAfter, capped[i].QueueHashBefore);
            Assert.True(capped[i].Timestamp >= capped[i - 1].Timestamp);
        }
        Assert.Equal(whole[^1].NewRoot, capped[^1].NewRoot);
        Assert.Equal(
            whole.SelectMany(b => b.Transactions).Select(r => (r.Transaction.TypeName, r.RootBefore, r.RootAfter)),
            capped.SelectMany(b => b.Transactions).Select(r => (r.Transaction.TypeName, r.RootBefore, r.RootAfter)));
        Assert.Equal(whole.SelectMany(b => b.Exits), capped.SelectMany(b => b.Exits));
    }

    [Fact]
    public void ACappedSequencerMustBeSealedWithSealBatches()
    {
        var sim = new Simulator(new ScenarioSettings());
        var seq = new Sequencer(sim.Sequencer.Engine) { MaxTransactionsPerBatch = 2 };
        seq.BeginBatch(sim.State.Timestamp);
        Assert.Throws<InvalidOperationException>(() => seq.SealBatch());
        Assert.Throws<ArgumentOutOfRangeException>(() => new Sequencer(sim.Sequencer.Engine) { MaxTransactionsPerBatch = 0 });
    }
}
