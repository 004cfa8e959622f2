// SPDX-License-Identifier: MIT
using ZkOptions.Circuit;

namespace UserCircuits.Fixture;

/// <summary>A circuit with no parameterless constructor: not a circuit the CLI can create, so named only to be refused.</summary>
public sealed class SizedCircuit(int size) : Circuit
{
    [Secret("values")] public Variable[] Values = new Variable[size];

    public override void Define(Api api)
    {
        foreach (var value in Values)
        {
            api.AssertBoolean(value);
        }
    }
}
