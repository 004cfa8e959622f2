// SPDX-License-Identifier: MIT
using ZkOptions.Field;

namespace ZkOptions.Circuit;

/// <summary>
/// Non-deterministic advice: computes output values from input values while the witness is solved (an inverse, a
/// quotient, a bit decomposition). A hint proves nothing: its outputs are free wires until constraints bind them.
/// It must be total (return something for every input, e.g. 0 for the inverse of 0) so that a bad witness is
/// reported by the checker as a failed constraint rather than by an exception.
/// </summary>
public delegate void HintFunction(ReadOnlySpan<Fr> inputs, Span<Fr> outputs);

/// <summary>A named hint and the wires it fills.</summary>
internal sealed record HintCall(string Name, HintFunction Function, Variable[] Inputs, int[] Outputs, int Origin);
