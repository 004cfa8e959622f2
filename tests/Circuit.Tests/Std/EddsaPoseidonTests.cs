// SPDX-License-Identifier: MIT
using ZkOptions.Circuit.Catalog;
using ZkOptions.Circuit.Compiler;
using ZkOptions.Circuit.Solving;
using ZkOptions.Circuit.Tests.Support;
using ZkOptions.Constraints;
using ZkOptions.Field;
using static ZkOptions.Circuit.Tests.Support.CircomlibVectors;

namespace ZkOptions.Circuit.Tests.Std;

/// <summary>
/// In-circuit EdDSA-Poseidon verification on circomlibjs's signatures and its tampered cases
/// (vectors/circomlib/eddsa.json): genuine ones satisfy the circuit, every tampered one fails inside the gadget.
/// </summary>
public sealed class EddsaPoseidonTests
{
    private static InputAssignment Inputs(System.Text.Json.JsonElement v) => new InputAssignment()
        .Set("Ax", F(v.GetProperty("Ax"))).Set("Ay", F(v.GetProperty("Ay"))).Set("message", F(v.GetProperty("message")))
        .Set("R8x", F(v.GetProperty("R8x"))).Set("R8y", F(v.GetProperty("R8y"))).Set("S", F(v.GetProperty("S")));

    [Theory]
    [InlineData(ProofSystem.V1)]
    [InlineData(ProofSystem.V2)]
    public void EveryCircomlibjsVerificationAgrees(ProofSystem system)
    {
        var compiled = CircuitCompiler.Compile(new EddsaPoseidonCircuit(), null, system);
        int genuine = 0, tampered = 0;
        foreach (var v in Load("eddsa.json").GetProperty("verifications").EnumerateArray())
        {
            var inputs = Inputs(v);
            var failures = compiled.Check(compiled.Solve(inputs));
            var engine = Testing.TestEngine.FirstFailure(new EddsaPoseidonCircuit(), inputs);
            string what = v.GetProperty("what").GetString()!;
            if (v.GetProperty("valid").GetBoolean())
            {
                Assert.True(failures.Count == 0, $"{what}: " + string.Join("; ", failures));
                Assert.Null(engine);
                genuine++;
            }
            else
            {
                Assert.True(failures.Count > 0, $"{what}: a tampered signature was accepted");
                Assert.Contains("eddsa-poseidon verify", failures[0].ToString());
                Assert.NotNull(engine);
                Assert.Contains("eddsa-poseidon verify", engine!.ToString());
                tampered++;
            }
        }
        Assert.True(genuine >= 5 && tampered >= 30, $"{genuine} genuine, {tampered} tampered");
    }

    [Fact]
    public void SignaturesMadeByZkoptionsVerifyAndNameTheFailedRule()
    {
        var inputs = InputAssignment.Parse(CircuitCatalog.Find("eddsa-poseidon")!.ExampleInput(), "example");
        var compiled = CircuitAssert.Satisfied(() => new EddsaPoseidonCircuit(), inputs);
        Assert.True(compiled.GateCount <= 10_000, $"EdDSA-Poseidon takes {compiled.GateCount} gates (target ≤ 10,000)");

        // S ≥ l: the range rule fires first and is named.
        var doc = System.Text.Json.JsonDocument.Parse(CircuitCatalog.Find("eddsa-poseidon")!.ExampleInput()).RootElement;
        var bigS = new InputAssignment()
            .Set("Ax", F(doc.GetProperty("Ax"))).Set("Ay", F(doc.GetProperty("Ay"))).Set("message", F(doc.GetProperty("message")))
            .Set("R8x", F(doc.GetProperty("R8x"))).Set("R8y", F(doc.GetProperty("R8y")))
            .Set("S", F(doc.GetProperty("S")) + Fr.FromBigInteger(Field.BabyJubjub.BabyJubjub.SubgroupOrder));
        var failures = CircuitAssert.Fails(() => new EddsaPoseidonCircuit(), bigS, "eddsa-poseidon verify › S < l");
        Assert.Single(failures);
    }

    [Fact]
    public void ATamperedHashDecompositionIsCaught()
    {
        var inputs = InputAssignment.Parse(CircuitCatalog.Find("eddsa-poseidon")!.ExampleInput(), "example");
        var failures = CircuitAssert.FailsWithTamperedHint(() => new EddsaPoseidonCircuit(), inputs, "254 bits", o => o[3] = Fr.One - o[3]);
        Assert.Contains("eddsa-poseidon verify › hm bits", failures[0].ToString());
    }
}
