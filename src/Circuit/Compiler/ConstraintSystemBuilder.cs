// SPDX-License-Identifier: MIT
using ZkOptions.Constraints;
using ZkOptions.Constraints.V1;
using ZkOptions.Constraints.V2;
using ZkOptions.Field;

namespace ZkOptions.Circuit.Compiler;

/// <summary>
/// Collects what <see cref="Api"/> emits while <c>Define</c> runs, in the layout of the target proof system: wires,
/// v1 gates or v2 rows (each tagged with its <see cref="ConstraintOrigin"/>), and the solver program, the order in
/// which the witness solver fills internal wires (one step per gate that defines a wire, one per hint call). The API
/// states every arithmetic constraint in the three-wire shape both layouts share; a v2 row holds it in w0..w2.
/// </summary>
internal sealed class ConstraintSystemBuilder
{
    /// <summary>The layout being built.</summary>
    public ProofSystem System { get; }

    /// <summary>The v1 gates (empty for v2).</summary>
    public List<PlonkGate> Gates { get; } = [];

    /// <summary>The v2 rows (empty for v1).</summary>
    public List<WideRow> Rows { get; } = [];

    /// <summary>The v2 lookup tables; a row's <see cref="WideRow.Lookup"/> = i + 1 names Tables[i].</summary>
    public List<LookupTable> Tables { get; } = [];

    /// <summary>The origin index of each gate (v1) or row (v2).</summary>
    public List<int> GateOrigins { get; } = [];
    public List<ConstraintOrigin> Origins { get; } = [];
    public List<SolverStep> Steps { get; } = [];
    public List<HintCall> Hints { get; } = [];
    public int WireCount { get; private set; }

    /// <summary>The wire 0 (snarkjs's constant-one signal) and the input wires exist before Define runs.</summary>
    public ConstraintSystemBuilder(int inputWires, ProofSystem system = ProofSystem.V1)
    {
        WireCount = 1 + inputWires;
        System = system;
    }

    /// <summary>Gates (v1) or rows (v2) so far.</summary>
    public int ConstraintCount => System == ProofSystem.V1 ? Gates.Count : Rows.Count;

    public int AddOrigin(ConstraintOrigin origin)
    {
        Origins.Add(origin);
        return Origins.Count - 1;
    }

    public void AddGate(in PlonkGate gate, int origin)
    {
        if (System == ProofSystem.V1)
        {
            Gates.Add(gate);
        }
        else
        {
            Rows.Add(WideRow.Arithmetic([gate.A, gate.B, gate.C], gate.Qm, [gate.Ql, gate.Qr, gate.Qo], gate.Qc));
        }
        GateOrigins.Add(origin);
    }

    /// <summary>A v2 row of any gate (the caller fills the wires its cells hold by hints, earlier rows or <see cref="SolveRow"/>); its index.</summary>
    public int AddRow(in WideRow row, int origin)
    {
        if (System != ProofSystem.V2)
        {
            throw new InvalidOperationException("rows are the v2 layout; v1 takes gates");
        }
        Rows.Add(row);
        GateOrigins.Add(origin);
        return Rows.Count - 1;
    }

    /// <summary>A new wire whose value a later solver step fills (<see cref="SolveRow"/>).</summary>
    public int NewWire() => WireCount++;

    /// <summary>
    /// The solver fills, at this point of its program, the cells row <paramref name="row"/>'s gate defines: a chain
    /// row's next w0 (arithmetic with qNext = −1), an S-box's w1, a lane strip's next w1..w4.
    /// </summary>
    public void SolveRow(int row) => Steps.Add(new SolverStep(SolverStepKind.Row, row));

    /// <summary>
    /// A new wire c fixed by the gate qM·a·b + qL·a + qR·b + qC − c = 0; the solver computes it from a and b.
    /// </summary>
    public int DefineWire(int a, int b, Fr qm, Fr ql, Fr qr, Fr qc, int origin)
    {
        int c = WireCount++;
        Steps.Add(new SolverStep(SolverStepKind.Gate, ConstraintCount));
        AddGate(new PlonkGate((uint)a, (uint)b, (uint)c, qm, ql, qr, -Fr.One, qc), origin);
        return c;
    }

    /// <summary>
    /// v2: a new wire in w4 fixed by the row Σ cᵢ·wᵢ + qC − w4 = 0 over up to four terms in w0..w3; the solver
    /// computes it from them.
    /// </summary>
    public int DefineSumWire(ReadOnlySpan<Term> terms, Fr qc, int origin)
    {
        if (terms.Length > WideLayout.Width - 1)
        {
            throw new ArgumentException($"a sum row takes at most {WideLayout.Width - 1} terms", nameof(terms));
        }
        int output = WireCount++;
        var row = SumRow(terms, qc);
        row.Wires[WideLayout.Width - 1] = (uint)output;
        row.Coefficients[(int)Coefficient.Q4] = -Fr.One;
        Steps.Add(new SolverStep(SolverStepKind.Gate, Rows.Count, WideLayout.Width - 1));
        AddRow(row, origin);
        return output;
    }

    /// <summary>
    /// v2: a new wire in w0 fixed by the row w0 = Σ cᵢ·wᵢ + qC over up to four terms in w1..w4 (so that the row
    /// can also look the new wire up); the solver computes it from them. Returns the wire and the row.
    /// </summary>
    public (int Wire, int Row) DefineFirstCellWire(ReadOnlySpan<Term> terms, Fr qc, int origin)
    {
        if (terms.Length > WideLayout.Width - 1)
        {
            throw new ArgumentException($"a row defines w0 from at most {WideLayout.Width - 1} terms", nameof(terms));
        }
        int output = WireCount++;
        var row = new WideRow { Gate = GateKind.Arithmetic };
        row.Wires[0] = (uint)output;
        row.Coefficients[(int)Coefficient.Q0] = -Fr.One;
        for (int i = 0; i < terms.Length; i++)
        {
            row.Wires[i + 1] = (uint)terms[i].Wire;
            row.Coefficients[(int)Coefficient.Q1 + i] = terms[i].Coefficient;
        }
        row.Coefficients[(int)Coefficient.Qc] = qc;
        Steps.Add(new SolverStep(SolverStepKind.Gate, Rows.Count, 0));
        return (output, AddRow(row, origin));
    }

    /// <summary>The tag rows use to look a cell up in <paramref name="table"/> (registering it on first use).</summary>
    public byte TableTag(LookupTable table)
    {
        int i = Tables.IndexOf(table);
        if (i < 0)
        {
            Tables.Add(table);
            i = Tables.Count - 1;
        }
        return checked((byte)(i + 1));
    }

    /// <summary>Sets row <paramref name="row"/>'s lookup of its w0 into the table with <paramref name="tag"/>.</summary>
    public void SetLookup(int row, byte tag)
    {
        var r = Rows[row];
        r.Lookup = tag;
        Rows[row] = r;
    }

    /// <summary>Sets row <paramref name="row"/>'s lookup of each of its lanes w0..w3 into the table with <paramref name="tag"/>.</summary>
    public void SetLaneLookup(int row, byte tag)
    {
        var r = Rows[row];
        r.Lookup = tag;
        r.Lanes = true;
        Rows[row] = r;
    }

    /// <summary>v2: the row Σ cᵢ·wᵢ + qC = 0 over up to five terms.</summary>
    public int AddSumRow(ReadOnlySpan<Term> terms, Fr qc, int origin) => AddRow(SumRow(terms, qc), origin);

    private static WideRow SumRow(ReadOnlySpan<Term> terms, Fr qc)
    {
        if (terms.Length > WideLayout.Width)
        {
            throw new ArgumentException($"a row holds at most {WideLayout.Width} terms", nameof(terms));
        }
        var row = new WideRow { Gate = GateKind.Arithmetic };
        for (int i = 0; i < terms.Length; i++)
        {
            row.Wires[i] = (uint)terms[i].Wire;
            row.Coefficients[(int)Coefficient.Q0 + i] = terms[i].Coefficient;
        }
        row.Coefficients[(int)Coefficient.Qc] = qc;
        return row;
    }

    /// <summary>New wires filled by a hint.</summary>
    public int[] AddHint(string name, HintFunction function, Variable[] inputs, int outputCount, int origin)
    {
        var outputs = new int[outputCount];
        for (int i = 0; i < outputCount; i++)
        {
            outputs[i] = WireCount++;
        }
        Steps.Add(new SolverStep(SolverStepKind.Hint, Hints.Count));
        Hints.Add(new HintCall(name, function, inputs, outputs, origin));
        return outputs;
    }
}

internal enum SolverStepKind : byte { Gate, Hint, Row }

/// <summary>
/// Fill the c wire of gate <see cref="Index"/> (in v2 the cell <see cref="Cell"/> of row <see cref="Index"/>, whose
/// coefficient is −1), or run hint call <see cref="Index"/>.
/// </summary>
internal readonly record struct SolverStep(SolverStepKind Kind, int Index, int Cell = 2);
