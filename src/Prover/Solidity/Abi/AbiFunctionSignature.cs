// SPDX-License-Identifier: MIT
namespace ZkOptions.Prover.Solidity.Abi;

/// <summary>A function's name and parameter types, e.g. <c>verifyProof(uint256[24],uint256[1])</c>.</summary>
public sealed class AbiFunctionSignature
{
    private AbiFunctionSignature(string name, IReadOnlyList<AbiType> parameters)
    {
        Name = name;
        Parameters = parameters;
        Canonical = $"{name}({string.Join(",", parameters.Select(p => p.CanonicalName))})";
        Selector = Keccak256.Hash(Canonical)[..4];
    }

    /// <summary>The function name.</summary>
    public string Name { get; }

    /// <summary>The parameter types, in order.</summary>
    public IReadOnlyList<AbiType> Parameters { get; }

    /// <summary>The canonical text that is hashed: no spaces, canonical type names.</summary>
    public string Canonical { get; }

    /// <summary>The first 4 bytes of Keccak-256(<see cref="Canonical"/>). A fresh copy on every read.</summary>
    public byte[] Selector { get => [.. field]; private init; }

    /// <summary>Parses <c>name(T1,...,Tn)</c>; whitespace between tokens is tolerated and dropped from <see cref="Canonical"/>.</summary>
    /// <exception cref="FormatException">Not a function name followed by a parameter list of supported types.</exception>
    public static AbiFunctionSignature Parse(string signature)
    {
        (string name, IReadOnlyList<AbiType> parameters) = AbiTypeParser.ParseFunctionSignature(signature);
        return new AbiFunctionSignature(name, parameters);
    }

    /// <summary>The canonical signature.</summary>
    public override string ToString() => Canonical;
}
