// SPDX-License-Identifier: MIT
using ZkOptions.Circuit.Catalog;
using ZkOptions.Circuit.Compiler;
using ZkOptions.Circuit.Solving;
using ZkOptions.Constraints;
using ZkOptions.Constraints.V2;
using ZkOptions.Constraints.V2.Gates;
using ZkOptions.Field;

namespace ZkOptions.Circuit.Tests.V2;

/// <summary>
/// The same circuit classes compile to the v2 layout without edits: every built-in circuit solves and checks on v2,
/// and a witness that breaks an arithmetic row is refused with the C# line that made it and the gate's name.
/// </summary>
public sealed class WideLayoutCompileTests
{
    public static TheoryData<string> BuiltIn() => [.. CircuitCatalog.All.Select(d => d.Name)];

    [Theory]
    [MemberData(nameof(BuiltIn))]
    public void Every_built_in_circuit_compiles_solves_and_checks_on_v2(string name)
    {
        var descriptor = CircuitCatalog.Find(name)!;
        var v1 = CircuitCompiler.Compile(descriptor.Create(), name);
        var v2 = CircuitCompiler.Compile(descriptor.Create(), name, ProofSystem.V2);
        Assert.Equal(ProofSystem.V2, v2.System);
        Assert.Equal(v1.PublicCount, v2.PublicCount);

        var inputs = InputAssignment.Parse(descriptor.ExampleInput(), "example");
        var witness = v2.Solve(inputs);
        // Custom gates make their own wires, so only the inputs (and with them the public signals) line up.
        int inputWires = 1 + v1.Inputs.Sum(i => i.Count);
        Assert.Equal(v1.Solve(inputs)[..inputWires], witness[..inputWires]);
        Assert.Empty(v2.Check(witness));
        Assert.Empty(v2.ToWideCircuit().FailingRows(witness));
    }

    [Fact]
    public void A_broken_arithmetic_row_is_reported_with_its_line_and_gate()
    {
        var descriptor = CircuitCatalog.Find("cubic")!;
        var v2 = CircuitCompiler.Compile(descriptor.Create(), "cubic", ProofSystem.V2);
        var witness = v2.Solve(InputAssignment.Parse(descriptor.ExampleInput(), "example"));
        witness[^1] += Fr.One;   // x³, the last internal wire: the row that makes it and the row that uses it break

        var failures = v2.Check(witness);
        Assert.Equal(2, failures.Count);
        Assert.StartsWith("ExampleCircuits.cs:12 a · b failed", failures[0].ToString());
        Assert.StartsWith("ExampleCircuits.cs:13 assert a == b failed", failures[1].ToString());
        Assert.All(failures, f => Assert.Contains("arithmetic gate", f.ToString()));
        Assert.NotEmpty(v2.ToWideCircuit().FailingRows(witness));
    }

    [Fact]
    public void A_v2_circuit_has_rows_not_gates_and_no_r1cs()
    {
        var v2 = CircuitCompiler.Compile(CircuitCatalog.Find("cubic")!.Create(), "cubic", ProofSystem.V2);
        Assert.Equal(4, v2.RowCount);
        Assert.Throws<InvalidOperationException>(() => v2.GateCount);
        Assert.Throws<InvalidOperationException>(() => v2.ToPlonkCircuit());
        Assert.Throws<ArgumentException>(() => R1cs.R1csExporter.Write(v2, Path.Combine(Path.GetTempPath(), "never.r1cs")));
    }

    [Fact]
    public void The_arithmetic_gate_reads_all_five_cells_and_the_next_row()
    {
        // 2·w0·w1 + 3·w0 + 5·w1 + 7·w2 + 11·w3 + 13·w4 + 17 + 19·next0 with w = 1..5, next0 = 6:
        // 2·2 + 3 + 10 + 21 + 44 + 65 + 17 + 114 = 278.
        Fr[] cells = [F(1), F(2), F(3), F(4), F(5)];
        Fr[] next = [F(6), F(0), F(0), F(0), F(0)];
        Fr[] q = [F(2), F(3), F(5), F(7), F(11), F(13), F(17), F(19)];
        Span<Fr> residual = stackalloc Fr[1];
        new ArithmeticGate().Residuals(new RowValues<Fr>(cells, next, q), residual);
        Assert.Equal(F(278), residual[0]);

        static Fr F(ulong v) => Fr.FromUInt64(v);
    }
}
