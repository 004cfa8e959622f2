// SPDX-License-Identifier: MIT
using System.Numerics;
using ZkOptions.Settlement.Engine;
using ZkOptions.Settlement.Numbers;
using ZkOptions.Settlement.Parameters;
using ZkOptions.Settlement.State;
using ZkOptions.Settlement.Transactions;

namespace ZkOptions.Solidity.Tests.Rollup;

/// <summary>
/// Issue 18, deposit front-running: when the depositor chose the index and the first deposit set the key, Mallory
/// could see Alice's first deposit in the mempool, open Alice's index first with her own key, and have Alice's money
/// credited to a leaf Mallory controls. Now the contract assigns indices and a top-up must name the key it expects.
/// </summary>
public sealed class DepositFrontRunningTests(RollupFixture fixture) : IClassFixture<RollupFixture>
{
    [Fact]
    public async Task MalloryOpeningFirstCannotCaptureAlicesDeposit()
    {
        string alice = fixture.Account(1), mallory = fixture.Account(6);
        var aliceKey = RollupScenario.Key(1001);
        var malloryKey = RollupScenario.Key(6006);
        var s = await RollupScenario.StartAsync(fixture, new RollupSettings { GenesisStateRoot = 3, AccountTreeDepth = 2 });

        // Mallory front-runs: her deposit lands first and opens the next index with her key.
        L1Operation malloryOpen = await s.DepositAsync(mallory, 1, malloryKey);
        Assert.Equal(1, malloryOpen.Account);

        // Alice's deposit still opens an account of its own, with her key and her as owner.
        L1Operation aliceOpen = await s.DepositAsync(alice, 5_000_000, aliceKey);
        Assert.Equal(2, aliceOpen.Account);
        Assert.Equal((aliceKey.X.ToBigInteger(), aliceKey.Y.ToBigInteger()), await s.Rollup.AccountKeyAsync(2));
        Assert.Equal(RollupDeployment.AddressValue(alice), await s.Rollup.AccountOwnerAsync(2));

        // A top-up of Alice's account naming Mallory's key is refused: nothing can re-key Alice's leaf. Alice's own
        // top-up names her key and is queued.
        await s.Rollup.FundAsync(mallory, 1_000_000);
        await Reverts.WithAsync("KeyMismatch()", () => s.Rollup.TopUpAsync(mallory, 2, 1_000_000, malloryKey));
        await Reverts.WithAsync("AccountNotOpen()", () => s.Rollup.TopUpAsync(mallory, 3, 1_000_000, malloryKey));
        await s.TopUpAsync(alice, 2, 2_000_000, aliceKey);
        Assert.Equal(s.Queue.HashAfter(3).ToBigInteger(), await s.Rollup.QueueHashAtAsync(3));

        // The engine consumes the same entries: Alice's money sits in a leaf with her key, Mallory's in hers.
        var engine = new SettlementEngine(new RollupState(new ExchangeParameters { AccountTreeDepth = 2 }), s.Queue);
        for (long i = 0; i < 3; i++)
        {
            engine.Apply(new DepositTx(i), 1_000);
        }
        Account aliceLeaf = engine.State.Find(2)!;
        Assert.Equal(aliceKey, aliceLeaf.PublicKey);
        Assert.Equal(RollupDeployment.AddressValue(alice), aliceLeaf.Owner);
        Assert.Equal(new Usd(7_000_000), aliceLeaf.Collateral);
        Assert.Equal(malloryKey, engine.State.Find(1)!.PublicKey);
        Assert.Equal(new Usd(1), engine.State.Find(1)!.Collateral);
        Assert.Equal(new BigInteger(7_000_001), await s.Rollup.TokenBalanceAsync(s.Rollup.Rollup));
    }
}
