// SPDX-License-Identifier: MIT
using ZkOptions.Circuit;

namespace UserCircuits.Fixture.Legacy;

/// <summary>A 16-bit range check under the same class name as <see cref="Fixture.RangeCircuit"/>: only --type tells them apart.</summary>
public sealed class RangeCircuit : Circuit
{
    [Secret("value")] public Variable Value;

    public override void Define(Api api) => api.RangeCheck(Value, 16);
}
