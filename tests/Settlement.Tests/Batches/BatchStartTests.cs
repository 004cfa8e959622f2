// SPDX-License-Identifier: MIT
using ZkOptions.Field;
using ZkOptions.Field.Hashing;
using ZkOptions.Settlement.Batches;
using ZkOptions.Settlement.Hashing;
using ZkOptions.Settlement.Tests.Support;

namespace ZkOptions.Settlement.Tests.Batches;

[Collection(DefaultScenarioCollection.Name)]
public sealed class BatchStartTests(DefaultScenarioRun run)
{
    [Fact]
    public void TheStartOpensTheOldRootAndTheEpochCommitmentOfEveryBatch()
    {
        Assert.NotEmpty(run.Batches);
        foreach (Batch b in run.Batches)
        {
            BatchStart s = b.Start;
            Assert.Equal(b.OldRoot, Poseidon.Hash(s.AccountsRoot, FieldCodec.Unsigned(s.EpochId), FieldCodec.Unsigned(s.EpochTimestamp), s.EpochCommitment));
            Assert.Equal(b.OldRoot, s.StateRoot());
            if (s.EpochId == 0)
            {
                Assert.Equal((0L, Fr.Zero, Fr.Zero, Fr.Zero), (s.EpochTimestamp, s.EpochCommitment, s.SeriesRoot, s.SpotsHash));
            }
            else
            {
                Assert.Equal(s.EpochCommitment, Poseidon.Hash(FieldCodec.Unsigned(s.EpochId), FieldCodec.Unsigned(s.EpochTimestamp), s.SeriesRoot, s.SpotsHash));
                Assert.Equal(s.EpochCommitment, s.Commitment());
            }
        }
        // The first batch opens on the empty state; later ones on the epoch the previous batch ended with.
        Assert.Equal(0, run.Batches[0].Start.EpochId);
        Assert.Contains(run.Batches, b => b.Start.EpochId > 0);
        for (int i = 1; i < run.Batches.Count; i++)
        {
            Assert.Equal(run.Batches[i - 1].EpochCommitment, run.Batches[i].Start.EpochCommitment);
        }
    }

    [Fact]
    public void TheBatchFileWritesTheStartAsDecimalStrings()
    {
        Batch b = run.Batches[^1];
        var start = BatchJson.Write(b, run.Parameters)["start"]!.AsObject();
        Assert.Equal(b.Start.AccountsRoot.ToString(), (string?)start["accountsRoot"]);
        Assert.Equal(b.Start.EpochId.ToString(System.Globalization.CultureInfo.InvariantCulture), (string?)start["epochId"]);
        Assert.Equal(b.Start.EpochTimestamp.ToString(System.Globalization.CultureInfo.InvariantCulture), (string?)start["epochTimestamp"]);
        Assert.Equal(b.Start.EpochCommitment.ToString(), (string?)start["epochCommitment"]);
        Assert.Equal(b.Start.SeriesRoot.ToString(), (string?)start["seriesRoot"]);
        Assert.Equal(b.Start.SpotsHash.ToString(), (string?)start["spotsHash"]);
    }
}
