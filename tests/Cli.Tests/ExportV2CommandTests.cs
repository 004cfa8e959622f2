// SPDX-License-Identifier: MIT
using ZkOptions.Cli.Tests.Support;
using ZkOptions.Prover.Formats;
using ZkOptions.Prover.PlonkV2;
using ZkOptions.Prover.Solidity.V2;

namespace ZkOptions.Cli.Tests;

/// <summary>
/// export solidity and export calldata on PLONK v2 files (the keys and proofs of <see cref="PlonkV2Fixture"/>): the
/// generator is picked by the vk's protocol, and --hex prints the whole call for v1 and v2 alike.
/// </summary>
public sealed class ExportV2CommandTests(PlonkV2Fixture keys) : IClassFixture<PlonkV2Fixture>
{
    [Fact]
    public void A_v2_vk_gives_the_v2_verifier_byte_for_byte()
    {
        string vk = keys.Vk("price-band"), sol = keys.P("price-band.Verifier.sol");
        var (exit, _, err) = CliRunner.Run("export", "solidity", "--vk", vk, "--out", sol);
        Assert.True(exit == 0, err);
        Assert.Equal(PlonkV2SolidityVerifier.Generate(PlonkV2VerifyingKey.Read(vk)), File.ReadAllText(sol));
        Assert.Contains("contract PlonkV2Verifier {", File.ReadAllText(sol), StringComparison.Ordinal);

        var (named, _, namedErr) = CliRunner.Run("export", "solidity", "--vk", vk, "--out", sol, "--contract-name", "BatchV2");
        Assert.True(named == 0, namedErr);
        Assert.Equal(PlonkV2SolidityVerifier.Generate(PlonkV2VerifyingKey.Read(vk), "BatchV2"), File.ReadAllText(sol));
    }

    [Fact]
    public void Calldata_of_a_v2_proof_prints_the_arguments_or_with_hex_the_whole_call()
    {
        string name = "price-band";
        var key = PlonkV2VerifyingKey.Read(keys.Vk(name));
        var proof = PlonkV2Proof.Read(keys.Proof(name), key);
        var signals = PublicSignals.Read(keys.Public(name), key.PublicCount);

        var hex = CliRunner.Run("export", "calldata", "--proof", keys.Proof(name), "--public", keys.Public(name), "--vk", keys.Vk(name), "--hex");
        Assert.True(hex.Exit == 0, hex.Err);
        Assert.Equal("0x" + Convert.ToHexStringLower(PlonkV2Calldata.Encode(proof, signals)) + Environment.NewLine, hex.Out);
        Assert.StartsWith("0x" + Convert.ToHexStringLower(Prover.Solidity.Abi.Keccak256.Hash(PlonkV2Calldata.VerifyProofSignature(key))[..4]), hex.Out, StringComparison.Ordinal);

        var sameAsFormat = CliRunner.Run("export", "calldata", "--proof", keys.Proof(name), "--public", keys.Public(name), "--vk", keys.Vk(name), "--format", "hex");
        Assert.Equal(hex.Out, sameAsFormat.Out);

        var arrays = CliRunner.Run("export", "calldata", "--proof", keys.Proof(name), "--public", keys.Public(name), "--vk", keys.Vk(name));
        Assert.True(arrays.Exit == 0, arrays.Err);
        var words = PlonkV2Calldata.ProofWords(proof);
        Assert.StartsWith($"[\"0x{words[0]:x64}\",", arrays.Out, StringComparison.Ordinal);
        Assert.Equal(words.Length + signals.Length, arrays.Out.Split("\"0x").Length - 1);
    }

    [Fact]
    public void Calldata_of_a_v2_proof_without_its_vk_is_bad_input()
    {
        var r = CliRunner.Run("export", "calldata", "--proof", keys.Proof("poseidon-2"), "--public", keys.Public("poseidon-2"));
        Assert.Equal(2, r.Exit);
        Assert.Contains("--vk", r.Err, StringComparison.Ordinal);
    }
}
