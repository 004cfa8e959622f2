// SPDX-License-Identifier: MIT
using System.Text.Json.Nodes;
using ZkOptions.Field;
using ZkOptions.Field.BabyJubjub;
using ZkOptions.Field.Hashing;
using ZkOptions.Settlement.Batches;
using ZkOptions.Settlement.Engine;
using ZkOptions.Settlement.Orders;
using ZkOptions.Settlement.Serialization;
using ZkOptions.Settlement.State;
using ZkOptions.Settlement.Tests.Support;
using ZkOptions.Settlement.Transactions;

namespace ZkOptions.Settlement.Tests.Batches;

[Collection(DefaultScenarioCollection.Name)]
public sealed class BatchReadTests(DefaultScenarioRun run)
{
    private IReadOnlyList<(Batch Original, string Json, Batch Read)> RoundTrips() => run.ReadBack;

    [Fact]
    public void WritingAReadBatchGivesTheSameFile()
    {
        Assert.NotEmpty(run.Batches);
        foreach (var (_, json, read) in RoundTrips())
        {
            Assert.Equal(json, BatchJson.Write(read, run.Parameters).ToJsonString());
        }
    }

    [Fact]
    public void TheJsonObjectTheWriterBuildsReadsWithoutATextRoundTrip()
    {
        Batch b = run.Batches[0];
        Batch read = BatchJson.Read(BatchJson.Write(b, run.Parameters), run.Parameters, "memory");
        Assert.Equal(b.NewRoot, read.NewRoot);
        Assert.Equal(b.Transactions.Count, read.Transactions.Count);
    }

    [Fact]
    public void AReadBatchHasTheOriginalPublicInputsHeaderAndExits()
    {
        foreach (var (b, _, r) in RoundTrips())
        {
            Assert.Equal(b.PublicInputs, r.PublicInputs);
            Assert.Equal((b.Number, b.Timestamp, b.ParametersHash), (r.Number, r.Timestamp, r.ParametersHash));
            Assert.Equal((b.QueueConsumedBefore, b.QueueConsumedAfter), (r.QueueConsumedBefore, r.QueueConsumedAfter));
            Assert.Equal(b.Start, r.Start);
            Assert.Equal(b.Exits, r.Exits);
        }
    }

    [Fact]
    public void AReadBatchHasTheOriginalTransactionsAndWitnesses()
    {
        int transactions = 0;
        foreach (var (b, _, r) in RoundTrips())
        {
            Assert.Equal(b.Transactions.Count, r.Transactions.Count);
            foreach (var (x, y) in b.Transactions.Zip(r.Transactions))
            {
                transactions++;
                Assert.Equal(x.Transaction.TypeName, y.Transaction.TypeName);
                if (x.Transaction is OracleUpdateTx ox)
                {
                    var oy = Assert.IsType<OracleUpdateTx>(y.Transaction);
                    Assert.Equal((ox.Epoch.Id, ox.Epoch.Timestamp, ox.Epoch.Commitment, ox.Epoch.Signature), (oy.Epoch.Id, oy.Epoch.Timestamp, oy.Epoch.Commitment, oy.Epoch.Signature));
                }
                else if (x.Transaction is TradeTx tx)
                {
                    var ty = Assert.IsType<TradeTx>(y.Transaction);
                    Assert.Equal((tx.Maker.Order, tx.Maker.Signature, tx.Taker.Order, tx.Taker.Signature, tx.Fill),
                        (ty.Maker.Order, ty.Maker.Signature, ty.Taker.Order, ty.Taker.Signature, ty.Fill));
                }
                else
                {
                    Assert.Equal(x.Transaction, y.Transaction); // records without collections compare by value
                }
                Assert.Equal((x.Timestamp, x.RootBefore, x.RootAfter), (y.Timestamp, y.RootBefore, y.RootAfter));
                Assert.Equal(x.Exits, y.Exits);
                Assert.Equal(x.Details.OrderBy(kv => kv.Key, StringComparer.Ordinal), y.Details.OrderBy(kv => kv.Key, StringComparer.Ordinal));
                Assert.Equal(x.AccountUpdates.Count, y.AccountUpdates.Count);
                foreach (var (u, v) in x.AccountUpdates.Zip(y.AccountUpdates))
                {
                    Assert.Equal(u.Index, v.Index);
                    Assert.Equal(u.Before?.LeafHash(), v.Before?.LeafHash());
                    Assert.Equal(u.After.LeafHash(), v.After.LeafHash());
                    Assert.Equal(u.After.OrderTree.Root, v.After.OrderTree.Root);
                    AssertSameProof(u.Proof, v.Proof);
                }
                Assert.Equal(x.OrderSlots.Count, y.OrderSlots.Count);
                foreach (var (s, t) in x.OrderSlots.Zip(y.OrderSlots))
                {
                    Assert.Equal((s.Account, s.Slot, s.Before, s.After), (t.Account, t.Slot, t.Before, t.After));
                    AssertSameProof(s.Proof, t.Proof);
                }
                Assert.Equal(x.Series.Count, y.Series.Count);
                foreach (var (s, t) in x.Series.Zip(y.Series))
                {
                    Assert.Equal((s.Index, s.Risk.Key, s.Risk.LeafHash()), (t.Index, t.Risk.Key, t.Risk.LeafHash()));
                    AssertSameProof(s.Proof, t.Proof);
                }
            }
        }
        Assert.True(transactions > 50, $"only {transactions} transactions");
    }

    [Fact]
    public void ReadSignaturesVerifyAgainstTheReadAccountsKeys()
    {
        long chain = run.Parameters.ChainId;
        int checkedSignatures = 0;
        foreach (var (_, _, r) in RoundTrips())
        {
            foreach (TransactionResult t in r.Transactions)
            {
                BabyJubjubPoint KeyOf(long account) => t.AccountUpdates.First(u => u.Index == account).After.PublicKey;
                switch (t.Transaction)
                {
                    case TradeTx trade:
                        foreach (SignedOrder o in new[] { trade.Maker, trade.Taker })
                        {
                            Assert.True(EddsaPoseidon.Verify(KeyOf(o.Order.Account), o.Order.Hash(), o.Signature));
                            checkedSignatures++;
                        }
                        break;
                    case WithdrawTx w:
                        Assert.True(EddsaPoseidon.Verify(KeyOf(w.Account), SignedMessages.Withdraw(w.Account, w.Amount, w.Recipient, w.Nonce, chain), w.Signature));
                        checkedSignatures++;
                        break;
                    case LiquidationBidTx bid:
                        Assert.True(EddsaPoseidon.Verify(KeyOf(bid.Liquidator),
                            SignedMessages.LiquidationBid(bid.Liquidator, bid.Victim, bid.Fraction, bid.Price, bid.Nonce, chain), bid.Signature));
                        checkedSignatures++;
                        break;
                    case OracleUpdateTx o:
                        Assert.True(o.Epoch.IsSignedBy(run.Parameters.OraclePublicKey, run.Parameters.OracleDomain));
                        checkedSignatures++;
                        break;
                }
            }
        }
        Assert.True(checkedSignatures > 10, $"only {checkedSignatures} signatures");
    }

    [Fact]
    public void ReadAccountProofsOpenEachTransactionsRoots()
    {
        foreach (var (_, _, r) in RoundTrips())
        {
            Fr accounts = r.Start.AccountsRoot;
            foreach (TransactionResult t in r.Transactions)
            {
                foreach (AccountUpdate u in t.AccountUpdates)
                {
                    Assert.Equal(accounts, SparseMerkleTree.ComputeRoot(4, u.Before?.LeafHash() ?? Fr.Zero, u.Index, u.Proof));
                    accounts = SparseMerkleTree.ComputeRoot(4, u.After.LeafHash(), u.Index, u.Proof);
                }
            }
        }
    }

    [Fact]
    public void AccountJsonRebuildsEveryAccountOfTheFinalState()
    {
        var json = new JsonFields("state.json");
        Assert.NotEmpty(run.Simulator.State.Accounts);
        foreach (Account a in run.Simulator.State.Accounts.Values)
        {
            JsonObject written = JsonNode.Parse(AccountJson.Write(a).ToJsonString())!.AsObject();
            Account read = AccountJson.Read(written, json, run.Parameters);
            Assert.Equal(a.LeafHash(), read.LeafHash());
            Assert.Equal(a.Fills.OrderBy(kv => kv.Key), read.Fills.OrderBy(kv => kv.Key));
            Assert.True(a.Risk.SameAs(read.Risk));
        }
    }

    [Fact]
    public void ReadFileReadsABatchFileAndNamesAMissingOne()
    {
        string dir = Path.Combine(Path.GetTempPath(), "zkoptions-batchread-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(dir);
        try
        {
            string path = Path.Combine(dir, "batch-0001.json");
            File.WriteAllText(path, BatchJson.Write(run.Batches[0], run.Parameters).ToJsonString());
            Assert.Equal(run.Batches[0].NewRoot, BatchJson.ReadFile(path, run.Parameters).NewRoot);

            string missing = Path.Combine(dir, "none.json");
            var e = Assert.Throws<SettlementInputException>(() => BatchJson.ReadFile(missing, run.Parameters));
            Assert.Equal(missing, e.FileName);

            File.WriteAllText(path, "{ not json");
            e = Assert.Throws<SettlementInputException>(() => BatchJson.ReadFile(path, run.Parameters));
            Assert.Contains("not valid JSON", e.Message);
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }

    [Fact]
    public void ParametersOtherThanTheBatchsAreRefused()
    {
        var other = run.Parameters with { ChainId = run.Parameters.ChainId + 1 };
        var e = Assert.Throws<SettlementInputException>(() => BatchJson.Read(BatchJson.Write(run.Batches[0], run.Parameters), other, "b.json"));
        Assert.Contains("parametersHash", e.Message);
        Assert.Contains("pass the parameters file the batch was written with", e.Message);
    }

    [Fact]
    public void ATopLevelThatIsNotAnObjectIsRefused()
    {
        var e = Assert.Throws<SettlementInputException>(() => BatchJson.Read(JsonValue.Create(3), run.Parameters, "b.json"));
        Assert.Equal("b.json: the top level must be a JSON object", e.Message);
    }

    [Fact]
    public void APropertyWrittenTwiceIsRefused()
    {
        string json = BatchJson.Write(run.Batches[0], run.Parameters).ToJsonString();
        string twice = json.Replace("\"rootAfter\":", "\"rootAfter\":\"1\",\"rootAfter\":", StringComparison.Ordinal);
        // A tree parsed by the caller holds the duplicate; the reader names the object.
        var e = Assert.Throws<SettlementInputException>(() => BatchJson.Read(JsonNode.Parse(twice)!, run.Parameters, "b.json"));
        Assert.Equal("b.json: transactions[0] has a property twice", e.Message);
        // ReadFile's parser refuses it as invalid JSON.
        string path = Path.Combine(Path.GetTempPath(), "zkoptions-batchread-" + Guid.NewGuid().ToString("N") + ".json");
        File.WriteAllText(path, twice);
        try
        {
            e = Assert.Throws<SettlementInputException>(() => BatchJson.ReadFile(path, run.Parameters));
            Assert.Contains("not valid JSON", e.Message);
            Assert.Contains("rootAfter", e.Message);
        }
        finally
        {
            File.Delete(path);
        }
    }

    private static void AssertSameProof(MerkleProof a, MerkleProof b)
    {
        Assert.Equal(a.Siblings.Count, b.Siblings.Count);
        foreach (var (x, y) in a.Siblings.Zip(b.Siblings))
        {
            Assert.Equal(x, y);
        }
    }
}
