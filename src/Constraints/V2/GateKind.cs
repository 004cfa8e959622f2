// SPDX-License-Identifier: MIT
namespace ZkOptions.Constraints.V2;

/// <summary>
/// Which gate a v2 row switches on: each kind has its own fixed selector column, 1 on its rows and 0 elsewhere, and
/// its identity in <see cref="WideGates"/>. A row switches on at most one gate.
/// </summary>
public enum GateKind : byte
{
    /// <summary>No gate: the row only holds cells, e.g. the output of a gate on the row before, read through next-row access.</summary>
    None = 0,

    /// <summary>qM·w0·w1 + q0·w0 + q1·w1 + q2·w2 + q3·w3 + q4·w4 + qC + qNext·w0(next) = 0.</summary>
    Arithmetic = 1,
}
