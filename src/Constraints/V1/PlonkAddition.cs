// SPDX-License-Identifier: MIT
using ZkOptions.Constraints.V1;
using ZkOptions.Field;

namespace ZkOptions.Constraints.V1;

/// <summary>
/// An internal wire made by snarkjs's R1CS→PLONK conversion when a linear combination has too many terms:
/// w[new] = FactorA·w[SignalA] + FactorB·w[SignalB]. The prover recomputes these before round 1.
/// </summary>
public readonly record struct PlonkAddition(uint SignalA, uint SignalB, Fr FactorA, Fr FactorB);
