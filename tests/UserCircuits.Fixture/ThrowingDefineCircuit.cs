// SPDX-License-Identifier: MIT
using ZkOptions.Circuit;

namespace UserCircuits.Fixture;

/// <summary>A circuit whose Define throws, as a buggy user circuit does: the CLI must name the type and the message.</summary>
public sealed class ThrowingDefineCircuit : Circuit
{
    [Secret("x")] public Variable X;

    public override void Define(Api api) => throw new InvalidOperationException("the fixture's Define always fails");
}
