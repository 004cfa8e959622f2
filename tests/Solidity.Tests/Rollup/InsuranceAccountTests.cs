// SPDX-License-Identifier: MIT
using System.Numerics;
using ZkOptions.Field.BabyJubjub;
using ZkOptions.Settlement.Numbers;
using ZkOptions.Settlement.Parameters;
using ZkOptions.Settlement.State;

namespace ZkOptions.Solidity.Tests.Rollup;

/// <summary>
/// Issue 18, the insurance account: account 0 is in the state from genesis with the identity key (0, 1), which no
/// user key controls, and no owner. No one can open it, re-key it or force a withdrawal from it; anyone may donate
/// to it with a top-up naming (0, 1).
/// </summary>
public sealed class InsuranceAccountTests(RollupFixture fixture) : IClassFixture<RollupFixture>
{
    private string User(int i) => fixture.Account(i);

    [Fact]
    public async Task TheInsuranceAccountExistsAtGenesisWithTheIdentityKeyAndNoOwner()
    {
        var s = await RollupScenario.StartAsync(fixture);
        Assert.Equal(BigInteger.One, await s.Rollup.NextAccountAsync());
        Assert.Equal((BigInteger.Zero, BigInteger.One), await s.Rollup.AccountKeyAsync(0));
        Assert.Equal(BigInteger.Zero, await s.Rollup.AccountOwnerAsync(0));
        Assert.Equal((BabyJubjubPoint.Identity.X.ToBigInteger(), BabyJubjubPoint.Identity.Y.ToBigInteger()), await s.Rollup.AccountKeyAsync(0));

        // The engine's genesis holds the same account, and its queue model opens accounts from the same index.
        var parameters = new ExchangeParameters();
        Account insurance = new RollupState(parameters).Find(0)!;
        Assert.Equal(BabyJubjubPoint.Identity, insurance.PublicKey);
        Assert.Equal(BigInteger.Zero, insurance.Owner);
        Assert.Equal(Usd.Zero, insurance.Collateral);
        Assert.Equal(1, new L1Queue().NextAccount);

        // The first deposit opens account 1, not 0.
        Assert.Equal(1, (await s.DepositAsync(User(1), 1_000)).Account);
    }

    [Fact]
    public async Task NoOneCanForceAWithdrawalFromTheInsuranceAccountButAnyoneMayDonate()
    {
        var s = await RollupScenario.StartAsync(fixture);
        foreach (int user in new[] { 0, 1, 2 })
        {
            await Reverts.WithAsync("InsuranceAccount()", () => s.Rollup.RequestForcedWithdrawalAsync(User(user), 0, 1));
        }

        // A donation names the identity key; any other key is refused.
        await s.Rollup.FundAsync(User(3), 500_000);
        await Reverts.WithAsync("KeyMismatch()", () => s.Rollup.TopUpAsync(User(3), 0, 500_000, RollupScenario.Key(3)));
        L1Operation donation = await s.TopUpAsync(User(3), 0, 500_000, BabyJubjubPoint.Identity);
        Assert.Equal(new L1Operation(L1OperationKind.Deposit, 0, RollupDeployment.AddressValue(User(3)), new Usd(500_000), BabyJubjubPoint.Identity), donation);
        Assert.Equal(s.Queue.HashAfter(1).ToBigInteger(), await s.Rollup.QueueHashAtAsync(1));
        Assert.Equal(BigInteger.Zero, await s.Rollup.AccountOwnerAsync(0));
        await Reverts.WithAsync("InsuranceAccount()", () => s.Rollup.RequestForcedWithdrawalAsync(User(3), 0, 1));
    }
}
