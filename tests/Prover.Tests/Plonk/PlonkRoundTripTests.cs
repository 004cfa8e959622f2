// SPDX-License-Identifier: MIT
using ZkOptions.Field;
using ZkOptions.Prover.Engines.Cpu;
using ZkOptions.Prover.Formats;
using ZkOptions.Prover.Plonk;
using ZkOptions.Prover.Tests.Interop;
using ZkOptions.Prover.Tests.Support;

namespace ZkOptions.Prover.Tests.Plonk;

/// <summary>
/// Setup → prove → verify on hand-written circuits with a dev SRS and the reference engines. This is the prover's own
/// consistency; the snarkjs interop tests are the external oracle.
/// </summary>
public sealed class PlonkRoundTripTests : IDisposable
{
    private readonly string dir = Directory.CreateTempSubdirectory("zkoptions-plonk-").FullName;

    public void Dispose() => Directory.Delete(dir, recursive: true);

    private (string Zkey, PlonkZkeyHeader Header) Setup(int nVars, int nPublic, R1csConstraint[] constraints)
    {
        var circuit = R1csToPlonk.Convert(nVars, nPublic, constraints);
        int n = 1 << PlonkSetup.DomainPower(circuit.Gates.Count);
        var srs = DevSrs.Create(n + 6, seed: 11);
        string path = Path.Combine(dir, "circuit.zkey");
        var header = new PlonkSetup(new ReferenceNtt(), new ReferenceMsm()).Write(circuit, srs.TauG1, srs.TauG2, path);
        return (path, header);
    }

    private static PlonkProofResult Prove(string zkeyPath, Fr[] witness, int seed = 5)
    {
        using var zkey = PlonkZkeyFile.Open(zkeyPath);
        return new PlonkProver(new ReferenceNtt(), new ReferenceMsm()).Prove(zkey, witness, BlindingSource.Seeded(seed));
    }

    [Fact]
    public void MixedCircuitProofVerifies()
    {
        var (nVars, nPublic, constraints) = HandCircuits.Mixed();
        var (zkey, header) = Setup(nVars, nPublic, constraints);
        Assert.Equal(1, header.NAdditions);
        var result = Prove(zkey, HandCircuits.MixedWitness());
        Assert.Equal(["28", "3", "4"], result.PublicSignals.Select(s => s.ToString()));
        var vk = PlonkKeyExport.ToVerificationKey(header);
        Assert.True(PlonkVerifier.Verify(vk, result.Proof, result.PublicSignals));
    }

    [Fact]
    public void ChangedPublicSignalOrProofElementIsRejected()
    {
        var (nVars, nPublic, constraints) = HandCircuits.Mixed();
        var (zkey, header) = Setup(nVars, nPublic, constraints);
        var result = Prove(zkey, HandCircuits.MixedWitness());
        var vk = PlonkKeyExport.ToVerificationKey(header);
        var p = result.Proof;
        for (int i = 0; i < 3; i++)
        {
            var publics = (Fr[])result.PublicSignals.Clone();
            publics[i] += Fr.One;
            Assert.False(PlonkVerifier.Verify(vk, p, publics));
        }
        G1Affine other = G1Jacobian.ScalarMul(G1Affine.Generator, Fr.FromUInt64(99)).ToAffine();
        PlonkProof[] tampered =
        [
            ProofTampering.With(p, a: other), ProofTampering.With(p, b: other), ProofTampering.With(p, c: other), ProofTampering.With(p, z: other), ProofTampering.With(p, t1: other), ProofTampering.With(p, t2: other),
            ProofTampering.With(p, t3: other), ProofTampering.With(p, wxi: other), ProofTampering.With(p, wxiw: other),
            ProofTampering.With(p, ea: p.EvalA + Fr.One), ProofTampering.With(p, eb: p.EvalB + Fr.One), ProofTampering.With(p, ec: p.EvalC + Fr.One),
            ProofTampering.With(p, es1: p.EvalS1 + Fr.One), ProofTampering.With(p, es2: p.EvalS2 + Fr.One), ProofTampering.With(p, ezw: p.EvalZw + Fr.One),
        ];
        foreach (var t in tampered)
        {
            Assert.False(PlonkVerifier.Verify(vk, t, result.PublicSignals));
        }
    }

    [Fact]
    public void SquareChainSpanningSeveralDomainSizesVerifies()
    {
        foreach (int length in new[] { 1, 6, 40 })
        {
            var (nVars, nPublic, constraints, witness) = HandCircuits.SquareChain(length);
            var (zkey, header) = Setup(nVars, nPublic, constraints);
            var result = Prove(zkey, witness, seed: length);
            Assert.True(PlonkVerifier.Verify(PlonkKeyExport.ToVerificationKey(header), result.Proof, result.PublicSignals), $"length {length}");
        }
    }

    [Fact]
    public void CpuEnginesProveWhatTheReferenceEnginesProve()
    {
        // Same blinding seed ⇒ the same proof, bit for bit, whichever engines run the NTTs and MSMs.
        var (nVars, nPublic, constraints, witness) = HandCircuits.SquareChain(300);
        var (zkey, header) = Setup(nVars, nPublic, constraints);
        var reference = Prove(zkey, witness, seed: 3);
        using var key = PlonkZkeyFile.Open(zkey);
        var fast = new PlonkProver(new CpuNttEngine(), new CpuMsmEngine()).Prove(key, witness, BlindingSource.Seeded(3));
        Assert.Equal(reference.Proof.A, fast.Proof.A);
        Assert.Equal(reference.Proof.Wxiw, fast.Proof.Wxiw);
        Assert.Equal(reference.Proof.EvalZw, fast.Proof.EvalZw);
        Assert.True(PlonkVerifier.Verify(PlonkKeyExport.ToVerificationKey(header), fast.Proof, fast.PublicSignals));
    }

    [Fact]
    public void BlindingChangesTheProofButNotItsValidity()
    {
        var (nVars, nPublic, constraints) = HandCircuits.Mixed();
        var (zkey, header) = Setup(nVars, nPublic, constraints);
        var first = Prove(zkey, HandCircuits.MixedWitness(), seed: 1);
        var second = Prove(zkey, HandCircuits.MixedWitness(), seed: 2);
        Assert.NotEqual(first.Proof.A, second.Proof.A);
        var vk = PlonkKeyExport.ToVerificationKey(header);
        Assert.True(PlonkVerifier.Verify(vk, second.Proof, second.PublicSignals));
    }

    [Fact]
    public void WitnessThatBreaksAGateIsRefusedWithTheGateNamed()
    {
        var (nVars, nPublic, constraints) = HandCircuits.Mixed();
        var (zkey, _) = Setup(nVars, nPublic, constraints);
        var witness = HandCircuits.MixedWitness();
        witness[7] += Fr.One; // t = (s + 1)·c broken
        var e = Assert.Throws<InvalidWitnessException>(() => Prove(zkey, witness));
        Assert.Contains("gate", e.Message);
    }

    [Fact]
    public void WitnessOfTheWrongLengthIsRefused()
    {
        var (nVars, nPublic, constraints) = HandCircuits.Mixed();
        var (zkey, _) = Setup(nVars, nPublic, constraints);
        var e = Assert.Throws<InvalidWitnessException>(() => Prove(zkey, HandCircuits.MixedWitness()[..7]));
        Assert.Contains("7 values", e.Message);
    }
}
