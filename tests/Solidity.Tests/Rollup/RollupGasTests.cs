// SPDX-License-Identifier: MIT
using System.Globalization;
using System.Numerics;
using Xunit.Abstractions;
using ZkOptions.Evm.Harness;

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
        var s = await RollupScenario.StartAsync(fixture);
        var lines = new List<string>();
        void Report(string what, TransactionReceipt r, ulong max)
        {
            lines.Add(string.Create(CultureInfo.InvariantCulture, $"{what}: {r.GasUsed}"));
            Assert.InRange(r.GasUsed, 21_000UL, max);
        }

        await s.Rollup.FundAsync(User(1), 10_000_000);
        await s.Rollup.FundAsync(User(2), 10_000_000);
        Report("deposit (first ever)", await s.Rollup.DepositAsync(User(1), 0, 1_000_000, RollupScenario.Key(0)), 250_000);
        Report("deposit (new account)", await s.Rollup.DepositAsync(User(2), 1, 1_000_000, RollupScenario.Key(1)), 250_000);
        Report("requestForcedWithdrawal", await s.Rollup.RequestForcedWithdrawalAsync(User(2), 1, 5), 250_000);
        Report("deposit into an existing account", await s.Rollup.DepositAsync(User(1), 0, 1_000, RollupScenario.Key(0)), 250_000);
        for (int i = 0; i < 2; i++)
        {
            await s.Rollup.DepositAsync(User(1), 0, 1_000, RollupScenario.Key(0));
        }
        for (int i = 0; i < 6; i++)
        {
            s.Queue.Enqueue(new(i == 2 ? Settlement.State.L1OperationKind.ForcedWithdraw : Settlement.State.L1OperationKind.Deposit,
                i == 1 || i == 2 ? 1 : 0, RollupDeployment.AddressValue(i == 1 || i == 2 ? User(2) : User(1)),
                new Settlement.Numbers.Usd(i switch { 0 or 1 => 1_000_000, 2 => 5, _ => 1_000 }),
                i == 2 ? Field.BabyJubjub.BabyJubjubPoint.Identity : RollupScenario.Key(i == 1 ? 1 : 0)));
        }
        Assert.Equal(s.Queue.HashAfter(6).ToBigInteger(), await s.Rollup.QueueHashAtAsync(6));

        Report("submitBatch, first batch (0 exits; first writes of the counters)", await s.SubmitAsync(await s.PublicInputsAsync(2, 1, [], 0), 1, []), 500_000);
        Report("submitBatch, 0 exits", await s.SubmitAsync(await s.PublicInputsAsync(12, 3, [], 0), 3, []), 500_000);
        RollupExit[] one = [new(0, User(3), 10)];
        Report("submitBatch, 1 exit", await s.SubmitAsync(await s.PublicInputsAsync(3, 4, one, 0), 4, one), 600_000);
        RollupExit[] four = [new(0, User(3), 10), new(1, User(4), 20), new(0, User(5), 30), new(1, User(6), 40)];
        Report("submitBatch, 4 exits", await s.SubmitAsync(await s.PublicInputsAsync(4, 6, four, 0), 6, four), 900_000);
        Report("withdraw", await s.Rollup.WithdrawAsync(User(3)), 100_000);
        lines.Add(string.Create(CultureInfo.InvariantCulture, $"OptionsRollup deployment: {s.Rollup.DeploymentGas}"));
        Assert.Equal(new BigInteger(20), await s.Rollup.TokenBalanceAsync(User(3)));
        output.WriteLine(string.Join('\n', lines));
    }
}
