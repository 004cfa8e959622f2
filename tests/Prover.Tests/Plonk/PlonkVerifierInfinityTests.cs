// SPDX-License-Identifier: MIT
using ZkOptions.Field;
using ZkOptions.Prover.Plonk;
using ZkOptions.Prover.Tests.Support;

namespace ZkOptions.Prover.Tests.Plonk;

/// <summary>
/// The C# verifier refuses a proof with any commitment at infinity, as the generated Solidity verifier does. The
/// proofs are forged under a known τ (<see cref="KnownTauProofForger"/>), so apart from the point at infinity they
/// pass the pairing check: before the rule, the verifier accepted every one but the [Wξ] case.
/// </summary>
public sealed class PlonkVerifierInfinityTests
{
    private static readonly Fr Tau = Fr.FromUInt64(0x7a0_5eed);
    private static readonly Fr[] Publics = [Fr.FromUInt64(28), Fr.FromUInt64(3)];

    public static TheoryData<string> Commitments => new(KnownTauProofForger.Commitments);

    [Fact]
    public void A_forged_proof_with_finite_commitments_verifies_so_the_forger_is_sound()
    {
        var rng = new Random(1);
        var vk = KnownTauProofForger.Key(Tau, Publics.Length, power: 3, rng);
        var proof = KnownTauProofForger.Forge(vk, Tau, Publics, infinity: null, rng);
        Assert.True(PlonkVerifier.Verify(vk, proof, Publics));
        Assert.False(PlonkVerifier.Verify(vk, proof, [Publics[0] + Fr.One, Publics[1]]));
    }

    [Theory]
    [MemberData(nameof(Commitments))]
    public void A_proof_with_a_commitment_at_infinity_is_rejected(string commitment)
    {
        var rng = new Random(2);
        var vk = KnownTauProofForger.Key(Tau, Publics.Length, power: 3, rng);
        var proof = KnownTauProofForger.Forge(vk, Tau, Publics, commitment, rng);
        Assert.True(AtInfinity(proof, commitment));
        Assert.False(PlonkVerifier.Verify(vk, proof, Publics));
    }

    private static bool AtInfinity(ZkOptions.Prover.Formats.PlonkProof p, string name) => name switch
    {
        "A" => p.A.IsInfinity, "B" => p.B.IsInfinity, "C" => p.C.IsInfinity, "Z" => p.Z.IsInfinity,
        "T1" => p.T1.IsInfinity, "T2" => p.T2.IsInfinity, "T3" => p.T3.IsInfinity,
        "Wxi" => p.Wxi.IsInfinity, "Wxiw" => p.Wxiw.IsInfinity,
        _ => throw new ArgumentOutOfRangeException(nameof(name)),
    };
}
