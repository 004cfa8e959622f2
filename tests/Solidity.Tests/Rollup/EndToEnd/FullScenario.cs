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
/// N-slot batch circuit (PLONK v1), submitted to OptionsRollup on anvil, its root checked and its exits paid. N comes
/// from ZKOPTIONS_E2E_SLOTS (default 4). With ZKOPTIONS_E2E_LAYOUT=batch-T-G the scenario is cut for that layout of
/// trade and general slots instead and proved on PLONK v2 through the v2 verifier. ZKOPTIONS_E2E_BATCHES=K settles only
/// the first K batches (a shorter run: the root and exits are then checked as of batch K). ZKOPTIONS_E2E_LOG names a
/// file that receives the timing log as it is made.
/// </summary>
internal static class FullScenario
{
    public const string SlotsVariable = "ZKOPTIONS_E2E_SLOTS", LayoutVariable = "ZKOPTIONS_E2E_LAYOUT", LogVariable = "ZKOPTIONS_E2E_LOG",
        BatchesVariable = "ZKOPTIONS_E2E_BATCHES";

    /// <summary>How many of the scenario's batches to settle: ZKOPTIONS_E2E_BATCHES, or all of them.</summary>
    public static int BatchesToSettle(int all)
    {
        string? text = Environment.GetEnvironmentVariable(BatchesVariable);
        if (string.IsNullOrEmpty(text))
        {
            return all;
        }
        return int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out int k) && k >= 1
            ? Math.Min(k, all)
            : throw new InvalidOperationException($"{BatchesVariable}={text}: expected a whole number of batches ≥ 1");
    }

    /// <summary>The layout ZKOPTIONS_E2E_LAYOUT names, or null for the v1 run of N general slots.</summary>
    public static BatchLayout? Layout()
    {
        string? text = Environment.GetEnvironmentVariable(LayoutVariable);
        if (string.IsNullOrEmpty(text))
        {
            return null;
        }
        return BatchLayout.Parse(text) ?? throw new InvalidOperationException($"{LayoutVariable}={text}: expected batch-N or batch-T-G");
    }

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
        BatchLayout? layout = Layout();
        int slots = layout?.Slots ?? Slots();
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
            Layout = layout,
            RollupAddress = RollupDeployment.AddressValue(EndToEndChain.PredictedRollupAddress),
        };
        var simulator = new Simulator(settings);
        IReadOnlyList<Batch> scenario = simulator.Run();
        int transactions = scenario.Sum(b => b.Transactions.Count);
        Log($"built-in scenario cut for {(layout is null ? $"MaxBatchTransactions = {slots} (v1)" : $"{layout.Name} (v2)")}: {scenario.Count} batches, " +
            $"{transactions} transactions, {scenario.Sum(b => b.Exits.Count)} exits");
        IReadOnlyList<Batch> batches = [.. scenario.Take(BatchesToSettle(scenario.Count))];
        bool whole = batches.Count == scenario.Count;
        if (!whole)
        {
            Log($"settling the first {batches.Count} batches only ({BatchesVariable})");
        }
        Assert.All(batches, b => Assert.InRange(b.Transactions.Count, 1, slots));

        if (simulator.Parameters.RollupAddress != RollupDeployment.AddressValue(EndToEndChain.PredictedRollupAddress))
        {
            throw new InvalidOperationException(
                $"the built-in scenario's parameters name rollup {RollupDeployment.Address(simulator.Parameters.RollupAddress)}, but the rollup deploys at " +
                $"{EndToEndChain.PredictedRollupAddress}: every batch would fail with EpochChainMismatch()");
        }
        using IBatchProver prover = layout is null
            ? new SettlementBatchProver(simulator.Parameters, slots, Log)
            : new SettlementBatchProverV2(simulator.Parameters, layout, Log);
        using var chain = await EndToEndChain.StartAsync(prover, simulator.Parameters, (ulong)(settings.Start - 3_600));
        await chain.RequireOracleDomainOfAsync(simulator.Parameters);
        Assert.Equal(chain.Rollup.Settings.GenesisStateRoot, batches[0].OldRoot.ToBigInteger());
        var run = new EndToEndRun(prover, chain, Log);
        foreach (Batch batch in batches)
        {
            await run.SettleAsync(batch, simulator.Queue);
        }

        Assert.Equal((whole ? simulator.State.Root : batches[^1].NewRoot).ToBigInteger(), await chain.Rollup.StateRootAsync());
        Assert.Equal(new BigInteger(batches.Count), await chain.Rollup.BatchCountAsync());
        BigInteger exited = batches.SelectMany(b => b.Exits).Aggregate(BigInteger.Zero, (sum, e) => sum + e.Amount.Micros);
        Assert.Equal(exited, run.Records.Aggregate(BigInteger.Zero, (sum, r) => sum + r.Paid));
        if (whole)
        {
            Assert.Contains(batches.SelectMany(b => b.Transactions), t => t.Transaction.TypeName == "withdraw" && t.Exits.Count > 0);
            Assert.Contains(batches.SelectMany(b => b.Transactions), t => t.Transaction.TypeName == "forcedWithdraw" && t.Exits.Count > 0);
        }

        ulong[] gas = [.. run.Records.Select(r => r.SubmitGas)];
        Log(string.Create(CultureInfo.InvariantCulture,
            $"done: {batches.Count} batches of ≤ {slots} transactions proved, submitted and paid out in {clock.Elapsed.TotalMinutes:F1} min; " +
            $"proving {run.Records.Sum(r => r.ProveSeconds) / 60:F1} min (mean {run.Records.Average(r => r.ProveSeconds):F1} s per batch); " +
            $"submitBatch gas min {gas.Min()}, mean {gas.Average(g => (double)g):F0}, max {gas.Max()}; {exited} micro-USD paid to exits"));
        // Gas per trade: each batch's submitBatch gas over the trades it holds, for the batches that hold any.
        var tradeBatches = batches.Zip(run.Records).Select(p => (Trades: p.First.Transactions.Count(t => t.Transaction.TypeName == "trade"), p.Second.SubmitGas))
            .Where(p => p.Trades > 0).ToList();
        if (tradeBatches.Count > 0)
        {
            var best = tradeBatches.MaxBy(p => p.Trades);
            Log(string.Create(CultureInfo.InvariantCulture,
                $"trades: {tradeBatches.Sum(p => p.Trades)} in {tradeBatches.Count} batches, submitBatch gas per trade {tradeBatches.Sum(p => (double)p.SubmitGas) / tradeBatches.Sum(p => p.Trades):F0} " +
                $"over those batches; {best.SubmitGas / (ulong)best.Trades} in a batch of {best.Trades} trades; the whole run {gas.Sum(g => (double)g) / tradeBatches.Sum(p => p.Trades):F0} per trade"));
        }
    }
}
