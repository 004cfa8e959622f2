// SPDX-License-Identifier: MIT
using ZkOptions.Constraints.V2.Gates;

namespace ZkOptions.Constraints.V2;

/// <summary>Every v2 gate, in selector order: the order of their selector columns in keys and proofs.</summary>
public static class WideGates
{
    /// <summary>The gates, one per <see cref="GateKind"/> other than <see cref="GateKind.None"/>.</summary>
    public static IReadOnlyList<IWideGate> All { get; } =
    [
        new ArithmeticGate(),
        new PoseidonRoundGate(2), new PoseidonRoundGate(3), new PoseidonRoundGate(4), new PoseidonRoundGate(5),
        new EdwardsLadderStepGate(), new EdwardsFixedBaseStepGate(),
        new PoseidonSboxGate(), new PoseidonLanesGate(), new BooleansGate(),
    ];

    /// <summary>The gate that answers to <paramref name="kind"/>.</summary>
    public static IWideGate Of(GateKind kind) =>
        All.FirstOrDefault(g => g.Kind == kind) ?? throw new ArgumentOutOfRangeException(nameof(kind), kind, "no gate has this selector");

    /// <summary>The largest residual count of any gate (a scratch size).</summary>
    public static int MaxResiduals { get; } = All.Max(g => g.ResidualCount);
}
