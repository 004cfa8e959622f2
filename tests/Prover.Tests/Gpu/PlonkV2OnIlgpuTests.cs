// SPDX-License-Identifier: MIT
using ZkOptions.Constraints.V2;
using ZkOptions.Prover.Engines.Cpu;
using ZkOptions.Prover.Plonk;
using ZkOptions.Prover.PlonkV2;
using ZkOptions.Prover.Tests.PlonkV2;
using static ZkOptions.Prover.Tests.PlonkV2.WideTestCircuits;

namespace ZkOptions.Prover.Tests.Gpu;

/// <summary>
/// PLONK v2 runs on the ILGPU engines (here on ILGPU's CPU accelerator): setup gives the same verifying key as the CPU
/// engines, and a proof with seeded blinding is the same proof, point for point and scalar for scalar, so what a GPU
/// machine proves is checked against the CPU engine wherever the tests run.
/// </summary>
[Collection(IlgpuCpuCollection.Name)]
public sealed class PlonkV2OnIlgpuTests(IlgpuCpuFixture gpu)
{
    public static TheoryData<string> Circuits() => ["mixed", "lookups", "lanes", "chain"];

    [Theory]
    [MemberData(nameof(Circuits))]
    public void Setup_and_proof_on_ilgpu_equal_the_cpu_engines(string name)
    {
        var (circuit, witness) = name switch
        {
            "mixed" => (Mixed(), MixedWitness()),
            "lookups" => (Lookups(), LookupsWitness()),
            "lanes" => (PlonkV2LaneLookupTests.Lanes(), PlonkV2LaneLookupTests.Witness()),
            _ => Chain(100),
        };
        var cpuKey = Key(circuit);
        int power = PlonkV2Setup.DomainPower(circuit);
        var srs = DevPowersOfTau.Create(new QuotientLayout(power, WideGates.All).CommitmentKeySize, seed: 2026);
        var gpuKey = new PlonkV2Setup(gpu.Ntt, gpu.Msm).Create(circuit, srs.TauG1, srs.TauG2);
        Assert.Equal(cpuKey.VerifyingKey.Digest(), gpuKey.VerifyingKey.Digest());

        var onCpu = new PlonkV2Prover(new CpuNttEngine(), new CpuMsmEngine()).Prove(cpuKey, witness, BlindingSource.Seeded(11));
        var onGpu = new PlonkV2Prover(gpu.Ntt, gpu.Msm).Prove(gpuKey, witness, BlindingSource.Seeded(11));
        Assert.Equal(onCpu.Proof.Points(), onGpu.Proof.Points());
        Assert.Equal(onCpu.Proof.Scalars(), onGpu.Proof.Scalars());
        Assert.True(PlonkV2Verifier.Verify(gpuKey.VerifyingKey, onGpu.Proof, onGpu.PublicInputs));
    }
}
