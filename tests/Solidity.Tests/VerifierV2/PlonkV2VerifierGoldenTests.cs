// SPDX-License-Identifier: MIT
using ZkOptions.Prover.PlonkV2;
using ZkOptions.Prover.Solidity.V2;
using ZkOptions.Prover.Tests.Support;

namespace ZkOptions.Solidity.Tests.VerifierV2;

/// <summary>
/// Pins the generated v2 verifier for a fixed verifying key (price-band: Poseidon-free gates, a range table read by
/// lanes, 3 public inputs; Approved/price-band.vk.json, from `zkoptions setup --system v2 --circuit price-band
/// --insecure-dev-srs 3` and `zkey export-vk`). A change to the generator, a gate, the transcript or the opening order
/// shows here as a diff to review. Rerun with ZKOPTIONS_APPROVE=1 to accept it, as the v1 golden test does.
/// </summary>
public sealed class PlonkV2VerifierGoldenTests
{
    private static readonly string Approved = Path.Combine(RepoPaths.Root, "tests", "Solidity.Tests", "VerifierV2", "Approved");

    [Fact]
    public void TheGeneratedVerifierOfAFixedKeyIsTheApprovedFile()
    {
        var key = PlonkV2VerifyingKey.Read(Path.Combine(Approved, "price-band.vk.json"));
        string generated = PlonkV2SolidityVerifier.Generate(key);
        string goldenPath = Path.Combine(Approved, "price-band.PlonkV2Verifier.sol");
        if (Environment.GetEnvironmentVariable("ZKOPTIONS_APPROVE") == "1")
        {
            File.WriteAllText(goldenPath, generated);
        }
        Assert.True(File.Exists(goldenPath), $"{goldenPath} is missing: run this test once with ZKOPTIONS_APPROVE=1 and review the file");
        string approved = File.ReadAllText(goldenPath).Replace("\r\n", "\n");
        int at = approved.Zip(generated).TakeWhile(p => p.First == p.Second).Count();
        Assert.True(approved == generated,
            $"the generated v2 verifier differs from {goldenPath} at character {at}. If the change is intended, rerun with " +
            "ZKOPTIONS_APPROVE=1, review the diff and commit it.");
    }
}
