// SPDX-License-Identifier: MIT
using ZkOptions.Circuit.Compiler;
using ZkOptions.Circuit.Std;
using ZkOptions.Constraints;
using ZkOptions.Constraints.V2;
using ZkOptions.Field;
using ZkOptions.Prover.Engines.Cpu;
using ZkOptions.Prover.Plonk;
using ZkOptions.Prover.PlonkV2;
using static ZkOptions.Circuit.Tests.Support.CircuitAssert;
using Jubjub = ZkOptions.Field.BabyJubjub.BabyJubjub;

namespace ZkOptions.Circuit.Tests.V2;

/// <summary>
/// For each custom gate the DSL lays out on v2, a witness that breaks it (one wire the gate defines, changed
/// everywhere it is copied) is refused by the checker naming the gate, and, proved anyway with the prover's own
/// checks bypassed, gives a proof the verifier rejects.
/// </summary>
public sealed class ForcedProofPerGateTests
{
    public static TheoryData<GateKind> Gates() =>
    [
        GateKind.PoseidonRoundT3, GateKind.PoseidonSbox, GateKind.PoseidonLanes,
        GateKind.EdwardsLadderStep, GateKind.EdwardsFixedBaseStep, GateKind.Booleans,
    ];

    [Theory]
    [MemberData(nameof(Gates))]
    public void A_witness_breaking_the_gate_is_refused_and_its_forced_proof_rejected(GateKind kind)
    {
        var (compiled, inputs) = CircuitFor(kind);
        var witness = compiled.Solve(inputs);
        Assert.Empty(compiled.Check(witness));
        var circuit = compiled.ToWideCircuit();
        int r = Enumerable.Range(0, circuit.Rows.Count).First(i => circuit.Rows[i].Gate == kind);
        var row = circuit.Rows[r];
        var next = circuit.Rows[r + 1];
        uint wire = kind switch
        {
            GateKind.PoseidonSbox => row.Wires[1],
            GateKind.Booleans => row.Wires[0],
            GateKind.PoseidonLanes => next.Wires[1],
            GateKind.EdwardsLadderStep => next.Wires[2],
            _ => next.Wires[0],
        };
        witness[wire] += Fr.FromUInt64(2);   // +2: a bit of 0 or 1 becomes 2 or 3, never another bit
        string gate = WideGates.Of(kind).Name;
        Assert.Contains(compiled.Check(witness), f => f.ToString().Contains($"{gate} gate", StringComparison.Ordinal));

        Assert.False(ForcedProofs.ProveAndVerify(compiled, witness), $"a proof of a broken {gate} row verified");
    }

    private static (CompiledCircuit, Solving.InputAssignment) CircuitFor(GateKind kind)
    {
        Fr[] Values(params ulong[] v) => [.. v.Select(Fr.FromUInt64)];
        switch (kind)
        {
            case GateKind.PoseidonRoundT3:
                return (Compile(2, (api, x) => Poseidon.Hash(api, x)), Inputs(("x", Values(1, 2))));
            case GateKind.PoseidonSbox or GateKind.PoseidonLanes:
                return (Compile(5, (api, x) => Poseidon.Hash(api, x)), Inputs(("x", Values(1, 2, 3, 4, 5))));
            case GateKind.EdwardsLadderStep:
                var p = Jubjub.Multiply(Jubjub.Base8, 99);
                return (Compile(3, (api, x) => BabyJubjubGadget.ScalarMulVariableBase(api, api.ToBits(x[0], 16), new PointVar(x[1], x[2]))),
                        Inputs(("x", new[] { Fr.FromUInt64(1234), p.X, p.Y })));
            case GateKind.EdwardsFixedBaseStep:
                return (Compile(1, (api, x) => BabyJubjubGadget.ScalarMulFixedBase(api, api.ToBits(x[0], 16), Jubjub.Base8)), Inputs(("x", Values(1234))));
            default:
                return (Compile(1, (api, x) => api.ToBits(x[0], 12)), Inputs(("x", Values(1234))));
        }

        CompiledCircuit Compile(int n, Action<Api, Variable[]> body) => CircuitCompiler.Compile(C(n, body)(), kind.ToString(), ProofSystem.V2);
    }
}
