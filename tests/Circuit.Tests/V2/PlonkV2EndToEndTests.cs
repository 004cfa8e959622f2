// SPDX-License-Identifier: MIT
using System.Diagnostics;
using ZkOptions.Circuit.Catalog;
using ZkOptions.Circuit.Compiler;
using ZkOptions.Circuit.Solving;
using ZkOptions.Constraints;
using ZkOptions.Constraints.V2;
using ZkOptions.Field;
using ZkOptions.Prover.Engines.Cpu;
using ZkOptions.Prover.Plonk;
using ZkOptions.Prover.PlonkV2;
using Xunit.Abstractions;

namespace ZkOptions.Circuit.Tests.V2;

/// <summary>Every built-in DSL circuit compiled for v2 proves and verifies with the PLONK v2 prover.</summary>
public sealed class PlonkV2EndToEndTests(ITestOutputHelper output)
{
    public static TheoryData<string> BuiltIn() => [.. CircuitCatalog.All.Select(d => d.Name)];

    [Theory]
    [MemberData(nameof(BuiltIn))]
    public void Every_built_in_circuit_proves_and_verifies_on_PlonkV2(string name)
    {
        var descriptor = CircuitCatalog.Find(name)!;
        var compiled = CircuitCompiler.Compile(descriptor.Create(), name, ProofSystem.V2);
        var witness = compiled.Solve(InputAssignment.Parse(descriptor.ExampleInput(), "example"));
        var circuit = compiled.ToWideCircuit();

        int power = PlonkV2Setup.DomainPower(circuit);
        var srs = DevPowersOfTau.Create(new QuotientLayout(power, WideGates.All).CommitmentKeySize, seed: 7);
        var clock = Stopwatch.StartNew();
        var key = new PlonkV2Setup(new CpuNttEngine(), new CpuMsmEngine()).Create(circuit, srs.TauG1, srs.TauG2);
        var setup = clock.Elapsed;
        clock.Restart();
        var result = new PlonkV2Prover(new CpuNttEngine(), new CpuMsmEngine()).Prove(key, witness);
        var prove = clock.Elapsed;
        clock.Restart();
        Assert.True(PlonkV2Verifier.Verify(key.VerifyingKey, result.Proof, result.PublicInputs));
        var verify = clock.Elapsed;
        output.WriteLine($"{name}: {circuit.Rows.Count} rows, n = {key.N}, setup {setup.TotalMilliseconds:F0} ms, " +
                         $"prove {prove.TotalMilliseconds:F0} ms, verify {verify.TotalMilliseconds:F0} ms, proof {result.Proof.ToJsonText().Length} JSON bytes");

        Assert.Equal(witness.AsSpan(1, compiled.PublicCount).ToArray(), result.PublicInputs);
        if (result.PublicInputs.Length > 0)
        {
            var changed = (Fr[])result.PublicInputs.Clone();
            changed[^1] += Fr.One;
            Assert.False(PlonkV2Verifier.Verify(key.VerifyingKey, result.Proof, changed));
        }
    }
}
