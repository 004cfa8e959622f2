// SPDX-License-Identifier: MIT
using ZkOptions.Constraints.V2;
using ZkOptions.Field;
using ZkOptions.Prover.Plonk;
using ZkOptions.Prover.PlonkV2;

namespace ZkOptions.Prover.Tests.PlonkV2;

/// <summary>
/// The development SRS's fast setup (commitments as [p(τ)]₁ with its known τ) makes exactly the key the MSM setup makes
/// from the same points, and proofs made with it verify.
/// </summary>
public sealed class PlonkV2KnownTauSetupTests
{
    public static TheoryData<string> Circuits => ["mixed", "lookups", "chain"];

    private static WideCircuit CircuitNamed(string name) => name switch
    {
        "mixed" => WideTestCircuits.Mixed(qc: 5),
        "lookups" => WideTestCircuits.Lookups(),
        _ => WideTestCircuits.Chain(40).Circuit,
    };

    [Theory]
    [MemberData(nameof(Circuits))]
    public void Evaluating_at_the_known_tau_gives_the_msm_setups_key(string name)
    {
        var circuit = CircuitNamed(name);
        int power = PlonkV2Setup.DomainPower(circuit);
        var srs = DevPowersOfTau.Create(new QuotientLayout(power, WideGates.All).CommitmentKeySize, seed: 77);

        var byMsm = WideTestCircuits.Setup().Create(circuit, srs.TauG1, srs.TauG2);
        var byTau = WideTestCircuits.Setup().Create(circuit, srs);

        Assert.Equal(byMsm.VerifyingKey.Digest(), byTau.VerifyingKey.Digest());
        Assert.Equal(byMsm.VerifyingKey.Coefficients, byTau.VerifyingKey.Coefficients);
        Assert.Equal(byMsm.VerifyingKey.Selectors, byTau.VerifyingKey.Selectors);
        Assert.Equal(byMsm.VerifyingKey.Sigmas, byTau.VerifyingKey.Sigmas);
        Assert.Equal(byMsm.VerifyingKey.LookupColumns, byTau.VerifyingKey.LookupColumns);
        // Not vacuous: the key commits to nonzero polynomials.
        Assert.Contains(byTau.VerifyingKey.Selectors, p => !p.IsInfinity);
    }

    [Fact]
    public void A_proof_from_the_known_tau_key_verifies_and_a_forged_input_does_not()
    {
        var circuit = WideTestCircuits.Lookups();
        int power = PlonkV2Setup.DomainPower(circuit);
        var srs = DevPowersOfTau.Create(new QuotientLayout(power, WideGates.All).CommitmentKeySize, seed: 78);
        var key = WideTestCircuits.Setup().Create(circuit, srs);
        var result = WideTestCircuits.NewProver().Prove(key, WideTestCircuits.LookupsWitness());
        Assert.True(PlonkV2Verifier.Verify(key.VerifyingKey, result.Proof, result.PublicInputs));
        var forged = (Fr[])result.PublicInputs.Clone();
        forged[0] += Fr.One;
        Assert.False(PlonkV2Verifier.Verify(key.VerifyingKey, result.Proof, forged));
    }
}
