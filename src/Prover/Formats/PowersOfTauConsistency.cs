// SPDX-License-Identifier: MIT
using System.Buffers.Binary;
using System.Security.Cryptography;
using ZkOptions.Field;
using ZkOptions.Prover.Engines;

namespace ZkOptions.Prover.Formats;

/// <summary>
/// Reads the powers of tau a setup uses and checks, before they are trusted, that they really are consecutive powers
/// of one τ (what <c>snarkjs powersoftau verify</c> checks of the points; the contribution hashes are not checked).
/// A ceremony file is usually downloaded; a corrupt or doctored one would otherwise give a key whose proofs the
/// verifier checks against the wrong [τ]₂, or whose KZG commitments are not binding. A file that fails is an
/// <see cref="InputFileException"/> naming the section.
/// </summary>
/// <remarks>
/// The checks, with P_i = tauG1 point i and Q_i = tauG2 point i (every point is already on the curve and, for G2, in
/// the order-r subgroup when read; G1 has cofactor 1):
/// <list type="number">
/// <item>P_0 = g₁ and Q_0 = g₂, and P_1 ≠ O (τ ≠ 0);</item>
/// <item>e(P_1, g₂) = e(g₁, Q_1): [τ]₁ and [τ]₂ are powers of the same τ;</item>
/// <item>G1: with random r_i, A = Σ r_i·P_i and B = Σ r_i·P_(i+1) over i &lt; m − 1, e(A, Q_1) = e(B, g₂), i.e.
/// Σ r_i·(τ·P_i − P_(i+1)) = O. If some difference D_i = τ·P_i − P_(i+1) is not O, the sum is O for at most one value
/// of the r_i attached to it given the others (G1 has prime order r), so a bad file passes with probability ≤ 2^−128
/// for 128-bit r_i. With P_0 = g₁ this makes every P_i = τ^i·g₁;</item>
/// <item>G2, the same fold on the other side: C = Σ r_i·Q_i and D = Σ r_i·Q_(i+1), e(P_1, C) = e(g₁, D), so every
/// Q_i = τ^i·g₂ (P_1 = [τ]₁ by checks 1–2).</item>
/// </list>
/// Only the points the setup reads are folded (the first m G1 points), so the cost scales with the circuit, not with
/// the ceremony: a power-28 file for a 2^10 circuit costs what a power-10 file does. PLONK setup uses one G2 point,
/// [τ]₂, and the G1 fold is checked against it, which is what the key's soundness needs; the G2 section is folded up
/// to <see cref="MaxG2Checked"/> points, since reading a G2 point (its subgroup check) costs about 0.4 ms and a
/// 2^22 circuit would otherwise spend half an hour on points it never uses. The random r_i come from the OS CSPRNG so a file cannot be crafted against them.
/// </remarks>
public static class PowersOfTauConsistency
{
    // Section names as PowersOfTau's own messages give them.
    private const string TauG1 = "section 2 (tauG1)";
    private const string TauG2 = "section 3 (tauG2)";

    /// <summary>The most G2 powers folded (see the remarks): 2^12 + 1, about 2 s.</summary>
    public const int MaxG2Checked = 4097;

    /// <summary>
    /// The first <paramref name="g1Count"/> (≥ 2) G1 powers and [τ]₂, after checking them (and the file's other G2
    /// powers up to <paramref name="g1Count"/> and <see cref="MaxG2Checked"/>) as described on the class, with
    /// <paramref name="msm"/> for the folds.
    /// </summary>
    public static (G1Affine[] TauG1, G2Affine TauG2) ReadChecked(PowersOfTau ptau, int g1Count, IMsmEngine msm)
    {
        ArgumentNullException.ThrowIfNull(ptau);
        ArgumentNullException.ThrowIfNull(msm);
        ArgumentOutOfRangeException.ThrowIfLessThan(g1Count, 2);
        G1Affine[] g1 = ptau.ReadTauG1(g1Count);
        G2Affine[] g2 = ptau.ReadTauG2((int)Math.Min(ptau.TauG2Count, Math.Min(g1Count, MaxG2Checked)));
        Check(ptau.Path, g1, g2, msm);
        return (g1, g2[1]);
    }

    /// <summary>Checks that <paramref name="g1"/> and <paramref name="g2"/> are τ^i·g₁ and τ^i·g₂ for one τ ≠ 0; <paramref name="path"/> names the file in the exception.</summary>
    public static void Check(string path, G1Affine[] g1, G2Affine[] g2, IMsmEngine msm)
    {
        ArgumentNullException.ThrowIfNull(g1);
        ArgumentNullException.ThrowIfNull(g2);
        ArgumentNullException.ThrowIfNull(msm);
        if (g1.Length < 2 || g2.Length < 2)
        {
            throw new InputFileException(path, $"needs at least 2 points in each of sections 2 and 3 to check, got {g1.Length} and {g2.Length}");
        }
        if (g1[0] != G1Affine.Generator)
        {
            throw new InputFileException(path, $"{TauG1}: point 0 is not the generator g1");
        }
        if (g2[0] != G2Affine.Generator)
        {
            throw new InputFileException(path, $"{TauG2}: point 0 is not the generator g2");
        }
        G1Affine tau1 = g1[1];
        G2Affine tau2 = g2[1];
        if (tau1.IsInfinity || tau2.IsInfinity)
        {
            throw new InputFileException(path, $"{(tau1.IsInfinity ? TauG1 : TauG2)}: point 1 is the point at infinity (τ = 0)");
        }
        if (!SameRatio(tau1, G1Affine.Generator, G2Affine.Generator, tau2))
        {
            throw new InputFileException(path, $"{TauG1} and {TauG2}: [τ]₁ (point 1) and [τ]₂ (point 1) are not powers of the same τ");
        }

        Fr[] r = RandomScalars(Math.Max(g1.Length, g2.Length) - 1);
        var g1Memory = g1.AsMemory();
        G1Affine a = msm.MultiScalarMul(g1Memory[..^1], r.AsMemory(0, g1.Length - 1)).ToAffine();
        G1Affine b = msm.MultiScalarMul(g1Memory[1..], r.AsMemory(0, g1.Length - 1)).ToAffine();
        if (!SameRatio(a, b, tau2, G2Affine.Generator))
        {
            throw new InputFileException(path, $"{TauG1}: the powers are not consecutive (points 0 … {g1.Length - 1} are not τ^i·g1 for the τ of [τ]₂)");
        }

        var g2Memory = g2.AsMemory();
        G2Affine c = msm.MultiScalarMul(g2Memory[..^1], r.AsMemory(0, g2.Length - 1)).ToAffine();
        G2Affine d = msm.MultiScalarMul(g2Memory[1..], r.AsMemory(0, g2.Length - 1)).ToAffine();
        if (!SameRatio(tau1, G1Affine.Generator, c, d))
        {
            throw new InputFileException(path, $"{TauG2}: the powers are not consecutive (points 0 … {g2.Length - 1} are not τ^i·g2 for the τ of [τ]₁)");
        }
    }

    /// <summary>e(p1, q1) = e(p2, q2), as one two-pair product e(p1, q1)·e(−p2, q2) = 1.</summary>
    private static bool SameRatio(in G1Affine p1, in G1Affine p2, in G2Affine q1, in G2Affine q2) =>
        Pairing.ProductIsOne([p1, p2.Negate()], [q1, q2]);

    /// <summary>
    /// Uniform 128-bit scalars from the OS CSPRNG: 2^−128 soundness per fold is plenty, and half-width scalars keep
    /// the folds cheaper than full ones.
    /// </summary>
    private static Fr[] RandomScalars(int count)
    {
        var bytes = new byte[count * 16];
        RandomNumberGenerator.Fill(bytes);
        var scalars = new Fr[count];
        for (int i = 0; i < count; i++)
        {
            ulong low = BinaryPrimitives.ReadUInt64LittleEndian(bytes.AsSpan(16 * i));
            ulong high = BinaryPrimitives.ReadUInt64LittleEndian(bytes.AsSpan(16 * i + 8));
            Fr.TryFromCanonicalLimbs(low, high, 0, 0, out scalars[i]); // < 2^128 < r: always succeeds
        }
        return scalars;
    }
}
