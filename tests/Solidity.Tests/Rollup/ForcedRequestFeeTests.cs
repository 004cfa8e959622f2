// SPDX-License-Identifier: MIT
using System.Numerics;

namespace ZkOptions.Solidity.Tests.Rollup;

/// <summary>
/// Issue 18, forced-request spam: each request takes a whole proof slot, so free, unlimited requests let a spammer
/// outrun the prover into exit mode. Now each request pays <c>forcedRequestFee</c> to the operator and an account
/// may have one unconsumed request at a time (docs/rollup-contract.md, "Pricing forced requests").
/// </summary>
public sealed class ForcedRequestFeeTests(RollupFixture fixture) : IClassFixture<RollupFixture>
{
    private static readonly BigInteger Fee = RollupSettings.DefaultForcedRequestFee;

    private string User(int i) => fixture.Account(i);

    [Fact]
    public async Task EachForcedRequestPaysTheFeeToTheFeeRecipient()
    {
        string operatorAddress = User(7);
        var s = await RollupScenario.StartAsync(fixture, new RollupSettings { GenesisStateRoot = 3, ForcedRequestFee = Fee, FeeRecipient = operatorAddress });
        await s.DepositAsync(User(1), 1_000_000);

        // Without the fee approved, the request does not go in.
        await Reverts.WithAsync("TokenTransferFailed()", () => s.Rollup.RequestForcedWithdrawalAsync(User(1), 1, 10));
        Assert.Equal(BigInteger.One, await s.Rollup.QueueLengthAsync());

        await s.RequestForcedWithdrawalAsync(User(1), 1, 10);
        Assert.Equal(BigInteger.Zero, await s.Rollup.TokenBalanceAsync(User(1)));
        Assert.Equal(Fee, await s.Rollup.WithdrawableAsync(operatorAddress));
        await s.Rollup.WithdrawAsync(operatorAddress);
        Assert.Equal(Fee, await s.Rollup.TokenBalanceAsync(operatorAddress));
        Assert.Equal(new BigInteger(1_000_000), await s.Rollup.TokenBalanceAsync(s.Rollup.Rollup));
    }

    [Fact]
    public async Task AnAccountHasAtMostOnePendingForcedRequestUntilABatchConsumesIt()
    {
        var s = await RollupScenario.StartAsync(fixture, new RollupSettings { GenesisStateRoot = 3, ForcedRequestFee = Fee });
        await s.DepositAsync(User(1), 1_000_000);
        await s.DepositAsync(User(1), 1_000_000);
        Assert.False(await s.Rollup.ForcedRequestPendingAsync(1));
        await s.RequestForcedWithdrawalAsync(User(1), 1, 10);
        Assert.True(await s.Rollup.ForcedRequestPendingAsync(1));

        // A second request for the same account waits for the first to be consumed; it pays nothing when refused.
        await s.Rollup.FundAsync(User(1), Fee);
        await Reverts.WithAsync("ForcedRequestPending()", () => s.Rollup.RequestForcedWithdrawalAsync(User(1), 1, 20));
        Assert.Equal(Fee, await s.Rollup.TokenBalanceAsync(User(1)));
        // The limit is per account: each further request needs an opened account (and its fee).
        await s.RequestForcedWithdrawalAsync(User(1), 2, 20);

        // A batch consumes the first request (entries 0…2); the account may then ask again.
        await s.SubmitAsync(await s.PublicInputsAsync(4, 3, []), 3, []);
        Assert.False(await s.Rollup.ForcedRequestPendingAsync(1));
        Assert.True(await s.Rollup.ForcedRequestPendingAsync(2));
        await s.RequestForcedWithdrawalAsync(User(1), 1, 30);
        Assert.True(await s.Rollup.ForcedRequestPendingAsync(1));
        await Reverts.WithAsync("ForcedRequestPending()", () => s.Rollup.RequestForcedWithdrawalAsync(User(1), 2, 40));
        Assert.Equal(Fee * 3, await s.Rollup.WithdrawableAsync(s.Rollup.Deployer));
        Assert.Equal(s.Queue.HashAfter(5).ToBigInteger(), await s.Rollup.QueueHashAtAsync(5));
    }

    [Fact]
    public async Task AFeeNeedsARecipient()
    {
        await Reverts.WithAsync("InvalidConfig()", () => fixture.DeployRollupAsync(new RollupSettings
        {
            GenesisStateRoot = 3,
            ForcedRequestFee = Fee,
            FeeRecipient = RollupDeployment.Address(BigInteger.Zero),
        }));
    }
}
