// SPDX-License-Identifier: MIT
using ZkOptions.Circuit;

namespace UserCircuits.Fixture;

/// <summary>An abstract base: derives from Circuit but is no circuit the CLI lists.</summary>
public abstract class BooleanCircuitBase : Circuit
{
    [Secret("bit")] public Variable Bit;

    public override void Define(Api api) => api.AssertBoolean(Bit);
}

/// <summary>Not public: no circuit the CLI lists.</summary>
internal sealed class InternalCircuit : BooleanCircuitBase;
