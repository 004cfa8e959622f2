// SPDX-License-Identifier: MIT
namespace ZkOptions.Cli.Demo;

/// <summary>The demo found the circuit, the prover or the verifier disagreeing with the engine: a bug, reported with exit 1.</summary>
internal sealed class DemoFailedException(string message) : Exception(message);
