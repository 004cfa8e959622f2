// SPDX-License-Identifier: MIT
namespace ZkOptions.Constraints.V1;

/// <summary>
/// A circuit in the v1 layout: its gates (one per public signal first, as snarkjs lays them out), the internal
/// addition wires snarkjs's R1CS conversion adds, the wire count (the constant-one wire 0 included) and the number
/// of public signals (wires 1..NPublic).
/// </summary>
public sealed record PlonkCircuit(IReadOnlyList<PlonkGate> Gates, IReadOnlyList<PlonkAddition> Additions, int NVars, int NPublic);
