// SPDX-License-Identifier: MIT
namespace ZkOptions.Prover.Plonk;

/// <summary>
/// The witness does not fit the proving key: wrong length, a value that breaks a gate, or copy constraints that do
/// not hold (typically a witness computed for another circuit). The message says which; the CLI names the file.
/// </summary>
public sealed class InvalidWitnessException(string message) : Exception(message);
