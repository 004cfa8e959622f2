// SPDX-License-Identifier: MIT
using System.Globalization;
using System.Numerics;
using Xunit.Abstractions;
using ZkOptions.Evm.Harness;
using ZkOptions.Field.BabyJubjub;
using ZkOptions.Settlement.Numbers;
using ZkOptions.Settlement.State;

namespace ZkOptions.Solidity.Tests.Rollup;

/// <summary>
/// Gas of the rollup's user-facing transactions (receipt gasUsed, anvil's default hardfork), printed for
/// docs/rollup-contract.md and bounded so that a regression shows.
/// </summary>
public sealed class RollupGasTests(RollupFixture fixture, ITestOutputHelper output) : IClassFixture<RollupFixture>
{
    private string User(int i) => fixture.Account(i);

    [Fact]
    public async Task GasOfDepositBatchesAndWithdrawal()
    {
        var s = await RollupScenario.StartAsync(fixture, new RollupSettings { GenesisStateRoot = 12345, ForcedRequestFee = RollupSettings.DefaultForcedRequestFee });
        var lines = new List<string>();
        void Report(string what, TransactionReceipt r, ulong max)
        {
            lines.Add(string.Create(CultureInfo.InvariantCulture, $"{what}: {r.GasUsed}"));
            Assert.InRange(r.GasUsed, 21_000UL, max);
        }

        await s.Rollup.FundAsync(User(1), 10_000_000);
        await s.Rollup.FundAsync(User(2), 10_000_000);
        OpenedAccount first = await s.Rollup.DepositAsync(User(1), 1_000_000, RollupScenario.Key(1));
        Report("deposit (first ever; opens account 1)", first.Receipt, 300_000);
        OpenedAccount second = await s.Rollup.DepositAsync(User(2), 1_000_000, RollupScenario.Key(2));
        Report("deposit (opens a new account)", second.Receipt, 300_000);
        // The fee is pulled and credited to the fee recipient: the gas a paying request costs.
        await s.Rollup.FundAsync(User(2), s.Rollup.Settings.ForcedRequestFee);
        Report("requestForcedWithdrawal (with fee)", await s.Rollup.RequestForcedWithdrawalAsync(User(2), 2, 5), 300_000);
        Report("topUp", await s.Rollup.TopUpAsync(User(1), 1, 1_000, RollupScenario.Key(1)), 300_000);
        for (int i = 0; i < 2; i++)
        {
            await s.Rollup.TopUpAsync(User(1), 1, 1_000, RollupScenario.Key(1));
        }
        BigInteger one = RollupDeployment.AddressValue(User(1)), two = RollupDeployment.AddressValue(User(2));
        s.Queue.Enqueue(new(L1OperationKind.Deposit, 1, one, new Usd(1_000_000), RollupScenario.Key(1)));
        s.Queue.Enqueue(new(L1OperationKind.Deposit, 2, two, new Usd(1_000_000), RollupScenario.Key(2)));
        s.Queue.Enqueue(new(L1OperationKind.ForcedWithdraw, 2, two, new Usd(5), BabyJubjubPoint.Identity));
        for (int i = 0; i < 3; i++)
        {
            s.Queue.Enqueue(new(L1OperationKind.Deposit, 1, one, new Usd(1_000), RollupScenario.Key(1)));
        }
        Assert.Equal(s.Queue.HashAfter(6).ToBigInteger(), await s.Rollup.QueueHashAtAsync(6));

        Report("submitBatch, first batch (0 exits, 0 epochs; first writes of the counters)", await s.SubmitAsync(await s.PublicInputsAsync(2, 1, []), 1, []), 500_000);
        Report("submitBatch, 0 exits, 0 epochs", await s.SubmitAsync(await s.PublicInputsAsync(12, 3, []), 3, []), 500_000);
        await s.Rollup.RegisterOracleCommitmentAsync(0xE1);
        Report("submitBatch, 0 exits, 1 epoch", await s.SubmitAsync(await s.PublicInputsAsync(13, 3, [], [0xE1]), 3, [], [0xE1]), 500_000);
        RollupExit[] single = [new(1, User(3), 10)];
        Report("submitBatch, 1 exit", await s.SubmitAsync(await s.PublicInputsAsync(3, 4, single), 4, single), 600_000);
        RollupExit[] four = [new(1, User(3), 10), new(2, User(4), 20), new(1, User(5), 30), new(2, User(6), 40)];
        Report("submitBatch, 4 exits", await s.SubmitAsync(await s.PublicInputsAsync(4, 6, four), 6, four), 900_000);
        Report("withdraw", await s.Rollup.WithdrawAsync(User(3)), 100_000);
        lines.Add(string.Create(CultureInfo.InvariantCulture, $"OptionsRollup deployment: {s.Rollup.DeploymentGas}"));
        Assert.Equal(new BigInteger(20), await s.Rollup.TokenBalanceAsync(User(3)));
        output.WriteLine(string.Join('\n', lines));
    }
}
