// SPDX-License-Identifier: MIT
using ZkOptions.Sequencer.Client;
using ZkOptions.Sequencer.Hosting;
using ZkOptions.Settlement.Numbers;

namespace ZkOptions.Sequencer.Tests;

/// <summary><c>zkoptions serve --data DIR</c> as a process: starts with no other set-up, answers, stops on SIGTERM, recovers.</summary>
public sealed class ServeCommandTests
{
    [Fact]
    public async Task Serve_starts_with_no_set_up_writes_an_operator_token_answers_stops_on_sigterm_and_recovers()
    {
        string dir = Path.Combine(Path.GetTempPath(), "zko-serve-" + Guid.NewGuid().ToString("N"));
        try
        {
            int port = ServeProcess.FreePort();
            string root;
            using (ServeProcess serve = ServeProcess.Start(dir, port, operatorToken: null))
            {
                Assert.Contains("ZKOPTIONS_OPERATOR_TOKEN is not set", serve.Output);
                string token = File.ReadAllText(Path.Combine(dir, "operator-token")).Trim();
                using var http = new HttpClient { BaseAddress = new Uri(serve.Url) };
                var client = new SequencerClient(http, await SequencerClient.FetchParameters(http), token);
                Assert.Equal(DevelopmentOracle.Parameters.Hash(), client.Parameters.Hash());
                Reply deposit = await client.Deposit(0, 1, RunningSequencer.KeyFor(1).PublicKey, Usd.FromDollars(1_000));
                Assert.Equal(200, deposit.Status);
                Assert.Equal(401, (await new SequencerClient(http, client.Parameters).Deposit(1, 2, RunningSequencer.KeyFor(2).PublicKey, Usd.FromDollars(1))).Status);
                root = (string)(await client.Get("/status")).Body["stateRoot"]!;
                serve.Terminate();
                Assert.Equal(0, serve.ExitCode);
            }
            using (ServeProcess again = ServeProcess.Start(dir, port, operatorToken: null))
            {
                // From genesis, or (when a batch was sealed before the stop) from the snapshot at it.
                Assert.Matches(@"\((?:[1-9][0-9]* entries replayed|[0-9]+ entries replayed after the snapshot at entry [1-9][0-9]*)\)", again.Output);
                using var http = new HttpClient { BaseAddress = new Uri(again.Url) };
                var client = new SequencerClient(http, DevelopmentOracle.Parameters);
                Assert.Equal(root, (string)(await client.Get("/status")).Body["stateRoot"]!);
                Assert.Equal("1000000000", (string)(await client.Get("/accounts/1")).Body["collateral"]!);
            }
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }
}
