// SPDX-License-Identifier: MIT
using ZkOptions.Circuit;

namespace UserCircuits.Fixture;

/// <summary>A 64-bit range check; its class name is also used in <c>Legacy.RangeCircuit</c>, so the name alone is ambiguous.</summary>
public sealed class RangeCircuit : Circuit
{
    [Secret("value")] public Variable Value;

    public override void Define(Api api) => api.RangeCheck(Value, 64);
}
