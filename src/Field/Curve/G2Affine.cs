// SPDX-License-Identifier: MIT
using System.Runtime.InteropServices;

namespace ZkOptions.Field;

/// <summary>
/// A point of G2 (the sextic D-twist y² = x³ + 3/ξ over Fq2, ξ = 9 + u) in affine coordinates, or the point
/// at infinity. Only points of the order-r subgroup are in G2; <c>IsInSubgroup</c> checks that.
/// </summary>
[StructLayout(LayoutKind.Sequential)]
public readonly partial struct G2Affine
{
    /// <summary>The x coordinate (zero for infinity).</summary>
    public readonly Fq2 X;

    /// <summary>The y coordinate (zero for infinity).</summary>
    public readonly Fq2 Y;

    /// <summary>True for the point at infinity (the group identity).</summary>
    public readonly bool IsInfinity;

    /// <summary>Builds (x, y) without checking that it is on the twist or in the subgroup.</summary>
    public G2Affine(in Fq2 x, in Fq2 y)
    {
        X = x;
        Y = y;
        IsInfinity = false;
    }

    private G2Affine(bool infinity)
    {
        X = default;
        Y = default;
        IsInfinity = infinity;
    }

    /// <summary>The point at infinity.</summary>
    public static G2Affine Infinity { get; } = new(true);
}
