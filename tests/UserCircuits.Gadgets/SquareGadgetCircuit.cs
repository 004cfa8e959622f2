// SPDX-License-Identifier: MIT
using ZkOptions.Circuit;

namespace UserCircuits.Gadgets;

/// <summary>The gadget alone, as this library's only circuit: the CLI takes it without a circuit name.</summary>
public sealed class SquareGadgetCircuit : Circuit
{
    [Public("y")] public Variable Y;
    [Secret("x")] public Variable X;

    public override void Define(Api api) => api.AssertEqual(Squares.Of(api, X), Y);
}
