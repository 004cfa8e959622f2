// SPDX-License-Identifier: MIT
using ZkOptions.Circuit.Compiler;
using ZkOptions.Constraints;
using ZkOptions.Constraints.V2;
using ZkOptions.Constraints.V2.Gates;
using ZkOptions.Field;

namespace ZkOptions.Circuit.Solving;

/// <summary>Lets a test play a malicious prover: rewrite a hint's outputs before later wires are computed from them.</summary>
internal delegate void HintTamper(string hintName, ConstraintOrigin origin, Span<Fr> outputs);

/// <summary>
/// Fills every wire from the input values by running the compiled solver program in order: each step computes the
/// output wire of one gate (c = qM·a·b + qL·a + qR·b + qC) or runs one hint. It does not check constraints; that is
/// <see cref="CompiledCircuit.Check"/>'s job, so a bad input is reported with the rule it breaks.
/// </summary>
public static class WitnessSolver
{
    /// <summary>The witness for <paramref name="inputs"/> (index 0 is the constant 1).</summary>
    public static Fr[] Solve(CompiledCircuit circuit, InputAssignment inputs) => Solve(circuit, inputs, null);

    internal static Fr[] Solve(CompiledCircuit circuit, InputAssignment inputs, HintTamper? tamper)
    {
        inputs.CheckNoExtra(circuit.Inputs);
        var w = new Fr[circuit.WireCount];
        w[0] = Fr.One;
        foreach (var input in circuit.Inputs)
        {
            inputs.ValuesFor(input).CopyTo(w.AsSpan(input.FirstWire));
        }
        var gates = circuit.Gates;
        var rows = circuit.Rows;
        var hints = circuit.Hints;
        Span<Fr> scratch = stackalloc Fr[8];
        foreach (var step in circuit.Steps)
        {
            if (step.Kind == SolverStepKind.Gate && circuit.System == ProofSystem.V2)
            {
                // The API defines a wire in the cell step.Cell with coefficient −1: it is the rest of the row.
                var row = rows[step.Index];
                Fr a = w[row.Wires[0]], b = w[row.Wires[1]];
                Fr.Mul(in a, in b, out Fr ab);
                Fr.Mul(in ab, row[Coefficient.Qm], out Fr sum);
                for (int k = 0; k < WideLayout.Width; k++)
                {
                    if (k != step.Cell)
                    {
                        Fr.Mul(in w[row.Wires[k]], in row.Coefficients[(int)Coefficient.Q0 + k], out Fr t);
                        Fr.Add(in sum, in t, out sum);
                    }
                }
                Fr.Add(in sum, row[Coefficient.Qc], out w[row.Wires[step.Cell]]);
            }
            else if (step.Kind == SolverStepKind.Row)
            {
                SolveRow(rows, step.Index, w);
            }
            else if (step.Kind == SolverStepKind.Gate)
            {
                var g = gates[step.Index];
                Fr a = w[g.A], b = w[g.B];
                Fr.Mul(in a, in b, out Fr ab);
                Fr.Mul(in ab, g.Qm, out Fr sum);
                Fr.Mul(in a, g.Ql, out Fr t);
                Fr.Add(in sum, in t, out sum);
                Fr.Mul(in b, g.Qr, out t);
                Fr.Add(in sum, in t, out sum);
                Fr.Add(in sum, g.Qc, out w[g.C]);
            }
            else
            {
                var hint = hints[step.Index];
                var inputValues = new Fr[hint.Inputs.Length];
                for (int i = 0; i < inputValues.Length; i++)
                {
                    inputValues[i] = hint.Inputs[i].Evaluate(w);
                }
                Span<Fr> outputs = hint.Outputs.Length <= scratch.Length ? scratch[..hint.Outputs.Length] : new Fr[hint.Outputs.Length];
                outputs.Clear();
                hint.Function(inputValues, outputs);
                tamper?.Invoke(hint.Name, circuit.OriginOfHint(step.Index), outputs);
                for (int i = 0; i < outputs.Length; i++)
                {
                    w[hint.Outputs[i]] = outputs[i];
                }
            }
        }
        return w;
    }

    /// <summary>The cells row <paramref name="r"/>'s gate defines, from the cells it reads.</summary>
    private static void SolveRow(IReadOnlyList<WideRow> rows, int r, Fr[] w)
    {
        var row = rows[r];
        Span<Fr> cells = stackalloc Fr[WideLayout.Width];
        for (int k = 0; k < WideLayout.Width; k++)
        {
            cells[k] = w[row.Wires[k]];
        }
        ReadOnlySpan<Fr> q = row.Coefficients;
        switch (row.Gate)
        {
            case GateKind.Arithmetic when row[Coefficient.Qnext] == -Fr.One:
                Fr sum = row[Coefficient.Qm] * cells[0] * cells[1] + row[Coefficient.Qc];
                for (int k = 0; k < WideLayout.Width; k++)
                {
                    sum += q[(int)Coefficient.Q0 + k] * cells[k];
                }
                w[rows[r + 1].Wires[0]] = sum;
                break;
            case GateKind.PoseidonSbox:
                w[row.Wires[1]] = PoseidonSboxGate.Output(cells[0], row[Coefficient.Q0]);
                break;
            case GateKind.PoseidonLanes:
                var next = rows[r + 1];
                for (int k = 1; k <= 4; k++)
                {
                    if (next.Wires[k] != 0)
                    {
                        w[next.Wires[k]] = PoseidonLanesGate.Lane(cells, q, k);
                    }
                }
                break;
            default:
                throw new InvalidOperationException($"row {r}: the solver has no step for a {row.Gate} row");
        }
    }
}
