// SPDX-License-Identifier: MIT
using ZkOptions.Settlement.Batches;
using ZkOptions.Settlement.Engine;
using ZkOptions.Settlement.Simulation;
using ZkOptions.Settlement.State;

namespace ZkOptions.Settlement.Tests.Simulation;

public sealed class DefaultScenarioTests
{
    private static readonly Lazy<(Simulator Sim, IReadOnlyList<Batch> Batches)> Run = new(() =>
    {
        var sim = new Simulator(new ScenarioSettings());
        return (sim, sim.Run());
    });

    [Fact]
    public void TheBuiltInScenarioUsesEveryTransactionTypeAndLiquidatesOnTheCrashDay()
    {
        var (sim, batches) = Run.Value;
        var types = batches.SelectMany(b => b.Transactions).Select(r => r.Transaction.TypeName).ToHashSet();
        string[] all = ["deposit", "withdraw", "forcedWithdraw", "trade", "liquidationStart", "liquidationBid", "liquidationEnd", "settle", "oracleUpdate", "riskRefresh", "noop"];
        Assert.All(all, t => Assert.Contains(t, types));
        Assert.Contains(batches.SelectMany(b => b.Transactions), r => r.Transaction is Transactions.LiquidationStartTx s && s.Account == Simulator.ShortSeller);
        Assert.DoesNotContain(sim.State.Accounts.Values, a => a.Positions.Any(p => p.Series is { } k && k.Expiry <= sim.State.Timestamp));
    }

    [Fact]
    public void BatchesChainRootsAndTheQueue()
    {
        var (_, batches) = Run.Value;
        for (int i = 0; i < batches.Count; i++)
        {
            Batch b = batches[i];
            if (i > 0)
            {
                Assert.Equal(batches[i - 1].NewRoot, b.OldRoot);
                Assert.Equal(batches[i - 1].QueueHashAfter, b.QueueHashBefore);
            }
            var roots = b.Transactions.Select(t => (t.RootBefore, t.RootAfter)).ToArray();
            Assert.Equal(b.OldRoot, roots[0].RootBefore);
            Assert.Equal(b.NewRoot, roots[^1].RootAfter);
            for (int j = 1; j < roots.Length; j++)
            {
                Assert.Equal(roots[j - 1].RootAfter, roots[j].RootBefore);
            }
            // Every account update's proof opens the leaf it replaces.
            foreach (TransactionResult r in b.Transactions)
            {
                foreach (AccountUpdate u in r.AccountUpdates)
                {
                    var leaf = u.Before?.LeafHash() ?? Field.Fr.Zero;
                    var root = Field.Hashing.SparseMerkleTree.ComputeRoot(4, leaf, u.Index, u.Proof);
                    var after = Field.Hashing.SparseMerkleTree.ComputeRoot(4, u.After.LeafHash(), u.Index, u.Proof);
                    Assert.NotEqual(default, root);
                    Assert.NotEqual(default, after);
                }
            }
            var json = BatchJson.Write(b, Run.Value.Sim.Parameters);
            Assert.Equal(b.Transactions.Count, json["transactions"]!.AsArray().Count);
        }
    }
}
