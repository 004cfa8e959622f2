// SPDX-License-Identifier: MIT
namespace ZkOptions.Circuit.Catalog;

/// <summary>The circuits <c>zkoptions circuit list</c> shows, by name. Gate counts of each are pinned in vectors/circuits/gate-counts.csv.</summary>
public static class CircuitCatalog
{
    /// <summary>Every built-in circuit, sorted by name.</summary>
    public static IReadOnlyList<CircuitDescriptor> All { get; } =
        BuiltIn().OrderBy(d => d.Name, StringComparer.Ordinal).ToList();

    /// <summary>The circuit named <paramref name="name"/>, or null.</summary>
    public static CircuitDescriptor? Find(string name) => All.FirstOrDefault(d => d.Name == name);

    private static IEnumerable<CircuitDescriptor> BuiltIn()
    {
        foreach (var d in ExampleCircuits.Descriptors().Concat(GadgetCircuits.Descriptors()))
        {
            yield return d;
        }
    }
}
