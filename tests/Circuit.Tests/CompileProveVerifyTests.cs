// SPDX-License-Identifier: MIT
using ZkOptions.Constraints.V1;
using ZkOptions.Circuit.Catalog;
using ZkOptions.Circuit.Compiler;
using ZkOptions.Circuit.Tests.Support;
using ZkOptions.Field;
using ZkOptions.Prover.Engines.Cpu;
using ZkOptions.Prover.Formats;
using ZkOptions.Prover.Plonk;
using ZkOptions.Prover.Tests.Support;
using static ZkOptions.Circuit.Tests.Support.CircuitAssert;

namespace ZkOptions.Circuit.Tests;

/// <summary>The whole path on DSL circuits: compile → setup → solve → prove → verify, with the C# prover and verifier.</summary>
public sealed class CompileProveVerifyTests : IDisposable
{
    private readonly string dir = Directory.CreateTempSubdirectory("zkoptions-circuit-").FullName;

    public void Dispose() => Directory.Delete(dir, recursive: true);

    [Theory]
    [InlineData("cubic")]
    [InlineData("price-band")]
    public void CatalogCircuitProvesAndVerifies(string name)
    {
        var descriptor = CircuitCatalog.Find(name)!;
        var compiled = CircuitCompiler.Compile(descriptor.Create(), name);
        var inputs = Solving.InputAssignment.Parse(descriptor.ExampleInput(), "example");
        var witness = compiled.Solve(inputs);
        Assert.Empty(compiled.Check(witness));

        var srs = DevSrs.Create((1 << PlonkSetup.DomainPower(compiled.GateCount)) + 6, seed: 7);
        string zkey = Path.Combine(dir, name + ".zkey");
        var header = new PlonkSetup(new CpuNttEngine(), new CpuMsmEngine()).Write(compiled.ToPlonkCircuit(), srs.TauG1, srs.TauG2, zkey);
        using var key = PlonkZkeyFile.Open(zkey);
        var result = new PlonkProver(new CpuNttEngine(), new CpuMsmEngine()).Prove(key, witness, BlindingSource.Seeded(3));
        var vk = PlonkKeyExport.ToVerificationKey(header);
        Assert.True(PlonkVerifier.Verify(vk, result.Proof, result.PublicSignals));
        Assert.Equal(witness.AsSpan(1, compiled.PublicCount).ToArray(), result.PublicSignals);

        var wrongPublics = result.PublicSignals.ToArray();
        wrongPublics[0] += Fr.One;
        Assert.False(PlonkVerifier.Verify(vk, result.Proof, wrongPublics));
    }

    [Fact]
    public void CubicGateCountIsThreeGatesPlusThePublicInput()
    {
        // x·x (1), x²·x (1), x³ + x + 5 − y = 0 (1), and snarkjs's gate for the public input y.
        var compiled = CircuitCompiler.Compile(new CubicCircuit());
        Assert.Equal(4, compiled.GateCount);
        Assert.Equal(1, compiled.PublicCount);
    }

    [Fact]
    public void UnsatisfiedCubicIsReportedWithFileLineAndValues()
    {
        var failures = Fails(() => new CubicCircuit(), Inputs(("y", 36), ("x", 3)), "ExampleCircuits.cs:");
        string report = failures[0].ToString();
        Assert.Contains("assert a == b", report);
        Assert.Contains("b = y = 36", report);
        Assert.Contains("= 35", report);
    }
}
