// SPDX-License-Identifier: MIT
using System.Diagnostics;
using ZkOptions.Sequencer.Client;
using ZkOptions.Sequencer.Hosting;

namespace ZkOptions.Sequencer.Tests;

/// <summary>
/// The batch files the service writes under load are settlement batch files as <c>zkoptions simulate</c> writes them:
/// <c>zkoptions batch check</c> (what <c>prove --batch</c> checks before any key work: every witness opening, every
/// rule of the batch-N circuit, gate by gate) accepts them. bench/sequencer/run.sh proves and verifies one.
/// </summary>
public sealed class BatchFileTests
{
    [Fact]
    public async Task Batches_written_under_load_pass_batch_check_against_the_batch_circuit()
    {
        string dir = Path.Combine(Path.GetTempPath(), "zko-batches-" + Guid.NewGuid().ToString("N"));
        try
        {
            using (ServeProcess serve = ServeProcess.Start(dir, ServeProcess.FreePort(), "t", "--max-batch", "2", "--batch-age-ms", "200"))
            {
                var load = new LoadGenerator(new LoadOptions
                {
                    Url = new Uri(serve.Url), Accounts = 6, Rate = 150, Duration = TimeSpan.FromSeconds(3), OperatorToken = "t", OracleKey = DevelopmentOracle.Key, Seed = 3, TakerShare = 0.25,
                });
                LoadReport report = await load.RunAsync();
                Assert.True(report.Fills > 0, "no trade happened: nothing for the batch check to check");
                await Task.Delay(500); // the last batch's age cut
                serve.Terminate();
            }
            string batches = Path.Combine(dir, "batches");
            string[] files = [.. Directory.GetFiles(batches, "batch-*.json").Order()];
            string[] withTrade = [.. files.Where(f => File.ReadAllText(f).Contains("\"type\": \"trade\"", StringComparison.Ordinal))];
            Assert.NotEmpty(withTrade);
            // The first batch (deposits, the epoch) and one with a trade: a check is seconds of CPU each.
            foreach (string file in new[] { files[0], withTrade[0] })
            {
                var info = new ProcessStartInfo(ServeProcess.Binary) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
                foreach (string a in new[] { "batch", "check", file, "--parameters", Path.Combine(batches, "parameters.json") })
                {
                    info.ArgumentList.Add(a);
                }
                using Process check = Process.Start(info)!;
                Task<string> stdout = check.StandardOutput.ReadToEndAsync(), stderr = check.StandardError.ReadToEndAsync();
                Assert.True(check.WaitForExit(TimeSpan.FromMinutes(3)), "batch check did not finish in 3 minutes");
                string text = await stdout + await stderr;
                Assert.True(check.ExitCode == 0, $"batch check of {Path.GetFileName(file)} exited {check.ExitCode}: {text}");
                Assert.Contains("all rules hold", text);
            }
        }
        finally
        {
            if (Directory.Exists(dir))
            {
                Directory.Delete(dir, recursive: true);
            }
        }
    }
}
