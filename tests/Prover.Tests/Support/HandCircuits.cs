// SPDX-License-Identifier: MIT
using ZkOptions.Field;
using ZkOptions.Prover.Plonk;

namespace ZkOptions.Prover.Tests.Support;

/// <summary>Small R1CS circuits written by hand (wire 0 is the constant one, then public signals, then private ones).</summary>
public static class HandCircuits
{
    private static LinearTerm T(uint wire, long c) => new(wire, c >= 0 ? Fr.FromUInt64((ulong)c) : -Fr.FromUInt64((ulong)-c));

    /// <summary>
    /// Public out (w1), a (w2), b (w3); private c (w4); m = a·b (w5); out = m + c + 2a + 5 (four terms: one
    /// addition wire); s = 3·(c + a) (w6, constant A); t = (s + 1)·c (w7, mul with a constant in A).
    /// </summary>
    public static (int NVars, int NPublic, R1csConstraint[] Constraints) Mixed() => (8, 3,
    [
        new([T(2, 1)], [T(3, 1)], [T(5, 1)]),
        new([], [], [T(5, 1), T(4, 1), T(2, 2), T(0, 5), T(1, -1)]),
        new([T(0, 3)], [T(4, 1), T(2, 1)], [T(6, 1)]),
        new([T(6, 1), T(0, 1)], [T(4, 1)], [T(7, 1)]),
    ]);

    /// <summary>A witness for <see cref="Mixed"/> with a = 3, b = 4, c = 5.</summary>
    public static Fr[] MixedWitness() => [.. new ulong[] { 1, 28, 3, 4, 5, 12, 24, 125 }.Select(Fr.FromUInt64)];

    /// <summary>A chain x_{i+1} = x_i·x_i + i over <paramref name="length"/> steps; public output last value.</summary>
    public static (int NVars, int NPublic, R1csConstraint[] Constraints, Fr[] Witness) SquareChain(int length)
    {
        // w0 = 1, w1 = output (public), w2 = x0 (private), w3.. = x1..x_length
        var constraints = new List<R1csConstraint>();
        var witness = new List<Fr> { Fr.One, Fr.Zero, Fr.FromUInt64(7) };
        for (int i = 0; i < length; i++)
        {
            uint xi = (uint)(2 + i), next = (uint)(3 + i);
            constraints.Add(new([T(xi, 1)], [T(xi, 1)], [T(next, 1), T(0, -i)]));
            witness.Add(witness[(int)xi] * witness[(int)xi] + Fr.FromUInt64((ulong)i));
        }
        constraints.Add(new([], [], [T((uint)(2 + length), 1), T(1, -1)]));
        witness[1] = witness[^1];
        return (witness.Count, 1, constraints.ToArray(), witness.ToArray());
    }
}
