// SPDX-License-Identifier: MIT
namespace ZkOptions.Constraints;

/// <summary>The proof system, and with it the constraint layout, a circuit compiles to.</summary>
public enum ProofSystem
{
    /// <summary>snarkjs's PLONK: three wires per gate, qM·a·b + qL·a + qR·b + qO·c + qC = 0; bit-compatible with snarkjs.</summary>
    V1 = 1,

    /// <summary>zkoptions PLONK v2: five wires per row, next-row access, custom gates and lookups.</summary>
    V2 = 2,
}

/// <summary>The names the CLI and the file formats use for <see cref="ProofSystem"/> ("v1", "v2").</summary>
public static class ProofSystems
{
    /// <summary>"v1" or "v2".</summary>
    public static string Name(this ProofSystem system) => system switch
    {
        ProofSystem.V1 => "v1",
        ProofSystem.V2 => "v2",
        _ => throw new ArgumentOutOfRangeException(nameof(system), system, "not a proof system"),
    };

    /// <summary>The system named <paramref name="name"/> ("v1" or "v2", any case), or null.</summary>
    public static ProofSystem? TryParse(string? name) => name?.ToLowerInvariant() switch
    {
        "v1" => ProofSystem.V1,
        "v2" => ProofSystem.V2,
        _ => null,
    };
}
