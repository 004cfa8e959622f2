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

    /// <summary>The standard generator of EIP-197 (and of snarkjs and the Powers of Tau ceremonies).</summary>
    public static G2Affine Generator { get; } = new(
        new Fq2(
            Fq.Parse("10857046999023057135944570762232829481370756359578518086990519993285655852781"),
            Fq.Parse("11559732032986387107991004021392285783925812861821192530917403151452391805634")),
        new Fq2(
            Fq.Parse("8495653923123431417604973247489272438418190587263600148770280649306958101930"),
            Fq.Parse("4082367875863433681332203403145435568316851327593401208105741076214120093531")));
}
