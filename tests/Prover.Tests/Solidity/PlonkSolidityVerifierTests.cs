// SPDX-License-Identifier: MIT
using ZkOptions.Prover.Formats;
using ZkOptions.Prover.Solidity;
using ZkOptions.Prover.Tests.Support;

namespace ZkOptions.Prover.Tests.Solidity;

/// <summary>
/// The generated verifier is pinned byte for byte for a fixed key (auditors regenerate and diff it), and the generator
/// refuses names and keys it cannot turn into valid Solidity. Whether the contract accepts and rejects the right proofs
/// is tested on a real EVM in tests/Solidity.Tests.
/// </summary>
public sealed class PlonkSolidityVerifierTests
{
    private static readonly string GoldenPath = Path.Combine(RepoPaths.Root, "tests", "Prover.Tests", "Solidity", "Approved", "public_inputs.PlonkVerifier.sol");

    private static PlonkVerificationKey Key() => PlonkVerificationKey.Read(RepoPaths.Vector("snarkjs", "public_inputs.vkey.json"));

    [Fact]
    public void MatchesTheApprovedFileForTheCheckedInKey()
    {
        string generated = PlonkSolidityVerifier.Generate(Key());
        if (Environment.GetEnvironmentVariable("ZKOPTIONS_APPROVE") == "1")
        {
            File.WriteAllText(GoldenPath, generated);
        }
        Assert.True(File.Exists(GoldenPath), $"{GoldenPath} is missing: run this test once with ZKOPTIONS_APPROVE=1 and review the file");
        string approved = File.ReadAllText(GoldenPath);
        Assert.True(approved == generated,
            $"the generated verifier differs from {GoldenPath}. If the change is intended, rerun with ZKOPTIONS_APPROVE=1, " +
            $"review the diff and commit it. First difference at character {FirstDifference(approved, generated)}.");
    }

    [Fact]
    public void OutputDependsOnlyOnTheKeyAndTheName()
    {
        var key = Key();
        string a = PlonkSolidityVerifier.Generate(key), b = PlonkSolidityVerifier.Generate(Key());
        Assert.Equal(a, b);
        Assert.DoesNotContain('\r', a);
        string renamed = PlonkSolidityVerifier.Generate(key, "RollupBatchVerifier");
        Assert.Equal(a.Replace("contract PlonkVerifier {", "contract RollupBatchVerifier {"), renamed);
    }

    [Fact]
    public void EmbedsTheKeyAndTheAbi()
    {
        var key = Key();
        string sol = PlonkSolidityVerifier.Generate(key);
        Assert.Contains("function verifyProof(uint256[24] calldata _proof, uint256[4] calldata _pubSignals) public view returns (bool)", sol);
        Assert.Contains($"uint256 internal constant QM_X = {key.Qm.X};", sol);
        Assert.Contains($"uint256 internal constant S3_Y = {key.S3.Y};", sol);
        Assert.Contains($"uint256 internal constant X2_X_IM = {key.X2.X.C1};", sol);
        Assert.Contains($"uint256 internal constant OMEGA = {key.W};", sol);
        Assert.DoesNotContain("{{", sol);
    }

    [Theory]
    [InlineData("")]
    [InlineData("1Verifier")]
    [InlineData("Plonk Verifier")]
    [InlineData("Verifier{}contract X")]
    [InlineData("contract")]
    [InlineData("function")]
    [InlineData("Verifier-2")]
    public void RejectsNamesThatAreNotSolidityIdentifiers(string name)
    {
        var e = Assert.Throws<ArgumentException>(() => PlonkSolidityVerifier.Generate(Key(), name));
        Assert.Contains("not a valid Solidity contract name", e.Message);
    }

    [Fact]
    public void RejectsAKeyWithoutPublicSignals()
    {
        var key = Key();
        var none = new PlonkVerificationKey
        {
            NPublic = 0, Power = key.Power, K1 = key.K1, K2 = key.K2, Qm = key.Qm, Ql = key.Ql, Qr = key.Qr, Qo = key.Qo,
            Qc = key.Qc, S1 = key.S1, S2 = key.S2, S3 = key.S3, X2 = key.X2, W = key.W,
        };
        var e = Assert.Throws<ArgumentException>(() => PlonkSolidityVerifier.Generate(none));
        Assert.Contains("no public signals", e.Message);
    }

    private static int FirstDifference(string a, string b)
    {
        int n = Math.Min(a.Length, b.Length);
        for (int i = 0; i < n; i++)
        {
            if (a[i] != b[i])
            {
                return i;
            }
        }
        return n;
    }
}
