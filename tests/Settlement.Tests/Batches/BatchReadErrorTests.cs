// SPDX-License-Identifier: MIT
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using ZkOptions.Settlement.Batches;
using ZkOptions.Settlement.Serialization;
using ZkOptions.Settlement.Tests.Support;

namespace ZkOptions.Settlement.Tests.Batches;

/// <summary>
/// One JSON mutation per row. A path segment <c>[#type]</c> stands for the first transaction of that type, in the
/// first batch of the built-in scenario that has one; a path starting <c>#type:</c> uses that batch too, and one starting
/// <c>last:</c> the last batch; <c>null</c> as the new value removes the field. The message
/// must name the file and contain <c>expected</c>, with <c>[#type]</c> resolved the same way.
/// </summary>
[Collection(DefaultScenarioCollection.Name)]
public sealed partial class BatchReadErrorTests(DefaultScenarioRun run)
{
    private const string Last = "last:";

    private const string R = "21888242871839275222246405745257275088548364400416034343698204186575808495617";

    [Theory]
    // missing fields
    [InlineData("transactions[#trade].maker.limitPrice", null, "transactions[#trade].maker.limitPrice is missing")]
    [InlineData("start", null, "start is missing")]
    [InlineData("transactions[#trade].witness.accounts[0].before", null, "transactions[#trade].witness.accounts[0].before is missing (null for a new account)")]
    [InlineData("transactions[#withdraw].exits", null, "transactions[#withdraw].exits is missing")]
    [InlineData("publicInputs.exitCommitment", null, "publicInputs.exitCommitment is missing")]
    // wrong types
    [InlineData("transactions[#trade].maker", "[]", "transactions[#trade].maker must be an object")]
    [InlineData("transactions", "{}", "transactions must be an array")]
    [InlineData("transactions[#trade].witness.accounts[0].siblings[0]", "\"x\"", "transactions[#trade].witness.accounts[0].siblings[0] must be an array")]
    [InlineData("transactions[#trade].rootBefore", "7", "transactions[#trade].rootBefore must be a string")]
    [InlineData("transactions[#trade].details", "{\"fee\": 3}", "transactions[#trade].details.fee must be a string")]
    [InlineData("transactions[#deposit].queueIndex", "\"two\"", "transactions[#deposit].queueIndex must be an integer")]
    // numbers out of range
    [InlineData("transactions[#withdraw].amount", "\"-5\"", "transactions[#withdraw].amount = -5 is out of range")]
    [InlineData("number", "\"99999999999999999999\"", "number must be an integer")]
    [InlineData("transactions[#trade].maker.amount", "\"140737488355329\"", "transactions[#trade].maker.amount = 140737488355329 is out of range")]
    [InlineData("transactions[#trade].maker.account", "\"70000\"", "transactions[#trade].maker.account = 70000 is out of range")]
    [InlineData("transactions[#liquidationBid].fraction", "\"10001\"", "transactions[#liquidationBid].fraction = 10001 is out of range")]
    [InlineData("transactions[#trade].witness.accounts[0].after.risk.markSum", "\"1e5\"", "transactions[#trade].witness.accounts[0].after.risk.markSum must be a 128-bit integer")]
    // field elements ≥ r and malformed ones
    [InlineData("transactions[#trade].rootBefore", "\"" + R + "\"", "transactions[#trade].rootBefore = '" + R + "' is not a canonical decimal field element (< r)")]
    [InlineData("start.accountsRoot", "\"-1\"", "start.accountsRoot = '-1' is not a canonical decimal field element")]
    [InlineData("transactions[#trade].witness.series[0].siblings[1][2]", "\"" + R + "\"", "transactions[#trade].witness.series[0].siblings[1][2] = '" + R + "' is not a canonical decimal field element")]
    [InlineData("transactions[#trade].maker.signature.S", "\"2736030358979909402780800718157159386076813972158567259200215660948447373041\"", "transactions[#trade].maker.signature.S must be below the subgroup order")]
    // addresses, keys, enums
    [InlineData("transactions[#withdraw].recipient", "\"0x12zz\"", "transactions[#withdraw].recipient = '0x12zz' is not an address")]
    [InlineData("transactions[#withdraw].exits[0].recipient", "\"0xg000000000000000000000000000000000000000\"", "transactions[#withdraw].exits[0].recipient = '0xg000000000000000000000000000000000000000' is not an address")]
    [InlineData("#withdraw:exits", "[]", "exits are not the transactions' exits in order")]
    [InlineData("transactions[#trade].witness.accounts[0].after.owner", "\"1234\"", "transactions[#trade].witness.accounts[0].after.owner = '1234' is not an address")]
    [InlineData("transactions[#trade].maker.series", "\"0\"", "transactions[#trade].maker.series: series key 0 is not a packed series")]
    [InlineData("transactions[#trade].maker.side", "\"up\"", "transactions[#trade].maker.side 'up' must be \"buy\" or \"sell\"")]
    [InlineData("transactions[#trade].type", "\"swap\"", "transactions[#trade].type 'swap' is not a transaction type")]
    // header
    [InlineData("format", "\"zkoptions-state\"", "format must be \"zkoptions-batch\"")]
    [InlineData("format", null, "format must be \"zkoptions-batch\"")]
    [InlineData("version", "2", "version 2 is not supported (this reader reads version 1)")]
    [InlineData("parametersHash", "\"1\"", "parametersHash 1 is not the hash of the parameters given")]
    [InlineData("publicInputs.timestamp", "\"1\"", "publicInputs.timestamp is not the batch timestamp")]
    // tampered witness and commitments
    [InlineData("transactions[#trade].witness.accounts[0].after.collateral", "\"12345\"", "transactions[#trade].witness.accounts[0].after.leaf = ")]
    [InlineData("transactions[#trade].witness.accounts[0].after.leaf", "\"1\"", "transactions[#trade].witness.accounts[0].after.leaf = 1 is not the hash of the account written beside it")]
    [InlineData("transactions[#trade].witness.accounts[0].after.orderSlots", "[]", "transactions[#trade].witness.accounts[0].after.orderRoot = ")]
    [InlineData("transactions[#trade].witness.accounts[0].after.positions", "[]", "transactions[#trade].witness.accounts[0].after.positions has 0 slots")]
    [InlineData("transactions[#trade].witness.accounts[0].siblings[0][0]", "\"1\"", "transactions[#trade].witness.accounts[0].siblings do not open the account root")]
    [InlineData("transactions[#trade].witness.accounts[0].siblings", "[]", "transactions[#trade].witness.accounts[0].siblings has 0 levels")]
    [InlineData("transactions[#trade].witness.orderSlots[0].filledAfter", "\"1\"", "transactions[#trade].witness.orderSlots leave account")]
    [InlineData("transactions[#trade].witness.series[0].mark", "\"1\"", "transactions[#trade].witness.series[0].siblings do not open the series root")]
    [InlineData("transactions[#trade].witness.series[0].riskArray", "[]", "transactions[#trade].witness.series[0].riskArray has 0 values")]
    [InlineData("transactions[#trade].rootAfter", "\"1\"", "transactions[#trade].rootAfter is not the root the witness gives")]
    [InlineData("transactions[#trade].maker.limitPrice", "\"1\"", "transactions[#trade].maker.hash is not the hash of the order's fields")]
    [InlineData("transactions[#trade].series", "\"79228162514264337597838917633\"", "transactions[#trade].series is not the maker's series")]
    [InlineData("transactions[#oracleUpdate].epoch.series[0].mark", "\"x\"", "transactions[#oracleUpdate].epoch.series[0].mark must be an integer")]
    [InlineData("transactions[#oracleUpdate].epoch.commitment", "\"1\"", "transactions[#oracleUpdate].epoch.commitment 1 does not match the epoch's data")]
    [InlineData("transactions[#withdraw].exits", "[]", "exits are not the transactions' exits in order")]
    [InlineData("publicInputs.dataCommitment", "\"1\"", "publicInputs.dataCommitment is not the chain of the transactions' data")]
    [InlineData("publicInputs.newStateRoot", "\"1\"", "publicInputs.newStateRoot is not the root after the last transaction")]
    [InlineData("last:start.epochCommitment", "\"1\"", "start.epochCommitment is not Poseidon(epochId, epochTimestamp, seriesRoot, spotsHash)")]
    [InlineData("start.epochCommitment", "\"1\"", "start.epochId is 0 (no epoch yet), so epochTimestamp, epochCommitment, seriesRoot and spotsHash must be 0")]
    [InlineData("start.accountsRoot", "\"1\"", "publicInputs.oldStateRoot is not Poseidon(start.accountsRoot")]
    [InlineData("queue.consumedAfter", "\"0\"", "queue.consumedAfter is not the")]
    [InlineData("queue.consumedBefore", "\"-1\"", "queue.consumedBefore = -1 is out of range")]
    public void AMalformedBatchFileIsRefusedWithItsPath(string path, string? newValue, string expected)
    {
        var (root, resolve) = Mutable(path);
        Mutate(root, resolve(path), newValue);
        var e = Assert.Throws<SettlementInputException>(() => BatchJson.Read(root, run.Parameters, "batch-test.json"));
        Assert.Equal("batch-test.json", e.FileName);
        Assert.StartsWith("batch-test.json: ", e.Message, StringComparison.Ordinal);
        Assert.Contains(resolve(expected), e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void TheUnmutatedBatchesRead()
    {
        // Guards the table: the unmutated batches read, so each row's error comes from its mutation.
        foreach (var b in run.Batches)
        {
            BatchJson.Read(BatchJson.Write(b, run.Parameters), run.Parameters, "batch-test.json");
        }
    }

    /// <summary>A fresh copy of the first batch having the transaction type the path names, and the path resolver.</summary>
    private (JsonObject Root, Func<string, string> Resolve) Mutable(string path)
    {
        Match m = TypeToken().Match(path);
        string? type = m.Success ? m.Groups[1].Value + m.Groups[2].Value : null;
        var batch = path.StartsWith(Last, StringComparison.Ordinal) ? run.Batches[^1]
            : type is null ? run.Batches[0] : run.Batches.First(b => b.Transactions.Any(t => t.Transaction.TypeName == type));
        int index = type is null ? -1 : batch.Transactions.ToList().FindIndex(t => t.Transaction.TypeName == type);
        JsonObject root = JsonNode.Parse(BatchJson.Write(batch, run.Parameters).ToJsonString())!.AsObject();
        return (root, s => (type is null ? s : s.Replace($"[#{type}]", $"[{index}]", StringComparison.Ordinal).Replace($"#{type}:", "", StringComparison.Ordinal)).Replace(Last, "", StringComparison.Ordinal));
    }

    private static void Mutate(JsonObject root, string path, string? newValue)
    {
        JsonNode parent = root;
        var segments = Segments().Matches(path).Select(x => x.Value).ToArray();
        for (int i = 0; i < segments.Length - 1; i++)
        {
            parent = Step(parent, segments[i]) ?? throw new InvalidOperationException($"{path}: nothing at {segments[i]}");
        }
        string last = segments[^1];
        JsonNode? value = newValue is null ? null : JsonNode.Parse(newValue);
        if (last.StartsWith('['))
        {
            int k = int.Parse(last[1..^1], System.Globalization.CultureInfo.InvariantCulture);
            Assert.NotNull(parent.AsArray()[k]);
            parent.AsArray()[k] = value;
        }
        else if (newValue is null)
        {
            Assert.True(parent.AsObject().Remove(last), $"{path} is not in the file");
        }
        else
        {
            Assert.True(parent.AsObject().ContainsKey(last), $"{path} is not in the file");
            parent.AsObject()[last] = value;
        }
    }

    private static JsonNode? Step(JsonNode node, string segment) =>
        segment.StartsWith('[') ? node.AsArray()[int.Parse(segment[1..^1], System.Globalization.CultureInfo.InvariantCulture)] : node.AsObject()[segment];

    [GeneratedRegex(@"\[#(\w+)\]|^#(\w+):")]
    private static partial Regex TypeToken();

    [GeneratedRegex(@"[^.\[\]]+|\[\d+\]")]
    private static partial Regex Segments();
}
