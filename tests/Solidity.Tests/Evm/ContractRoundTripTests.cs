// SPDX-License-Identifier: MIT
using System.Numerics;
using ZkOptions.Evm.Harness;
using ZkOptions.Prover.Solidity.Abi;

namespace ZkOptions.Solidity.Tests.Evm;

/// <summary>Compile with solcjs, deploy on anvil, call, transact, revert, snapshot: the round trip later issues build on.</summary>
public sealed class ContractRoundTripTests(AnvilFixture fixture) : IClassFixture<AnvilFixture>
{
    private EthRpcClient Rpc => fixture.Node.Rpc;

    private async Task<string> DeployCounterAsync(BigInteger start)
    {
        byte[] args = AbiEncoder.Encode([AbiType.UInt256], [start]);
        DeploymentResult deployment = await Rpc.DeployAsync(fixture.Counter.CreationBytecode, args);
        Assert.True(deployment.Receipt.Succeeded);
        return deployment.Address;
    }

    private async Task<IReadOnlyList<object?>> CallAsync(string to, string signature, string returns, params object?[] args) =>
        AbiDecoder.Decode(AbiType.ParseList(returns), await Rpc.CallAsync(to, AbiEncoder.EncodeCall(signature, args)));

    [Fact]
    public async Task Deploys_the_compiled_runtime_code()
    {
        DeploymentResult deployment = await Rpc.DeployAsync(
            fixture.Counter.CreationBytecode, AbiEncoder.Encode([AbiType.UInt256], [BigInteger.One]));

        Assert.True(deployment.Receipt.Succeeded);
        Assert.Equal(deployment.Address, deployment.Receipt.ContractAddress);
        Assert.Null(deployment.Receipt.To);
        Assert.Equal(fixture.Counter.DeployedBytecode, await Rpc.GetCodeAsync(deployment.Address));
    }

    [Fact]
    public async Task A_view_call_returns_ABI_decoded_values()
    {
        string counter = await DeployCounterAsync(41);

        IReadOnlyList<object?> state = await CallAsync(counter, "state()", "(uint256,address,bool,string,uint256[])");

        Assert.Equal(new BigInteger(41), state[0]);
        Assert.Equal(fixture.Node.Accounts[0], EthereumAddress.ToChecksumString((byte[])state[1]!));
        Assert.Equal(false, state[2]);
        Assert.Equal("counter \u2713", state[3]);
        Assert.Empty((object?[])state[4]!);
    }

    [Fact]
    public async Task A_transaction_changes_state_and_reports_the_receipts_gas()
    {
        string counter = await DeployCounterAsync(10);

        TransactionReceipt receipt = await Rpc.SendTransactionAsync(counter, AbiEncoder.EncodeCall("increment(uint256)", 5));

        Assert.True(receipt.Succeeded);
        Assert.True(receipt.GasUsed > 21000, $"gasUsed {receipt.GasUsed}");
        string castGasUsed = await CastCli.RunAsync("receipt", receipt.TransactionHash, "gasUsed", "--rpc-url", fixture.Node.RpcUrl);
        Assert.Equal(receipt.GasUsed.ToString(System.Globalization.CultureInfo.InvariantCulture), castGasUsed);
        Assert.Equal(await Rpc.BlockNumberAsync(), receipt.BlockNumber);

        IReadOnlyList<object?> state = await CallAsync(counter, "state()", "(uint256,address,bool,string,uint256[])");
        Assert.Equal(new BigInteger(15), state[0]);
        Assert.Equal(new object?[] { new BigInteger(15) }, (object?[])state[4]!);

        EthLog log = Assert.Single(receipt.Logs);
        Assert.Equal(counter, log.Address, ignoreCase: true);
        Assert.Equal(Keccak256.Hash("Incremented(address,uint256)"), log.Topics[0]);
        Assert.Equal(AbiEncoder.Encode([AbiType.Address], [receipt.From]), log.Topics[1]);
        Assert.Equal(new BigInteger(15), AbiDecoder.DecodeSingle(AbiType.UInt256, log.Data));
    }

    [Fact]
    public async Task Gas_estimates_cover_what_the_transaction_uses()
    {
        string counter = await DeployCounterAsync(0);
        byte[] data = AbiEncoder.EncodeCall("increment(uint256)", 1);

        ulong estimate = await Rpc.EstimateGasAsync(counter, data);
        TransactionReceipt receipt = await Rpc.SendTransactionAsync(counter, data);

        Assert.InRange(receipt.GasUsed, 21001UL, estimate);
    }

    [Fact]
    public async Task A_require_message_surfaces_as_the_revert_reason()
    {
        string counter = await DeployCounterAsync(0);
        byte[] data = AbiEncoder.EncodeCall("increment(uint256)", 0);

        var call = await Assert.ThrowsAsync<EvmRevertException>(() => Rpc.CallAsync(counter, data));
        var send = await Assert.ThrowsAsync<EvmRevertException>(() => Rpc.SendTransactionAsync(counter, data));

        Assert.Equal("by must be positive", call.Reason);
        Assert.Equal("by must be positive", send.Reason);
        Assert.Contains("execution reverted: by must be positive", call.Message);
        Assert.Equal(AbiEncoder.FunctionSelector("Error(string)"), call.Selector);
        Assert.Null(call.PanicCode);
    }

    [Fact]
    public async Task A_panic_and_a_custom_error_surface_their_data()
    {
        string counter = await DeployCounterAsync(0);

        var panic = await Assert.ThrowsAsync<EvmRevertException>(
            () => Rpc.CallAsync(counter, AbiEncoder.EncodeCall("divide(uint256,uint256)", 1, 0)));
        var custom = await Assert.ThrowsAsync<EvmRevertException>(
            () => Rpc.CallAsync(counter, AbiEncoder.EncodeCall("ownerOnly()"), from: fixture.Node.Accounts[1]));

        Assert.Equal(new BigInteger(0x12), panic.PanicCode);
        Assert.Null(panic.Reason);
        Assert.Equal(AbiEncoder.EncodeCall("Unauthorized(address)", fixture.Node.Accounts[1]), custom.RevertData);
        Assert.Null(custom.Reason);
    }

    [Fact]
    public async Task A_transaction_with_explicit_gas_is_mined_even_when_it_reverts()
    {
        string counter = await DeployCounterAsync(0);

        TransactionReceipt receipt = await Rpc.SendTransactionAsync(counter, AbiEncoder.EncodeCall("increment(uint256)", 0), gas: 100_000);

        Assert.False(receipt.Succeeded);
        Assert.InRange(receipt.GasUsed, 21001UL, 100_000UL);
    }

    [Fact]
    public async Task Snapshot_and_revert_restore_state()
    {
        string counter = await DeployCounterAsync(100);
        string snapshot = await Rpc.SnapshotAsync();

        await Rpc.SendTransactionAsync(counter, AbiEncoder.EncodeCall("increment(uint256)", 23));
        Assert.Equal(new BigInteger(123), (await CallAsync(counter, "count()", "(uint256)"))[0]);

        Assert.True(await Rpc.RevertAsync(snapshot));
        Assert.Equal(new BigInteger(100), (await CallAsync(counter, "count()", "(uint256)"))[0]);
    }

    [Fact]
    public async Task Time_can_be_moved_and_set()
    {
        string snapshot = await Rpc.SnapshotAsync();
        try
        {
            ulong before = await Rpc.GetBlockTimestampAsync();
            await Rpc.IncreaseTimeAsync(3600);
            await Rpc.MineAsync();
            Assert.InRange(await Rpc.GetBlockTimestampAsync(), before + 3600, before + 3700);

            ulong target = before + 86_400 * 30;
            await Rpc.SetNextBlockTimestampAsync(target);
            await Rpc.MineAsync();
            Assert.Equal(target, await Rpc.GetBlockTimestampAsync());

            await Rpc.MineAsync(target + 10);
            Assert.Equal(target + 10, await Rpc.GetBlockTimestampAsync());
        }
        finally
        {
            await Rpc.RevertAsync(snapshot);
        }
    }

    [Fact]
    public async Task Balances_can_be_set_and_read()
    {
        string account = fixture.Node.Accounts[7];
        BigInteger wei = BigInteger.Parse("123456789012345678901234567890");

        await Rpc.SetBalanceAsync(account, wei);

        Assert.Equal(wei, await Rpc.GetBalanceAsync(account));
        Assert.Equal(31337UL, await Rpc.ChainIdAsync());
    }
}
