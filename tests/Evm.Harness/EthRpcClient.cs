// SPDX-License-Identifier: MIT
using System.Net.Http.Json;
using System.Numerics;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace ZkOptions.Evm.Harness;

/// <summary>
/// A small Ethereum JSON-RPC client for a development node (anvil): standard <c>eth_*</c> calls, transactions from
/// the node's unlocked accounts (<c>eth_sendTransaction</c>, no local signing) and anvil's test-control methods.
/// Reverts surface as <see cref="EvmRevertException"/>; other JSON-RPC errors as <see cref="EthRpcException"/>.
/// </summary>
public sealed class EthRpcClient : IDisposable
{
    private readonly HttpClient _http;
    private readonly bool _ownsHttp;
    private long _nextId;
    private string? _defaultFrom;

    /// <summary>Creates a client for <paramref name="rpcUrl"/>; pass <paramref name="http"/> to share a connection pool (it is then not disposed here).</summary>
    public EthRpcClient(Uri rpcUrl, HttpClient? http = null)
    {
        ArgumentNullException.ThrowIfNull(rpcUrl);
        Endpoint = rpcUrl;
        _ownsHttp = http is null;
        _http = http ?? new HttpClient { Timeout = TimeSpan.FromMinutes(2) };
    }

    /// <summary>The node's JSON-RPC endpoint.</summary>
    public Uri Endpoint { get; }

    /// <summary>How long <see cref="SendTransactionAsync"/> waits for a receipt (anvil automines, so normally no time at all).</summary>
    public TimeSpan ReceiptTimeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>Sends one JSON-RPC request and returns its <c>result</c>.</summary>
    /// <param name="method">The method, e.g. "eth_blockNumber".</param>
    /// <param name="parameters">The positional parameters (serialized with System.Text.Json; pass strings for quantities and data).</param>
    /// <param name="cancellationToken">Cancels the HTTP request.</param>
    /// <exception cref="EvmRevertException">The node reports that execution reverted.</exception>
    /// <exception cref="EthRpcException">Any other JSON-RPC error.</exception>
    public async Task<JsonElement> RequestAsync(string method, IReadOnlyList<object?> parameters, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(method);
        ArgumentNullException.ThrowIfNull(parameters);
        var request = new JsonObject
        {
            ["jsonrpc"] = "2.0",
            ["id"] = Interlocked.Increment(ref _nextId),
            ["method"] = method,
            ["params"] = JsonSerializer.SerializeToNode(parameters),
        };
        using HttpResponseMessage response = await _http.PostAsJsonAsync(Endpoint, request, cancellationToken);
        string body = await response.Content.ReadAsStringAsync(cancellationToken);
        JsonElement root;
        try
        {
            using JsonDocument document = JsonDocument.Parse(body);
            root = document.RootElement.Clone();
        }
        catch (JsonException)
        {
            throw new HttpRequestException($"{method}: HTTP {(int)response.StatusCode} with a body that is not JSON: {Truncate(body)}");
        }
        if (root.TryGetProperty("error", out JsonElement error) && error.ValueKind != JsonValueKind.Null)
        {
            throw ToException(method, error);
        }
        if (!root.TryGetProperty("result", out JsonElement result))
        {
            throw new HttpRequestException($"{method}: HTTP {(int)response.StatusCode}, response has neither result nor error: {Truncate(body)}");
        }
        return result;
    }

    /// <summary><c>eth_chainId</c>.</summary>
    public async Task<ulong> ChainIdAsync(CancellationToken cancellationToken = default) =>
        Quantity64(await RequestAsync("eth_chainId", [], cancellationToken));

    /// <summary><c>eth_accounts</c>: the node's unlocked accounts.</summary>
    public async Task<IReadOnlyList<string>> AccountsAsync(CancellationToken cancellationToken = default)
    {
        JsonElement result = await RequestAsync("eth_accounts", [], cancellationToken);
        return [.. result.EnumerateArray().Select(a => a.GetString() ?? throw new FormatException("eth_accounts returned a null account."))];
    }

    /// <summary><c>eth_blockNumber</c>.</summary>
    public async Task<ulong> BlockNumberAsync(CancellationToken cancellationToken = default) =>
        Quantity64(await RequestAsync("eth_blockNumber", [], cancellationToken));

    /// <summary><c>eth_getBalance</c> in wei.</summary>
    public async Task<BigInteger> GetBalanceAsync(string address, string block = "latest", CancellationToken cancellationToken = default) =>
        EthHex.ParseQuantity(Text(await RequestAsync("eth_getBalance", [address, block], cancellationToken)));

    /// <summary><c>eth_getCode</c>: the runtime code stored at <paramref name="address"/> (empty for an account without code).</summary>
    public async Task<byte[]> GetCodeAsync(string address, string block = "latest", CancellationToken cancellationToken = default) =>
        EthHex.ParseData(Text(await RequestAsync("eth_getCode", [address, block], cancellationToken)));

    /// <summary>The timestamp of a block (default: the latest).</summary>
    public async Task<ulong> GetBlockTimestampAsync(string block = "latest", CancellationToken cancellationToken = default)
    {
        JsonElement result = await RequestAsync("eth_getBlockByNumber", [block, false], cancellationToken);
        if (result.ValueKind != JsonValueKind.Object)
        {
            throw new InvalidOperationException($"Block {block} does not exist.");
        }
        return Quantity64(result.GetProperty("timestamp"));
    }

    /// <summary>
    /// Deploys <paramref name="creationBytecode"/> followed by <paramref name="constructorArguments"/> (already ABI-encoded,
    /// e.g. with <see cref="Prover.Solidity.Abi.AbiEncoder.Encode"/>) from <paramref name="from"/> (default: the first account).
    /// </summary>
    /// <exception cref="EvmRevertException">The constructor reverted.</exception>
    /// <exception cref="InvalidOperationException">The creation transaction was mined but failed.</exception>
    public async Task<DeploymentResult> DeployAsync(
        byte[] creationBytecode, byte[]? constructorArguments = null, string? from = null, ulong? gas = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(creationBytecode);
        byte[] data = constructorArguments is null ? creationBytecode : [.. creationBytecode, .. constructorArguments];
        TransactionReceipt receipt = await SendAsync(null, data, from, gas, null, cancellationToken);
        if (!receipt.Succeeded || receipt.ContractAddress is null)
        {
            throw new InvalidOperationException(
                $"Deployment transaction {receipt.TransactionHash} failed (status 0, {receipt.GasUsed} gas used).");
        }
        return new DeploymentResult(receipt.ContractAddress, receipt);
    }

    /// <summary><c>eth_call</c>: runs <paramref name="data"/> against <paramref name="to"/> without a transaction and returns the return data.</summary>
    /// <exception cref="EvmRevertException">The call reverted.</exception>
    public async Task<byte[]> CallAsync(
        string to, byte[] data, string? from = null, ulong? gas = null, string block = "latest", CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(to);
        ArgumentNullException.ThrowIfNull(data);
        JsonObject call = CallObject(to, data, from, gas, null);
        return EthHex.ParseData(Text(await RequestAsync("eth_call", [call, block], cancellationToken)));
    }

    /// <summary><c>eth_estimateGas</c> for a call to <paramref name="to"/> (null: a contract creation).</summary>
    /// <exception cref="EvmRevertException">Execution reverts at any gas limit.</exception>
    public async Task<ulong> EstimateGasAsync(
        string? to, byte[] data, string? from = null, BigInteger? value = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(data);
        JsonObject call = CallObject(to, data, from ?? await DefaultFromAsync(cancellationToken), null, value);
        return Quantity64(await RequestAsync("eth_estimateGas", [call], cancellationToken));
    }

    /// <summary>
    /// Sends a transaction from an unlocked account (default: the first) and waits for its receipt. Without
    /// <paramref name="gas"/> the gas is estimated first (<c>eth_estimateGas</c>), so a reverting transaction raises
    /// <see cref="EvmRevertException"/> with its reason and is never sent; with an explicit gas limit it is sent as is,
    /// mined, and the receipt's <see cref="TransactionReceipt.Succeeded"/> is false.
    /// </summary>
    public Task<TransactionReceipt> SendTransactionAsync(
        string to, byte[] data, string? from = null, ulong? gas = null, BigInteger? value = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(to);
        ArgumentNullException.ThrowIfNull(data);
        return SendAsync(to, data, from, gas, value, cancellationToken);
    }

    /// <summary><c>eth_getTransactionReceipt</c>; null while the transaction is pending or unknown.</summary>
    public async Task<TransactionReceipt?> GetTransactionReceiptAsync(string transactionHash, CancellationToken cancellationToken = default)
    {
        JsonElement result = await RequestAsync("eth_getTransactionReceipt", [transactionHash], cancellationToken);
        return result.ValueKind == JsonValueKind.Null ? null : ParseReceipt(result);
    }

    /// <summary><c>evm_snapshot</c>: records the chain state; returns the id for <see cref="RevertAsync"/>.</summary>
    public async Task<string> SnapshotAsync(CancellationToken cancellationToken = default) =>
        Text(await RequestAsync("evm_snapshot", [], cancellationToken));

    /// <summary><c>evm_revert</c>: restores a snapshot (which is consumed: take a new one to revert again). False when the id is unknown.</summary>
    public async Task<bool> RevertAsync(string snapshotId, CancellationToken cancellationToken = default) =>
        (await RequestAsync("evm_revert", [snapshotId], cancellationToken)).GetBoolean();

    /// <summary><c>evm_increaseTime</c>: moves the clock of the next blocks forward by <paramref name="seconds"/>.</summary>
    public Task IncreaseTimeAsync(ulong seconds, CancellationToken cancellationToken = default) =>
        RequestAsync("evm_increaseTime", [EthHex.Quantity(seconds)], cancellationToken);

    /// <summary><c>evm_setNextBlockTimestamp</c>: the next mined block gets exactly <paramref name="timestamp"/> (Unix seconds).</summary>
    public Task SetNextBlockTimestampAsync(ulong timestamp, CancellationToken cancellationToken = default) =>
        RequestAsync("evm_setNextBlockTimestamp", [EthHex.Quantity(timestamp)], cancellationToken);

    /// <summary><c>evm_mine</c>: mines one block now (optionally with the given timestamp).</summary>
    public Task MineAsync(ulong? timestamp = null, CancellationToken cancellationToken = default) =>
        RequestAsync("evm_mine", timestamp is { } t ? [EthHex.Quantity(t)] : [], cancellationToken);

    /// <summary><c>anvil_setBalance</c>: sets <paramref name="address"/>'s balance to <paramref name="wei"/>.</summary>
    public Task SetBalanceAsync(string address, BigInteger wei, CancellationToken cancellationToken = default) =>
        RequestAsync("anvil_setBalance", [address, EthHex.Quantity(wei)], cancellationToken);

    /// <summary>The sender used when none is given: the first of <c>eth_accounts</c> unless set.</summary>
    public async Task<string> DefaultFromAsync(CancellationToken cancellationToken = default)
    {
        if (_defaultFrom is null)
        {
            IReadOnlyList<string> accounts = await AccountsAsync(cancellationToken);
            _defaultFrom = accounts.Count > 0 ? accounts[0] : throw new InvalidOperationException("The node has no unlocked accounts; pass from explicitly.");
        }
        return _defaultFrom;
    }

    /// <summary>Sets the sender used when none is given.</summary>
    public void SetDefaultFrom(string address) => _defaultFrom = address ?? throw new ArgumentNullException(nameof(address));

    /// <inheritdoc />
    public void Dispose()
    {
        if (_ownsHttp)
        {
            _http.Dispose();
        }
    }

    private async Task<TransactionReceipt> SendAsync(
        string? to, byte[] data, string? from, ulong? gas, BigInteger? value, CancellationToken cancellationToken)
    {
        from ??= await DefaultFromAsync(cancellationToken);
        // anvil mines a reverting transaction with status 0 rather than refusing it, which loses the revert reason;
        // estimating first raises EvmRevertException with the reason instead, and the estimate becomes the gas limit.
        gas ??= await EstimateGasAsync(to, data, from, value, cancellationToken);
        JsonObject transaction = CallObject(to, data, from, gas, value);
        string hash = Text(await RequestAsync("eth_sendTransaction", [transaction], cancellationToken));
        DateTime deadline = DateTime.UtcNow + ReceiptTimeout;
        var delay = TimeSpan.FromMilliseconds(5);
        while (true)
        {
            if (await GetTransactionReceiptAsync(hash, cancellationToken) is { } receipt)
            {
                return receipt;
            }
            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException($"No receipt for {hash} after {ReceiptTimeout} (is mining disabled?).");
            }
            await Task.Delay(delay, cancellationToken);
            delay = TimeSpan.FromMilliseconds(Math.Min(delay.TotalMilliseconds * 2, 200));
        }
    }

    private static JsonObject CallObject(string? to, byte[] data, string? from, ulong? gas, BigInteger? value)
    {
        var call = new JsonObject();
        if (from is not null)
        {
            call["from"] = from;
        }
        if (to is not null)
        {
            call["to"] = to;
        }
        // "input" is the current name of the field; anvil also reads the older "data".
        call["input"] = EthHex.Data(data);
        if (gas is { } g)
        {
            call["gas"] = EthHex.Quantity(g);
        }
        if (value is { } v)
        {
            call["value"] = EthHex.Quantity(v);
        }
        return call;
    }

    private static TransactionReceipt ParseReceipt(JsonElement r)
    {
        var logs = new List<EthLog>();
        foreach (JsonElement log in r.GetProperty("logs").EnumerateArray())
        {
            logs.Add(new EthLog(
                Text(log.GetProperty("address")),
                [.. log.GetProperty("topics").EnumerateArray().Select(t => EthHex.ParseData(Text(t)))],
                EthHex.ParseData(Text(log.GetProperty("data"))),
                Quantity64(log.GetProperty("logIndex"))));
        }
        return new TransactionReceipt(
            Text(r.GetProperty("transactionHash")),
            EthHex.ParseQuantity(Text(r.GetProperty("status"))) == 1,
            Quantity64(r.GetProperty("gasUsed")),
            Quantity64(r.GetProperty("cumulativeGasUsed")),
            r.TryGetProperty("effectiveGasPrice", out JsonElement price) && price.ValueKind == JsonValueKind.String
                ? EthHex.ParseQuantity(price.GetString()!)
                : BigInteger.Zero,
            Quantity64(r.GetProperty("blockNumber")),
            Text(r.GetProperty("from")),
            OptionalText(r, "to"),
            OptionalText(r, "contractAddress"),
            logs);
    }

    private static Exception ToException(string method, JsonElement error)
    {
        long code = error.TryGetProperty("code", out JsonElement c) && c.TryGetInt64(out long n) ? n : 0;
        string message = error.TryGetProperty("message", out JsonElement m) ? m.GetString() ?? "" : error.GetRawText();
        JsonElement? data = error.TryGetProperty("data", out JsonElement d) ? d : null;
        if (message.Contains("revert", StringComparison.OrdinalIgnoreCase))
        {
            byte[] revertData = data is { ValueKind: JsonValueKind.String } hex && TryParseData(hex.GetString()!, out byte[] bytes) ? bytes : [];
            return new EvmRevertException(method, code, message, data, revertData);
        }
        return new EthRpcException(method, code, message, data);
    }

    private static bool TryParseData(string text, out byte[] bytes)
    {
        try
        {
            bytes = EthHex.ParseData(text);
            return true;
        }
        catch (FormatException)
        {
            bytes = [];
            return false;
        }
    }

    private static ulong Quantity64(JsonElement element) => EthHex.ParseUInt64(Text(element));

    private static string Text(JsonElement element) =>
        element.ValueKind == JsonValueKind.String ? element.GetString()! : throw new FormatException($"Expected a JSON string, got {element.GetRawText()}.");

    private static string? OptionalText(JsonElement element, string property) =>
        element.TryGetProperty(property, out JsonElement value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

    private static string Truncate(string text) => text.Length > 500 ? text[..500] + "…" : text;
}
