// SPDX-License-Identifier: MIT
using ZkOptions.Constraints.V1;
using ZkOptions.Field;

namespace ZkOptions.Constraints.V1;

/// <summary>
/// A v1 (snarkjs) PLONK gate qM·a·b + qL·a + qR·b + qO·c + qC = 0 on wires (A, B, C); wire 0 is the constant one, and
/// an unused wire slot points at it.
/// </summary>
public readonly record struct PlonkGate(uint A, uint B, uint C, Fr Qm, Fr Ql, Fr Qr, Fr Qo, Fr Qc);
