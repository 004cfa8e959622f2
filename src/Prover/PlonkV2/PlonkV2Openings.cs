// SPDX-License-Identifier: MIT
namespace ZkOptions.Prover.PlonkV2;

/// <summary>
/// Which polynomials are opened where, in batching order (the k-th is weighted by v^k), written once for the prover
/// (polynomials and values) and the verifier (commitments and values). At ζ: w0..w4, z, the 8 coefficient
/// columns, the selectors, σ0..σ4, the lookup polynomials (m, φ, h, then the nine fixed lookup columns; none
/// without tables) and the combined quotient; at ζω: w0..w4, z and (with tables) φ.
/// </summary>
internal static class PlonkV2Openings
{
    public static T[] AtZeta<T>(T[] wires, T z, T[] coefficients, T[] selectors, T[] sigmas, T[] lookup, T quotient) =>
        [.. wires, z, .. coefficients, .. selectors, .. sigmas, .. lookup, quotient];

    public static T[] AtZetaOmega<T>(T[] wires, T z, T[] lookup) => [.. wires, z, .. lookup];
}
