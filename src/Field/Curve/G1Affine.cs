// SPDX-License-Identifier: MIT
using System.Runtime.InteropServices;

namespace ZkOptions.Field;

/// <summary>
/// A point of G1 (BN254, y² = x³ + 3 over Fq) in affine coordinates, or the point at infinity. Group
/// operations are in the other parts of this partial struct; <c>G1Jacobian</c> is the form for sums.
/// </summary>
[StructLayout(LayoutKind.Sequential)]
public readonly partial struct G1Affine
{
    /// <summary>The x coordinate (zero for infinity).</summary>
    public readonly Fq X;

    /// <summary>The y coordinate (zero for infinity).</summary>
    public readonly Fq Y;

    /// <summary>True for the point at infinity (the group identity).</summary>
    public readonly bool IsInfinity;

    /// <summary>Builds (x, y) without checking that it is on the curve; see <c>IsOnCurve</c>.</summary>
    public G1Affine(in Fq x, in Fq y)
    {
        X = x;
        Y = y;
        IsInfinity = false;
    }

    private G1Affine(bool infinity)
    {
        X = default;
        Y = default;
        IsInfinity = infinity;
    }

    /// <summary>The point at infinity.</summary>
    public static G1Affine Infinity { get; } = new(true);

    /// <summary>The standard generator (1, 2) of EIP-196 and snarkjs.</summary>
    public static G1Affine Generator { get; } = new(Fq.FromUInt64(1), Fq.FromUInt64(2));
}
