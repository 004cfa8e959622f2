// SPDX-License-Identifier: MIT
using ZkOptions.Circuit;

namespace UserCircuits.Fixture;

/// <summary>A circuit whose constructor throws: the CLI must name the type and the message.</summary>
public sealed class ThrowingConstructorCircuit : Circuit
{
    [Secret("x")] public Variable X;

    public ThrowingConstructorCircuit() => throw new ArgumentException("the fixture's constructor always fails");

    public override void Define(Api api) => api.AssertBoolean(X);
}
