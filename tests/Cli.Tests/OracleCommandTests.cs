// SPDX-License-Identifier: MIT
using System.Text.Json;
using System.Text.Json.Nodes;
using ZkOptions.Field.BabyJubjub;
using ZkOptions.Settlement.Parameters;
using ZkOptions.Settlement.Risk;
using ZkOptions.Settlement.Serialization;

namespace ZkOptions.Cli.Tests;

/// <summary><c>zkoptions oracle epoch</c>: the default market, signing, --json, and bad input (exit 2, nothing written).</summary>
public sealed class OracleCommandTests : IDisposable
{
    private readonly string dir = Directory.CreateTempSubdirectory("zkoptions-oracle-").FullName;

    private static readonly string DefaultMarket = CliRunner.RepoFile("vectors", "settlement", "market-default.json");

    private const string KeyHex = "0001020304050607080910111213141516171819202122232425262728293031";

    public void Dispose() => Directory.Delete(dir, recursive: true);

    private string Path(string name) => System.IO.Path.Combine(dir, name);

    private static OracleEpoch ReadEpoch(string path) =>
        OracleEpochJson.Read(JsonNode.Parse(File.ReadAllText(path))!.AsObject(), new JsonFields(path), new ExchangeParameters());

    private static void AssertBadInput((int Exit, string Out, string Err) r, params string[] fragments)
    {
        Assert.True(r.Exit == ExitCodes.BadInput, $"exit {r.Exit}: {r.Err}");
        Assert.Empty(r.Out);
        foreach (string f in fragments)
        {
            Assert.Contains(f, r.Err);
        }
        Assert.DoesNotContain("   at ", r.Err);
    }

    [Fact]
    public void Epoch_from_the_default_market_prints_a_table_and_writes_the_epoch()
    {
        string output = Path("epoch.json");
        var (exit, stdout, stderr) = CliRunner.Run("oracle", "epoch", "--market", DefaultMarket, "--out", output);
        Assert.True(exit == ExitCodes.Ok, stderr);
        OracleEpoch epoch = ReadEpoch(output);
        Assert.Equal(124, epoch.Series.Count);
        Assert.Null(epoch.Signature);
        Assert.Contains("BTC-20260130-100000-C", stdout);
        Assert.Contains("ETH-20260626-3300-P", stdout);
        Assert.Contains("settled at 94,250.500000", stdout);
        Assert.Contains($"commitment {epoch.Commitment}", stdout);
        Assert.Contains("unsigned", stdout);
        Assert.DoesNotContain(Directory.GetFiles(dir), f => f.EndsWith(".tmp", StringComparison.Ordinal));
    }

    [Fact]
    public void Epoch_signs_with_a_key_from_a_flag_or_a_keygen_file_and_json_prints_one_object()
    {
        var key = new EddsaPrivateKey(Convert.FromHexString(KeyHex));
        string output = Path("signed.json");
        var (exit, stdout, stderr) = CliRunner.Run("oracle", "epoch", "--market", DefaultMarket, "--out", output, "--oracle-key", KeyHex, "--json");
        Assert.True(exit == ExitCodes.Ok, stderr);
        OracleEpoch epoch = ReadEpoch(output);
        Assert.True(epoch.IsSignedBy(key.PublicKey, new ExchangeParameters().OracleDomain));
        using var doc = JsonDocument.Parse(stdout);
        Assert.Equal("1", doc.RootElement.GetProperty("epoch").GetString());
        Assert.Equal(epoch.Commitment.ToString(), doc.RootElement.GetProperty("commitment").GetString());
        Assert.Equal(124, doc.RootElement.GetProperty("seriesCount").GetInt32());
        Assert.True(doc.RootElement.GetProperty("signed").GetBoolean());
        Assert.Equal(output, doc.RootElement.GetProperty("out").GetString());

        string keyFile = Path("oracle.key");
        File.WriteAllText(keyFile, new JsonObject { ["privateKey"] = KeyHex }.ToJsonString());
        string second = Path("signed2.json");
        var r = CliRunner.Run("oracle", "epoch", "--market", DefaultMarket, "--out", second, "--oracle-key-file", keyFile);
        Assert.True(r.Exit == ExitCodes.Ok, r.Err);
        Assert.Equal(File.ReadAllText(output), File.ReadAllText(second));
    }

    [Fact]
    public void A_bad_market_file_exits_2_naming_the_file_and_field_and_writes_nothing()
    {
        var root = JsonNode.Parse(File.ReadAllText(DefaultMarket))!.AsObject();
        root["underlyings"]![0]!["series"]![5]!["type"] = "straddle";
        string market = Path("market-bad.json");
        File.WriteAllText(market, root.ToJsonString());
        string output = Path("epoch.json");
        var r = CliRunner.Run("oracle", "epoch", "--market", market, "--out", output);
        AssertBadInput(r, market, "underlyings[0].series[5].type");
        Assert.False(File.Exists(output));
        Assert.DoesNotContain(Directory.GetFiles(dir), f => f.EndsWith(".tmp", StringComparison.Ordinal));
    }

    [Fact]
    public void An_arbitrageable_smile_exits_2()
    {
        var root = JsonNode.Parse(File.ReadAllText(DefaultMarket))!.AsObject();
        root["underlyings"]![1]!["expiries"]![0]!["svi"] = new JsonObject
        {
            ["a"] = -0.0410, ["b"] = 0.1331, ["rho"] = 0.3060, ["m"] = 0.3586, ["sigma"] = 0.4153,
        };
        string market = Path("market-arb.json");
        File.WriteAllText(market, root.ToJsonString());
        string output = Path("epoch.json");
        AssertBadInput(CliRunner.Run("oracle", "epoch", "--market", market, "--out", output),
            "underlyings[1].expiries[0].svi: butterfly arbitrage");
        Assert.False(File.Exists(output));
    }

    [Fact]
    public void Usage_mistakes_exit_2_without_output()
    {
        string output = Path("epoch.json");
        AssertBadInput(CliRunner.Run("oracle", "epoch", "--market", Path("missing.json"), "--out", output), "--market: file not found");
        AssertBadInput(CliRunner.Run("oracle", "epoch", "--market", DefaultMarket, "--out", output, "--oracle-key", KeyHex, "--oracle-key-file", "k"),
            "at most one of --oracle-key and --oracle-key-file");
        AssertBadInput(CliRunner.Run("oracle", "epoch", "--market", DefaultMarket, "--out", output, "--oracle-key", "abcd"), "32 bytes");
        AssertBadInput(CliRunner.Run("oracle", "epoch", "--market", DefaultMarket, "--out", Path("no/such/dir/e.json")), "does not exist");
        AssertBadInput(CliRunner.Run("oracle", "epoch", "--market", DefaultMarket));
        Assert.False(File.Exists(output));
    }
}
