// SPDX-License-Identifier: MIT
using System.Diagnostics;
using System.Globalization;
using System.Numerics;
using Xunit.Abstractions;
using ZkOptions.Settlement.Batches;
using ZkOptions.Settlement.Simulation;

namespace ZkOptions.Solidity.Tests.Rollup.EndToEnd;

/// <summary>
/// The FULL end-to-end run: the built-in scenario with at most N transactions per batch, every batch proved with the
/// N-slot batch circuit, submitted to OptionsRollup on anvil, its root checked and its exits paid. N comes from
/// ZKOPTIONS_E2E_SLOTS (default 4); ZKOPTIONS_E2E_LOG names a file that receives the timing log as it is made.
/// </summary>
internal static class FullScenario
{
    public const string SlotsVariable = "ZKOPTIONS_E2E_SLOTS", LogVariable = "ZKOPTIONS_E2E_LOG";

    public static int Slots()
    {
        string? text = Environment.GetEnvironmentVariable(SlotsVariable);
        if (string.IsNullOrEmpty(text))
        {
            return 4;
        }
        return int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out int n) && n >= 1
            ? n
            : throw new InvalidOperationException($"{SlotsVariable}={text}: expected a whole number of slots ≥ 1");
    }

    public static async Task RunAsync(ITestOutputHelper output)
    {
        var clock = Stopwatch.StartNew();
        int slots = Slots();
        string? logPath = Environment.GetEnvironmentVariable(LogVariable);
        if (!string.IsNullOrEmpty(logPath))
        {
            File.WriteAllText(logPath, "");
        }
        void Log(string line)
        {
            string stamped = string.Create(CultureInfo.InvariantCulture, $"[{clock.Elapsed:hh\\:mm\\:ss}] {line}");
            output.WriteLine(stamped);
            if (!string.IsNullOrEmpty(logPath))
            {
                File.AppendAllText(logPath, stamped + Environment.NewLine);
            }
        }

        // The batches' epoch chains start from Poseidon(chainId, rollupAddress): simulate for the rollup this run deploys.
        var settings = new ScenarioSettings
        {
            MaxBatchTransactions = slots,
            RollupAddress = RollupDeployment.AddressValue(EndToEndChain.PredictedRollupAddress),
        };
        var simulator = new Simulator(settings);
        IReadOnlyList<Batch> batches = simulator.Run();
        int transactions = batches.Sum(b => b.Transactions.Count);
        Log($"built-in scenario with MaxBatchTransactions = {slots}: {batches.Count} batches, {transactions} transactions, " +
            $"{batches.Sum(b => b.Exits.Count)} exits");
        Assert.All(batches, b => Assert.InRange(b.Transactions.Count, 1, slots));

        if (simulator.Parameters.RollupAddress != RollupDeployment.AddressValue(EndToEndChain.PredictedRollupAddress))
        {
            throw new InvalidOperationException(
                $"the built-in scenario's parameters name rollup {RollupDeployment.Address(simulator.Parameters.RollupAddress)}, but the rollup deploys at " +
                $"{EndToEndChain.PredictedRollupAddress}: every batch would fail with EpochChainMismatch()");
        }
        using var prover = new SettlementBatchProver(simulator.Parameters, slots, Log);
        using var chain = await EndToEndChain.StartAsync(prover.VerificationKey, simulator.Parameters, (ulong)(settings.Start - 3_600));
        await chain.RequireOracleDomainOfAsync(simulator.Parameters);
        Assert.Equal(chain.Rollup.Settings.GenesisStateRoot, batches[0].OldRoot.ToBigInteger());
        var run = new EndToEndRun(prover, chain, Log);
        foreach (Batch batch in batches)
        {
            await run.SettleAsync(batch, simulator.Queue);
        }

        Assert.Equal(simulator.State.Root.ToBigInteger(), await chain.Rollup.StateRootAsync());
        Assert.Equal(new BigInteger(batches.Count), await chain.Rollup.BatchCountAsync());
        BigInteger exited = batches.SelectMany(b => b.Exits).Aggregate(BigInteger.Zero, (sum, e) => sum + e.Amount.Micros);
        Assert.Equal(exited, run.Records.Aggregate(BigInteger.Zero, (sum, r) => sum + r.Paid));
        Assert.Contains(batches.SelectMany(b => b.Transactions), t => t.Transaction.TypeName == "withdraw" && t.Exits.Count > 0);
        Assert.Contains(batches.SelectMany(b => b.Transactions), t => t.Transaction.TypeName == "forcedWithdraw" && t.Exits.Count > 0);

        ulong[] gas = [.. run.Records.Select(r => r.SubmitGas)];
        Log(string.Create(CultureInfo.InvariantCulture,
            $"done: {batches.Count} batches of ≤ {slots} transactions proved, submitted and paid out in {clock.Elapsed.TotalMinutes:F1} min; " +
            $"proving {run.Records.Sum(r => r.ProveSeconds) / 60:F1} min (mean {run.Records.Average(r => r.ProveSeconds):F1} s per batch); " +
            $"submitBatch gas min {gas.Min()}, mean {gas.Average(g => (double)g):F0}, max {gas.Max()}; {exited} micro-USD paid to exits"));
    }
}
