// SPDX-License-Identifier: MIT
using System.Security.Cryptography;
using System.Text;
using ZkOptions.Prover.Plonk;
using ZkOptions.Prover.PlonkV2;
using static ZkOptions.Prover.Tests.PlonkV2.WideTestCircuits;

namespace ZkOptions.Prover.Tests.PlonkV2;

/// <summary>
/// A seeded prover's proofs pinned by digest (SHA-256 of proof.json): the digests were taken from the prover at
/// 28086e4, before its memory work (round
/// arrays dropped, the quotient summed in passes, a mapped key), so a change to where arrays live cannot change a bit.
/// </summary>
public sealed class PlonkV2SeededProofTests : IDisposable
{
    private readonly string dir = Directory.CreateTempSubdirectory("zkoptions-plonk-v2-seeded-").FullName;

    public void Dispose() => Directory.Delete(dir, recursive: true);

    [Theory]
    [InlineData(false, "6e4d5194718bf03875e5335a5503392fa9739abbfb3bca2e121bc47344a271d0")]
    [InlineData(true, "69db7188e960008120a3f1871eb4374642fbb33b243fe587f9bc3f3959d3f33a")]
    public void A_seeded_proof_is_the_one_the_prover_made_before_its_memory_work(bool lookups, string expected)
    {
        var key = Key(lookups ? Lookups() : Mixed());
        var witness = lookups ? LookupsWitness() : MixedWitness();
        var fromHeap = NewProver().Prove(key, witness, BlindingSource.Seeded(23));
        Assert.Equal(expected, Digest(fromHeap.Proof.ToJsonText()));
        string path = Path.Combine(dir, "key.pk");
        PlonkV2ProvingKeyFile.Write(key, path);
        using var mapped = PlonkV2ProvingKeyFile.Read(path);
        Assert.Equal(expected, Digest(NewProver().Prove(mapped, witness, BlindingSource.Seeded(23)).Proof.ToJsonText()));
    }

    private static string Digest(string text) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)));
}
