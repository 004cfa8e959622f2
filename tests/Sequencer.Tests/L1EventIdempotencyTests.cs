// SPDX-License-Identifier: MIT
using System.Net.Http.Headers;
using System.Numerics;
using System.Text;
using System.Text.Json.Nodes;
using ZkOptions.Sequencer.Client;
using ZkOptions.Sequencer.Inputs;
using ZkOptions.Sequencer.Journal;
using ZkOptions.Settlement.Numbers;
using ZkOptions.Settlement.State;

namespace ZkOptions.Sequencer.Tests;

/// <summary>
/// L1 events are keyed by the contract's queue index: a report repeated after a lost acknowledgement is answered as
/// before without a second effect, another entry under a used index and an index past the next are 409 problems
/// naming the expected index, and all of it holds after a restart (the queue is rebuilt from the journal). The
/// PostgreSQL store runs the same scenarios (<see cref="PostgresStoreTests"/>).
/// </summary>
public sealed class L1EventIdempotencyTests
{
    internal sealed record L1Reply(int Status, JsonObject Body, bool Replayed);

    internal static L1Operation DepositOf(long account, long dollars) =>
        new(L1OperationKind.Deposit, account, (BigInteger.One << 159) + account, Usd.FromDollars(dollars), RunningSequencer.KeyFor(account).PublicKey);

    internal static async Task<L1Reply> Post(RunningSequencer s, JsonObject body)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/operator/l1") { Content = new StringContent(body.ToJsonString(), Encoding.UTF8, "application/json") };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", RunningSequencer.Token);
        using HttpResponseMessage r = await s.Client.Http.SendAsync(request);
        bool replayed = r.Headers.TryGetValues("Idempotent-Replayed", out var v) && v.Single() == "true";
        return new L1Reply((int)r.StatusCode, JsonNode.Parse(await r.Content.ReadAsStringAsync())!.AsObject(), replayed);
    }

    internal static Task<L1Reply> Post(RunningSequencer s, long queueIndex, L1Operation op) => Post(s, InputJson.L1(new L1Event(op, queueIndex)));

    private static async Task<(long Sequence, string Root, string? Collateral)> Observe(RunningSequencer s, long account)
    {
        Reply status = await s.Client.Get("/status");
        return ((long)status.Body["sequence"]!, (string)status.Body["stateRoot"]!, (string?)(await s.Client.Get($"/accounts/{account}")).Body["collateral"]);
    }

    private static void AssertConflictNamingTheExpectedIndex(L1Reply r, long expected, string detailPart)
    {
        Assert.Equal(409, r.Status);
        Assert.Equal("queueIndex", (string?)r.Body["field"]);
        Assert.Equal(expected.ToString(), (string?)r.Body["expectedQueueIndex"]);
        Assert.Contains(detailPart, (string)r.Body["detail"]!);
        Assert.False(r.Replayed);
    }

    /// <summary>The same entry twice: one deposit, the first answer twice; a restart in between changes nothing.</summary>
    internal static async Task A_repeated_report_is_answered_as_before_without_a_second_deposit(RunningSequencer s)
    {
        L1Reply first = await Post(s, 0, DepositOf(1, 1_000));
        Assert.Equal(200, first.Status);
        Assert.False(first.Replayed);
        Assert.Equal("0", (string?)first.Body["queueIndex"]);
        var after = await Observe(s, 1);

        L1Reply again = await Post(s, 0, DepositOf(1, 1_000));
        Assert.Equal(200, again.Status);
        Assert.True(again.Replayed);
        Assert.Equal(first.Body.ToJsonString(), again.Body.ToJsonString());
        Assert.Equal(after, await Observe(s, 1));
        Assert.Equal(Usd.FromDollars(1_000).ToString(), after.Collateral);

        await s.RestartAsync();
        Assert.Equal(after, await Observe(s, 1));
        L1Reply afterRestart = await Post(s, 0, DepositOf(1, 1_000));
        Assert.Equal(200, afterRestart.Status);
        Assert.True(afterRestart.Replayed);
        Assert.Equal(first.Body.ToJsonString(), afterRestart.Body.ToJsonString());
        Assert.Equal(after, await Observe(s, 1));
        Assert.Equal(1, (long)(await s.Client.Get("/status")).Body["nextQueueIndex"]!);
    }

    /// <summary>Another entry under a used index, and an index past the next, are refused (before and after a restart).</summary>
    internal static async Task A_different_entry_under_a_used_index_or_a_gap_is_a_409_naming_the_expected_index(RunningSequencer s)
    {
        Assert.Equal(200, (await Post(s, 0, DepositOf(1, 1_000))).Status);
        for (int restart = 0; restart < 2; restart++)
        {
            var before = await Observe(s, 1);
            AssertConflictNamingTheExpectedIndex(await Post(s, 0, DepositOf(1, 2_000)), 1, "queue entry 0 is already a deposit of 1000000000");
            AssertConflictNamingTheExpectedIndex(await Post(s, 0, DepositOf(2, 1_000)), 1, "for account 1");
            AssertConflictNamingTheExpectedIndex(await Post(s, 3, DepositOf(2, 1_000)), 1, "the next expected index is 1 (report entries 1 to 2 first)");
            Assert.Equal(before, await Observe(s, 1));
            await s.RestartAsync();
        }
        L1Reply next = await Post(s, 1, DepositOf(2, 500));
        Assert.Equal(200, next.Status);
        Assert.Equal(Usd.FromDollars(500).ToString(), (string?)next.Body["collateral"]);
    }

    /// <summary>A forced withdrawal is keyed the same way: its retry does not withdraw twice.</summary>
    internal static async Task A_repeated_forced_withdrawal_withdraws_once(RunningSequencer s)
    {
        Assert.Equal(200, (await Post(s, 0, DepositOf(1, 1_000))).Status);
        var withdraw = new L1Operation(L1OperationKind.ForcedWithdraw, 1, (BigInteger.One << 159) + 1, Usd.FromDollars(100), Field.BabyJubjub.BabyJubjubPoint.Identity);
        L1Reply first = await Post(s, 1, withdraw);
        Assert.Equal(200, first.Status);
        await s.RestartAsync();
        L1Reply again = await Post(s, 1, withdraw);
        Assert.True(again.Replayed);
        Assert.Equal(first.Body.ToJsonString(), again.Body.ToJsonString());
        Assert.Equal(Usd.FromDollars(900).ToString(), (string?)(await s.Client.Get("/accounts/1")).Body["collateral"]);
    }

    [Fact]
    public async Task Repeated_report()
    {
        await using RunningSequencer s = await RunningSequencer.StartAsync();
        await A_repeated_report_is_answered_as_before_without_a_second_deposit(s);
    }

    [Fact]
    public async Task Different_entry_or_gap()
    {
        await using RunningSequencer s = await RunningSequencer.StartAsync();
        await A_different_entry_under_a_used_index_or_a_gap_is_a_409_naming_the_expected_index(s);
    }

    [Fact]
    public async Task Repeated_forced_withdrawal()
    {
        await using RunningSequencer s = await RunningSequencer.StartAsync();
        await A_repeated_forced_withdrawal_withdraws_once(s);
    }

    [Fact]
    public async Task A_report_without_a_queue_index_is_a_400_and_changes_nothing()
    {
        await using RunningSequencer s = await RunningSequencer.StartAsync();
        var before = await Observe(s, 0);
        JsonObject body = InputJson.L1(DepositOf(1, 1_000));
        L1Reply r = await Post(s, body);
        Assert.Equal(400, r.Status);
        Assert.Equal("queueIndex", (string?)r.Body["field"]);
        body["queueIndex"] = "-1";
        Assert.Equal(400, (await Post(s, body)).Status);
        Assert.Equal(before, await Observe(s, 0));
    }
}
