// SPDX-License-Identifier: MIT
using ZkOptions.Circuit.Catalog;
using ZkOptions.Circuit.Compiler;
using ZkOptions.Circuit.Solving;
using ZkOptions.Constraints;
using ZkOptions.Constraints.V2;
using ZkOptions.Prover.Engines.Cpu;
using ZkOptions.Prover.Plonk;
using ZkOptions.Prover.PlonkV2;

namespace ZkOptions.Circuit.Tests.V2;

/// <summary>
/// Round 3 on AVX-512 lanes (eight points at a time) makes the very proof the scalar loop makes: with the same
/// blinding, byte for byte, for every built-in circuit (between them every gate kind and the lookups).
/// </summary>
public sealed class VectorLanesQuotientTests
{
    public static TheoryData<string> BuiltIn() => [.. CircuitCatalog.All.Select(d => d.Name)];

    [Theory]
    [MemberData(nameof(BuiltIn))]
    public void The_lanes_prove_byte_for_byte_what_the_scalar_loop_proves(string name)
    {
        if (!FrLanes.IsSupported)
        {
            return; // no AVX-512 here: the prover runs the scalar loop only (FrLanesTests holds it to that)
        }
        var descriptor = CircuitCatalog.Find(name)!;
        var compiled = CircuitCompiler.Compile(descriptor.Create(), name, ProofSystem.V2);
        var witness = compiled.Solve(InputAssignment.Parse(descriptor.ExampleInput(), "example"));
        var circuit = compiled.ToWideCircuit();
        int power = PlonkV2Setup.DomainPower(circuit);
        var srs = DevPowersOfTau.Create(new QuotientLayout(power, WideGates.All).CommitmentKeySize, seed: 8);
        var key = new PlonkV2Setup(new CpuNttEngine(), new CpuMsmEngine()).Create(circuit, srs);

        string Prove(bool lanes) => new PlonkV2Prover(new CpuNttEngine(), new CpuMsmEngine()) { VectorLanes = lanes }
            .Prove(key, witness, BlindingSource.Seeded(5)).Proof.ToJsonText();

        Assert.Equal(Prove(lanes: false), Prove(lanes: true));
    }
}
