// SPDX-License-Identifier: MIT
using UserCircuits.Gadgets;
using ZkOptions.Circuit;

namespace UserCircuits.Fixture;

/// <summary>x² = y through a gadget of another assembly (UserCircuits.Gadgets), so loading it needs that dependency.</summary>
public sealed class SquareCircuit : Circuit
{
    [Public("y")] public Variable Y;
    [Secret("x")] public Variable X;

    public override void Define(Api api) => api.AssertEqual(Squares.Of(api, X), Y);
}
