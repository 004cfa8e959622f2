// SPDX-License-Identifier: MIT
using System.Text.Json;
using ZkOptions.Evm.Harness;
using ZkOptions.Prover.Solidity.Abi;

namespace ZkOptions.Solidity.Tests.Abi;

/// <summary>Our encoder and decoder against Foundry's cast (an independent implementation), in both directions.</summary>
public sealed class AbiCastOracleTests
{
    public static TheoryData<string> Cases => AbiOracleCases.Names();

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task EncodeCall_matches_cast_calldata(string name)
    {
        (string signature, object?[] values) = AbiOracleCases.All[name];
        var types = AbiFunctionSignature.Parse(signature).Parameters;

        string ours = EthHex.Data(AbiEncoder.EncodeCall(signature, values));
        string theirs = await CastCli.RunAsync(["calldata", signature, .. CastArguments.For(types, values)]);

        Assert.Equal(theirs, ours);
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task Decoder_reads_what_cast_encodes(string name)
    {
        (string signature, object?[] values) = AbiOracleCases.All[name];
        var types = AbiFunctionSignature.Parse(signature).Parameters;

        byte[] encoded = EthHex.ParseData(await CastCli.RunAsync(["abi-encode", signature, .. CastArguments.For(types, values)]));
        IReadOnlyList<object?> decoded = AbiDecoder.Decode(types, encoded);

        object?[] expected = [.. types.Select((t, i) => AbiValues.Normalize(t, values[i]))];
        AbiValues.AssertEqual(expected, decoded.ToArray());
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task Cast_reads_what_we_encode(string name)
    {
        (string signature, object?[] values) = AbiOracleCases.All[name];
        var types = AbiFunctionSignature.Parse(signature).Parameters;

        string encoded = EthHex.Data(AbiEncoder.Encode(types, values));
        using JsonDocument json = JsonDocument.Parse(await CastCli.RunAsync("abi-decode", "--input", "--json", signature, encoded));

        Assert.Equal(types.Count, json.RootElement.GetArrayLength());
        int i = 0;
        foreach (JsonElement item in json.RootElement.EnumerateArray())
        {
            AbiValues.AssertMatchesCastJson(types[i], AbiValues.Normalize(types[i], values[i]), item, $"argument {i}");
            i++;
        }
    }

    [Fact]
    public async Task Selectors_match_cast_sig()
    {
        string[] signatures =
        [
            "verifyProof(uint256[24],uint256[1])",
            "transfer(address,uint256)",
            "f((uint256,(bool,string),bytes32[2]),int8,((address,uint8[3]),string[])[])",
        ];
        foreach (string signature in signatures)
        {
            string theirs = await CastCli.RunAsync("sig", signature);
            Assert.Equal(theirs, EthHex.Data(AbiEncoder.FunctionSelector(signature)));
        }
    }

    [Fact]
    public void Selector_hashes_the_canonical_form_of_a_spaced_signature()
    {
        Assert.Equal(
            AbiEncoder.FunctionSelector("verifyProof(uint256[24],uint256[1])"),
            AbiEncoder.FunctionSelector(" verifyProof ( uint256 [24] , uint256[ 1 ] ) "));
        Assert.Equal("0xa9059cbb", EthHex.Data(AbiEncoder.FunctionSelector("transfer(address,uint256)")));
    }
}
