// SPDX-License-Identifier: MIT
namespace ZkOptions.Circuit;

/// <summary>A circuit class that cannot be compiled: malformed inputs, or a rule that fails for every input.</summary>
public sealed class CircuitDefinitionException(string message) : Exception(message);
