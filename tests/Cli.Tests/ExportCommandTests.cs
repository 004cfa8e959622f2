// SPDX-License-Identifier: MIT
using System.Text.Json.Nodes;
using ZkOptions.Prover.Formats;
using ZkOptions.Prover.Solidity;

namespace ZkOptions.Cli.Tests;

/// <summary>
/// <c>export solidity</c> and <c>export calldata</c> through the CLI: the happy paths on the checked-in snarkjs set, and
/// bad input (exit 2, the file or flag named, no output file). The contract's behaviour on an EVM is tested in
/// tests/Solidity.Tests.
/// </summary>
public sealed class ExportCommandTests : IDisposable
{
    private readonly string dir = Directory.CreateTempSubdirectory("zkoptions-export-").FullName;

    public void Dispose() => Directory.Delete(dir, recursive: true);

    private static string V(string name) => CliRunner.RepoFile("vectors", "snarkjs", name);

    private string Out(string name) => Path.Combine(dir, name);

    private void AssertBadInput((int Exit, string Out, string Err) r, params string[] mentions)
    {
        Assert.True(r.Exit == ExitCodes.BadInput, $"exit {r.Exit}: {r.Err}");
        foreach (var m in mentions)
        {
            Assert.Contains(m, r.Err);
        }
        Assert.DoesNotContain("   at ", r.Err);
        Assert.False(File.Exists(Out("V.sol")), "an output file was left behind");
        Assert.DoesNotContain(Directory.GetFiles(dir), f => f.Contains(".tmp", StringComparison.Ordinal));
    }

    private string WriteInput(string name, string text)
    {
        string path = Out("input-" + name);
        File.WriteAllText(path, text);
        return path;
    }

    [Fact]
    public void SolidityWritesTheGeneratedVerifier()
    {
        var r = CliRunner.Run("export", "solidity", "--vk", V("public_inputs.vkey.json"), "--out", Out("V.sol"), "--contract-name", "BatchVerifier");
        Assert.True(r.Exit == 0, r.Err);
        string expected = PlonkSolidityVerifier.Generate(PlonkVerificationKey.Read(V("public_inputs.vkey.json")), "BatchVerifier");
        Assert.Equal(expected, File.ReadAllText(Out("V.sol")));
        Assert.Contains("contract BatchVerifier {", expected);
    }

    [Theory]
    [InlineData("1Verifier")]
    [InlineData("Plonk Verifier")]
    [InlineData("contract")]
    public void SolidityRefusesANameThatIsNotAnIdentifier(string name)
    {
        var r = CliRunner.Run("export", "solidity", "--vk", V("public_inputs.vkey.json"), "--out", Out("V.sol"), "--contract-name", name);
        AssertBadInput(r, "--contract-name", "not a valid Solidity contract name");
    }

    [Fact]
    public void SolidityRefusesAMissingOrMalformedKey()
    {
        AssertBadInput(CliRunner.Run("export", "solidity", "--vk", Out("nope.json"), "--out", Out("V.sol")), "--vk", "not found");

        var vk = JsonNode.Parse(File.ReadAllText(V("public_inputs.vkey.json")))!;
        vk["Qm"]![1] = "5";
        string offCurve = WriteInput("vk.json", vk.ToJsonString());
        AssertBadInput(CliRunner.Run("export", "solidity", "--vk", offCurve, "--out", Out("V.sol")), offCurve, "Qm");
    }

    [Fact]
    public void SolidityRefusesAKeyWithoutPublicSignals()
    {
        var vk = JsonNode.Parse(File.ReadAllText(V("public_inputs.vkey.json")))!;
        vk["nPublic"] = 0;
        string path = WriteInput("vk0.json", vk.ToJsonString());
        AssertBadInput(CliRunner.Run("export", "solidity", "--vk", path, "--out", Out("V.sol")), path, "no public signals");
    }

    [Fact]
    public void SolidityRefusesAnOutputInAMissingDirectory() =>
        AssertBadInput(CliRunner.Run("export", "solidity", "--vk", V("public_inputs.vkey.json"), "--out", Out("missing/V.sol")), "--out", "does not exist");

    [Fact]
    public void CalldataPrintsSnarkjsTextOrTheWholeCall()
    {
        var proof = PlonkProof.Read(V("public_inputs.proof.json"));
        var signals = PublicSignals.Read(V("public_inputs.public.json"));

        var text = CliRunner.Run("export", "calldata", "--proof", V("public_inputs.proof.json"), "--public", V("public_inputs.public.json"));
        Assert.True(text.Exit == 0, text.Err);
        Assert.Equal(PlonkCalldata.SnarkjsText(proof, signals) + Environment.NewLine, text.Out);

        var hex = CliRunner.Run("export", "calldata", "--proof", V("public_inputs.proof.json"), "--public", V("public_inputs.public.json"), "--format", "hex");
        Assert.True(hex.Exit == 0, hex.Err);
        Assert.Equal("0x" + Convert.ToHexStringLower(PlonkCalldata.Encode(proof, signals)) + Environment.NewLine, hex.Out);
        Assert.Equal(2 + 2 * (4 + 32 * (24 + 4)) + Environment.NewLine.Length, hex.Out.Length);
    }

    [Fact]
    public void CalldataRefusesBadInput()
    {
        string proof = V("public_inputs.proof.json"), publics = V("public_inputs.public.json");
        AssertBadInput(CliRunner.Run("export", "calldata", "--proof", proof, "--public", publics, "--format", "abi"), "abi", "snarkjs");

        string empty = WriteInput("public.json", "[]");
        AssertBadInput(CliRunner.Run("export", "calldata", "--proof", proof, "--public", empty), empty, "no public signals");

        string tooBig = WriteInput("big.json", "[\"21888242871839275222246405745257275088548364400416034343698204186575808495617\"]");
        AssertBadInput(CliRunner.Run("export", "calldata", "--proof", proof, "--public", tooBig), tooBig);

        string notJson = WriteInput("proof.json", "{\"A\": [");
        AssertBadInput(CliRunner.Run("export", "calldata", "--proof", notJson, "--public", publics), notJson);
    }
}
