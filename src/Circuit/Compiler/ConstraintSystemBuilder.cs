// SPDX-License-Identifier: MIT
using ZkOptions.Field;
using ZkOptions.Prover.Plonk;

namespace ZkOptions.Circuit.Compiler;

/// <summary>
/// Collects what <see cref="Api"/> emits while <c>Define</c> runs: wires, PLONK gates (each tagged with its
/// <see cref="ConstraintOrigin"/>), and the solver program, the order in which the witness solver fills internal
/// wires (one step per gate that defines a wire, one per hint call).
/// </summary>
internal sealed class ConstraintSystemBuilder
{
    public List<PlonkGate> Gates { get; } = [];
    public List<int> GateOrigins { get; } = [];
    public List<ConstraintOrigin> Origins { get; } = [];
    public List<SolverStep> Steps { get; } = [];
    public List<HintCall> Hints { get; } = [];
    public int WireCount { get; private set; }

    /// <summary>The wire 0 (snarkjs's constant-one signal) and the input wires exist before Define runs.</summary>
    public ConstraintSystemBuilder(int inputWires) => WireCount = 1 + inputWires;

    public int AddOrigin(ConstraintOrigin origin)
    {
        Origins.Add(origin);
        return Origins.Count - 1;
    }

    public void AddGate(in PlonkGate gate, int origin)
    {
        Gates.Add(gate);
        GateOrigins.Add(origin);
    }

    /// <summary>
    /// A new wire c fixed by the gate qM·a·b + qL·a + qR·b + qC − c = 0; the solver computes it from a and b.
    /// </summary>
    public int DefineWire(int a, int b, Fr qm, Fr ql, Fr qr, Fr qc, int origin)
    {
        int c = WireCount++;
        Steps.Add(new SolverStep(SolverStepKind.Gate, Gates.Count));
        AddGate(new PlonkGate((uint)a, (uint)b, (uint)c, qm, ql, qr, -Fr.One, qc), origin);
        return c;
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

internal enum SolverStepKind : byte { Gate, Hint }

/// <summary>Fill the c wire of gate <see cref="Index"/>, or run hint call <see cref="Index"/>.</summary>
internal readonly record struct SolverStep(SolverStepKind Kind, int Index);
