// SPDX-License-Identifier: MIT
namespace ZkOptions.Circuit.Catalog;

/// <summary>
/// A built-in circuit the CLI knows by name: how to make a fresh instance, what it proves, and an example input
/// JSON that satisfies it (used by the docs, the tests and <c>zkoptions circuit info</c>).
/// </summary>
public sealed record CircuitDescriptor(string Name, string Description, Func<Circuit> Create, Func<string> ExampleInput);
