// SPDX-License-Identifier: MIT
using System.Diagnostics;
using System.Text.Json;
using ZkOptions.Evm.Harness;

namespace ZkOptions.Solidity.Tests.Evm;

/// <summary>anvil's lifecycle and options; each test starts its own node.</summary>
public sealed class AnvilNodeTests
{
    private static bool IsRunning(int pid)
    {
        try
        {
            using Process p = Process.GetProcessById(pid);
            return !p.HasExited;
        }
        catch (ArgumentException)
        {
            return false;
        }
    }

    private static async Task<JsonElement> NodeInfoAsync(AnvilNode node) => await node.Rpc.RequestAsync("anvil_nodeInfo", []);

    [Fact]
    public async Task Starts_with_the_default_accounts_and_is_gone_after_dispose()
    {
        AnvilNode node = await AnvilNode.StartAsync();
        int pid = node.ProcessId;
        try
        {
            Assert.True(IsRunning(pid));
            Assert.Equal($"http://127.0.0.1:{node.Port}", node.RpcUrl);
            Assert.Equal(31337UL, await node.Rpc.ChainIdAsync());
            Assert.Equal(10, node.Accounts.Count);
            Assert.Equal("0xf39Fd6e51aad88F6F4ce6aB8827279cffFb92266", node.Accounts[0]);
            Assert.Equal(System.Numerics.BigInteger.Pow(10, 22), await node.Rpc.GetBalanceAsync(node.Accounts[9]));
        }
        finally
        {
            await node.DisposeAsync();
        }

        Assert.True(node.HasExited);
        Assert.False(IsRunning(pid), $"anvil (pid {pid}) still runs after Dispose");
        Assert.False(Directory.Exists($"/proc/{pid}") && !OperatingSystem.IsWindows(), $"/proc/{pid} still exists after Dispose");
        using var stranger = new EthRpcClient(new Uri(node.RpcUrl));
        await Assert.ThrowsAnyAsync<HttpRequestException>(() => stranger.ChainIdAsync());
        node.Dispose(); // idempotent
    }

    [Fact]
    public async Task Two_nodes_run_side_by_side_on_different_ports()
    {
        using AnvilNode a = AnvilNode.Start();
        using AnvilNode b = AnvilNode.Start(new AnvilOptions { ChainId = 1337, AccountCount = 2 });

        Assert.NotEqual(a.Port, b.Port);
        Assert.Equal(31337UL, await a.Rpc.ChainIdAsync());
        Assert.Equal(1337UL, await b.Rpc.ChainIdAsync());
        Assert.Equal(2, b.Accounts.Count);
    }

    [Fact]
    public async Task Default_hardfork_is_anvils_latest()
    {
        // Pinned knowledge: anvil 1.7.1 runs the "Bpo1" fork by default (Osaka plus the first blob-parameter-only fork).
        // Gas figures depend on the fork, so a change here after a tools bump should be noticed.
        using AnvilNode node = AnvilNode.Start();

        Assert.Equal("Bpo1", (await NodeInfoAsync(node)).GetProperty("hardFork").GetString());
    }

    [Fact]
    public async Task Options_set_the_hardfork_and_gas_limit()
    {
        using AnvilNode node = AnvilNode.Start(new AnvilOptions { Hardfork = "cancun", GasLimit = 50_000_000 });

        JsonElement info = await NodeInfoAsync(node);
        Assert.Equal("cancun", info.GetProperty("hardFork").GetString(), ignoreCase: true);
        Assert.Equal("0x2faf080", info.GetProperty("environment").GetProperty("gasLimit").GetString());
    }

    [Fact]
    public async Task Code_size_limit_is_enforced_and_can_be_raised()
    {
        // Init code returning 30,000 zero bytes: PUSH2 0x7530, PUSH1 0, RETURN.
        byte[] bigContract = [0x61, 0x75, 0x30, 0x60, 0x00, 0xf3];

        using (AnvilNode standard = AnvilNode.Start())
        {
            // Exceeding EIP-170 halts the creation (no revert data): the transaction is mined with status 0.
            var e = await Assert.ThrowsAsync<InvalidOperationException>(() => standard.Rpc.DeployAsync(bigContract, gas: 10_000_000));
            Assert.Contains("failed (status 0", e.Message);
        }

        using AnvilNode raised = AnvilNode.Start(new AnvilOptions { CodeSizeLimit = 40_000 });
        DeploymentResult deployment = await raised.Rpc.DeployAsync(bigContract);
        Assert.Equal(30_000, (await raised.Rpc.GetCodeAsync(deployment.Address)).Length);
    }

    [Fact]
    public async Task Startup_failure_reports_anvils_output()
    {
        var e = await Assert.ThrowsAsync<InvalidOperationException>(
            () => AnvilNode.StartAsync(new AnvilOptions { Hardfork = "no-such-fork" }));

        Assert.Contains("anvil exited", e.Message);
        Assert.Contains("no-such-fork", e.Message);
    }

    [Fact]
    public void Json_rpc_errors_carry_code_and_message()
    {
        using AnvilNode node = AnvilNode.Start();

        var e = Assert.ThrowsAny<EthRpcException>(() => node.Rpc.RequestAsync("eth_noSuchMethod", []).GetAwaiter().GetResult());

        Assert.Equal("eth_noSuchMethod", e.Method);
        Assert.NotEqual(0, e.Code);
    }
}
