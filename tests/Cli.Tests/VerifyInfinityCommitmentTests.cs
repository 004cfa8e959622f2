// SPDX-License-Identifier: MIT
using ZkOptions.Field;
using ZkOptions.Prover.Formats;
using ZkOptions.Prover.Tests.Support;

namespace ZkOptions.Cli.Tests;

/// <summary>
/// <c>zkoptions verify</c> of a well-formed proof with a commitment at infinity is an invalid proof (exit 1), not a
/// bad file (exit 2): the JSON reads fine, the verifier says no, as the Solidity verifier does. The proof is forged
/// under a known τ, so the point at infinity is the only thing wrong with it (the finite forgery exits 0).
/// </summary>
public sealed class VerifyInfinityCommitmentTests : IDisposable
{
    private static readonly Fr Tau = Fr.FromUInt64(0xc11_7a0);
    private static readonly Fr[] Publics = [Fr.FromUInt64(7)];

    private readonly string dir = Directory.CreateTempSubdirectory("zkoptions-cli-infinity-").FullName;

    public void Dispose() => Directory.Delete(dir, recursive: true);

    private (int Exit, string Out, string Err) Verify(string? infinity)
    {
        var rng = new Random(3);
        var vk = KnownTauProofForger.Key(Tau, Publics.Length, power: 3, rng);
        PlonkProof proof = KnownTauProofForger.Forge(vk, Tau, Publics, infinity, rng);
        string vkPath = Path.Combine(dir, "vkey.json"), proofPath = Path.Combine(dir, "proof.json"), publicPath = Path.Combine(dir, "public.json");
        vk.Write(vkPath);
        proof.Write(proofPath);
        PublicSignals.Write(publicPath, Publics);
        return CliRunner.Run("verify", "--vk", vkPath, "--proof", proofPath, "--public", publicPath);
    }

    [Fact]
    public void The_finite_forgery_verifies()
    {
        var r = Verify(infinity: null);
        Assert.True(r.Exit == ExitCodes.Ok, $"exit {r.Exit}: {r.Err}");
    }

    [Theory]
    [InlineData("A")]
    [InlineData("T1")]
    [InlineData("Wxiw")]
    public void A_commitment_at_infinity_exits_1(string commitment)
    {
        var r = Verify(commitment);
        Assert.True(r.Exit == ExitCodes.Rejected, $"exit {r.Exit}: {r.Err}");
        Assert.Contains("INVALID", r.Err);
    }
}
