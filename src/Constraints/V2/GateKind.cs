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

    /// <summary>One circomlib Poseidon round on a width-2 state in w0..w1, its output in the next row.</summary>
    PoseidonRoundT2 = 2,

    /// <summary>One circomlib Poseidon round on a width-3 state in w0..w2, its output in the next row.</summary>
    PoseidonRoundT3 = 3,

    /// <summary>One circomlib Poseidon round on a width-4 state in w0..w3, its output in the next row.</summary>
    PoseidonRoundT4 = 4,

    /// <summary>One circomlib Poseidon round on a width-5 state in w0..w4, its output in the next row.</summary>
    PoseidonRoundT5 = 5,

    /// <summary>
    /// One step of a variable-base BabyJubjub scalar multiplication: (x, y) = 2^i·P, acc, bit in w0..w4; the next row
    /// holds 2·(x, y) and acc + bit·(x, y).
    /// </summary>
    EdwardsLadderStep = 6,

    /// <summary>
    /// One step of a fixed-base BabyJubjub scalar multiplication: acc and bit in w0..w2, the constant point in q0, q1;
    /// the next row's w0, w1 hold acc + bit·(q0, q1).
    /// </summary>
    EdwardsFixedBaseStep = 7,

    /// <summary>The Poseidon S-box on a cell plus a constant: w1 = (w0 + q0)⁵ (wide Poseidon, t > 5).</summary>
    PoseidonSbox = 8,

    /// <summary>
    /// Four lanes of a wide Poseidon's partial rounds, one round per row: the next row's wₖ = wₖ + qₖ·w0 + κₖ for
    /// k = 1 … 4, w0 the round's S-box output, κ in qM, q0, qC, qNext.
    /// </summary>
    PoseidonLanes = 9,

    /// <summary>Five booleans in one row: wₖ·(wₖ − 1) = 0 for k = 0 … 4 (an unused cell holds the constant one).</summary>
    Booleans = 10,
}
