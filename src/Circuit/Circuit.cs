// SPDX-License-Identifier: MIT
namespace ZkOptions.Circuit;

/// <summary>
/// A circuit: public and secret inputs as fields (or properties) of type <see cref="Variable"/> or
/// <see cref="Variable"/>[] marked <see cref="PublicAttribute"/> or <see cref="SecretAttribute"/>, and the rules
/// they must satisfy in <see cref="Define"/>. The same class serves three purposes: compiled (its inputs become
/// wires), solved from an input JSON, and run directly on values by <see cref="Testing.TestEngine"/> (its inputs
/// hold constants). Array inputs take their length from the instance, so size them in the constructor.
/// </summary>
public abstract class Circuit
{
    /// <summary>States the rules: every assertion made through <paramref name="api"/> becomes a constraint.</summary>
    public abstract void Define(Api api);
}

/// <summary>Marks a circuit input as public: part of the proof's public signals, in declaration order, before any secret.</summary>
[AttributeUsage(AttributeTargets.Field | AttributeTargets.Property)]
public sealed class PublicAttribute(string? name = null) : Attribute
{
    /// <summary>The name in input JSON and reports; the member name when null.</summary>
    public string? Name { get; } = name;
}

/// <summary>Marks a circuit input as secret (known only to the prover).</summary>
[AttributeUsage(AttributeTargets.Field | AttributeTargets.Property)]
public sealed class SecretAttribute(string? name = null) : Attribute
{
    /// <summary>The name in input JSON and reports; the member name when null.</summary>
    public string? Name { get; } = name;
}
